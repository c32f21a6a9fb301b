// Writing a Fetch `Response` to Node: a JSON answer of the handlers goes out in one write with its
// `Content-Length`, with the same status, headers and bytes as the streamed way every other
// response takes (a hook's, a fault's, one whose body was already read).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { json, problem } from '../handlers/responses.js';
import { sendFetchResponse } from './node-bridge.js';

/** Copies a response into one the bridge cannot know: its body a plain stream. */
const streamed = (response: Response) =>
  new Response(response.body, { status: response.status, headers: response.headers });

const BODY = { name: 'Zoë’s résumé database', items: [1, 2, 3], note: '✓ 😀' };
const MAKE: Record<string, () => Response> = {
  '/json': () => json(BODY, 201, { 'idempotent-replayed': 'true' }),
  '/json-streamed': () => streamed(json(BODY, 201, { 'idempotent-replayed': 'true' })),
  '/problem': () => problem(404, 'not-found', 'There is no /v1/é here.', '/v1/%C3%A9'),
  '/problem-streamed': () => streamed(problem(404, 'not-found', 'There is no /v1/é here.', '/v1/%C3%A9')),
  '/json-read': () => {
    const response = json(BODY);
    void response.clone().text();
    return response;
  },
};

let server: Server;
let port: number;
before(async () => {
  server = createServer((req, res) => {
    void sendFetchResponse(res, MAKE[req.url ?? '']!(), {
      'access-control-allow-origin': 'http://localhost',
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The raw answer: status, headers as sent (but `date`), body bytes. */
function get(path: string): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request({ port, path, host: '127.0.0.1', agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const { date: _date, ...headers } = res.headers;
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
      });
    })
      .on('error', reject)
      .end();
  });
}

/** Everything but how the length is told (`content-length` or chunked). */
const framing = ({ headers, ...rest }: Awaited<ReturnType<typeof get>>) => {
  const { 'content-length': _length, 'transfer-encoding': _chunked, ...others } = headers;
  return { ...rest, headers: others };
};

describe('writing a Response to Node', () => {
  it('writes a JSON answer in one go with its length in bytes, the same answer as streaming it', async () => {
    for (const path of ['/json', '/problem']) {
      const direct = await get(path);
      const viaStream = await get(`${path}-streamed`);
      assert.equal(direct.headers['content-length'], String(direct.body.length), path);
      assert.equal(direct.headers['transfer-encoding'], undefined, path);
      assert.equal(viaStream.headers['transfer-encoding'], 'chunked', path);
      assert.deepEqual(framing(direct), framing(viaStream), path);
    }
    assert.deepEqual(JSON.parse((await get('/json')).body.toString('utf8')), BODY);
  });

  it('still writes a JSON answer whose copy was read (the contract check reads one)', async () => {
    const answer = await get('/json-read');
    assert.equal(answer.status, 200);
    assert.deepEqual(JSON.parse(answer.body.toString('utf8')), BODY);
  });
});
