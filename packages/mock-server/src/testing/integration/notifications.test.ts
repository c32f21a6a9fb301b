// The notification outbox and the org's channel through the control API, over real HTTP: what an
// integrator's test reads after driving a request through its lifecycle.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHttpServer, type RunningHttpServer } from '../../http/server.js';
import { contractCheck } from '../index.js';

interface OutboxItem {
  channel: string;
  role: string;
  recipient: { id: string };
  status: string;
  text: string;
}

const check = contractCheck();
let server: RunningHttpServer;
const json = { 'content-type': 'application/json' };
const asAlice = { authorization: 'Bearer demo-alice', ...json };
const control = (path: string, init: RequestInit = {}) => fetch(`${server.url}/_control${path}`, init);
const outbox = async (query = '') =>
  ((await (await control(`/notifications${query}`)).json()) as { items: OutboxItem[] }).items;

before(async () => {
  server = await startHttpServer({ port: 0, speed: 0, log: false, onResponse: check.hook });
});
beforeEach(() => control('/reset', { method: 'POST', headers: { 'content-type': 'application/json' } }));
after(async () => {
  await server.close();
  check.assertNoViolations();
});

describe('notifications through the control API', () => {
  it('switches the org channel, which /v1/me reports and new notifications use', async () => {
    assert.deepEqual(await (await control('/org')).json(), { notification_channel: 'slack' });
    const switched = await control('/org', {
      method: 'PUT',
      body: '{"notification_channel":"teams"}',
      headers: json,
    });
    assert.deepEqual(await switched.json(), { notification_channel: 'teams' });
    const me = (await (await fetch(`${server.url}/v1/me`, { headers: asAlice })).json()) as {
      org: { notification_channel: string };
    };
    assert.equal(me.org.notification_channel, 'teams');

    const refused = await control('/org', {
      method: 'PUT',
      body: '{"notification_channel":"pager"}',
      headers: json,
    });
    assert.equal(refused.status, 422);
    assert.equal(refused.headers.get('content-type'), 'application/problem+json');
  });

  it('lists what was sent per request and per recipient, and clears it', async () => {
    const body = JSON.stringify({
      grantee_id: 'usr_dave',
      resources: [{ resource_id: 'res_staging_payments_db', permission_id: 'perm_pg_readonly' }],
      duration_hours: 1,
    });
    const created = (await (
      await fetch(`${server.url}/v1/access-requests`, { method: 'POST', body, headers: asAlice })
    ).json()) as {
      requests: { id: string }[];
    };
    const id = created.requests[0]!.id;
    await control('/clock/advance', { method: 'POST', body: '{"seconds":6}', headers: json });

    const forRequest = await outbox(`?request_id=${id}`);
    assert.deepEqual(
      forRequest.map((n) => `${n.recipient.id} ${n.role} ${n.status}`),
      [
        'usr_dave grantee granting',
        'usr_alice requester granting',
        'usr_dave grantee active',
        'usr_alice requester active',
      ],
    );
    assert.ok(forRequest.every((n) => n.channel === 'slack'));
    assert.deepEqual((await outbox('?recipient_id=usr_bob')).length, 0);
    assert.equal((await outbox('?recipient_id=usr_dave')).length, 2);

    assert.equal((await control('/notifications', { method: 'DELETE', headers: json })).status, 204);
    assert.deepEqual(await outbox(), []);
  });
});
