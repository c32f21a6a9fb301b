// /v1/templates over the handlers and the seeded world (msw setupServer): save, list by name, read by
// link (another user sees what they cannot request), rename, delete (a retried delete answers the
// same), the field errors, a replayed Idempotency-Key, and only the owner changing a template. Every
// response is checked against the contract.
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

type Template = Schemas['Template'];
type Problem = Schemas['Problem'];
const call = (method: string, path: string, body?: unknown, token = 'demo-alice', headers = {}) =>
  fetch(`${BASE}${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
  });
const json = async <T>(response: Response) => (await response.json()) as T;
/** A production AWS account Alice may request and Dave may not (its flow does not include him). */
const awsRead = { resource_id: 'res_aws_1234', permission_id: 'perm_aws_readonly' };
const incident = {
  name: 'Incident (read-only)',
  request: {
    resources: [awsRead],
    duration_hours: 2,
    justification: 'Incident review.',
    ticket_type_id: 'tt_jira',
  },
};

before(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => control.reset());
afterEach(() => server.resetHandlers());
after(() => {
  server.close();
  check.assertNoViolations();
});

describe('/v1/templates', () => {
  it("saves a template, lists the caller's by name, and reads one by its id", async () => {
    const saved = await call('POST', '/v1/templates', incident);
    assert.equal(saved.status, 201);
    const template = await json<Template>(saved);
    assert.match(template.id, /^tpl_/);
    assert.deepEqual(template.request, incident.request);
    assert.deepEqual(template.unavailable, []);
    assert.deepEqual(template.can, { rename: true, delete: true });
    assert.equal(template.owner.id, 'usr_alice');
    await call('POST', '/v1/templates', {
      name: 'a bundle first',
      request: { bundle: { bundle_id: 'bun_oncall_payments' } },
    });
    const list = await json<Schemas['TemplatePage']>(await call('GET', '/v1/templates'));
    assert.deepEqual(
      list.items.map((t) => t.name),
      ['a bundle first', 'Incident (read-only)'],
    );
    assert.deepEqual(
      (await json<Schemas['TemplatePage']>(await call('GET', '/v1/templates', undefined, 'demo-bob'))).items,
      [],
    );
    const read = await json<Template>(await call('GET', `/v1/templates/${template.id}`));
    assert.deepEqual(read, template);
  });

  it('shows another user what of a shared template they cannot request, and lets only the owner change it', async () => {
    const { id } = await json<Template>(await call('POST', '/v1/templates', incident));
    const asDave = await json<Template>(await call('GET', `/v1/templates/${id}`, undefined, 'demo-dave'));
    assert.deepEqual(asDave.can, { rename: false, delete: false });
    assert.equal(asDave.unavailable.length, 1);
    assert.equal(asDave.unavailable[0]?.field, 'resources[0].resource_id');
    assert.equal(asDave.unavailable[0]?.code, 'not_allowed');
    const rename = await call('PATCH', `/v1/templates/${id}`, { name: 'Mine now' }, 'demo-dave');
    assert.equal(rename.status, 403);
    assert.equal((await call('DELETE', `/v1/templates/${id}`, undefined, 'demo-dave')).status, 403);
  });

  it('refuses a selection that submit would refuse, a taken name and a bad body, field by field', async () => {
    await call('POST', '/v1/templates', incident);
    const refused = await call('POST', '/v1/templates', {
      name: 'incident (READ-ONLY)',
      request: {
        resources: [{ resource_id: 'res_nope', permission_id: 'perm_aws_readonly' }],
        duration_hours: 9000,
        ticket_type_id: 'tt_nope',
      },
    });
    assert.equal(refused.status, 422);
    const errors = (await json<Problem>(refused)).errors ?? [];
    assert.deepEqual(errors.map((e) => `${e.field} ${e.code}`).sort(), [
      'name not_allowed',
      'request.duration_hours out_of_range',
      'request.resources[0].resource_id unknown',
      'request.ticket_type_id unknown',
    ]);
    const empty = await call('POST', '/v1/templates', { name: '', request: {} });
    assert.deepEqual(((await json<Problem>(empty)).errors ?? []).map((e) => `${e.field} ${e.code}`).sort(), [
      'name required',
      'request.resources required',
    ]);
  });

  it('replays a repeated Idempotency-Key instead of saving twice', async () => {
    const headers = { 'idempotency-key': 'tpl-key-1' };
    const first = await call('POST', '/v1/templates', incident, 'demo-alice', headers);
    const again = await call('POST', '/v1/templates', incident, 'demo-alice', headers);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal((await json<Template>(again)).id, (await json<Template>(first)).id);
    assert.equal((await json<Schemas['TemplatePage']>(await call('GET', '/v1/templates'))).items.length, 1);
  });

  it('renames (a name taken by another template refused) and deletes; a retried delete answers 204', async () => {
    const { id } = await json<Template>(await call('POST', '/v1/templates', incident));
    await call('POST', '/v1/templates', {
      name: 'Other',
      request: { bundle: { bundle_id: 'bun_oncall_payments' } },
    });
    const clash = await call('PATCH', `/v1/templates/${id}`, { name: 'other' });
    assert.equal(clash.status, 422);
    const renamed = await call('PATCH', `/v1/templates/${id}`, { name: 'Incident, renamed' });
    assert.equal(renamed.status, 200);
    assert.equal((await json<Template>(renamed)).name, 'Incident, renamed');
    assert.equal((await call('DELETE', `/v1/templates/${id}`)).status, 204);
    assert.equal((await call('DELETE', `/v1/templates/${id}`)).status, 204);
    assert.equal((await call('GET', `/v1/templates/${id}`)).status, 404);
  });

  it('answers an injected fault on the route like any other', async () => {
    control.faults.add({ method: 'GET', path: '/v1/templates', kind: 'error', status: 503, times: 1 });
    assert.equal((await call('GET', '/v1/templates')).status, 503);
    assert.equal((await call('GET', '/v1/templates')).status, 200);
  });
});
