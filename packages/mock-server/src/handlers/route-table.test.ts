// The route table the HTTP server answers through gives the answers msw's `getResponse` gives over
// the same handlers: the same requests, in the same order, sent to two identical worlds (one through
// each path), answer with the same status, headers and body bytes — every route, every fallback,
// bad input, odd paths, and requests it must leave alone.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { getResponse, type HttpHandler } from 'msw';
import { createBackend } from '../backend/index.js';
import { createControl, handlersFor, routeTableOf, FaultInjector } from './index.js';
import { http } from 'msw';

const ORIGIN = 'http://127.0.0.1:4010';

/** Handlers over a fresh world, frozen in time: two of them stay identical under the same requests. */
function world(baseUrl: string): HttpHandler[] {
  const backend = createBackend({ seed: 3, catalogSize: 300, speed: 0 });
  const faults = new FaultInjector();
  return handlersFor(backend, faults, createControl(backend, faults), { baseUrl });
}

interface Call {
  readonly method: string;
  readonly path: string;
  readonly token?: string | null;
  readonly body?: string;
  readonly headers?: Record<string, string>;
}

const toRequest = (origin: string, call: Call): Request => {
  const headers: Record<string, string> = { ...call.headers };
  if (call.token !== null) headers.authorization = `Bearer ${call.token ?? 'demo-alice'}`;
  if (call.body !== undefined) headers['content-type'] ??= 'application/json';
  return new Request(`${origin}${call.path}`, { method: call.method, headers, body: call.body ?? null });
};

/** What a client could tell apart: status, every header, the body's bytes. */
async function seen(response: Response | undefined) {
  if (!response) return 'unanswered';
  return {
    status: response.status,
    headers: [...response.headers],
    body: Buffer.from(await response.arrayBuffer()).toString('base64'),
  };
}

/** Sends each call through msw to one world and through the route table to its twin, comparing. */
async function compare(calls: readonly Call[], baseUrl = ORIGIN, origin = ORIGIN): Promise<void> {
  const throughMsw = world(baseUrl);
  const throughTable = world(baseUrl);
  const dispatch = routeTableOf(throughTable);
  assert.ok(dispatch, 'a list handlersFor made has a route table');
  for (const call of calls) {
    const expected = await seen(await getResponse(throughMsw, toRequest(origin, call)));
    const actual = await seen(await dispatch(toRequest(origin, call)));
    assert.deepEqual(actual, expected, `${call.method} ${call.path}`);
  }
}

const SUBMISSION = JSON.stringify({
  resources: [{ resource_id: 'res_prod_payments_db', permission_id: 'perm_pg_readonly' }],
  duration_hours: 4,
  justification: 'Investigating INC-4821: duplicated payouts in the EU region.',
});

