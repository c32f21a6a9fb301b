// Every call that creates or changes something, under each fault the reference server can inject:
// exactly one effect on the server, or a clear error after which sending the call again (with the
// key the caller kept, or the one the error carries) makes exactly one.
import { assert, beforeEach, describe, it } from '#harness';
import { ApiError, TimeoutError, type AccessClient, type ChangeOptions } from '../../src/index.js';
import { clientFor, control, fixtures, type DemoToken, type FaultSpec } from './support.js';

const alice = () => clientFor('demo-alice');

const aliceFavorites = async () => (await alice().myAccess()).favorites.map((r) => r.id);

async function aliceRequestCount(): Promise<number> {
  return (await alice().requests().page({ limit: 500 })).items.length;
}

/** Alice's request of the staging database, `active` (or `revoked`, when `closed`). */
async function aliceActive(closed = false): Promise<string> {
  const [request] = await alice().submit({ resources: [fixtures.stagingDb], duration_hours: 1 });
  await control.advance(6);
  if (!closed) return request!.id;
  await alice().revoke(request!.id);
  await control.advance(6);
  return request!.id;
}

/** Alice's request of the production database, waiting for Bob. */
async function pendingForBob(): Promise<string> {
  const [request] = await alice().submit({
    resources: [fixtures.prodDb],
    duration_hours: 2,
    justification: 'Retry safety',
  });
  return request!.id;
}

interface Case {
  readonly name: string;
  readonly fault: Pick<FaultSpec, 'method' | 'path'>;
  readonly token: DemoToken;
  /** Whether the call carries an Idempotency-Key (the others are PUT/DELETE, idempotent by method). */
  readonly keyed: boolean;
  /** Sets the world up; answers what `act` and `verify` need (a request id, a count). */
  readonly setup: () => Promise<{ id: string; before: number }>;
  readonly act: (client: AccessClient, id: string, call: ChangeOptions) => Promise<unknown>;
  /** Fails unless the server shows the action done exactly once. */
  readonly verify: (id: string, before: number) => Promise<void>;
}

const CASES: readonly Case[] = [
  {
    name: 'submit',
    fault: { method: 'POST', path: '/v1/access-requests' },
    token: 'demo-alice',
    keyed: true,
    setup: async () => ({ id: '', before: await aliceRequestCount() }),
    act: (client, _, call) => client.submit({ resources: [fixtures.stagingDb], duration_hours: 1 }, call),
    verify: async (_, before) => assert.equal(await aliceRequestCount(), before + 1),
  },
  {
    name: 'request again',
    fault: { method: 'POST', path: '/v1/access-requests/:id/request-again' },
    token: 'demo-alice',
    keyed: true,
    setup: async () => {
      const id = await aliceActive(true);
      return { id, before: await aliceRequestCount() };
    },
    act: (client, id, call) => client.requestAgain(id, { justification: 'Once more.' }, call),
    verify: async (_, before) => assert.equal(await aliceRequestCount(), before + 1),
  },
  {
    name: 'revoke',
    fault: { method: 'POST', path: '/v1/access-requests/:id/revoke' },
    token: 'demo-alice',
    keyed: true,
    setup: async () => ({ id: await aliceActive(), before: 0 }),
    act: (client, id, call) => client.revoke(id, call),
    verify: async (id) => {
      const request = await alice().request(id);
      assert.equal(request.status, 'revoking');
      assert.equal(request.revocation_reason, 'user');
    },
  },
  {
    name: 'extend',
    fault: { method: 'POST', path: '/v1/access-requests/:id/extend' },
    token: 'demo-alice',
    keyed: true,
    setup: async () => ({ id: await aliceActive(), before: 0 }),
    act: (client, id, call) => client.extend(id, { hours: 1, justification: 'One more hour.' }, call),
    verify: async (id) => {
      const { extension } = await alice().request(id);
      assert.equal(extension?.extended_hours, 1);
      assert.equal(extension?.remaining, 1);
    },
  },
  {
    name: 'favourite',
    fault: { method: 'PUT', path: '/v1/access-requests/:id/favorite' },
    token: 'demo-alice',
    keyed: false,
    setup: async () => ({ id: await aliceActive(), before: (await aliceFavorites()).length }),
    act: (client, id, call) => client.favorite(id, call),
    verify: async (id, before) => {
      assert.equal((await alice().request(id)).favorite, true);
      const favorites = await aliceFavorites();
      assert.equal(favorites.length, before + 1);
      assert.equal(favorites.filter((f) => f === id).length, 1);
    },
  },
  {
    name: 'unfavourite',
    fault: { method: 'DELETE', path: '/v1/access-requests/:id/favorite' },
    token: 'demo-alice',
    keyed: false,
    setup: async () => {
      const id = await aliceActive();
      await alice().favorite(id);
      return { id, before: (await aliceFavorites()).length };
    },
    act: (client, id, call) => client.unfavorite(id, call),
    verify: async (id, before) => {
      assert.equal((await alice().request(id)).favorite, false);
      const favorites = await aliceFavorites();
      assert.equal(favorites.length, before - 1);
      assert.ok(!favorites.includes(id));
    },
  },
  {
    name: 'approve',
    fault: { method: 'POST', path: '/v1/access-requests/:id/approve' },
    token: 'demo-bob',
    keyed: true,
    setup: async () => ({ id: await pendingForBob(), before: 0 }),
    act: (client, id, call) => client.approve(id, { reason: 'Fine.' }, call),
    verify: async (id) => {
      const request = await alice().request(id);
      assert.equal(request.status, 'granting');
      assert.deepEqual(
        request.approvals.map((a) => [a.approver.id, a.status, a.reason]),
        [['usr_bob', 'approved', 'Fine.']],
      );
    },
  },
  {
    name: 'reject',
    fault: { method: 'POST', path: '/v1/access-requests/:id/reject' },
    token: 'demo-bob',
    keyed: true,
    setup: async () => ({ id: await pendingForBob(), before: 0 }),
    act: (client, id, call) => client.reject(id, { reason: 'Not this week.' }, call),
    verify: async (id) => {
      const request = await alice().request(id);
      assert.equal(request.status, 'rejected');
      assert.equal(request.rejection_reason, 'Not this week.');
    },
  },
];

