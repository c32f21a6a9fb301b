import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Notification } from './api.js';
import type { ReferenceBackend } from './backend.js';
import { alice, bob, dave, HOUR, SECOND, smallBackend } from './test-support.test.js';

const STAGING_DB = {
  resources: [{ resource_id: 'res_staging_payments_db', permission_id: 'perm_pg_readonly' }],
  duration_hours: 2,
};
const PROD_DB = {
  resources: [{ resource_id: 'res_prod_payments_db', permission_id: 'perm_pg_readonly' }],
  duration_hours: 2,
  justification: 'Incident 42',
};
const LEGACY_CRM = {
  resources: [{ resource_id: 'res_crm_prod_accounts', permission_id: 'perm_crm_viewer' }],
  duration_hours: 1,
};

const summary = (n: Notification) =>
  `${n.recipient.id} ${n.role} ${n.channel} ${n.previous_status ?? 'new'}→${n.status}`;

describe('notifications', () => {
  let backend: ReferenceBackend;
  beforeEach(() => {
    backend = smallBackend();
  });

  it('start empty: the seeded history sends nothing', () => {
    assert.deepEqual(backend.notifications(), []);
  });

  it('tell the grantee of every status change of an automatic request, on the org channel', () => {
    const [request] = backend.submit(alice, STAGING_DB, undefined).body.requests;
    backend.advance(6 * SECOND);
    backend.revoke(alice, request!.id);
    backend.advance(6 * SECOND);
    const sent = backend.notifications({ requestId: request!.id });
    assert.deepEqual(sent.map(summary), [
      'usr_alice grantee slack new→granting',
      'usr_alice grantee slack granting→active',
      'usr_alice grantee slack active→revoking',
      'usr_alice grantee slack revoking→revoked',
    ]);
    assert.match(
      sent[0]!.text,
      /^Your request for access to staging-payments-db \(ReadOnly\) is Granting\.$/,
    );
    assert.match(
      sent[1]!.text,
      /^Your access to staging-payments-db \(ReadOnly\) is Active until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\.$/,
    );
    assert.match(sent[3]!.text, /was Revoked\.$/);
  });

  it('follow a manual request through approval, grant, revocation — and a withdrawal — on the org channel', () => {
    backend.setNotificationChannel('teams');
    const [approved] = backend.submit(alice, PROD_DB, undefined).body.requests;
    backend.approve(bob, approved!.id, {});
    backend.advance(6 * SECOND);
    backend.revoke(alice, approved!.id);
    backend.advance(6 * SECOND);
    assert.deepEqual(backend.notifications({ requestId: approved!.id }).map(summary), [
      'usr_alice grantee teams new→pending_approval',
      'usr_alice grantee teams pending_approval→granting',
      'usr_alice grantee teams granting→active',
      'usr_alice grantee teams active→revoking',
      'usr_alice grantee teams revoking→revoked',
    ]);
    const [withdrawn] = backend.submit(alice, PROD_DB, undefined).body.requests;
    backend.revoke(alice, withdrawn!.id);
    assert.deepEqual(backend.notifications({ requestId: withdrawn!.id }).map(summary), [
      'usr_alice grantee teams new→pending_approval',
      'usr_alice grantee teams pending_approval→revoked',
    ]);
  });

  it('name the approver and the reason of a rejection', () => {
    const [request] = backend.submit(alice, PROD_DB, undefined).body.requests;
    backend.reject(bob, request!.id, { reason: 'Use the read replica' });
    const [, rejected] = backend.notifications({ requestId: request!.id });
    assert.equal(rejected!.status, 'rejected');
    assert.equal(
      rejected!.text,
      'Your request for access to prod-payments-db (ReadOnly) was Rejected by Bob Example: Use the read replica',
    );
  });

  it('carry the failure and send the user to their admin', () => {
    const [request] = backend.submit(alice, LEGACY_CRM, undefined).body.requests;
    backend.advance(6 * SECOND);
    const failed = backend.notifications({ requestId: request!.id }).at(-1)!;
    assert.equal(failed.status, 'failed');
    assert.match(failed.text, /Failed: .+\. Contact your admin\.$/);
  });

  it('say when access ended because it expired', () => {
    const [request] = backend.submit(alice, { ...STAGING_DB, duration_hours: 1 }, undefined).body.requests;
    backend.advance(HOUR + 20 * SECOND);
    const last = backend.notifications({ requestId: request!.id }).at(-1)!;
    assert.equal(last.status, 'revoked');
    assert.match(last.text, /was Revoked: it expired\.$/);
  });

  it('tell both the grantee and the requester of an on-behalf request, each in their own words', () => {
    const [request] = backend.submit(alice, { ...STAGING_DB, grantee_id: 'usr_dave' }, undefined).body
      .requests;
    backend.advance(6 * SECOND);
    const sent = backend.notifications({ requestId: request!.id });
    assert.deepEqual(sent.map(summary), [
      'usr_dave grantee slack new→granting',
      'usr_alice requester slack new→granting',
      'usr_dave grantee slack granting→active',
      'usr_alice requester slack granting→active',
    ]);
    assert.match(
      sent[2]!.text,
      /^Alice Example requested access to staging-payments-db \(ReadOnly\) for you: it is Active until /,
    );
    assert.match(
      sent[3]!.text,
      /^Your request for Dave Example's access to staging-payments-db \(ReadOnly\) is Active until /,
    );
    assert.deepEqual(
      backend.notifications({ recipientId: 'usr_dave' }).map((n) => n.role),
      ['grantee', 'grantee'],
    );
  });

  it('go to the channel the org uses now, which /v1/me reports', () => {
    for (const channel of ['teams', 'email', 'slack'] as const) {
      backend.setNotificationChannel(channel);
      assert.equal(backend.me(dave).org.notification_channel, channel);
      backend.clearNotifications();
      backend.submit(alice, STAGING_DB, undefined);
      assert.deepEqual(
        backend.notifications().map((n) => n.channel),
        [channel],
      );
    }
    assert.throws(() => backend.setNotificationChannel('pager' as never), RangeError);
  });

  it('are cleared, and the channel restored, by a reset', () => {
    backend.setNotificationChannel('teams');
    backend.submit(alice, STAGING_DB, undefined);
    backend.reset();
    assert.deepEqual(backend.notifications(), []);
    assert.equal(backend.notificationChannel, 'slack');
  });
});
