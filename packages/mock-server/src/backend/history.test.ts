import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { STATUS_IDS } from '@access-requests/contract';
import { DEFAULT_START_TIME, LIFECYCLE } from './constants.js';
import { MINUTE, SECOND, alice, bob, carol, dave, smallBackend } from './test-support.test.js';

describe('the seeded history', () => {
  it('gives Alice requests in each of the eight statuses', () => {
    const backend = smallBackend();
    const mine = backend.listRequests(alice, { limit: '500' }).items;
    const onBehalf = backend.listRequests(alice, { scope: 'on_behalf', limit: '500' }).items;
    assert.deepEqual(new Set([...mine, ...onBehalf].map((r) => r.status)), new Set(STATUS_IDS));
    assert.ok(mine.every((r) => Date.parse(r.created_at) < DEFAULT_START_TIME.getTime()));
    assert.equal(backend.now().toISOString(), DEFAULT_START_TIME.toISOString());
  });

  it('tells the story each seeded request is there for', () => {
    const backend = smallBackend();
    const get = (id: string) => backend.getRequest(alice, id);
    const h = backend.history;
    const approvers = (id: string) => get(id).approvals.map((a) => `${a.approver.id}:${a.status}`);
    assert.deepEqual(approvers(h.alicePendingManager), ['usr_bob:pending']);
    assert.deepEqual(approvers(h.alicePendingTwoApprovers), ['usr_bob:pending', 'usr_carol:pending']);
    assert.equal(get(h.aliceForDavePending).grantee.id, 'usr_dave');
    const rejected = get(h.aliceRejected);
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.approvals[0]?.approver.id, 'usr_bob');
    assert.equal(rejected.rejection_reason, rejected.approvals[0]?.reason);
    assert.match(get(h.aliceFailed).status_reason ?? '', /Legacy CRM/);
    assert.deepEqual(
      [get(h.aliceRevokedByUser).status, get(h.aliceRevokedByUser).revocation_reason],
      ['revoked', 'user'],
    );
    assert.deepEqual(
      [get(h.aliceOnCallExpired).status, get(h.aliceOnCallExpired).revocation_reason],
      ['revoked', 'expired'],
    );
    assert.equal(get(h.aliceOnCallExpired).target.type, 'bundle');
    assert.equal(get(h.aliceRevoking).status, 'revoking');
    assert.equal(get(h.aliceGranting).status, 'granting');
    const soon = get(h.aliceActiveExpiringSoon);
    assert.equal(soon.status, 'active');
    assert.ok(Date.parse(soon.expires_at ?? '') - backend.now().getTime() <= 15 * MINUTE);
    const byBob = get(h.bobForAliceActive);
    assert.deepEqual([byBob.status, byBob.requester.id, byBob.can.revoke], ['active', 'usr_bob', false]);
    const favorites = backend.myAccess(alice).favorites;
    assert.ok(
      favorites.length >= 2 &&
        favorites.every((r) => r.requester.id === 'usr_alice' && r.grantee.id === 'usr_alice'),
    );
    assert.ok(favorites.some((r) => r.status === 'revoked' && r.revocation_reason === 'expired'));
  });

  it('gives Bob and Carol approvals waiting, and Dave requests of his own', () => {
    const backend = smallBackend();
    const h = backend.history;
    const pending = (caller: typeof bob) => backend.approvals(caller, {}).items.map((r) => r.id);
    assert.deepEqual(pending(bob), [
      h.colleagueWaitingForBobAndCarol,
      h.alicePendingTwoApprovers,
      h.aliceForDavePending,
      h.alicePendingManager,
    ]);
    assert.deepEqual(pending(carol), [
      h.colleagueWaitingForBobAndCarol,
      h.alicePendingTwoApprovers,
      h.colleagueWaitingForSimulatedCarol,
    ]);
    assert.deepEqual(
      backend.approvals(bob, { status: 'decided' }).items.map((r) => r.id),
      [h.aliceScheduled, h.aliceActiveApprovedByBob, h.colleagueApprovedByBob, h.aliceRejected],
    );
    assert.ok(backend.approvals(bob, {}).items.every((r) => r.can.approve && r.can.reject));
    assert.deepEqual(pending(alice), []);
    const davesStatuses = backend.listRequests(dave, {}).items.map((r) => r.status);
    assert.deepEqual(davesStatuses.sort(), ['active', 'pending_approval', 'revoked']);
  });

  it('completes the transitions still pending at the start when time advances', () => {
    const backend = smallBackend();
    const h = backend.history;
    backend.advance(LIFECYCLE.grantingMs);
    assert.equal(backend.getRequest(alice, h.aliceGranting).status, 'active');
    assert.equal(backend.getRequest(alice, h.aliceRevoking).status, 'revoked');
    backend.advance(MINUTE);
    const simulated = backend.getRequest(carol, h.colleagueWaitingForSimulatedCarol);
    assert.equal(
      simulated.approvals[0]?.status,
      'approved',
      'the simulated approver decided a minute after the start',
    );
    assert.equal(simulated.status, 'active', 'and it was granted 5 s later');
    backend.advance(10 * MINUTE);
    const expired = backend.getRequest(alice, h.aliceActiveExpiringSoon);
    assert.deepEqual([expired.status, expired.revocation_reason], ['revoked', 'expired']);
  });

  it('is the same for the same seed, and differs for another seed', () => {
    const one = smallBackend({ seed: 11 });
    const same = smallBackend({ seed: 11 });
    const other = smallBackend({ seed: 12 });
    assert.deepEqual(same.history, one.history);
    assert.deepEqual(same.listRequests(bob, { limit: '500' }), one.listRequests(bob, { limit: '500' }));
    assert.deepEqual(same.resources(alice, { limit: '500' }), one.resources(alice, { limit: '500' }));
    assert.notDeepEqual(other.history, one.history);
    assert.notDeepEqual(other.resources(alice, { limit: '500' }), one.resources(alice, { limit: '500' }));
  });

  it('starts wherever the start time says', () => {
    const startTime = new Date('2030-05-01T12:00:00Z');
    const backend = smallBackend({ startTime });
    assert.equal(backend.now().toISOString(), startTime.toISOString());
    const granting = backend.getRequest(alice, backend.history.aliceGranting);
    assert.equal(Date.parse(granting.created_at), startTime.getTime() - 2 * SECOND);
  });
});

describe('reset', () => {
  it('throws the state away and rebuilds the seeded world, keeping the options unless given', () => {
    const backend = smallBackend({ seed: 5 });
    const seeded = backend.listRequests(alice, { limit: '500' });
    backend.submit(
      alice,
      {
        resources: [{ resource_id: 'res_dev_orders_db', permission_id: 'perm_pg_readonly' }],
        duration_hours: 1,
      },
      undefined,
    );
    backend.advance(3 * 60 * MINUTE);
    backend.setSpeed(10);
    backend.reset();
    assert.deepEqual(backend.listRequests(alice, { limit: '500' }), seeded);
    assert.equal(backend.now().toISOString(), DEFAULT_START_TIME.toISOString());
    assert.deepEqual(
      { ...backend.options, startTime: undefined },
      { seed: 5, catalogSize: 300, speed: 0, startTime: undefined },
    );

    backend.reset({ seed: 6, catalogSize: 400 });
    assert.equal(backend.options.seed, 6);
    assert.equal(backend.resources(alice, { limit: '500' }).items.length, 400);
    assert.throws(() => backend.reset({ catalogSize: -1 }), RangeError);
  });
});
