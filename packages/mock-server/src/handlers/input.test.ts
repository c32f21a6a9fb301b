import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bearerToken, MAX_BODY_BYTES, MAX_JSON_DEPTH, parseQuery, readJsonBody } from './input.js';

describe('reading requests', () => {
  it('reads a bearer token, whatever the scheme case', () => {
    const token = (value?: string) =>
      bearerToken(new Request('http://x/', { headers: value === undefined ? {} : { authorization: value } }));
    assert.equal(token('Bearer demo-alice'), 'demo-alice');
    assert.equal(token('bearer demo-alice'), 'demo-alice');
    assert.equal(token('Basic ZGVtbzpkZW1v'), undefined);
    assert.equal(token('Bearer'), undefined);
    assert.equal(token('Bearer a b'), undefined);
    assert.equal(token(), undefined);
  });

  it('gives arrays for names ending in [] and for repeated names', () => {
    const query = parseQuery(new URL('http://x/v1/a?status[]=active&search=db&app_id=a&app_id=b&empty='));
    assert.deepEqual(query, { 'status[]': ['active'], search: 'db', app_id: ['a', 'b'], empty: '' });
  });

  const read = (
    body: BodyInit,
    headers: Record<string, string> = { 'content-type': 'application/json' },
    required = true,
  ) =>
    readJsonBody(
      new Request('http://x/', {
        method: 'POST',
        body,
        headers,
        ...(typeof body === 'string' ? {} : { duplex: 'half' }),
      }),
      '/x',
      required,
    );
  /** The status and problem type of a refused body. */
  async function refusal(result: Awaited<ReturnType<typeof read>>): Promise<string> {
    assert.equal(result.ok, false);
    if (result.ok) return 'read';
    assert.equal(result.response.headers.get('content-type'), 'application/problem+json');
    const problem = (await result.response.json()) as { type: string; status: number };
    assert.equal(problem.status, result.response.status);
    return `${problem.status} ${problem.type.split('/').pop()}`;
  }

  it('answers a body that is not JSON, or nests too deep, with 400', async () => {
    assert.equal(await refusal(await read('{"a":')), '400 malformed-request');
    assert.equal(await refusal(await read('not json')), '400 malformed-request');
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    assert.equal(MAX_JSON_DEPTH, 32);
    assert.deepEqual((await read(nested(MAX_JSON_DEPTH))).ok, true);
    assert.equal(await refusal(await read(nested(MAX_JSON_DEPTH + 1))), '400 malformed-request');
    assert.equal(await refusal(await read(nested(5000))), '400 malformed-request');
    // Brackets inside strings are text, not nesting.
    const text = JSON.stringify({ a: '['.repeat(100), b: '\\"{'.repeat(100) });
    assert.equal((await read(text)).ok, true);
  });

  it('answers a body over the limit with 413, declared or counted as it arrives', async () => {
    assert.equal(MAX_BODY_BYTES, 1024 * 1024);
    const big = `"${'x'.repeat(MAX_BODY_BYTES)}"`;
    assert.equal(await refusal(await read(big)), '413 content-too-large');
    const declared = await read('{}', { 'content-type': 'application/json', 'content-length': '2000000' });
    assert.equal(await refusal(declared), '413 content-too-large');
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 65_536;
        controller.enqueue(new Uint8Array(65_536).fill(32));
      },
    });
    assert.equal(await refusal(await read(endless)), '413 content-too-large');
    assert.ok(sent < 2 * MAX_BODY_BYTES, `stopped reading after ${sent} bytes`);
    const justFits = `"${'x'.repeat(MAX_BODY_BYTES - 2)}"`;
    assert.equal((await read(justFits)).ok, true);
  });

  it('answers JSON of the wrong kind of request with 422 problems naming what is wrong', async () => {
    assert.deepEqual(await read('{"a":1}'), { ok: true, body: { a: 1 } });
    assert.deepEqual(await read('[1]', { 'content-type': 'application/merge-patch+json; charset=utf-8' }), {
      ok: true,
      body: [1],
    });
    assert.deepEqual(await read('', {}, false), { ok: true, body: {} });

    const failures = [
      await read('{"a":1}', { 'content-type': 'text/plain' }),
      await read('{"a":1}', {}),
      await read(''),
    ];
    const details = [];
    for (const result of failures) {
      assert.equal(result.ok, false);
      if (result.ok) continue;
      assert.equal(result.response.status, 422);
      assert.equal(result.response.headers.get('content-type'), 'application/problem+json');
      const problem = (await result.response.json()) as { errors: { field: string; code: string }[] };
      details.push(problem.errors.map((e) => `${e.field}:${e.code}`).join());
    }
    assert.deepEqual(details, ['Content-Type:invalid_format', 'Content-Type:invalid_format', ':required']);
  });
});