describe('retry safety: every change under every fault kind has exactly one effect', () => {
  beforeEach(() => control.reset());

  for (const c of CASES) {
    const client = () => clientFor(c.token);

    it(`${c.name}: a 500 is a clear error; sending it again with the same key makes one change`, async () => {
      const { id, before } = await c.setup();
      await control.fault({ ...c.fault, kind: 'error', status: 500 });
      const call = c.keyed ? { idempotencyKey: `retry-${c.name}` } : {};
      const error = await c.act(client(), id, call).catch((e: unknown) => e);
      assert.ok(error instanceof ApiError && error.status === 500, String(error));
      await c.act(client(), id, call);
      await c.verify(id, before);
    });

    it(`${c.name}: a 429 with Retry-After is waited out and retried once`, async () => {
      const { id, before } = await c.setup();
      await control.fault({ ...c.fault, kind: 'rate_limit', retry_after: 1 });
      await c.act(client(), id, {});
      await c.verify(id, before);
    });

    it(`${c.name}: a timeout carries the key; sending it again with it makes one change`, async () => {
      const { id, before } = await c.setup();
      // The retry is delayed as long as the timed-out attempt, so that one reaches the backend first.
      await control.fault({ ...c.fault, kind: 'delay', delay_ms: 300, times: 2 });
      const error = await c.act(client(), id, { timeoutMs: 100 }).catch((e: unknown) => e);
      assert.ok(error instanceof TimeoutError, String(error));
      if (c.keyed) assert.match(error.idempotencyKey ?? '', /^[0-9a-f-]{36}$/);
      else assert.equal(error.idempotencyKey, undefined);
      const again = error.idempotencyKey === undefined ? {} : { idempotencyKey: error.idempotencyKey };
      await c.act(client(), id, again);
      await c.verify(id, before);
    });

    it(`${c.name}: a dropped connection is retried and makes one change`, async () => {
      const { id, before } = await c.setup();
      await control.fault({ ...c.fault, kind: 'drop' });
      await c.act(client(), id, {});
      await c.verify(id, before);
    });

    it(`${c.name}: an answer lost after the change is retried and replays it`, async () => {
      const { id, before } = await c.setup();
      await control.fault({ ...c.fault, kind: 'commit_then_drop' });
      await c.act(client(), id, {});
      await c.verify(id, before);
    });
  }

  it('a revoke sent again with its key answers the first 202, not 409', async () => {
    const id = await aliceActive();
    const first = await alice().revoke(id, { idempotencyKey: 'revoke-once' });
    const again = await alice().revoke(id, { idempotencyKey: 'revoke-once' });
    assert.deepEqual(again, first);
    await assert.rejects(alice().revoke(id), (e) => e instanceof ApiError && e.status === 409);
  });

  it('a decision sent again with its key replays it; with another reason it is a mismatch', async () => {
    const id = await pendingForBob();
    const bob = clientFor('demo-bob');
    const first = await bob.approve(id, { reason: 'Fine.' }, { idempotencyKey: 'approve-once' });
    assert.deepEqual(await bob.approve(id, { reason: 'Fine.' }, { idempotencyKey: 'approve-once' }), first);
    await assert.rejects(
      bob.approve(id, { reason: 'Other.' }, { idempotencyKey: 'approve-once' }),
      (e) => e instanceof ApiError && e.fieldErrors.some((f) => f.code === 'idempotency_mismatch'),
    );
  });
});
