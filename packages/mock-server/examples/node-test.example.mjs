// An integrator's own test suite against the reference server, in-process: node:test, msw's
// setupServer (through createReferenceServer) and the contract check. Installed from npm:
//   npm install --save-dev @access-requests/mock-server @access-requests/sdk
//   node --test node-test.example.mjs
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createReferenceServer } from '@access-requests/mock-server/node';
import { contractCheck } from '@access-requests/mock-server/testing';
import { ApiError, createAccessClient } from '@access-requests/sdk';

// Every response the tests provoke is checked against the contract the package ships.
const check = contractCheck();
// Answers http://127.0.0.1:4010 in this process (no port is opened); the simulated clock is frozen.
const api = createReferenceServer({ onResponse: check.hook });

before(() => api.listen());
afterEach(() => {
  api.resetHandlers(); // drops per-test api.use(...) overrides
  api.control.reset(); // back to the seeded world; faults cleared
});
after(() => {
  api.close();
  check.assertNoViolations();
});

/** A client signed in as one of the demo users; quick retries, so fault tests stay fast. */
const as = (user) =>
  createAccessClient({ baseUrl: api.baseUrl, token: `demo-${user}`, retry: { baseDelayMs: 1 } });

// Development and staging resources fall under an automatic access flow; production databases
// need Bob's approval and a justification.
const STAGING_DB = {
  resources: [{ resource_id: 'res_staging_payments_db', permission_id: 'perm_pg_readonly' }],
  duration_hours: 2,
};
const PROD_DB = {
  resources: [{ resource_id: 'res_prod_payments_db', permission_id: 'perm_pg_readonly' }],
  duration_hours: 1,
  justification: 'Investigating INC-4211',
};

describe('my integration, against the reference server', () => {
  it('signs in with a demo token', async () => {
    const me = await as('alice').me();
    assert.equal(me.user.id, 'usr_alice');
  });

  it('gets automatic access once provisioning is done (5 simulated seconds)', async () => {
    const alice = as('alice');
    const [request] = await alice.submit(STAGING_DB);
    assert.equal(request.status, 'granting');
    api.control.advance({ seconds: 5 });
    assert.equal((await alice.request(request.id)).status, 'active');
  });

  it('waits for the manager, then grants', async () => {
    const [request] = await as('alice').submit(PROD_DB);
    assert.equal(request.status, 'pending_approval');
    const approved = await as('bob').approve(request.id, { reason: 'Go ahead' });
    assert.equal(approved.status, 'granting');
    api.control.advance({ seconds: 5 });
    assert.equal((await as('alice').request(request.id)).status, 'active');
  });

  it('retries an answer lost in transit without creating a second request', async () => {
    const alice = as('alice');
    const mine = async () => (await alice.requests({ scope: 'mine' }).page({ limit: 500 })).items.length;
    const count = await mine();
    // The server creates the request, then the connection breaks half-way through its answer.
    api.control.faults.add({ method: 'POST', path: '/v1/access-requests', kind: 'commit_then_drop' });
    const created = await alice.submit(STAGING_DB); // the SDK retries with the same Idempotency-Key
    assert.equal(created.length, 1);
    assert.equal(await mine(), count + 1);
  });

  it('reports a server error to the caller', async () => {
    api.control.faults.add({ path: '/v1/me', kind: 'error', status: 500 });
    await assert.rejects(as('alice').me(), (error) => error instanceof ApiError && error.status === 500);
  });
});
