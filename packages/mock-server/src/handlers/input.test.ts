import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bearerToken, parseQuery, readJsonBody } from './input.js';

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

  it('answers bad bodies with 422 problems naming what is wrong', async () => {
    const read = (
      body: string,
      headers: Record<string, string> = { 'content-type': 'application/json' },
      required = true,
    ) => readJsonBody(new Request('http://x/', { method: 'POST', body, headers }), '/x', required);
    assert.deepEqual(await read('{"a":1}'), { ok: true, body: { a: 1 } });
    assert.deepEqual(await read('[1]', { 'content-type': 'application/merge-patch+json; charset=utf-8' }), {
      ok: true,
      body: [1],
    });
    assert.deepEqual(await read('', {}, false), { ok: true, body: {} });

    const failures = [
      await read('{"a":'),
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
    assert.deepEqual(details, [
      ':invalid_format',
      'Content-Type:invalid_format',
      'Content-Type:invalid_format',
      ':required',
    ]);
  });
});
