// The HTTP server's own concerns, around a tiny fake backend: CORS, logging, streaming, dropped
// connections, shutdown. Every response is checked against the contract.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeBackend } from '../testing/fake-backend.js';
import { contractCheck } from '../testing/index.js';
import { readEvents, SseParser } from '../testing/sse.js';
import { readUntilComment } from '../testing/test-waits.js';
import { logLine, startHttpServer, type RunningHttpServer } from './server.js';

const backend = createFakeBackend();
const check = contractCheck();
const lines: string[] = [];
let api: RunningHttpServer;

const ALICE = { authorization: 'Bearer demo-alice' };
const SUBMISSION = JSON.stringify({
  app: { app_id: 'app_github', permission_id: 'perm_write' },
  duration_hours: 1,
});
const submit = (headers: Record<string, string> = {}) =>
  fetch(`${api.url}/v1/access-requests`, {
    method: 'POST',
    body: SUBMISSION,
    headers: { ...ALICE, 'content-type': 'application/json', ...headers },
  });

before(async () => {
  api = await startHttpServer({
    port: 0,
    backend,
    heartbeatMs: 50,
    log: (line) => lines.push(line),
    onResponse: check.hook,
  });
});
beforeEach(() => {
  api.control.reset();
  lines.length = 0;
});
after(async () => {
  await api.close();
  check.assertNoViolations();
});

describe('the HTTP server', () => {
  it('answers over real HTTP and logs one line per request: method, path, status, time, user', async () => {
    const me = await fetch(`${api.url}/v1/me`, { headers: ALICE });
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { user: { id: string } }).user.id, 'usr_alice');
    const anonymous = await fetch(`${api.url}/v1/me?x=1`);
    assert.equal(anonymous.status, 401);
    await anonymous.text();
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /^\d\d:\d\d:\d\d\.\d{3} GET \/v1\/me 200 \d+ms usr_alice$/);
    assert.match(lines[1]!, /^\S+ GET \/v1\/me\?x=1 401 \d+ms -$/);
    assert.match(logLine('POST', '/v1/x', 'dropped', 1.4, undefined), / POST \/v1\/x dropped 1ms -$/);
  });

  it('answers only at its root: any other prefix is a 404 problem saying where the API is', async () => {
    for (const path of [
      '/api/v1/me',
      '/v1/v1/me',
      '/anything/v1/me',
      '/',
      '/v1',
      '/me',
      '/api/_control/clock',
    ]) {
      const response = await fetch(`${api.url}${path}`, { headers: ALICE });
      assert.equal(response.status, 404, path);
      assert.equal(response.headers.get('content-type'), 'application/problem+json', path);
      const problem = (await response.json()) as {
        type: string;
        title: string;
        status: number;
        detail: string;
      };
      assert.deepEqual(
        [problem.type, problem.title, problem.status],
        ['https://access-requests.example/problems/not-found', 'Not Found', 404],
        path,
      );
      assert.match(problem.detail, new RegExp(`There is no ${path.replace(/\//g, '\\/')}`), path);
    }
    const outside = (await (await fetch(`${api.url}/api/v1/me`, { headers: ALICE })).json()) as {
      detail: string;
    };
    assert.equal(
      outside.detail,
      `There is no /api/v1/me on this server. The API is under /v1/ (such as /v1/me) and the control API under /_control/; ` +
        `a client's base URL is ${api.url} (without /v1).`,
    );
  });

  it('reads request bodies and passes headers through (idempotent replay)', async () => {
    const first = await submit({ 'idempotency-key': 'h1' });
    assert.equal(first.status, 201);
    const replay = await submit({ 'idempotency-key': 'h1' });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await replay.json(), await first.json());
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(`${api.url}/v1/access-requests`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, idempotency-key',
      },
    });

  it('answers a preflight from a localhost origin with 204 and what may be sent', async () => {
    const response = await preflight('http://localhost:5173');
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.match(response.headers.get('access-control-allow-methods')!, /POST/);
    for (const header of ['Authorization', 'Content-Type', 'Idempotency-Key', 'Last-Event-ID']) {
      assert.match(response.headers.get('access-control-allow-headers')!, new RegExp(header));
    }
    assert.equal(response.headers.get('vary'), 'Origin');
    assert.match(lines[0]!, / OPTIONS \/v1\/access-requests 204 /);
  });

  it('refuses a preflight from another origin with a 403 problem', async () => {
    const response = await preflight('https://evil.example');
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    const problem = (await response.json()) as { detail: string };
    assert.match(problem.detail, /--cors-origin https:\/\/evil\.example/);
  });

  it('echoes an allowed origin on actual requests and exposes the headers clients read', async () => {
    const response = await fetch(`${api.url}/v1/me`, {
      headers: { ...ALICE, origin: 'http://127.0.0.1:4173' },
    });
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://127.0.0.1:4173');
    for (const header of ['Retry-After', 'Idempotent-Replayed', 'Location']) {
      assert.match(response.headers.get('access-control-expose-headers')!, new RegExp(header));
    }
    await response.text();
    const foreign = await fetch(`${api.url}/v1/me`, {
      headers: { ...ALICE, origin: 'https://evil.example' },
    });
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    await foreign.text();
  });

  it('allows exactly the configured origins', async () => {
    const other = await startHttpServer({
      port: 0,
      backend,
      log: false,
      corsOrigins: ['https://portal.example.com'],
      onResponse: check.hook,
    });
    try {
      const ok = await fetch(`${other.url}/v1/me`, {
        method: 'OPTIONS',
        headers: { origin: 'https://portal.example.com', 'access-control-request-method': 'GET' },
      });
      assert.equal(ok.status, 204);
      const localhost = await fetch(`${other.url}/v1/me`, {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' },
      });
      assert.equal(localhost.status, 403);
      await localhost.text();
    } finally {
      await other.close();
    }
  });
});

