// Extending an active access: the flow's policy, at once under an automatic flow, after approval
// otherwise, never a gap nor an early revoke, expiry while an extension waits, idempotent replays, and
// the events and notifications each change makes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Caller, Schemas, StreamEvent } from './api.js';
import type { ReferenceBackend } from './backend.js';
import { LIFECYCLE } from './constants.js';
import {
  HOUR,
  MINUTE,
  alice,
  bob,
  carol,
  dave,
  expectFieldErrors,
  expectProblem,
  fieldCodes,
  smallBackend,
} from './test-support.test.js';

type Request = Schemas['AccessRequest'];

const stagingDb = { resource_id: 'res_staging_payments_db', permission_id: 'perm_pg_readonly' };
const prodDb = { resource_id: 'res_prod_orders_db', permission_id: 'perm_pg_readonly' };
const prodCloud = { resource_id: 'res_aws_1234', permission_id: 'perm_aws_readonly' };
const more = (hours: number) => ({ hours, justification: 'The migration runs late.' });

/** A fresh active request of `caller` (for `grantee_id` when given), approved by Bob when it must be. */
function active(
  backend: ReferenceBackend,
  item: typeof stagingDb,
  body: Record<string, unknown> = {},
  caller: Caller = alice,
): Request {
  const [created] = backend.submit(
    caller,
    { resources: [item], duration_hours: 2, justification: 'Audit.', ...body },
    undefined,
  ).body.requests;
  assert.ok(created);
  if (created.status === 'pending_approval') backend.approve(bob, created.id, {});
  backend.advance(LIFECYCLE.grantingMs);
  const request = backend.getRequest(caller, created.id);
  assert.equal(request.status, 'active');
  return request;
}

const expiry = (request: Request): number => Date.parse(request.expires_at ?? '');

describe('extending under an automatic flow', () => {
  it('moves the expiry at once (200), counts the extension, and expires at the new time only', () => {
    const backend = smallBackend();
    const request = active(backend, stagingDb);
    assert.deepEqual(request.extension, {
      max_hours: 8,
      allowed: 2,
      remaining: 2,
      requires_approval: false,
      extended_hours: 0,
      pending: null,
      last: null,
    });
    assert.equal(request.can.extend, true);

    const result = backend.extend(alice, request.id, more(3));
    assert.equal(result.status, 200);
    assert.equal(expiry(result.body), expiry(request) + 3 * HOUR);
    assert.equal(result.body.extension?.remaining, 1);
    assert.equal(result.body.extension?.extended_hours, 3);
    assert.equal(result.body.extension?.last?.status, 'approved');
    assert.equal(result.body.extension?.last?.decided_at, result.body.updated_at);
    assert.deepEqual(result.body.extension?.last?.approvals, []);

    // The old expiry passes without a revoke; the new one ends the access.
    backend.advance(expiry(request) - backend.now().getTime() + MINUTE);
    assert.equal(backend.getRequest(alice, request.id).status, 'active');
    backend.advance(3 * HOUR - MINUTE); // to the new expiry
    const expired = backend.getRequest(alice, request.id);
    assert.equal(expired.status, 'revoking');
    assert.equal(expired.revocation_reason, 'expired');
  });

  it('refuses another extension once the flow’s are used up: too_many, and can.extend false', () => {
    const backend = smallBackend();
    const request = active(backend, stagingDb);
    backend.extend(alice, request.id, more(1));
    const twice = backend.extend(alice, request.id, more(1)).body;
    assert.equal(twice.extension?.remaining, 0);
    assert.equal(twice.can.extend, false);
    const [error] = expectFieldErrors(() => backend.extend(alice, request.id, more(1)), ' too_many');
    assert.equal(
      error?.message,
      'Development and staging – automatic allows 2 extensions per request; this request has had 2.',
    );
  });
});

