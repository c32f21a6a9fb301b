// client.extend against the reference server: granted at once under an automatic flow, pending for
// the approvers under an approval flow (decided with approve and reject), field errors, and a retry
// with the same Idempotency-Key that replays the first answer.
import { assert, beforeEach, describe, it } from '#harness';
import { ApiError, type AccessRequest } from '../../src/index.js';
import { clientFor, control, fixtures } from './support.js';

const HOUR_MS = 3_600_000;
const later = (a: AccessRequest, b: AccessRequest) => Date.parse(b.expires_at!) - Date.parse(a.expires_at!);

async function problemOf(call: Promise<unknown>): Promise<ApiError> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof ApiError, String(error));
    return error;
  }
  throw new assert.AssertionError({ message: 'the call succeeded' });
}

/** Alice's active request under the flow of `item`, approved by Bob when the flow needs it. */
async function activeRequest(item: { resource_id: string; permission_id: string }): Promise<AccessRequest> {
  const alice = clientFor('demo-alice');
  const [created] = await alice.submit({
    resources: [item],
    duration_hours: 2,
    justification: 'Reconcile the payouts.',
  });
  if (created!.status === 'pending_approval') await clientFor('demo-bob').approve(created!.id);
  await control.advance(6);
  const active = await alice.request(created!.id);
  assert.equal(active.status, 'active');
  return active;
}

describe('extend', () => {
  beforeEach(() => control.reset());

  it('moves the expiry at once under an automatic flow', async () => {
    const active = await activeRequest(fixtures.stagingDb);
    assert.equal(active.can.extend, true);
    assert.equal(active.extension?.requires_approval, false);
    const extended = await clientFor().extend(active.id, {
      hours: 3,
      justification: 'The load test runs late.',
    });
    assert.equal(extended.status, 'active');
    assert.equal(later(active, extended), 3 * HOUR_MS);
    assert.equal(extended.extension?.pending, null);
    assert.equal(extended.extension?.last?.status, 'approved');
    assert.equal(extended.extension?.remaining, (active.extension?.remaining ?? 0) - 1);
  });

  it('waits for the approvers under an approval flow, the access unchanged until Bob approves', async () => {
    const active = await activeRequest(fixtures.prodDb);
    const alice = clientFor('demo-alice');
    const bob = clientFor('demo-bob');
    const pending = await alice.extend(active.id, {
      hours: 2,
      justification: 'The replay needs two more hours.',
    });
    assert.equal(pending.status, 'active');
    assert.equal(pending.expires_at, active.expires_at);
    assert.equal(pending.extension?.pending?.hours, 2);
    assert.equal(pending.can.extend, false);

    const queue = await bob.approvals({ status: 'pending' }).page();
    const waiting = queue.items.find((r) => r.id === active.id);
    assert.equal(waiting?.can.approve, true);
    const approved = await bob.approve(active.id, { reason: 'OK, two more hours.' });
    assert.equal(later(active, approved), 2 * HOUR_MS);
    assert.equal(approved.extension?.pending, null);
    assert.equal(approved.extension?.last?.status, 'approved');
  });

  it('keeps the expiry when the approver rejects the extension', async () => {
    const active = await activeRequest(fixtures.prodDb);
    await clientFor('demo-alice').extend(active.id, { hours: 1, justification: 'One more hour.' });
    const rejected = await clientFor('demo-bob').reject(active.id, { reason: 'Ask again tomorrow.' });
    assert.equal(rejected.status, 'active');
    assert.equal(rejected.expires_at, active.expires_at);
    assert.equal(rejected.extension?.last?.status, 'rejected');
    assert.equal(rejected.extension?.last?.reason, 'Ask again tomorrow.');
  });

  it('answers field errors for too many hours and a blank justification, and 409 while one is pending', async () => {
    const active = await activeRequest(fixtures.prodDb);
    const alice = clientFor('demo-alice');
    const bad = await problemOf(alice.extend(active.id, { hours: 99, justification: '  ' }));
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.fieldErrors.map((e) => [e.field, e.code]).sort(), [
      ['hours', 'out_of_range'],
      ['justification', 'required'],
    ]);
    await alice.extend(active.id, { hours: 1, justification: 'One more hour.' });
    const twice = await problemOf(alice.extend(active.id, { hours: 1, justification: 'And another.' }));
    assert.equal(twice.status, 409);
  });

  it('replays the first answer for the same Idempotency-Key, extending once', async () => {
    const active = await activeRequest(fixtures.stagingDb);
    const alice = clientFor('demo-alice');
    const body = { hours: 1, justification: 'One more hour.' };
    const first = await alice.extend(active.id, body, { idempotencyKey: 'extend-once' });
    const again = await alice.extend(active.id, body, { idempotencyKey: 'extend-once' });
    assert.deepEqual(again, first);
    assert.equal(later(active, await alice.request(active.id)), HOUR_MS);
  });

  it('watch delivers an extension asked for and decided within the same second (status and updated_at unchanged)', async () => {
    const active = await activeRequest(fixtures.prodDb);
    const alice = clientFor('demo-alice');
    const controller = new AbortController();
    let connected!: () => void;
    const open = new Promise<void>((resolve) => (connected = resolve));
    const seen: AccessRequest[] = [];
    const done = (async () => {
      for await (const update of alice.watch({ signal: controller.signal, onConnect: () => connected() })) {
        if (update.request.id !== active.id) continue;
        seen.push(update.request);
        if (update.request.status !== 'active') break; // the revocation below ends the watch
      }
    })();
    await open;
    // The clock is frozen: the ask and the approval carry the same `updated_at`.
    const asked = await alice.extend(active.id, { hours: 1, justification: 'One more hour.' });
    const approved = await clientFor('demo-bob').approve(active.id);
    assert.equal(approved.updated_at, asked.updated_at);
    await alice.revoke(active.id);
    await done;
    controller.abort();
    assert.deepEqual(
      seen.map((r) => [r.status, r.extension?.pending?.hours ?? null, r.extension?.last?.status ?? null]),
      [
        ['active', 1, null],
        ['active', null, 'approved'],
        ['revoking', null, 'approved'],
      ],
    );
  });
});
