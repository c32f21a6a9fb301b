import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { StreamEvent } from './api.js';
import { createBackend } from './backend.js';
import type { TimerApi } from './scheduler.js';
import { LIFECYCLE, LIMITS } from './constants.js';
import { HOUR, alice, bob, carol, dave, smallBackend } from './test-support.test.js';

const devDb = {
  resources: [{ resource_id: 'res_dev_orders_db', permission_id: 'perm_pg_readonly' }],
  duration_hours: 1,
};
const prodDb = {
  ...devDb,
  resources: [{ resource_id: 'res_prod_orders_db', permission_id: 'perm_pg_readonly' }],
  justification: 'x',
};

function collect(
  backend: ReturnType<typeof smallBackend>,
  caller: typeof alice,
  lastEventId?: string,
): { events: StreamEvent[]; stop: () => void } {
  const events: StreamEvent[] = [];
  const stop = backend.subscribe(caller, lastEventId, (event) => events.push(event));
  return { events, stop };
}

const statusesOf = (events: readonly StreamEvent[], requestId: string) =>
  events.filter((e) => e.data.request.id === requestId).map((e) => e.data.request.status);

describe('the event stream', () => {
  it('sends every change of a request, in order, with monotonic ids', () => {
    const backend = smallBackend();
    const { events } = collect(backend, alice);
    const id = backend.submit(alice, devDb, undefined).body.requests[0]?.id ?? '';
    backend.favorite(alice, id);
    backend.favorite(alice, id);
    backend.advance(2 * HOUR);
    assert.deepEqual(statusesOf(events, id), ['granting', 'granting', 'active', 'revoking', 'revoked']);
    assert.equal(
      events.filter((e) => e.data.request.id === id)[1]?.data.request.favorite,
      true,
      'the favorite change, once',
    );
    const ids = events.map((e) => e.id);
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(events.every((e) => e.data.type === 'request.updated' && /^evt_\d{12}$/.test(e.id)));
  });

  it('reaches the requester, the grantee and the approvers only, each with their own can flags', () => {
    const backend = smallBackend();
    const streams = {
      alice: collect(backend, alice),
      bob: collect(backend, bob),
      carol: collect(backend, carol),
      dave: collect(backend, dave),
    };
    const id =
      backend.submit(alice, { ...prodDb, grantee_id: 'usr_dave' }, undefined).body.requests[0]?.id ?? '';
    const first = (name: keyof typeof streams) =>
      streams[name].events.find((e) => e.data.request.id === id)?.data.request;
    assert.equal(first('alice')?.can.revoke, true);
    assert.equal(first('bob')?.can.approve, true);
    assert.equal(first('dave')?.can.revoke, false);
    assert.equal(first('carol'), undefined);
  });

  it('replays what follows a Last-Event-ID, as the new subscriber sees it, at the state of each event', () => {
    const backend = smallBackend();
    const { events } = collect(backend, alice);
    const id = backend.submit(alice, devDb, undefined).body.requests[0]?.id ?? '';
    backend.advance(LIFECYCLE.grantingMs);
    const [created] = events;
    assert.ok(created);

    const resumed = collect(backend, alice, created.id);
    assert.deepEqual(
      resumed.events.map((e) => e.id),
      events.slice(1).map((e) => e.id),
    );
    assert.equal(resumed.events[0]?.data.request.status, 'active');
    const fromStart = collect(backend, alice, 'evt_000000000000');
    assert.equal(fromStart.events[0]?.data.request.id, id, 'the seeded history left no events');
    assert.equal(
      fromStart.events[0]?.data.request.can.use_access,
      false,
      'can is computed at the snapshot (granting)',
    );
    assert.deepEqual(collect(backend, alice, 'evt_999999999999').events, []);
    assert.deepEqual(collect(backend, alice, 'garbage').events, []);
    assert.deepEqual(collect(backend, carol, created.id).events, [], 'replays respect visibility');
  });

  it('stops after unsubscribing and keeps subscribers across a reset, with ids that keep growing', () => {
    const backend = smallBackend();
    const { events, stop } = collect(backend, alice);
    backend.submit(alice, devDb, undefined);
    const lastBefore = events.at(-1)?.id ?? '';
    backend.reset();
    backend.submit(alice, devDb, undefined);
    const afterReset = events.at(-1)?.id ?? '';
    assert.ok(afterReset > lastBefore);
    stop();
    backend.submit(alice, devDb, undefined);
    assert.equal(events.at(-1)?.id, afterReset);
  });

  it('keeps at least the last 10,000 events, and everything younger than 24 hours', () => {
    const backend = smallBackend();
    const { events } = collect(backend, alice);
    const id = backend.history.aliceRejected;
    for (let i = 0; i < LIMITS.eventRetentionCount + 50; i++)
      (i % 2 ? backend.unfavorite : backend.favorite)(alice, id);
    const firstId = events[0]?.id ?? '';
    assert.equal(
      collect(backend, alice, firstId).events.length,
      events.length - 1,
      'all younger than 24 h are kept',
    );
    backend.advance(25 * HOUR);
    backend.favorite(alice, id);
    assert.deepEqual(collect(backend, alice, firstId).events, [], 'older and beyond 10,000: dropped');
    // Alice sees most, not all, of the newest 10,000 events; the newest 9,000 of hers are surely kept.
    const resumeAt = events.at(-9_001)?.id;
    assert.equal(collect(backend, alice, resumeAt).events.length, 9_000);
  });

  it('wakes up for the next transition while the clock runs, with nothing polling', () => {
    let real = 0;
    const timers: { callback: () => void; at: number }[] = [];
    const fakeTimers: TimerApi = {
      setTimeout: (callback, milliseconds) => {
        const timer = { callback, at: real + milliseconds };
        timers.push(timer);
        return timer;
      },
      clearTimeout: (handle) => {
        const index = timers.indexOf(handle as (typeof timers)[number]);
        if (index >= 0) timers.splice(index, 1);
      },
    };
    const backend = createBackend(
      { catalogSize: 100, speed: 60 },
      { realTime: () => real, timers: fakeTimers },
    );
    assert.equal(timers.length, 1, 'one timer, for the next transition, whether or not anyone listens');
    const { events } = collect(backend, alice);
    assert.equal(timers.length, 1, 'a request does not add a timer');
    // The seeded granting request becomes active 3 s of simulated time after the start: 50 ms of real time
    // at 60×.
    assert.equal(timers[0]?.at, 50);
    real = 50;
    timers.shift()?.callback();
    assert.deepEqual(statusesOf(events, backend.history.aliceGranting), ['active']);
    assert.equal(timers.length, 1, 'armed again for the next transition');
    backend.setSpeed(0);
    assert.equal(timers.length, 0, 'a frozen clock needs no timer');
  });
});
