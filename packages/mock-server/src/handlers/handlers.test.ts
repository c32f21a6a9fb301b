// The transport pipeline around a tiny fake backend, in-process (msw setupServer): auth, bad input,
// unknown paths and methods, problem mapping, faults, the event stream and the control API.
// Every response is checked against the contract.
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { ApiProblem } from '../backend/api.js';
import { createFakeBackend } from '../testing/fake-backend.js';
import { createContractCheck } from '../testing/contract-check.js';
import { loadContractValidator } from '../testing/load-contract.js';
import { readEvents, SseParser } from '../testing/sse.js';
import { readUntilComment } from '../testing/test-waits.js';
import { createControl, createHandlers, FaultInjector } from './index.js';
import { eventStream } from './events.js';

const BASE = 'http://api.test';
const backend = createFakeBackend();
const faults = new FaultInjector();
const control = createControl(backend, faults);
const check = createContractCheck(loadContractValidator());
const handlers = createHandlers(backend, { baseUrl: BASE, faults, heartbeatMs: 30, onResponse: check.hook });
const server = setupServer(...handlers);

const ALICE = { authorization: 'Bearer demo-alice' };
const call = (path: string, init: RequestInit = {}) =>
  fetch(`${BASE}${path}`, { ...init, headers: { ...ALICE, ...(init.headers as Record<string, string>) } });
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  call(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
const JSON_TYPE = { 'content-type': 'application/json' };
const SUBMISSION = { app: { app_id: 'app_github', permission_id: 'perm_write' }, duration_hours: 1 };

before(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => control.reset());
afterEach(() => server.resetHandlers());
after(() => {
  server.close();
  check.assertNoViolations();
});

async function problemOf(response: Response) {
  assert.equal(response.headers.get('content-type'), 'application/problem+json');
  return (await response.json()) as {
    status: number;
    type: string;
    detail: string;
    errors?: { field: string; code: string }[];
  };
}

describe('authentication', () => {
  it('answers 401 with WWW-Authenticate without a token, and with a bad one', async () => {
    const missing = await fetch(`${BASE}/v1/me`);
    assert.equal(missing.status, 401);
    assert.equal(missing.headers.get('www-authenticate'), 'Bearer');
    assert.equal((await problemOf(missing)).type, 'https://access-requests.example/problems/unauthorized');

    const bad = await fetch(`${BASE}/v1/me`, { headers: { authorization: 'Bearer nobody' } });
    assert.equal(bad.status, 401);
    assert.equal(bad.headers.get('www-authenticate'), 'Bearer error="invalid_token"');
    await bad.text();
  });

  it('answers the caller with a valid token', async () => {
    const me = await call('/v1/me');
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { user: { id: string } }).user.id, 'usr_alice');
  });
});

describe('routing', () => {
  it('answers 404 problem+json for an unknown /v1 path', async () => {
    const response = await call('/v1/nothing/here');
    assert.equal(response.status, 404);
    assert.match((await problemOf(response)).detail, /\/v1\/nothing\/here/);
  });

  it('answers 405 with Allow for a known path and another method', async () => {
    const response = await call('/v1/me', { method: 'DELETE' });
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'GET, OPTIONS');
    await problemOf(response);
    const favorite = await call('/v1/access-requests/req_x/favorite', { method: 'POST' });
    assert.equal(favorite.headers.get('allow'), 'PUT, DELETE, OPTIONS');
    await favorite.text();
  });

  it('answers only under its base URL', async () => {
    await assert.rejects(fetch('http://elsewhere.test/v1/me', { headers: ALICE }));
  });
});

