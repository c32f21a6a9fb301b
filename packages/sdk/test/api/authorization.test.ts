// The authorization matrix: every action on a request × every relation a caller can have to it
// (its requester, the grantee it was requested for, an approver, an unrelated user, no token), each
// against the answer the contract gives, and the `can` flags agreeing with what the calls do.
import { assert, before, describe, it } from '#harness';
import { ApiError, type AccessRequest } from '../../src/index.js';
import { apiBase } from '#harness';
import { clientFor, control, fixtures, type DemoToken } from './support.js';

type Role = 'requester' | 'grantee' | 'approver' | 'unrelated' | 'none';
const ROLES: readonly Role[] = ['requester', 'grantee', 'approver', 'unrelated', 'none'];

/** Alice asks for Dave; Bob approves production databases; Carol has nothing to do with it. */
const TOKENS: Record<Exclude<Role, 'none'>, DemoToken> = {
  requester: 'demo-alice',
  grantee: 'demo-dave',
  approver: 'demo-bob',
  unrelated: 'demo-carol',
};

/** A request's state an action needs, set up afresh for each cell that changes something. */
type Setup = 'pending' | 'active' | 'closed';

interface Action {
  readonly name: string;
  readonly setup: Setup;
  /** What the contract answers each role (401 without a token, 404 to whom may not see it). */
  readonly expected: Record<Role, number>;
  /** The `can` flag that must be true exactly when the call succeeds, if the action has one. */
  readonly flag?: keyof AccessRequest['can'];
  readonly call: (token: string, id: string) => Promise<unknown>;
}

// A client with a token the server does not know stands for "no token": the transport always sends one.
const as = (token: string) => clientFor(token, { retry: false });

const ACTIONS: readonly Action[] = [
  {
    name: 'GET /v1/access-requests/{id}',
    setup: 'pending',
    expected: { requester: 200, grantee: 200, approver: 200, unrelated: 404, none: 401 },
    call: (token, id) => as(token).request(id),
  },
  {
    name: 'GET /v1/access-requests/{id}/resources',
    setup: 'pending',
    expected: { requester: 200, grantee: 200, approver: 200, unrelated: 404, none: 401 },
    call: (token, id) => as(token).requestResources(id).page(),
  },
  {
    name: 'POST /v1/access-requests/{id}/revoke (pending)',
    setup: 'pending',
    expected: { requester: 202, grantee: 403, approver: 403, unrelated: 404, none: 401 },
    flag: 'revoke',
    call: (token, id) => as(token).revoke(id),
  },
  {
    name: 'POST /v1/access-requests/{id}/revoke (active)',
    setup: 'active',
    expected: { requester: 202, grantee: 403, approver: 403, unrelated: 404, none: 401 },
    flag: 'revoke',
    call: (token, id) => as(token).revoke(id),
  },
  {
    name: 'PUT /v1/access-requests/{id}/favorite (a request for someone else)',
    setup: 'active',
    expected: { requester: 403, grantee: 403, approver: 403, unrelated: 404, none: 401 },
    flag: 'favorite',
    call: (token, id) => as(token).favorite(id),
  },
  {
    name: 'DELETE /v1/access-requests/{id}/favorite (a request for someone else)',
    setup: 'active',
    expected: { requester: 403, grantee: 403, approver: 403, unrelated: 404, none: 401 },
    flag: 'favorite',
    call: (token, id) => as(token).unfavorite(id),
  },
  {
    name: 'GET /v1/access-requests/{id}/access-details',
    setup: 'active',
    expected: { requester: 403, grantee: 200, approver: 403, unrelated: 404, none: 401 },
    flag: 'use_access',
    call: (token, id) => as(token).accessDetails(id),
  },
  {
    name: 'POST /v1/access-requests/{id}/request-again',
    setup: 'closed',
    expected: { requester: 201, grantee: 403, approver: 403, unrelated: 404, none: 401 },
    flag: 'request_again',
    call: (token, id) => as(token).requestAgain(id, { justification: 'Once more, please.' }),
  },
  {
    name: 'POST /v1/access-requests/{id}/approve',
    setup: 'pending',
    expected: { requester: 403, grantee: 403, approver: 200, unrelated: 404, none: 401 },
    flag: 'approve',
    call: (token, id) => as(token).approve(id, { reason: 'Fine by me.' }),
  },
  {
    name: 'POST /v1/access-requests/{id}/reject',
    setup: 'pending',
    expected: { requester: 403, grantee: 403, approver: 200, unrelated: 404, none: 401 },
    flag: 'reject',
    call: (token, id) => as(token).reject(id, { reason: 'Not this week.' }),
  },
];