describe('a base path', () => {
  it('serves the API and the control API under it, and nothing at the root', async () => {
    const prefixed = await startHttpServer({
      port: 0,
      backend: createFakeBackend(),
      basePath: '/access/',
      log: false,
      onResponse: check.hook,
    });
    try {
      assert.match(prefixed.url, /^http:\/\/127\.0\.0\.1:\d+\/access$/);
      const me = await fetch(`${prefixed.url}/v1/me`, { headers: ALICE });
      assert.equal(me.status, 200);
      await me.text();
      const clock = await fetch(`${prefixed.url}/_control/clock`);
      assert.equal(clock.status, 200);
      await clock.text();
      const origin = new URL(prefixed.url).origin;
      for (const path of ['/v1/me', '/_control/clock', '/access/access/v1/me', '/api/access/v1/me']) {
        const response = await fetch(`${origin}${path}`, { headers: ALICE });
        assert.equal(response.status, 404, path);
        assert.match(
          ((await response.json()) as { detail: string }).detail,
          /The API is under \/access\/v1\/ \(such as \/access\/v1\/me\)/,
          path,
        );
      }
    } finally {
      await prefixed.close();
    }
  });

  it('refuses a base path that is not one', async () => {
    await assert.rejects(
      startHttpServer({ port: 0, basePath: 'access', log: false }),
      /basePath must be a path starting with \//,
    );
    await assert.rejects(startHttpServer({ port: 0, basePath: '/access/v1', log: false }), /not \/v1 itself/);
  });
});