describe('bad input never answers 500', () => {
  it('malformed JSON is a 400 naming what is wrong', async () => {
    const malformed = await call('/v1/access-requests', {
      method: 'POST',
      body: '{"app":',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(malformed.status, 400);
    const problem = await problemOf(malformed);
    assert.equal(problem.type, 'https://access-requests.example/problems/malformed-request');
    assert.match(problem.detail, /not valid JSON/);
  });

  it('a body of another content type is a 422 naming Content-Type', async () => {
    const response = await call('/v1/access-requests/preview', {
      method: 'POST',
      body: 'app=github',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(response.status, 422);
    assert.deepEqual(
      (await problemOf(response)).errors?.map((e) => e.field),
      ['Content-Type'],
    );
  });

  it('a missing required body is a 422', async () => {
    const response = await call('/v1/access-requests', { method: 'POST' });
    assert.equal(response.status, 422);
    assert.deepEqual(
      (await problemOf(response)).errors?.map((e) => e.code),
      ['required'],
    );
  });

  it("passes the backend's problems through, with their instance", async () => {
    const response = await call('/v1/catalog/resources?limit=lots');
    assert.equal(response.status, 422);
    const problem = await problemOf(response);
    assert.equal((problem as { instance?: string }).instance, '/v1/catalog/resources?limit=lots');
    assert.deepEqual(
      problem.errors?.map((e) => e.field),
      ['limit'],
    );
  });

  it('passes ApiProblem headers through', async () => {
    const original = backend.me;
    backend.me = () => {
      throw new ApiProblem(
        429,
        {
          type: 'https://access-requests.example/problems/rate-limited',
          title: 'Too Many Requests',
          status: 429,
          detail: 'Later.',
        },
        { 'retry-after': '7' },
      );
    };
    try {
      const response = await call('/v1/me');
      assert.equal(response.status, 429);
      assert.equal(response.headers.get('retry-after'), '7');
      await problemOf(response);
    } finally {
      backend.me = original;
    }
  });
});

describe('idempotent submissions', () => {
  it('replays the first answer for the same key and body, with Idempotent-Replayed: true', async () => {
    const first = await post('/v1/access-requests', SUBMISSION, { 'idempotency-key': 'k1' });
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    const again = await post('/v1/access-requests', SUBMISSION, { 'idempotency-key': 'k1' });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await again.json(), await first.json());
  });
});

describe('faults', () => {
  it('error: answers the status as a problem, and does nothing', async () => {
    control.faults.add({ method: 'POST', path: '/v1/access-requests', kind: 'error', status: 503 });
    const response = await post('/v1/access-requests', SUBMISSION);
    assert.equal(response.status, 503);
    assert.equal((await problemOf(response)).status, 503);
    const list = (await (await call('/v1/access-requests')).json()) as { items: unknown[] };
    assert.equal(list.items.length, 0);
    assert.equal(
      (await post('/v1/access-requests', SUBMISSION)).status,
      201,
      'only `times` requests are affected',
    );
  });

  it('rate_limit: answers 429 with Retry-After', async () => {
    control.faults.add({ path: '/v1/catalog/*', kind: 'rate_limit', retry_after: 5, times: 2 });
    for (const path of ['/v1/catalog/apps', '/v1/catalog/bundles']) {
      const response = await call(path);
      assert.equal(response.status, 429);
      assert.equal(response.headers.get('retry-after'), '5');
      await response.text();
    }
    assert.equal((await call('/v1/catalog/apps')).status, 200);
  });

  it('delay: answers normally, later', async () => {
    control.faults.add({ path: '/v1/me', kind: 'delay', delay_ms: 60 });
    const started = Date.now();
    const response = await call('/v1/me');
    assert.equal(response.status, 200);
    assert.ok(Date.now() - started >= 55, `answered after ${Date.now() - started} ms`);
    await response.text();
  });

  it('drop: a network error, and nothing done', async () => {
    control.faults.add({ path: '/v1/access-requests', kind: 'drop' });
    await assert.rejects(post('/v1/access-requests', SUBMISSION), TypeError);
    const list = (await (await call('/v1/access-requests')).json()) as { items: unknown[] };
    assert.equal(list.items.length, 0);
  });

  it('commit_then_drop: the work is done, the answer lost; a retry with the same key creates nothing new', async () => {
    control.faults.add({ method: 'POST', path: '/v1/access-requests', kind: 'commit_then_drop' });
    const lost = await post('/v1/access-requests', SUBMISSION, { 'idempotency-key': 'k2' });
    assert.equal(lost.status, 201, 'the status and headers arrive…');
    await assert.rejects(lost.text(), TypeError, '…but the body breaks off');
    const retry = await post('/v1/access-requests', SUBMISSION, { 'idempotency-key': 'k2' });
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    const list = (await (await call('/v1/access-requests')).json()) as { items: unknown[] };
    assert.equal(list.items.length, 1);
  });
});

describe('the event stream', () => {
  // In-process, msw tees mocked bodies, so cancelling one never reaches the handler: clients end a
  // stream by aborting the request (over real HTTP, closing the connection does it too).
  it('ends at once a stream whose client gave up before it began (no heartbeat left running)', async () => {
    const gaveUp = new AbortController();
    gaveUp.abort();
    const response = eventStream({
      backend,
      caller: { userId: 'usr_alice' },
      request: new Request(`${BASE}/v1/events`, { signal: gaveUp.signal }),
      url: new URL(`${BASE}/v1/events`),
      heartbeatMs: 5,
    });
    const text = await response.text(); // resolves only when the stream ends
    assert.match(text, /^retry: \d+\n: connected\n\n$/);
  });

  it('streams events with ids, a retry hint and heartbeats; resumes after Last-Event-ID; unsubscribes on abort', async () => {
    const abort = new AbortController();
    const stream = await call('/v1/events', { signal: abort.signal });
    assert.equal(stream.status, 200);
    assert.equal(stream.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    assert.equal(stream.headers.get('cache-control'), 'no-cache');
    assert.equal(backend.subscribers, 1);
    const parser = new SseParser();

    const [submitted] = await Promise.all([
      readEvents(stream.body!, 1, { parser }),
      post('/v1/access-requests', SUBMISSION),
    ]);
    assert.equal(submitted[0]?.event, 'request.updated');
    assert.equal(submitted[0]?.retry, 3000);
    control.advance({ seconds: 1 });
    const [granted] = await readEvents(stream.body!, 1, { parser });
    assert.equal((JSON.parse(granted!.data) as { request: { status: string } }).request.status, 'active');
    await readUntilComment(stream.body!, parser, 'heartbeat');
    abort.abort();
    await backend.whenSubscribers(0); // aborting the request unsubscribes

    for (const resume of [
      { headers: { 'last-event-id': submitted[0].id! } },
      { query: `?last_event_id=${submitted[0].id!}` },
    ]) {
      const again = new AbortController();
      const resumed = await call(`/v1/events${resume.query ?? ''}`, {
        signal: again.signal,
        headers: resume.headers ?? {},
      });
      const replayed = await readEvents(resumed.body!, 1);
      assert.equal(replayed[0]?.id, granted!.id, 'replays what came after Last-Event-ID');
      again.abort();
    }
  });
});

describe('control API', () => {
  it('reads, advances and sets the clock', async () => {
    const clock = (await (await fetch(`${BASE}/_control/clock`)).json()) as { now: string; speed: number };
    assert.deepEqual(clock, { now: '2026-01-15T09:00:00.000Z', speed: 0 });
    const advanced = await fetch(`${BASE}/_control/clock/advance`, {
      method: 'POST',
      body: '{"seconds":90}',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(((await advanced.json()) as { now: string }).now, '2026-01-15T09:01:30.000Z');
    const speed = await fetch(`${BASE}/_control/clock/speed`, {
      method: 'PUT',
      body: '{"speed":60}',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(((await speed.json()) as { speed: number }).speed, 60);
    backend.setSpeed(0);
  });

  it('adds, lists and removes faults', async () => {
    const created = await fetch(`${BASE}/_control/faults`, {
      method: 'POST',
      body: JSON.stringify({ path: '/v1/me', kind: 'drop', times: 3 }),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(created.status, 201);
    const fault = (await created.json()) as { id: string; remaining: number };
    assert.equal(fault.remaining, 3);
    const listed = (await (await fetch(`${BASE}/_control/faults`)).json()) as { items: { id: string }[] };
    assert.deepEqual(
      listed.items.map((f) => f.id),
      [fault.id],
    );
    const remove = (path: string) => fetch(`${BASE}${path}`, { method: 'DELETE', headers: JSON_TYPE });
    assert.equal((await remove(`/_control/faults/${fault.id}`)).status, 204);
    assert.equal((await remove(`/_control/faults/${fault.id}`)).status, 404);
    control.faults.add({ path: '/v1/me', kind: 'drop' });
    assert.equal((await remove('/_control/faults')).status, 204);
    assert.deepEqual(control.faults.list(), []);
  });

  it('refuses bad control input with 422 problems', async () => {
    const send = (path: string, body: string, method = 'POST') =>
      fetch(`${BASE}${path}`, { method, body, headers: { 'content-type': 'application/json' } });
    const cases: [string, string, string?][] = [
      ['/_control/clock/advance', '{"seconds":-1}'],
      ['/_control/clock/advance', '{}'],
      ['/_control/clock/speed', '{"speed":"fast"}', 'PUT'],
      ['/_control/faults', '{"path":"/v1/me","kind":"explode"}'],
      ['/_control/reset', '{"seed":1.5}'],
      ['/_control/reset', '{"colour":"red"}'],
    ];
    for (const [path, body, method] of cases) {
      const response = await send(path, body, method);
      assert.equal(response.status, 422, `${path} ${body}`);
      await problemOf(response);
    }
    const notJson = await send('/_control/reset', 'not json');
    assert.equal(notJson.status, 400);
    await problemOf(notJson);
    assert.equal((await fetch(`${BASE}/_control/nothing`)).status, 404);
  });

  it('reset clears faults and rebuilds the world', async () => {
    await post('/v1/access-requests', SUBMISSION);
    control.faults.add({ path: '/v1/me', kind: 'drop' });
    const reset = await fetch(`${BASE}/_control/reset`, { method: 'POST', headers: JSON_TYPE });
    assert.equal(reset.status, 200);
    assert.deepEqual(control.faults.list(), []);
    const list = (await (await call('/v1/access-requests')).json()) as { items: unknown[] };
    assert.equal(list.items.length, 0);
  });
});

describe('a bug in the server', () => {
  it('answers 500 problem+json with the message, which the contract check reports', async () => {
    const original = backend.myAccess;
    backend.myAccess = () => {
      throw new Error('boom');
    };
    const errors = console.error;
    console.error = () => {};
    try {
      const response = await call('/v1/my-access');
      assert.equal(response.status, 500);
      const problem = await problemOf(response);
      assert.match(problem.detail, /status 500 is not documented/);
      assert.equal(check.violations.length, 1);
      check.clear();
    } finally {
      backend.myAccess = original;
      console.error = errors;
    }
  });

  it('a response that breaks the contract is replaced by a 500 saying how', async () => {
    const original = backend.me;
    backend.me = () =>
      ({ ...original.call(backend, { userId: 'usr_alice' }), is_approver: 'sometimes' }) as never;
    try {
      const response = await call('/v1/me');
      assert.equal(response.status, 500);
      assert.match(
        (await problemOf(response)).detail,
        /GET \/v1\/me → 200 body\/is_approver must be boolean/,
      );
      assert.equal(check.violations.length, 1);
      check.clear();
    } finally {
      backend.me = original;
    }
  });
});

describe('per-test overrides', () => {
  it('use() replaces a route for one test', async () => {
    server.use(http.get(`${BASE}/v1/me`, () => HttpResponse.json({ overridden: true })));
    assert.deepEqual(await (await call('/v1/me')).json(), { overridden: true });
  });
});