/** What the call answered: its status (the success statuses are the contract's for each call). */
async function statusOf(action: Action, token: string, id: string): Promise<number> {
  try {
    await action.call(token, id);
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
  if (action.name.includes('/revoke')) return 202;
  if (action.name.includes('/request-again')) return 201;
  return 200;
}

/** Alice's request for Dave of the production database (Bob approves), in the state `setup` names. */
async function requestIn(setup: Setup): Promise<string> {
  const [request] = await clientFor('demo-alice').submit({
    grantee_id: 'usr_dave',
    resources: [fixtures.prodDb],
    duration_hours: 2,
    justification: 'Authorization matrix',
  });
  const id = request!.id;
  if (setup === 'pending') return id;
  await clientFor('demo-bob').approve(id);
  await control.advance(60);
  if (setup === 'active') {
    assert.equal((await clientFor('demo-alice').request(id)).status, 'active');
    return id;
  }
  await clientFor('demo-alice').revoke(id);
  await control.advance(60);
  assert.equal((await clientFor('demo-alice').request(id)).status, 'revoked');
  return id;
}

describe('the authorization matrix: every action × requester, grantee, approver, unrelated user, no token', () => {
  before(() => control.reset());

  for (const action of ACTIONS) {
    it(action.name, async () => {
      const answers: Partial<Record<Role, number>> = {};
      const flags: Partial<Record<Role, boolean>> = {};
      for (const role of ROLES) {
        // Each cell on a request of its own: one role's success must not change the next one's answer.
        const id = await requestIn(action.setup);
        const token = role === 'none' ? 'not-a-token' : TOKENS[role];
        if (action.flag && role !== 'none' && role !== 'unrelated') {
          flags[role] = (await as(token).request(id)).can[action.flag];
        }
        answers[role] = await statusOf(action, token, id);
      }
      assert.deepEqual(answers, action.expected, `${action.name}: the answer to each role`);
      if (action.flag) {
        for (const role of ['requester', 'grantee', 'approver'] as const) {
          const succeeded: boolean = answers[role] < 300;
          assert.equal(flags[role], succeeded, `${action.name}: can.${action.flag} for the ${role}`);
        }
      }
    });
  }

  it('lets the requester favourite a request made for themself, and nobody else', async () => {
    const [own] = await clientFor('demo-alice').submit({
      resources: [fixtures.stagingDb],
      duration_hours: 1,
    });
    assert.equal(own!.can.favorite, true);
    assert.equal((await clientFor('demo-alice').favorite(own!.id)).favorite, true);
    for (const token of ['demo-bob', 'demo-carol', 'demo-dave'] as const) {
      const error = await clientFor(token)
        .favorite(own!.id)
        .catch((e: unknown) => e);
      assert.ok(error instanceof ApiError, String(error));
      assert.equal(error.status, 404, `${token} may not see it`);
    }
  });

  it('answers 401 without any Authorization header, on every /v1 route', async () => {
    const id = await requestIn('pending');
    const routes: [string, string][] = [
      ['GET', '/v1/me'],
      ['GET', '/v1/grantees'],
      ['GET', '/v1/catalog/resources'],
      ['GET', '/v1/access-requests'],
      ['GET', `/v1/access-requests/${id}`],
      ['POST', `/v1/access-requests/${id}/revoke`],
      ['POST', `/v1/access-requests/${id}/approve`],
      ['GET', '/v1/approvals'],
      ['GET', '/v1/my-access'],
      ['GET', '/v1/events'],
    ];
    for (const [method, path] of routes) {
      const response = await fetch(`${apiBase()}${path}`, { method });
      assert.equal(response.status, 401, `${method} ${path}`);
      assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
      await response.body?.cancel();
    }
    assert.equal((await clientFor('demo-alice').request(id)).status, 'pending_approval', 'nothing changed');
  });
});
