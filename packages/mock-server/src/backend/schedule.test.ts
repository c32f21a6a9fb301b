// A scheduled start: the window each flow sets, the field errors of a bad start, approval before the
// start, the start on the scheduler's clock (granting → active, expiring `duration_hours` after the
// start), a cancel before the start, and the events and notifications of the start.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Schemas, StreamEvent } from './api.js';
import type { ReferenceBackend } from './backend.js';
import { LIFECYCLE } from './constants.js';
import {
  HOUR,
  MINUTE,
  alice,
  bob,
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
const k8sProd = { resource_id: 'res_k8s_payments', permission_id: 'perm_k8s_edit' };

/** A time as the reference server writes it (RFC 3339, whole seconds). */
const iso = (milliseconds: number): string => new Date(milliseconds).toISOString().replace('.000Z', 'Z');

/** The whole hour `hours` after the backend's now (its start time is on an hour). */
const hoursAhead = (backend: ReferenceBackend, hours: number): string =>
  iso(Math.ceil(backend.now().getTime() / HOUR) * HOUR + hours * HOUR);

function submit(
  backend: ReferenceBackend,
  item: typeof stagingDb,
  startsAt: string,
  body: Record<string, unknown> = {},
): Request {
  const [created] = backend.submit(
    alice,
    {
      resources: [item],
      duration_hours: 2,
      justification: 'Maintenance window.',
      starts_at: startsAt,
      ...body,
    },
    undefined,
  ).body.requests;
  assert.ok(created);
  return created;
}

const untilTime = (backend: ReferenceBackend, iso: string, extraMs = 0): void =>
  backend.advance(Date.parse(iso) - backend.now().getTime() + extraMs);

describe('the scheduling window', () => {
  it('is in each preview group: 168 hours, 72 for production cloud, 0 where no start may be scheduled', () => {
    const backend = smallBackend();
    const preview = backend.preview(alice, {
      resources: [stagingDb, prodCloud, k8sProd],
      duration_hours: 1,
      justification: 'Audit.',
      ticket: { type_id: 'tt_jira', id: 'PAY-1' },
      custom_fields: { change_type: 'standard' },
    });
    assert.deepEqual(
      preview.groups.map((g) => [g.access_flow.id, g.max_start_ahead_hours]),
      [
        ['flow_nonprod', 168],
        ['flow_prod_cloud', 72],
        ['flow_k8s_prod', 0],
      ],
    );
    assert.deepEqual(preview.errors, []);
  });
});

describe('a bad start', () => {
  const cases: readonly (readonly [string, (b: ReferenceBackend) => string, string, RegExp])[] = [
    ['in the past', (b) => hoursAhead(b, -1), 'out_of_range', /after now/],
    ['now', (b) => iso(b.now().getTime()), 'out_of_range', /after now/],
    [
      'not on an hour',
      (b) => iso(Date.parse(hoursAhead(b, 2)) + 30 * MINUTE),
      'invalid_format',
      /whole hour/,
    ],
    ['not a date-time', () => 'tomorrow at nine', 'invalid_format', /RFC 3339/],
    ['a date without a time zone', (b) => hoursAhead(b, 2).replace('Z', ''), 'invalid_format', /RFC 3339/],
    ['beyond the window', (b) => hoursAhead(b, 169), 'out_of_range', /168 hours ahead/],
  ];
  for (const [what, startsAt, code, message] of cases) {
    it(`is a field error on starts_at (${what}), in preview and submit, and creates nothing`, () => {
      const backend = smallBackend();
      const before = backend.listRequests(alice, { limit: '500' }).items.length;
      const body = { resources: [stagingDb], duration_hours: 2, starts_at: startsAt(backend) };
      const preview = backend.preview(alice, body);
      assert.deepEqual(fieldCodes(preview.errors), [`starts_at ${code}`]);
      assert.match(preview.errors[0]?.message ?? '', message);
      const [error] = expectFieldErrors(() => backend.submit(alice, body, undefined), `starts_at ${code}`);
      assert.match(error?.message ?? '', message);
      assert.equal(backend.listRequests(alice, { limit: '500' }).items.length, before);
    });
  }

  it('is bounded by the strictest flow of the submission', () => {
    const backend = smallBackend();
    const body = {
      resources: [stagingDb, prodCloud],
      duration_hours: 2,
      justification: 'Audit.',
      ticket: { type_id: 'tt_jira', id: 'PAY-1' },
      custom_fields: { change_type: 'standard' },
    };
    const late = backend.preview(alice, { ...body, starts_at: hoursAhead(backend, 73) });
    assert.deepEqual(fieldCodes(late.errors), ['starts_at out_of_range']);
    assert.match(late.errors[0]?.message ?? '', /Production cloud .* at most 72 hours ahead/);
    assert.deepEqual(backend.preview(alice, { ...body, starts_at: hoursAhead(backend, 72) }).errors, []);
  });

  it('is not_allowed under a flow that allows no scheduled start', () => {
    const backend = smallBackend();
    const body = { resources: [k8sProd], duration_hours: 1, justification: 'Rollback.' };
    expectFieldErrors(
      () => backend.submit(alice, { ...body, starts_at: hoursAhead(backend, 2) }, undefined),
      'starts_at not_allowed',
    );
  });

  it('of the wrong JSON type is a 422 invalid_type', () => {
    const backend = smallBackend();
    expectFieldErrors(
      () => backend.submit(alice, { resources: [stagingDb], duration_hours: 2, starts_at: 12 }, undefined),
      'starts_at invalid_type',
    );
  });
});

describe('a scheduled request under an automatic flow', () => {
  it('waits in scheduled, is granted at the start and expires duration_hours after it', () => {
    const backend = smallBackend();
    const startsAt = hoursAhead(backend, 2);
    const created = submit(backend, stagingDb, startsAt);
    assert.equal(created.status, 'scheduled');
    assert.equal(created.starts_at, startsAt);
    assert.equal(created.expires_at, null);
    assert.deepEqual(created.can, {
      revoke: true,
      favorite: true,
      request_again: false,
      use_access: false,
      approve: false,
      reject: false,
      extend: false,
    });

    untilTime(backend, startsAt, -1);
    assert.equal(backend.getRequest(alice, created.id).status, 'scheduled');
    backend.advance(1);
    assert.equal(backend.getRequest(alice, created.id).status, 'granting');
    backend.advance(LIFECYCLE.grantingMs);
    const active = backend.getRequest(alice, created.id);
    assert.equal(active.status, 'active');
    assert.equal(active.granted_at, iso(Date.parse(startsAt) + LIFECYCLE.grantingMs));
    assert.equal(active.expires_at, iso(Date.parse(startsAt) + 2 * HOUR));

    untilTime(backend, active.expires_at ?? '');
    const expired = backend.getRequest(alice, created.id);
    assert.deepEqual([expired.status, expired.revocation_reason], ['revoking', 'expired']);
  });

  it('moves on by itself while the clock runs', async () => {
    const timers: (() => void)[] = [];
    let real = 0;
    const backend = smallBackend(
      {},
      {
        realTime: () => real,
        timers: { setTimeout: (callback) => timers.push(callback), clearTimeout: () => {} },
      },
    );
    const startsAt = hoursAhead(backend, 1);
    const created = submit(backend, stagingDb, startsAt);
    backend.setSpeed(60);
    real += Math.ceil((Date.parse(startsAt) - backend.now().getTime()) / 60);
    timers.shift()?.();
    assert.equal(backend.getRequest(alice, created.id).status, 'granting');
  });
});

describe('a scheduled request under an approval flow', () => {
  it('is pending_approval first; approved before the start it waits in scheduled, then is granted', () => {
    const backend = smallBackend();
    const startsAt = hoursAhead(backend, 5);
    const created = submit(backend, prodDb, startsAt);
    assert.equal(created.status, 'pending_approval');
    assert.equal(created.starts_at, startsAt);
    const approved = backend.approve(bob, created.id, {});
    assert.equal(approved.status, 'scheduled');
    untilTime(backend, startsAt, LIFECYCLE.grantingMs);
    const active = backend.getRequest(alice, created.id);
    assert.equal(active.status, 'active');
    assert.equal(active.expires_at, iso(Date.parse(startsAt) + 2 * HOUR));
  });

  it('approved after the start is granted at once, for the whole duration from then', () => {
    const backend = smallBackend();
    const startsAt = hoursAhead(backend, 1);
    const created = submit(backend, prodDb, startsAt);
    untilTime(backend, startsAt, 30 * MINUTE);
    assert.equal(backend.getRequest(alice, created.id).status, 'pending_approval');
    assert.equal(backend.approve(bob, created.id, {}).status, 'granting');
    backend.advance(LIFECYCLE.grantingMs);
    const active = backend.getRequest(alice, created.id);
    assert.equal(active.status, 'active');
    assert.equal(Date.parse(active.expires_at ?? '') - Date.parse(active.granted_at ?? ''), 2 * HOUR);
  });
});

describe('cancelling before the start', () => {
  it('revokes it at once (revocation_reason user); the start then does nothing', () => {
    const backend = smallBackend();
    const startsAt = hoursAhead(backend, 2);
    const created = submit(backend, stagingDb, startsAt);
    const revoked = backend.revoke(alice, created.id);
    assert.deepEqual([revoked.status, revoked.revocation_reason], ['revoked', 'user']);
    assert.equal(revoked.can.request_again, true);
    untilTime(backend, startsAt, LIFECYCLE.grantingMs);
    assert.equal(backend.getRequest(alice, created.id).status, 'revoked');
    expectProblem(() => backend.revoke(alice, created.id), 409);
  });

  it('is only the requester’s: the grantee of a request made on their behalf gets 403', () => {
    const backend = smallBackend();
    const created = submit(
      backend,
      { resource_id: 'res_dev_orders_db', permission_id: 'perm_pg_readonly' },
      hoursAhead(backend, 2),
      {
        grantee_id: 'usr_dave',
      },
    );
    assert.equal(created.status, 'scheduled');
    expectProblem(() => backend.revoke(dave, created.id), 403);
  });
});

describe('the news of a scheduled start', () => {
  it('is a request.updated event and a notification when scheduled and when it starts', () => {
    const backend = smallBackend();
    const seen: StreamEvent[] = [];
    backend.subscribe(alice, undefined, (event) => seen.push(event));
    backend.clearNotifications();
    const startsAt = hoursAhead(backend, 2);
    const created = submit(backend, prodDb, startsAt);
    backend.approve(bob, created.id, {});
    untilTime(backend, startsAt, LIFECYCLE.grantingMs);
    const mine = seen.filter((e) => e.data.request.id === created.id);
    assert.deepEqual(
      mine.map((e) => e.data.request.status),
      ['pending_approval', 'scheduled', 'granting', 'active'],
    );
    assert.equal(mine[2]?.data.request.updated_at, startsAt);
    const sent = backend.notifications({ requestId: created.id });
    assert.deepEqual(
      sent.map((n) => [n.status, n.previous_status]),
      [
        ['pending_approval', null],
        ['scheduled', 'pending_approval'],
        ['granting', 'scheduled'],
        ['active', 'granting'],
      ],
    );
    assert.equal(sent[1]?.text.endsWith(`is Scheduled: it starts at ${startsAt}.`), true, sent[1]?.text);
  });
});

describe('the seeded world', () => {
  it('gives Alice a request Bob approved that waits for its start', () => {
    const backend = smallBackend();
    const request = backend.getRequest(alice, backend.history.aliceScheduled);
    assert.equal(request.status, 'scheduled');
    assert.equal(request.approvals[0]?.status, 'approved');
    assert.equal(Date.parse(request.starts_at ?? '') - backend.now().getTime(), 3 * HOUR);
  });
});
