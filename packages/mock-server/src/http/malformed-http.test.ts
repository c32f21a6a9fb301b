// Over real HTTP, what no client should send is still answered with a problem+json 4xx (never a
// closed socket, never a 5xx): a bad Host, TRACE / CONNECT / unknown methods, bodies over the
// limit (declared or chunked), and control requests a page of another origin could send.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { request as httpRequest } from 'node:http';
import { startHttpServer, type RunningHttpServer } from './server.js';

let server: RunningHttpServer;
let port: number;
before(async () => {
  server = await startHttpServer({ port: 0, speed: 0, log: false, catalogSize: 50 });
  port = Number(new URL(server.url).port);
});
after(() => server.close());

/** Sends raw bytes and gives the whole answer once the server closes the connection. */
function raw(text: string): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('error', reject);
    socket.on('end', () => {
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), head, body });
    });
    socket.write(text);
  });
}

function assertProblemText(answer: { head: string }, status: number) {
  assert.match(answer.head, new RegExp(`^HTTP/1\\.1 ${status} `));
  assert.match(answer.head, /content-type: application\/problem\+json/i);
}

describe('requests Node and Fetch cannot take as they are', () => {
  it('a malformed or missing Host is a 400 problem', async () => {
    for (const host of ['Host: a b\r\n', 'Host: exa<mple\r\n', '']) {
      const answer = await raw(
        `GET /v1/me HTTP/1.1\r\n${host}Authorization: Bearer demo-alice\r\nConnection: close\r\n\r\n`,
      );
      assertProblemText(answer, 400);
      assert.match(answer.body, /malformed-request/);
    }
  });

  it('TRACE and CONNECT are 405 with Allow; an unknown method (TRACK, FROB) 501', async () => {
    for (const line of ['TRACE /v1/me', 'CONNECT 127.0.0.1:80']) {
      const answer = await raw(`${line} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      assertProblemText(answer, 405);
      assert.match(answer.head, /allow: GET, POST, PUT, DELETE, OPTIONS/i);
    }
    for (const method of ['TRACK', 'FROB']) {
      assertProblemText(await raw(`${method} /v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`), 501);
    }
  });

  it('a garbled header is a 400 problem', async () => {
    assertProblemText(await raw('GET /v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nNo colon here\r\n\r\n'), 400);
  });
});

describe('request bodies over 1 MiB', () => {
  it('are 413 problems when declared, before authentication', async () => {
    const answer = await raw(
      'POST /v1/access-requests HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        'Content-Length: 104857600\r\n\r\n{',
    );
    assertProblemText(answer, 413);
    assert.match(answer.body, /content-too-large/);
  });

  it('are 413 problems when chunked, counted as they arrive', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = httpRequest(
        {
          port,
          host: '127.0.0.1',
          method: 'POST',
          path: '/v1/access-requests',
          headers: { 'content-type': 'application/json' },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
          outgoing.destroy();
        },
      );
      outgoing.on('error', (error) => (outgoing.destroyed ? undefined : reject(error)));
      const chunk = Buffer.alloc(64 * 1024, 32);
      const pump = () => {
        while (!outgoing.destroyed && outgoing.write(chunk));
      };
      outgoing.on('drain', pump);
      pump();
    });
    assert.equal(status, 413);
  });

  it('leave the server answering', async () => {
    const me = await fetch(`${server.url}/v1/me`, { headers: { authorization: 'Bearer demo-alice' } });
    assert.equal(me.status, 200);
  });
});

describe('the control API from web pages', () => {
  const reset = (headers: Record<string, string>, body?: string) =>
    fetch(`${server.url}/_control/reset`, {
      method: 'POST',
      headers,
      ...(body === undefined ? {} : { body }),
    });

  it('refuses a change without Content-Type: application/json (what a no-cors fetch sends)', async () => {
    const bare = await reset({});
    assert.equal(bare.status, 422);
    assert.equal(bare.headers.get('content-type'), 'application/problem+json');
    const form = await reset({ 'content-type': 'text/plain' }, '{}');
    assert.equal(form.status, 422);
    assert.equal((await reset({ 'content-type': 'application/json' })).status, 200);
    assert.equal((await reset({ 'content-type': 'application/json' }, '{}')).status, 200);
  });

  it('refuses another origin with 403, answers its own and the allowed ones', async () => {
    const json = { 'content-type': 'application/json' };
    const evil = await reset({ ...json, origin: 'https://evil.example' }, '{}');
    assert.equal(evil.status, 403);
    assert.equal(evil.headers.get('content-type'), 'application/problem+json');
    const clock = await fetch(`${server.url}/_control/clock`, {
      headers: { origin: 'https://evil.example' },
    });
    assert.equal(clock.status, 403);
    assert.equal((await reset({ ...json, origin: new URL(server.url).origin }, '{}')).status, 200);
    assert.equal((await reset({ ...json, origin: 'http://localhost:5173' }, '{}')).status, 200);
  });
});

describe('DNS rebinding', () => {
  /** A request as a page on `name` sends it once the name resolves to the server: Host and Origin alike. */
  const asPageOn = (name: string, path = '/v1/me', method = 'GET') =>
    raw(
      `${method} ${path} HTTP/1.1\r\nHost: ${name}:${port}\r\nOrigin: http://${name}:${port}\r\n` +
        `Authorization: Bearer demo-alice\r\nContent-Type: application/json\r\nContent-Length: 2\r\n` +
        `Connection: close\r\n\r\n{}`,
    );

  it('refuses a request naming another host with a 403 problem, API and control API alike', async () => {
    for (const [path, method] of [
      ['/v1/me', 'GET'],
      ['/v1/access-requests', 'GET'],
      ['/_control/reset', 'POST'],
    ] as const) {
      const answer = await asPageOn('rebound.attacker.example', path, method);
      assertProblemText(answer, 403);
      assert.match(answer.body, /does not answer for the host \\?"rebound\.attacker\.example\\?"/);
      assert.doesNotMatch(answer.body, /Alice/);
    }
    assertProblemText(await asPageOn('Rebound.Attacker.Example.'), 403);
  });

  it('answers IP addresses, localhost and names under .localhost', async () => {
    for (const name of ['127.0.0.1', 'localhost', 'portal.localhost', '[::1]', '10.1.2.3']) {
      const answer = await asPageOn(name);
      assert.match(answer.head, /^HTTP\/1\.1 200 /, name);
    }
  });

  it('answers the names it is told to, and only those', async () => {
    const named = await startHttpServer({
      port: 0,
      speed: 0,
      log: false,
      catalogSize: 50,
      allowedHosts: ['access.test', '.corp.example'],
    });
    try {
      const url = new URL(named.url);
      const get = (host: string) =>
        new Promise<number>((resolve, reject) => {
          const request = httpRequest(
            {
              host: url.hostname,
              port: url.port,
              path: '/v1/me',
              headers: { host, authorization: 'Bearer demo-alice' },
            },
            (response) => {
              response.resume();
              resolve(response.statusCode ?? 0);
            },
          );
          request.on('error', reject);
          request.end();
        });
      assert.equal(await get('access.test'), 200);
      assert.equal(await get('api.corp.example:8080'), 200);
      assert.equal(await get('corp.example'), 200);
      assert.equal(await get('notcorp.example'), 403);
      assert.equal(await get('access.test.attacker.example'), 403);
    } finally {
      await named.close();
    }
  });
});