describe('the extension policy and the rules', () => {
  it('answers field errors: hours over the flow’s most, under 1, missing; a blank justification', () => {
    const backend = smallBackend();
    const request = active(backend, stagingDb);
    const [tooMany] = expectFieldErrors(
      () => backend.extend(alice, request.id, more(9)),
      'hours out_of_range',
    );
    assert.equal(
      tooMany?.message,
      'Development and staging – automatic allows at most 8 hours per extension.',
    );
    expectFieldErrors(() => backend.extend(alice, request.id, more(0)), 'hours out_of_range');
    const errors = expectFieldErrors(
      () => backend.extend(alice, request.id, { justification: '   ' }),
      'hours required',
      'justification required',
    );
    assert.equal(errors.length, 2);
    expectFieldErrors(
      () => backend.extend(alice, request.id, { hours: 'two', justification: 'x' }),
      'hours invalid_type',
    );
    assert.equal(backend.getRequest(alice, request.id).expires_at, request.expires_at);
  });

  it('refuses a flow that allows none with not_allowed, and says so with extension null', () => {
    const backend = smallBackend();
    const soon = backend.getRequest(alice, backend.history.aliceActiveExpiringSoon);
    assert.equal(soon.status, 'active');
    assert.equal(soon.extension, null);
    assert.equal(soon.can.extend, false);
    const [error] = expectFieldErrors(() => backend.extend(alice, soon.id, more(1)), ' not_allowed');
    assert.match(error?.message ?? '', /does not allow extensions/);
  });

  it('lets only the requester extend an active request: 403 for the on-behalf grantee, 409 otherwise', () => {
    const backend = smallBackend();
    const h = backend.history;
    const onBehalf = expectProblem(() => backend.extend(alice, h.bobForAliceActive, more(1)), 403);
    assert.equal(
      onBehalf.problem.detail,
      'This request was made on your behalf by Bob Example; only the requester can extend it.',
    );
    assert.equal(backend.getRequest(alice, h.bobForAliceActive).can.extend, false);
    assert.equal(backend.getRequest(bob, h.bobForAliceActive).can.extend, true);
    expectProblem(() => backend.extend(dave, h.aliceForDaveActive, more(1)), 403);
    expectProblem(() => backend.extend(alice, h.alicePendingManager, more(1)), 409);
    expectProblem(() => backend.extend(alice, h.aliceRejected, more(1)), 409);
    expectProblem(() => backend.extend(carol, h.aliceActiveLegacyCrm, more(1)), 404);
  });

  it('replays the first answer for the same Idempotency-Key and body, extending once', () => {
    const backend = smallBackend();
    const request = active(backend, stagingDb);
    const first = backend.extend(alice, request.id, more(2), 'key-1');
    const again = backend.extend(alice, request.id, more(2), 'key-1');
    assert.deepEqual(again, first);
    assert.equal(backend.getRequest(alice, request.id).extension?.remaining, 1);
    const mismatch = expectProblem(() => backend.extend(alice, request.id, more(3), 'key-1'), 422);
    assert.deepEqual(fieldCodes(mismatch.problem.errors), ['Idempotency-Key idempotency_mismatch']);
    // A refused call is not remembered: the same key can be sent again once it would succeed.
    expectProblem(() => backend.extend(alice, request.id, more(99), 'key-2'), 422);
    assert.equal(backend.extend(alice, request.id, more(1), 'key-2').status, 200);
  });
});

