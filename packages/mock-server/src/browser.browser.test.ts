/// <reference types="mocha" />
// The reference server in Chromium through the service worker (startReferenceWorker): a request
// from submission to active, the event stream, and a dropped connection. Every response is checked
// against the contract on the Node side (contractValidationPlugin in web-test-runner.config.mjs).
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { Schemas } from './backend/api.js';
// The browser-safe test helpers come from the browser entry, as an integrator's page imports them.
import {
  createContractCheck,
  readEvents,
  remoteChecks,
  SseParser,
  startReferenceWorker,
  type ReferenceWorker,
} from './browser.js';

const check = createContractCheck(remoteChecks(executeServerCommand));
const ALICE = { authorization: 'Bearer demo-alice' };
const STAGING_DB = {
  resources: [{ resource_id: 'res_staging_payments_db', permission_id: 'perm_pg_readonly' }],
  duration_hours: 2,
};
let api: ReferenceWorker;

async function submit(): Promise<Schemas['AccessRequest']> {
  const response = await fetch('/v1/access-requests', {
    method: 'POST',
    headers: { ...ALICE, 'content-type': 'application/json' },
    body: JSON.stringify(STAGING_DB),
  });
  expect(response.status).to.equal(201);
  return ((await response.json()) as Schemas['AccessRequestList']).requests[0]!;
}

describe('the reference server in the browser (service worker)', () => {
  before(async () => {
    api = await startReferenceWorker({ onResponse: check.hook, speed: 0 });
  });
  beforeEach(() => api.control.reset({ speed: 0 }));
  after(() => {
    api.stop();
    check.assertNoViolations();
  });

  it('answers same-origin /v1 calls', async () => {
    const me = await fetch('/v1/me', { headers: ALICE });
    expect(me.status).to.equal(200);
    expect(((await me.json()) as Schemas['Me']).user.id).to.equal('usr_alice');
  });

  it('answers only at the root: another prefix goes past the worker, an unknown /v1 path is a 404 problem', async () => {
    const elsewhere = await fetch('/api/v1/me', { headers: ALICE });
    expect(elsewhere.status).to.equal(404); // the test server's own answer: the worker let it through
    expect(elsewhere.headers.get('content-type')).not.to.equal('application/problem+json');
    const nested = await fetch('/v1/v1/me', { headers: ALICE });
    expect(nested.status).to.equal(404);
    expect(nested.headers.get('content-type')).to.equal('application/problem+json');
  });

  it('takes a request from submission to active as the clock advances', async () => {
    const created = await submit();
    expect(created.status).to.equal('granting');
    const advanced = await fetch('/_control/clock/advance', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"seconds":5}',
    });
    expect(advanced.status).to.equal(200);
    const now = await fetch(`/v1/access-requests/${created.id}`, { headers: ALICE });
    expect(((await now.json()) as Schemas['AccessRequest']).status).to.equal('active');
  });

  it('streams events through the worker as they happen', async () => {
    const abort = new AbortController();
    const stream = await fetch('/v1/events', { headers: ALICE, signal: abort.signal });
    expect(stream.headers.get('content-type')).to.match(/^text\/event-stream/);
    const parser = new SseParser();
    const created = await submit();
    const statuses: string[] = [];
    const collect = async () => {
      for (const event of await readEvents(stream.body!, 1, { parser })) {
        const { request } = JSON.parse(event.data) as Schemas['RequestUpdatedEvent'];
        if (request.id === created.id) statuses.push(request.status);
      }
    };
    while (statuses.length < 1) await collect();
    api.control.advance({ seconds: 5 });
    while (statuses.length < 2) await collect();
    expect(statuses).to.deep.equal(['granting', 'active']);
    abort.abort();
  });

  it('drops the connection when told to: a network error in the browser', async () => {
    api.control.faults.add({ path: '/v1/me', kind: 'drop' });
    let failed: unknown;
    await fetch('/v1/me', { headers: ALICE }).catch((error: unknown) => (failed = error));
    expect(failed).to.be.instanceOf(TypeError);
  });
});
