// The dev-server middleware inside a real @web/dev-server (Koa): API calls, control calls and the
// event stream answered by the reference server; everything else left to the dev server.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { startDevServer } from '@web/dev-server';
import { createBackend, type ReferenceBackend } from '../backend/index.js';
import { createDevServerMiddleware } from './dev-server-middleware.js';
import { contractCheck } from './index.js';
import { readEvents, SseParser } from './sse.js';

const check = contractCheck();
const backend: ReferenceBackend = createBackend({ speed: 0 });
const middleware = createDevServerMiddleware({ backend, onResponse: check.hook });
let server: Awaited<ReturnType<typeof startDevServer>>;
let url: string;
const ALICE = { authorization: 'Bearer demo-alice' };

before(async () => {
  server = await startDevServer({
    config: {
      rootDir: fileURLToPath(new URL('.', import.meta.url)),
      port: 0,
      hostname: '127.0.0.1',
      middleware: [middleware],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
    autoExitProcess: false,
  });
  const address = server.server?.address();
  assert.ok(address && typeof address === 'object');
  url = `http://127.0.0.1:${address.port}`;
});
after(async () => {
  await server.stop();
  check.assertNoViolations();
});

describe('createDevServerMiddleware', () => {
  it('answers /v1 and /_control from the reference server', async () => {
    const me = await fetch(`${url}/v1/me`, { headers: ALICE });
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { user: { id: string } }).user.id, 'usr_alice');
    const clock = await fetch(`${url}/_control/clock`);
    assert.deepEqual(await clock.json(), { now: '2026-01-15T09:00:00.000Z', speed: 0 });
    const unauthorized = await fetch(`${url}/v1/me`);
    assert.equal(unauthorized.status, 401);
    assert.equal(unauthorized.headers.get('content-type'), 'application/problem+json');
    await unauthorized.text();
  });

  it('leaves other paths to the dev server', async () => {
    const own = await fetch(`${url}/sse.ts`);
    assert.equal(own.status, 200);
    assert.match(await own.text(), /SseParser/);
  });

  it('does not answer the API under another prefix, and answers unknown /v1 paths with a 404 problem', async () => {
    for (const path of ['/api/v1/me', '/anything/v1/me', '/x/_control/clock']) {
      const response = await fetch(`${url}${path}`, { headers: ALICE });
      assert.equal(response.status, 404, path); // the dev server's own "not found", not the API
      assert.notEqual(response.headers.get('content-type'), 'application/problem+json', path);
      await response.text();
    }
    const nested = await fetch(`${url}/v1/v1/me`, { headers: ALICE });
    assert.equal(nested.status, 404);
    assert.equal(nested.headers.get('content-type'), 'application/problem+json');
    assert.match(
      ((await nested.json()) as { detail: string }).detail,
      /There is no \/v1\/v1\/me in this API/,
    );
  });

  it('with a base path, answers under it only', async () => {
    const prefixed = await startDevServer({
      config: {
        rootDir: fileURLToPath(new URL('.', import.meta.url)),
        port: 0,
        hostname: '127.0.0.1',
        middleware: [createDevServerMiddleware({ backend, basePath: '/access', onResponse: check.hook })],
      },
      readCliArgs: false,
      readFileConfig: false,
      logStartMessage: false,
      autoExitProcess: false,
    });
    try {
      const address = prefixed.server?.address();
      assert.ok(address && typeof address === 'object');
      const status = async (path: string) => {
        const response = await fetch(`http://127.0.0.1:${address.port}${path}`, { headers: ALICE });
        await response.text();
        return `${path} ${response.status}`;
      };
      assert.deepEqual(
        await Promise.all(
          ['/access/v1/me', '/access/_control/clock', '/v1/me', '/_control/clock'].map(status),
        ),
        ['/access/v1/me 200', '/access/_control/clock 200', '/v1/me 404', '/_control/clock 404'],
      );
    } finally {
      await prefixed.stop();
    }
  });

  it('streams events through Koa, one flush per event', async () => {
    const abort = new AbortController();
    const stream = await fetch(`${url}/v1/events`, { headers: ALICE, signal: abort.signal });
    assert.equal(stream.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const parser = new SseParser();
    const submit = fetch(`${url}/v1/access-requests`, {
      method: 'POST',
      headers: { ...ALICE, 'content-type': 'application/json' },
      body: JSON.stringify({
        resources: [{ resource_id: 'res_staging_payments_db', permission_id: 'perm_pg_readonly' }],
        duration_hours: 1,
      }),
    });
    const [events, created] = await Promise.all([readEvents(stream.body!, 1, { parser }), submit]);
    assert.equal(created.status, 201);
    const { requests } = (await created.json()) as { requests: { id: string }[] };
    const data = JSON.parse(events[0]!.data) as { request: { id: string; status: string } };
    assert.deepEqual([data.request.id, data.request.status], [requests[0]!.id, 'granting']);
    abort.abort();
  });

  it('exposes the backend and control for Node-side setup', () => {
    assert.equal(middleware.backend, backend);
    assert.equal(middleware.control.clock().speed, 0);
  });
});