describe('extending under a flow with approvers', () => {
  it('waits (202) with the access active and its expiry unchanged, in the approvers’ queue', () => {
    const backend = smallBackend();
    const request = active(backend, prodDb);
    const result = backend.extend(alice, request.id, more(2));
    assert.equal(result.status, 202);
    assert.equal(result.body.status, 'active');
    assert.equal(result.body.expires_at, request.expires_at);
    assert.equal(result.body.can.extend, false);
    assert.equal(result.body.can.use_access, true);
    const pending = result.body.extension?.pending;
    assert.equal(pending?.status, 'pending');
    assert.equal(pending?.hours, 2);
    assert.deepEqual(
      pending?.approvals.map((a) => [a.approver.id, a.status]),
      [['usr_bob', 'pending']],
    );
    const conflict = expectProblem(() => backend.extend(alice, request.id, more(1)), 409);
    assert.equal(conflict.problem.detail, 'An extension of this request is already waiting for approval.');

    const queue = backend.approvals(bob, {}).items;
    const waiting = queue.find((r) => r.id === request.id);
    assert.equal(waiting?.can.approve, true);
    assert.equal(waiting?.can.reject, true);
    expectProblem(() => backend.approve(alice, request.id, {}), 403);
  });

  it('never leaves a gap: approved before the old expiry, the access runs on to the new one', () => {
    const backend = smallBackend();
    const request = active(backend, prodDb);
    backend.extend(alice, request.id, more(3));
    backend.advance(expiry(request) - backend.now().getTime() - MINUTE);
    const approved = backend.approve(bob, request.id, { reason: 'Fine.' });
    assert.equal(approved.status, 'active');
    assert.equal(expiry(approved), expiry(request) + 3 * HOUR);
    assert.equal(approved.extension?.pending, null);
    assert.equal(approved.extension?.last?.status, 'approved');
    assert.equal(approved.extension?.last?.reason, 'Fine.');
    assert.equal(approved.extension?.remaining, 0);
    assert.equal(approved.can.approve, false);

    backend.advance(2 * MINUTE); // past the old expiry
    assert.equal(backend.getRequest(alice, request.id).status, 'active');
    backend.advance(3 * HOUR - MINUTE); // to the new expiry
    assert.equal(backend.getRequest(alice, request.id).status, 'revoking');
  });

  it('keeps the expiry when an approver rejects the extension, with the reason', () => {
    const backend = smallBackend();
    const request = active(backend, prodDb);
    backend.extend(alice, request.id, more(2));
    const rejected = backend.reject(bob, request.id, { reason: 'Finish tomorrow.' });
    assert.equal(rejected.status, 'active');
    assert.equal(rejected.expires_at, request.expires_at);
    assert.equal(rejected.rejection_reason, null);
    assert.equal(rejected.extension?.last?.status, 'rejected');
    assert.equal(rejected.extension?.last?.reason, 'Finish tomorrow.');
    assert.equal(rejected.extension?.remaining, 1);
    assert.equal(backend.getRequest(alice, request.id).can.extend, true);
    expectProblem(() => backend.approve(bob, request.id, {}), 409);
  });

  it('expires at the old time when the extension is still pending, and drops it with the reason', () => {
    const backend = smallBackend();
    const request = active(backend, prodDb);
    backend.extend(alice, request.id, more(2));
    backend.advance(expiry(request) - backend.now().getTime());
    const expired = backend.getRequest(alice, request.id);
    assert.equal(expired.status, 'revoking');
    assert.equal(expired.revocation_reason, 'expired');
    assert.equal(expired.expires_at, request.expires_at);
    assert.equal(expired.extension?.pending, null);
    assert.equal(expired.extension?.last?.status, 'dropped');
    assert.equal(
      expired.extension?.last?.reason,
      `The access expired at ${request.expires_at} before the extension was approved.`,
    );
    const late = expectProblem(() => backend.approve(bob, request.id, {}), 409);
    assert.deepEqual(fieldCodes(late.problem.errors), ['status invalid_state']);
    assert.ok(!backend.approvals(bob, {}).items.some((r) => r.id === request.id));
  });

  it('drops a pending extension when the requester revokes the access', () => {
    const backend = smallBackend();
    const request = active(backend, prodDb);
    backend.extend(alice, request.id, more(2));
    const revoked = backend.revoke(alice, request.id);
    assert.equal(revoked.status, 'revoking');
    assert.equal(revoked.extension?.last?.status, 'dropped');
    assert.equal(
      revoked.extension?.last?.reason,
      'The request was revoked before the extension was approved.',
    );
  });

  it('gives a request of a flow that allows none (production cloud) extension null', () => {
    const backend = smallBackend();
    const [created] = backend.submit(
      alice,
      {
        resources: [prodCloud],
        duration_hours: 2,
        justification: 'Cost anomaly.',
        ticket: { type_id: 'tt_jira', id: 'OPS-1' },
        custom_fields: { change_type: 'standard' },
      },
      undefined,
    ).body.requests;
    assert.equal(created?.extension, null);
  });
});

describe('the news of an extension', () => {
  it('is a request.updated event for the requester and the approvers, and a notification for the grantee', () => {
    const backend = smallBackend();
    const request = active(backend, prodDb, { grantee_id: 'usr_dave' });
    const seen: Record<string, StreamEvent[]> = { alice: [], bob: [], dave: [] };
    backend.subscribe(alice, undefined, (event) => seen.alice?.push(event));
    backend.subscribe(bob, undefined, (event) => seen.bob?.push(event));
    backend.subscribe(dave, undefined, (event) => seen.dave?.push(event));
    backend.clearNotifications();

    backend.extend(alice, request.id, more(2));
    backend.approve(bob, request.id, {});
    for (const events of Object.values(seen)) {
      assert.deepEqual(
        events.map(
          (e) => e.data.request.extension?.pending?.status ?? e.data.request.extension?.last?.status,
        ),
        ['pending', 'approved'],
      );
    }
    assert.equal(seen.bob?.[0]?.data.request.can.approve, true);

    const sent = backend.notifications({ requestId: request.id });
    assert.deepEqual(
      sent.map((n) => [n.recipient.id, n.role, n.extension_status, n.status, n.previous_status]),
      [
        ['usr_dave', 'grantee', 'pending', 'active', 'active'],
        ['usr_alice', 'requester', 'pending', 'active', 'active'],
        ['usr_dave', 'grantee', 'approved', 'active', 'active'],
        ['usr_alice', 'requester', 'approved', 'active', 'active'],
      ],
    );
    const approved = backend.getRequest(alice, request.id);
    assert.equal(
      sent[2]?.text,
      `The extension of your access to prod-orders-db (ReadOnly) by 2 hours was granted: the access is active until ${approved.expires_at}.`,
    );
  });
});

