import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { StreamEvent } from './api.js';
import { HOUR, alice, bob, expectFieldErrors, expectProblem, smallBackend } from './test-support.test.js';

const body = {
  resources: [{ resource_id: 'res_dev_orders_db', permission_id: 'perm_pg_readonly' }],
  duration_hours: 2,
};

describe('Idempotency-Key', () => {
  it('replays the first answer for the same key and body: nothing new is created, no event is sent', () => {
    const backend = smallBackend();
    const events: StreamEvent[] = [];
    backend.subscribe(alice, undefined, (event) => events.push(event));
    const first = backend.submit(alice, body, 'key-1');
    const count = backend.listRequests(alice, { limit: '500' }).items.length;
    const eventCount = events.length;
    assert.equal(first.replayed, false);

    const replay = backend.submit(alice, { duration_hours: 2, resources: body.resources }, 'key-1');
    assert.equal(replay.replayed, true);
    assert.equal(replay.status, 201);
    assert.deepEqual(replay.body, first.body);
    assert.equal(backend.listRequests(alice, { limit: '500' }).items.length, count);
    assert.equal(events.length, eventCount);
  });

  it('refuses the same key with another body (422 idempotency_mismatch)', () => {
    const backend = smallBackend();
    backend.submit(alice, body, 'key-2');
    const problem = expectProblem(() => backend.submit(alice, { ...body, duration_hours: 3 }, 'key-2'), 422);
    assert.equal(problem.problem.type, 'https://access-requests.example/problems/idempotency-mismatch');
    assert.deepEqual(
      problem.problem.errors?.map((e) => `${e.field} ${e.code}`),
      ['Idempotency-Key idempotency_mismatch'],
    );
  });

  it('scopes keys to the caller and the operation, and forgets them after 24 hours', () => {
    const backend = smallBackend();
    const first = backend.submit(alice, body, 'shared');
    assert.equal(backend.submit(bob, body, 'shared').replayed, false, 'another caller');
    const closed = backend.history.aliceRejected;
    const again = backend.requestAgain(alice, closed, { justification: 'Again.' }, 'shared');
    assert.equal(again.replayed, false, 'another operation');
    assert.equal(backend.requestAgain(alice, closed, { justification: 'Again.' }, 'shared').replayed, true);
    expectProblem(() => backend.requestAgain(alice, closed, { justification: 'Other.' }, 'shared'), 422);
    assert.equal(
      backend.requestAgain(alice, backend.history.aliceFailed, { justification: 'Again.' }, 'shared')
        .replayed,
      false,
      'another request',
    );

    backend.advance(24 * HOUR - 1);
    assert.deepEqual(backend.submit(alice, body, 'shared').body, first.body);
    backend.advance(1);
    const fresh = backend.submit(alice, body, 'shared');
    assert.equal(fresh.replayed, false);
    assert.notEqual(fresh.body.requests[0]?.id, first.body.requests[0]?.id);
  });

  it('remembers only successful answers, and checks the key itself', () => {
    const backend = smallBackend();
    expectProblem(() => backend.submit(alice, { ...body, duration_hours: 0 }, 'key-3'), 422);
    assert.equal(backend.submit(alice, body, 'key-3').replayed, false);
    expectFieldErrors(() => backend.submit(alice, body, 'k'.repeat(256)), 'Idempotency-Key too_long');
    expectFieldErrors(() => backend.submit(alice, body, ''), 'Idempotency-Key required');
    assert.equal(backend.submit(alice, body, 'k'.repeat(255)).replayed, false);
  });
});
