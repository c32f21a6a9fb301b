// POST /v1/access-requests/{id}/extend over the handlers and the seeded world (msw setupServer):
// 200 when granted at once, 202 when it waits for approvers, the problems, the injected faults of
// the route, and a retry with the same Idempotency-Key after a lost answer. Every response is checked
// against the contract.
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import type { Schemas } from '../backend/api.js';
import { createBackend } from '../backend/backend.js';
import { createContractCheck } from '../testing/contract-check.js';
import { loadContractValidator } from '../testing/load-contract.js';
import { createControl, createHandlers, FaultInjector } from './index.js';

const BASE = 'http://api.test';
const backend = createBackend({ catalogSize: 300 });
const faults = new FaultInjector();
const control = createControl(backend, faults);
const check = createContractCheck(loadContractValidator());
const server = setupServer(...createHandlers(backend, { baseUrl: BASE, faults, onResponse: check.hook }));

type Request = Schemas['AccessRequest'];
const extendPath = (id: string) => `/v1/access-requests/${id}/extend`;
const post = (path: string, body: unknown, headers: Record<string, string> = {}, token = 'demo-alice') =>
  fetch(`${BASE}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
  });
const get = async (id: string): Promise<Request> =>
  (await (
    await fetch(`${BASE}/v1/access-requests/${id}`, { headers: { authorization: 'Bearer demo-alice' } })
  ).json()) as Request;
const body = { hours: 1, justification: 'The migration runs late.' };

before(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => control.reset());
afterEach(() => server.resetHandlers());
after(() => {
  server.close();
  check.assertNoViolations();
});

describe('POST /v1/access-requests/{id}/extend', () => {
  it('answers 200 under an automatic flow and 202 under a flow with approvers', async () => {
    const { aliceActiveLegacyCrm, aliceActiveApprovedByBob } = backend.history;
    const now = await post(extendPath(aliceActiveLegacyCrm), body);
    assert.equal(now.status, 200);
    assert.equal(((await now.json()) as Request).extension?.last?.status, 'approved');
    const waiting = await post(extendPath(aliceActiveApprovedByBob), body);
    assert.equal(waiting.status, 202);
    assert.equal(((await waiting.json()) as Request).extension?.pending?.hours, 1);
    const approved = await post(
      `/v1/access-requests/${aliceActiveApprovedByBob}/approve`,
      {},
      {},
      'demo-bob',
    );
    assert.equal(approved.status, 200);
    assert.equal(((await approved.json()) as Request).extension?.last?.status, 'approved');
  });

  it('answers the problems: 422 field errors, 409 while one waits, 403 for the grantee, 401, a missing body', async () => {
    const { aliceActiveApprovedByBob: id, bobForAliceActive } = backend.history;
    const bad = await post(extendPath(id), { hours: 5 });
    assert.equal(bad.status, 422);
    const problem = (await bad.json()) as Schemas['Problem'];
    assert.deepEqual(problem.errors?.map((e) => `${e.field} ${e.code}`).sort(), [
      'hours out_of_range',
      'justification required',
    ]);
    assert.equal((await post(extendPath(id), body)).status, 202);
    const twice = await post(extendPath(id), body);
    assert.equal(twice.status, 409);
    assert.equal(
      ((await twice.json()) as Schemas['Problem']).type,
      'https://access-requests.example/problems/invalid-state',
    );
    assert.equal((await post(extendPath(bobForAliceActive), body)).status, 403);
    assert.equal((await post(extendPath(id), body, {}, 'nobody')).status, 401);
    const empty = await fetch(`${BASE}${extendPath(id)}`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-alice' },
    });
    assert.equal(empty.status, 422);
  });

  it('takes the route’s injected faults: an error does nothing', async () => {
    const { aliceActiveLegacyCrm: id } = backend.history;
    control.faults.add({
      method: 'POST',
      path: '/v1/access-requests/:id/extend',
      kind: 'error',
      status: 503,
    });
    assert.equal((await post(extendPath(id), body)).status, 503);
    assert.equal((await get(id)).extension?.extended_hours, 0);
  });

  it('commit_then_drop: the extension is made, the answer lost; a retry with the same key extends once', async () => {
    const { aliceActiveLegacyCrm: id } = backend.history;
    const before = await get(id);
    control.faults.add({ method: 'POST', path: '/v1/access-requests/:id/extend', kind: 'commit_then_drop' });
    const lost = await post(extendPath(id), body, { 'idempotency-key': 'extend-1' });
    assert.equal(lost.status, 200);
    await assert.rejects(lost.text(), TypeError);
    const retry = await post(extendPath(id), body, { 'idempotency-key': 'extend-1' });
    assert.equal(retry.status, 200);
    const after = (await retry.json()) as Request;
    assert.equal(after.extension?.extended_hours, 1);
    assert.equal(Date.parse(after.expires_at ?? '') - Date.parse(before.expires_at ?? ''), 3_600_000);
    assert.deepEqual(await get(id), after);
  });
});
