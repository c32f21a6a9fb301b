import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Caller, Schemas } from './api.js';
import type { ReferenceBackend } from './backend.js';
import { LIFECYCLE } from './constants.js';
import { SIMULATED_APPROVAL_REASON } from './lifecycle.js';
import type { StatusChange } from './state.js';
import {
  HOUR,
  MINUTE,
  SECOND,
  alice,
  bob,
  carol,
  expectFieldErrors,
  expectProblem,
  smallBackend,
} from './test-support.test.js';

type Request = Schemas['AccessRequest'];

function submitOne(backend: ReferenceBackend, caller: Caller, body: Record<string, unknown>): Request {
  const { requests } = backend.submit(caller, body, undefined).body;
  assert.equal(requests.length, 1);
  return requests[0] as Request;
}

const devOrders = {
  resources: [{ resource_id: 'res_dev_orders_db', permission_id: 'perm_pg_readonly' }],
  duration_hours: 2,
};
const prodOrders = {
  resources: [{ resource_id: 'res_prod_orders_db', permission_id: 'perm_pg_readonly' }],
  duration_hours: 4,
  justification: 'Check the order exports.',
};
const prodCloud = {
  resources: [{ resource_id: 'res_aws_1234', permission_id: 'perm_aws_readonly' }],
  duration_hours: 4,
  justification: 'Cost anomaly.',
  ticket: { type_id: 'tt_jira', id: 'OPS-12' },
  custom_fields: { change_type: 'investigation' },
};

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