/** Every route of the API and the control API, with good and bad input, in an order that changes state. */
const JOURNEY: Call[] = [
  { method: 'GET', path: '/v1/me' },
  { method: 'GET', path: '/v1/me', token: null },
  { method: 'GET', path: '/v1/me', token: 'nobody' },
  { method: 'GET', path: '/v1/grantees?search=a' },
  { method: 'GET', path: '/v1/catalog/resource-types' },
  { method: 'GET', path: '/v1/catalog/permissions?limit=2' },
  { method: 'GET', path: '/v1/catalog/resources?search=payments&limit=5' },
  { method: 'GET', path: '/v1/catalog/resources?limit=lots' },
  { method: 'GET', path: '/v1/catalog/apps' },
  { method: 'GET', path: '/v1/catalog/bundles' },
  { method: 'POST', path: '/v1/access-requests/preview', body: SUBMISSION },
  { method: 'POST', path: '/v1/access-requests/preview', body: '{"resources":' },
  {
    method: 'POST',
    path: '/v1/access-requests/preview',
    body: 'a=b',
    headers: { 'content-type': 'text/plain' },
  },
  { method: 'POST', path: '/v1/access-requests/preview' },
  { method: 'POST', path: '/v1/access-requests', body: SUBMISSION, headers: { 'idempotency-key': 'k1' } },
  { method: 'POST', path: '/v1/access-requests', body: SUBMISSION, headers: { 'idempotency-key': 'k1' } },
  { method: 'GET', path: '/v1/access-requests' },
  { method: 'GET', path: '/v1/access-requests?scope=others&status[]=pending' },
  { method: 'GET', path: '/v1/approvals', token: 'demo-bob' },
  { method: 'GET', path: '/v1/my-access' },
  { method: 'GET', path: '/v1/access-requests/req_nothing' },
  { method: 'GET', path: '/v1/access-requests/req_nothing/resources' },
  { method: 'GET', path: '/v1/access-requests/req_nothing/access-details' },
  { method: 'PUT', path: '/v1/access-requests/req_nothing/favorite' },
  { method: 'DELETE', path: '/v1/access-requests/req_nothing/favorite' },
  { method: 'POST', path: '/v1/access-requests/req_nothing/revoke' },
  { method: 'POST', path: '/v1/access-requests/req_nothing/request-again', body: '{}' },
  { method: 'POST', path: '/v1/access-requests/req_nothing/approve', token: 'demo-bob' },
  {
    method: 'POST',
    path: '/v1/access-requests/req_nothing/reject',
    token: 'demo-bob',
    body: '{"reason":"no"}',
  },
  // Fallbacks: another method, OPTIONS, unknown paths, a stray slash, another case, odd encodings.
  { method: 'DELETE', path: '/v1/me' },
  { method: 'HEAD', path: '/v1/me' },
  { method: 'OPTIONS', path: '/v1/access-requests/req_x/favorite' },
  { method: 'PATCH', path: '/v1/access-requests' },
  { method: 'GET', path: '/v1/nothing/here' },
  { method: 'GET', path: '/v1/me/' },
  { method: 'GET', path: '/v1/' },
  { method: 'GET', path: '/V1/ME' },
  { method: 'GET', path: '/v1/Access-Requests/REQ_X' },
  { method: 'GET', path: '/v1/access-requests/%zz' },
  { method: 'GET', path: '/v1/access-requests/%ED%A0%80/resources' },
  { method: 'GET', path: '/v1/access-requests/req%20x%2Fy' },
  { method: 'GET', path: '/v1/access-requests/caf%C3%A9' },
  { method: 'GET', path: '/v1/access-requests//resources' },
  // The control API, and paths no handler answers.
  { method: 'GET', path: '/_control/clock' },
  { method: 'POST', path: '/_control/clock/advance', body: '{"hours":2}' },
  { method: 'PUT', path: '/_control/clock/speed', body: '{"speed":"fast"}' },
  { method: 'POST', path: '/_control/faults', body: '{"path":"/v1/me","kind":"error","status":503}' },
  { method: 'GET', path: '/v1/me' },
  { method: 'GET', path: '/_control/faults' },
  { method: 'DELETE', path: '/_control/faults/flt_nothing' },
  { method: 'GET', path: '/_control/org' },
  { method: 'GET', path: '/_control/notifications' },
  { method: 'GET', path: '/_control/nothing' },
  { method: 'POST', path: '/_control/reset' },
  { method: 'GET', path: '/' },
  { method: 'GET', path: '/api/v1/me' },
  { method: 'GET', path: '/v1' },
  { method: 'GET', path: '/v1/v1/me' },
];

describe('the route table behind the HTTP server', () => {
  it('answers every route, fallback and odd path as msw does, byte for byte', async () => {
    await compare(JOURNEY);
  });

  it('answers as msw does under a base path, and under an origin (leaving other origins alone)', async () => {
    const underPath = JOURNEY.map((call) => ({ ...call, path: `/access${call.path}` }));
    await compare([...underPath, ...JOURNEY], '/access');
    await compare(JOURNEY, `${ORIGIN}/access`, ORIGIN);
    await compare(underPath, `${ORIGIN}/access`, ORIGIN);
    await compare(underPath, `${ORIGIN}/access`, 'http://elsewhere.test');
  });

  it('matches any path as msw does (generated paths and methods)', async () => {
    const segment = fc.oneof(
      fc.constantFrom('v1', 'V1', '_control', 'me', 'access-requests', 'catalog', 'resources', 'favorite'),
      fc.constantFrom('revoke', 'preview', 'faults', 'clock', 'req_1', '', '%zz', '%41', 'a.b', '~', '*'),
      fc.stringMatching(/^[\w.~%-]{1,6}$/),
    );
    const call = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH'),
      path: fc.array(segment, { minLength: 0, maxLength: 5 }).map((parts) => `/${parts.join('/')}`),
    });
    const throughMsw = world(ORIGIN);
    const throughTable = world(ORIGIN);
    const dispatch = routeTableOf(throughTable);
    assert.ok(dispatch);
    await fc.assert(
      fc.asyncProperty(call, async ({ method, path }) => {
        const at = { method, path, ...(method === 'POST' || method === 'PUT' ? { body: '{}' } : {}) };
        const expected = await seen(await getResponse(throughMsw, toRequest(ORIGIN, at)));
        assert.deepEqual(await seen(await dispatch(toRequest(ORIGIN, at))), expected, `${method} ${path}`);
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('is not used once the list is changed: a handler added by hand is then answered through msw', () => {
    const handlers = world(ORIGIN);
    assert.ok(routeTableOf(handlers));
    handlers.unshift(http.get(`${ORIGIN}/v1/me`, () => new Response('mine')));
    assert.equal(routeTableOf(handlers), undefined);
    assert.equal(routeTableOf([...world(ORIGIN)]), undefined, 'a copy is another list');
  });
});