describe('the seeded world', () => {
  it('gives Alice an active request to extend under an automatic flow and one under an approval flow', () => {
    const backend = smallBackend();
    const h = backend.history;
    const automatic = backend.getRequest(alice, h.aliceActiveLegacyCrm);
    const manual = backend.getRequest(alice, h.aliceActiveApprovedByBob);
    for (const request of [automatic, manual]) {
      assert.equal(request.status, 'active');
      assert.equal(request.can.extend, true);
    }
    assert.equal(automatic.extension?.requires_approval, false);
    assert.equal(manual.extension?.requires_approval, true);
    assert.equal(manual.access_flow.id, 'flow_prod_db');
    assert.equal(backend.extend(alice, manual.id, more(1)).status, 202);
    assert.equal(backend.extend(alice, automatic.id, more(1)).status, 200);
  });
});

/** Alice's active SaaS admin access: asked for, approved by the simulated Carol after her delay, granted. */
function approvedBySimulatedCarol(backend: ReferenceBackend, hours: number): Request {
  const saasAdmin = { resource_id: 'res_github_payments_api', permission_id: 'perm_github_admin' };
  const [created] = backend.submit(
    alice,
    { resources: [saasAdmin], duration_hours: hours, justification: 'Branch protection.' },
    undefined,
  ).body.requests;
  assert.ok(created);
  backend.advance(2 * MINUTE + LIFECYCLE.grantingMs);
  const granted = backend.getRequest(alice, created.id);
  assert.equal(granted.status, 'active');
  return granted;
}

describe('the approvers’ side of an extension', () => {
  it('lists an extension the caller decided under status=decided, most recent first', () => {
    const backend = smallBackend();
    const request = active(backend, prodDb);
    const decidedIds = () => backend.approvals(bob, { status: 'decided' }).items.map((r) => r.id);
    // Bob approved the request itself first: it is listed already, and moves back to the top once he
    // decides its extension after another decision of his.
    const other = active(backend, prodDb, { justification: 'Another audit.' });
    assert.deepEqual(decidedIds().slice(0, 2), [other.id, request.id]);
    backend.extend(alice, request.id, more(2));
    backend.advance(MINUTE);
    backend.reject(bob, request.id, { reason: 'Not this week.' });
    assert.deepEqual(decidedIds().slice(0, 2), [request.id, other.id]);
    const [first] = backend.approvals(bob, { status: 'decided' }).items;
    assert.equal(first?.extension?.last?.status, 'rejected');
  });

  it('lets the simulated approver approve an extension after her delay, as she approves requests', () => {
    const backend = smallBackend();
    const created = approvedBySimulatedCarol(backend, 1);
    const granted = created;
    assert.equal(granted.extension?.requires_approval, true);
    const asked = backend.extend(alice, created.id, more(1));
    assert.equal(asked.status, 202);
    backend.advance(2 * MINUTE - 1000);
    assert.equal(backend.getRequest(alice, created.id).extension?.pending?.hours, 1, 'still waiting');
    backend.advance(1000);
    const extended = backend.getRequest(alice, created.id);
    assert.equal(extended.status, 'active');
    assert.equal(extended.extension?.pending, null);
    assert.equal(extended.extension?.last?.status, 'approved');
    assert.deepEqual(
      extended.extension?.last?.approvals.map((a) => [a.approver.id, a.status]),
      [['usr_carol', 'approved']],
    );
    assert.equal(expiry(extended), expiry(granted) + HOUR);
  });

  it('does not let the simulated approver decide an extension decided meanwhile, nor a later one early', () => {
    const backend = smallBackend();
    const created = approvedBySimulatedCarol(backend, 4);
    backend.extend(alice, created.id, more(1));
    backend.reject(carol, created.id, { reason: 'Not now.' });
    backend.advance(MINUTE);
    // Asked again a minute later: the first job (due now + 1 min) must not approve this one.
    backend.extend(alice, created.id, more(2));
    backend.advance(MINUTE + 1000);
    const waiting = backend.getRequest(alice, created.id);
    assert.equal(waiting.extension?.pending?.hours, 2, 'the second extension still waits');
    backend.advance(MINUTE);
    assert.equal(backend.getRequest(alice, created.id).extension?.last?.status, 'approved');
  });
});