describe('the request lifecycle', () => {
  it('takes an automatic request through granting, active, expiry and revoked, each at its own time', () => {
    const backend = smallBackend();
    const start = backend.now().getTime();
    const created = submitOne(backend, alice, devOrders);
    assert.equal(created.status, 'granting');
    assert.deepEqual(created.approvals, []);
    assert.equal(created.created_at, iso(start));

    backend.advance(3 * HOUR);
    const done = backend.getRequest(alice, created.id);
    const grantedAt = start + LIFECYCLE.grantingMs;
    const expiresAt = grantedAt + 2 * HOUR;
    assert.equal(done.status, 'revoked');
    assert.equal(done.granted_at, iso(grantedAt));
    assert.equal(done.expires_at, iso(expiresAt));
    assert.equal(done.revocation_reason, 'expired');
    assert.equal(done.revoked_at, iso(expiresAt + LIFECYCLE.revokingMs));
    assert.equal(done.updated_at, done.revoked_at);
  });

  it('stops at each status on the way', () => {
    const backend = smallBackend();
    const created = submitOne(backend, alice, devOrders);
    backend.advance(LIFECYCLE.grantingMs - 1);
    assert.equal(backend.getRequest(alice, created.id).status, 'granting');
    backend.advance(1);
    const active = backend.getRequest(alice, created.id);
    assert.equal(active.status, 'active');
    assert.equal(active.can.use_access, true);
    backend.advance(2 * HOUR);
    const revoking = backend.getRequest(alice, created.id);
    assert.equal(revoking.status, 'revoking');
    assert.equal(revoking.revocation_reason, 'expired');
    assert.equal(revoking.revoked_at, null);
    backend.advance(LIFECYCLE.revokingMs);
    assert.equal(backend.getRequest(alice, created.id).status, 'revoked');
  });

  it('waits for the one approver of a manual flow, then grants', () => {
    const backend = smallBackend();
    const created = submitOne(backend, alice, prodOrders);
    assert.equal(created.status, 'pending_approval');
    assert.deepEqual(
      created.approvals.map((a) => [a.approver.id, a.status]),
      [['usr_bob', 'pending']],
    );
    assert.ok(backend.approvals(bob, {}).items.some((r) => r.id === created.id));
    backend.advance(HOUR);
    assert.equal(
      backend.getRequest(alice, created.id).status,
      'pending_approval',
      'nothing moves without the approval',
    );

    const approved = backend.approve(bob, created.id, { reason: 'OK for the audit.' });
    assert.equal(approved.status, 'granting');
    assert.deepEqual(approved.approvals[0], {
      approver: { id: 'usr_bob', name: 'Bob Example', email: 'bob@example.com' },
      status: 'approved',
      reason: 'OK for the audit.',
      decided_at: iso(backend.now().getTime()),
    });
    assert.ok(!backend.approvals(bob, {}).items.some((r) => r.id === created.id));
    assert.ok(backend.approvals(bob, { status: 'decided' }).items.some((r) => r.id === created.id));
    backend.advance(LIFECYCLE.grantingMs);
    assert.equal(backend.getRequest(alice, created.id).status, 'active');
  });

  it('needs both approvals of a two-approver flow', () => {
    const backend = smallBackend();
    const created = submitOne(backend, alice, prodCloud);
    assert.deepEqual(
      created.approvals.map((a) => a.approver.id),
      ['usr_bob', 'usr_carol'],
    );
    const afterBob = backend.approve(bob, created.id, {});
    assert.equal(afterBob.status, 'pending_approval');
    assert.deepEqual(
      afterBob.approvals.map((a) => a.status),
      ['approved', 'pending'],
    );
    assert.equal(afterBob.approvals[0]?.reason, null);
    expectProblem(() => backend.approve(bob, created.id, {}), 409);
    const afterCarol = backend.approve(carol, created.id, { reason: 'Ticket checked.' });
    assert.equal(afterCarol.status, 'granting');
  });

  it('rejects on one rejection and keeps the reason', () => {
    const backend = smallBackend();
    const created = submitOne(backend, alice, prodCloud);
    backend.approve(bob, created.id, {});
    const rejected = backend.reject(carol, created.id, { reason: '  Use the read-only role.  ' });
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.rejection_reason, 'Use the read-only role.');
    assert.deepEqual(
      rejected.approvals.map((a) => [a.status, a.reason]),
      [
        ['approved', null],
        ['rejected', 'Use the read-only role.'],
      ],
    );
    assert.equal(backend.getRequest(alice, created.id).can.request_again, true);
  });

  it('fails at granting in the Legacy CRM production flow, saying why', () => {
    const backend = smallBackend();
    const created = submitOne(backend, alice, {
      resources: [{ resource_id: 'res_crm_prod_accounts', permission_id: 'perm_crm_viewer' }],
      duration_hours: 2,
    });
    assert.equal(created.status, 'granting');
    backend.advance(LIFECYCLE.grantingMs);
    const failed = backend.getRequest(alice, created.id);
    assert.equal(failed.status, 'failed');
    assert.match(failed.status_reason ?? '', /Legacy CRM connector/);
    assert.equal(failed.granted_at, null);
    assert.equal(failed.can.request_again, true);
  });

  it('lets the simulated approver approve by herself after her delay', () => {
    const backend = smallBackend();
    const created = submitOne(backend, alice, {
      resources: [{ resource_id: 'res_github_payments_api', permission_id: 'perm_github_admin' }],
      duration_hours: 1,
      justification: 'Branch protection.',
    });
    assert.equal(created.status, 'pending_approval');
    backend.advance(2 * MINUTE - SECOND);
    assert.equal(backend.getRequest(alice, created.id).status, 'pending_approval');
    backend.advance(SECOND);
    const approved = backend.getRequest(alice, created.id);
    assert.equal(approved.status, 'granting');
    assert.deepEqual(
      approved.approvals.map((a) => [a.approver.id, a.status, a.reason]),
      [['usr_carol', 'approved', SIMULATED_APPROVAL_REASON]],
    );
    backend.advance(LIFECYCLE.grantingMs);
    assert.equal(backend.getRequest(alice, created.id).status, 'active');
  });

  it('does not let the simulated approver act on a request decided meanwhile', () => {
    const backend = smallBackend();
    const created = submitOne(backend, alice, {
      resources: [{ resource_id: 'res_github_payments_api', permission_id: 'perm_github_write' }],
      duration_hours: 1,
      justification: 'Release.',
    });
    backend.reject(carol, created.id, { reason: 'Not today.' });
    backend.advance(10 * MINUTE);
    const rejected = backend.getRequest(alice, created.id);
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.approvals[0]?.status, 'rejected');
  });

  it('withdraws a pending request at once and revokes an active one through revoking', () => {
    const backend = smallBackend();
    const pending = submitOne(backend, alice, prodOrders);
    const withdrawn = backend.revoke(alice, pending.id);
    assert.equal(withdrawn.status, 'revoked');
    assert.equal(withdrawn.revocation_reason, 'user');
    assert.equal(withdrawn.revoked_at, iso(backend.now().getTime()));

    const automatic = submitOne(backend, alice, devOrders);
    backend.advance(LIFECYCLE.grantingMs + MINUTE);
    const revoking = backend.revoke(alice, automatic.id);
    assert.equal(revoking.status, 'revoking');
    assert.equal(revoking.revocation_reason, 'user');
    backend.advance(LIFECYCLE.revokingMs);
    const revoked = backend.getRequest(alice, automatic.id);
    assert.equal(revoked.status, 'revoked');
    assert.equal(revoked.revocation_reason, 'user', 'the expiry that was scheduled does not overwrite it');
    backend.advance(3 * HOUR);
    assert.equal(backend.getRequest(alice, automatic.id).revocation_reason, 'user');
  });

  it('holds the short maximum duration of Kubernetes production', () => {
    const backend = smallBackend();
    const body = {
      resources: [{ resource_id: 'res_k8s_payments', permission_id: 'perm_k8s_edit' }],
      justification: 'Hotfix.',
    };
    const errors = expectFieldErrors(
      () => backend.submit(alice, { ...body, duration_hours: 2 }, undefined),
      'duration_hours out_of_range',
    );
    assert.match(errors[0]?.message ?? '', /at most 1 hour/);
    const created = submitOne(backend, alice, { ...body, duration_hours: 1 });
    backend.advance(LIFECYCLE.grantingMs);
    const active = backend.getRequest(alice, created.id);
    assert.equal(Date.parse(active.expires_at ?? '') - Date.parse(active.granted_at ?? ''), HOUR);
  });

  it('asks a stand-in when the approver is the requester', () => {
    const backend = smallBackend();
    const own = submitOne(backend, bob, { ...prodOrders });
    assert.deepEqual(
      own.approvals.map((a) => a.approver.id),
      ['usr_carol'],
    );
  });

  it('never lets a requester or grantee who approves for the flow count or lower its bar', () => {
    const backend = smallBackend();
    // Bob and Carol must both approve Production cloud; Carol requesting leaves only Bob.
    const problem = expectProblem(() => backend.submit(carol, prodCloud, undefined), 422);
    assert.deepEqual(
      problem.problem.errors?.map((e) => `${e.field} ${e.code}`),
      ['resources[0].resource_id not_allowed'],
    );
    assert.match(problem.problem.errors?.[0]?.message ?? '', /needs 2 approvers .* and has 1/);
    const preview = backend.preview(carol, prodCloud);
    assert.deepEqual(
      preview.errors.map((e) => `${e.field} ${e.code}`),
      ['resources[0].resource_id not_allowed'],
    );
    // Bob for Alice: Bob is an approver, so only Carol is left.
    expectFieldErrors(
      () => backend.submit(bob, { ...prodCloud, grantee_id: 'usr_alice' }, undefined),
      'resources[0].resource_id not_allowed',
    );

    // With both approvers eligible, one approval is not enough.
    const fromAlice = submitOne(backend, alice, prodCloud);
    assert.equal(backend.approve(bob, fromAlice.id, {}).status, 'pending_approval');
    assert.equal(backend.approve(carol, fromAlice.id, {}).status, 'granting');
  });

  it('tells status listeners of every status change, creation included', () => {
    const backend = smallBackend();
    const changes: StatusChange[] = [];
    const stop = backend.onStatusChange((change) => changes.push(change));
    const created = submitOne(backend, alice, devOrders);
    backend.favorite(alice, created.id);
    backend.advance(3 * HOUR);
    stop();
    submitOne(backend, alice, devOrders);
    const ofCreated = changes
      .filter((c) => c.request.id === created.id)
      .map((c) => `${c.previousStatus}→${c.request.status}`);
    assert.deepEqual(ofCreated, ['null→granting', 'granting→active', 'active→revoking', 'revoking→revoked']);
    assert.ok(
      changes.some((c) => c.request.id !== created.id),
      'the seeded history’s pending transitions are heard too',
    );
    assert.equal(changes.filter((c) => c.previousStatus === null).length, 1, 'nothing after unsubscribing');
  });
});