describe('a static folder beside the API', () => {
  it('serves its files at every path outside the API, index.html at /, and nothing outside it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ar-static-'));
    mkdirSync(join(folder, 'cdn'));
    writeFileSync(join(folder, 'index.html'), '<!doctype html><title>page</title>');
    writeFileSync(join(folder, 'cdn', 'app.js'), 'export {};');
    // A file named like an API path must never shadow the API.
    mkdirSync(join(folder, 'v1'));
    writeFileSync(join(folder, 'v1', 'me'), 'not the API');
    const site = await startHttpServer({
      port: 0,
      backend: createFakeBackend(),
      staticDir: folder,
      log: false,
      onResponse: check.hook,
    });
    try {
      const page = await fetch(`${site.url}/`);
      assert.equal(page.status, 200);
      assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.equal(await page.text(), '<!doctype html><title>page</title>');
      const script = await fetch(`${site.url}/cdn/app.js`);
      assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.equal(await script.text(), 'export {};');
      const me = await fetch(`${site.url}/v1/me`, { headers: ALICE });
      assert.equal(((await me.json()) as { user: { id: string } }).user.id, 'usr_alice');
      for (const path of ['/missing.js', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/%zz']) {
        const response = await fetch(`${site.url}${path}`);
        assert.equal(response.status, 404, path);
        assert.equal(response.headers.get('content-type'), 'application/problem+json', path);
        await response.text();
      }
      const post = await fetch(`${site.url}/index.html`, { method: 'POST' });
      assert.equal(post.status, 404);
      await post.text();
    } finally {
      await site.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('dropped connections', () => {
  it('drop destroys the socket before anything is done', async () => {
    api.control.faults.add({ path: '/v1/access-requests', method: 'POST', kind: 'drop' });
    await assert.rejects(
      submit(),
      (error: Error) => error instanceof TypeError && /fetch failed/.test(error.message),
    );
    const list = (await (await fetch(`${api.url}/v1/access-requests`, { headers: ALICE })).json()) as {
      items: unknown[];
    };
    assert.equal(list.items.length, 0);
    assert.match(lines[0]!, / POST \/v1\/access-requests dropped \d+ms usr_alice$/);
  });

  it('commit_then_drop does the work and breaks the connection mid-answer; the retry with the same key replays', async () => {
    api.control.faults.add({ path: '/v1/access-requests', method: 'POST', kind: 'commit_then_drop' });
    const lost = await submit({ 'idempotency-key': 'h2' });
    assert.equal(lost.status, 201);
    await assert.rejects(lost.text(), TypeError);
    const retry = await submit({ 'idempotency-key': 'h2' });
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    await retry.text();
    const list = (await (await fetch(`${api.url}/v1/access-requests`, { headers: ALICE })).json()) as {
      items: unknown[];
    };
    assert.equal(list.items.length, 1);
  });
});

describe('the event stream over HTTP', () => {
  it('flushes each event as it happens, heartbeats, and unsubscribes when the client goes away', async () => {
    const stream = await fetch(`${api.url}/v1/events`, { headers: ALICE });
    assert.equal(stream.status, 200);
    assert.equal(stream.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const parser = new SseParser();
    const [first] = await Promise.all([readEvents(stream.body!, 1, { parser }), submit()]);
    assert.equal(first[0]?.event, 'request.updated');
    api.control.advance({ seconds: 1 });
    const [granted] = await readEvents(stream.body!, 1, { parser });
    assert.equal((JSON.parse(granted!.data) as { request: { status: string } }).request.status, 'active');
    await readUntilComment(stream.body!, parser, 'heartbeat');
    await stream.body!.cancel();
    await backend.whenSubscribers(0); // closing the connection unsubscribes

    const resumed = await fetch(`${api.url}/v1/events`, {
      headers: { ...ALICE, 'last-event-id': first[0].id! },
    });
    assert.equal((await readEvents(resumed.body!, 1))[0]?.id, granted!.id);
    await resumed.body!.cancel();
  });

  it('close() ends open streams', async () => {
    const other = await startHttpServer({ port: 0, backend: createFakeBackend(), log: false });
    let opened!: () => void;
    const streaming = new Promise<void>((resolve) => (opened = resolve));
    const ended = new Promise<void>((resolve) => {
      const req = httpRequest(`${other.url}/v1/events`, { headers: ALICE }, (res) => {
        opened();
        res.resume();
        res.once('close', resolve);
      });
      req.on('error', () => resolve());
      req.end();
    });
    await streaming;
    await other.close();
    await ended;
  });
});
