// Over 400 lines: every rule of the request operations (list, get, revoke, request again, my access).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Caller, Schemas } from './api.js';
import { LIFECYCLE } from './constants.js';
import {
  HOUR,
  alice,
  bob,
  carol,
  dave,
  expectFieldErrors,
  expectProblem,
  smallBackend,
} from './test-support.test.js';

type Can = Schemas['RequestPermissions'];
const none: Can = {
  revoke: false,
  favorite: false,
  request_again: false,
  use_access: false,
  approve: false,
  reject: false,
  extend: false,
};

const devDb = { resource_id: 'res_dev_orders_db', permission_id: 'perm_pg_readonly' };
const prodDb = { resource_id: 'res_prod_orders_db', permission_id: 'perm_pg_readonly' };

describe('visibility and the can flags', () => {
  it('shows a request to its requester, grantee and approvers only, each with their own flags', () => {
    const backend = smallBackend();
    const [request] = backend.submit(
      alice,
      { grantee_id: 'usr_dave', resources: [prodDb], duration_hours: 2, justification: 'Audit.' },
      undefined,
    ).body.requests;
    const id = request?.id ?? '';
    assert.deepEqual(backend.getRequest(alice, id).can, { ...none, revoke: true });
    assert.deepEqual(backend.getRequest(dave, id).can, none);
    assert.deepEqual(backend.getRequest(bob, id).can, { ...none, approve: true, reject: true });
    expectProblem(() => backend.getRequest(carol, id), 404);
    expectProblem(() => backend.getRequest(alice, 'req_unknown'), 404);

    backend.approve(bob, id, {});
    backend.advance(LIFECYCLE.grantingMs);
    assert.deepEqual(backend.getRequest(alice, id).can, { ...none, revoke: true, extend: true });
    assert.deepEqual(backend.getRequest(dave, id).can, { ...none, use_access: true });
    assert.deepEqual(backend.getRequest(bob, id).can, none);

    backend.revoke(alice, id);
    backend.advance(LIFECYCLE.revokingMs);
    assert.deepEqual(backend.getRequest(alice, id).can, { ...none, request_again: true });
    assert.deepEqual(backend.getRequest(dave, id).can, none);
  });

  it('gives a request made for oneself the favorite flag in every status', () => {
    const backend = smallBackend();
    const [request] = backend.submit(alice, { resources: [devDb], duration_hours: 1 }, undefined).body
      .requests;
    assert.deepEqual(request?.can, { ...none, favorite: true });
    backend.advance(LIFECYCLE.grantingMs);
    assert.deepEqual(backend.getRequest(alice, request?.id ?? '').can, {
      ...none,
      favorite: true,
      revoke: true,
      use_access: true,
      extend: true,
    });
  });
});

describe('actions refused by the rules', () => {
  it('lets only the requester revoke: the on-behalf grantee and approvers get 403, closed requests 409', () => {
    const backend = smallBackend();
    const onBehalf = backend.history.bobForAliceActive;
    const problem = expectProblem(() => backend.revoke(alice, onBehalf), 403);
    assert.equal(
      problem.problem.detail,
      'This request was made on your behalf by Bob Example; only the requester can revoke it.',
    );
    assert.equal(problem.problem.type, 'https://access-requests.example/problems/forbidden');
    expectProblem(() => backend.revoke(bob, backend.history.alicePendingManager), 403);
    expectProblem(() => backend.revoke(dave, backend.history.aliceForDavePending), 403);
    const closed = expectProblem(() => backend.revoke(alice, backend.history.aliceRejected), 409);
    assert.deepEqual(closed.problem.errors, [
      { field: 'status', code: 'invalid_state', message: 'The request is rejected.' },
    ]);
    expectProblem(() => backend.revoke(alice, backend.history.aliceGranting), 409);
    expectProblem(() => backend.revoke(carol, backend.history.bobForAliceActive), 404);
    assert.equal(backend.revoke(bob, onBehalf).status, 'revoking');
  });

  it('lets only a pending approver decide, never on their own request', () => {
    const backend = smallBackend();
    const h = backend.history;
    const own = expectProblem(() => backend.approve(alice, h.alicePendingManager, {}), 403);
    assert.equal(own.problem.detail, 'You cannot approve or reject your own request.');
    expectProblem(() => backend.reject(dave, h.aliceForDavePending, { reason: 'No.' }), 403);
    expectProblem(() => backend.approve(carol, h.alicePendingManager, {}), 404);
    const created = backend.submit(
      bob,
      { resources: [prodDb], duration_hours: 1, justification: 'Mine.' },
      undefined,
    ).body.requests[0];
    const notApprover = expectProblem(() => backend.approve(bob, created?.id ?? '', {}), 403);
    assert.equal(notApprover.problem.detail, 'You cannot approve or reject your own request.');
    backend.approve(bob, h.alicePendingManager, {});
    const decided = expectProblem(
      () => backend.reject(bob, h.alicePendingManager, { reason: 'Changed my mind.' }),
      409,
    );
    assert.deepEqual(decided.problem.errors, [
      { field: 'status', code: 'invalid_state', message: 'The request is granting.' },
    ]);
  });

  it('requests again only closed requests (else 409), only as their requester (else 403)', () => {
    const backend = smallBackend();
    const body = { justification: 'Again, please.' };
    const open = expectProblem(
      () => backend.requestAgain(alice, backend.history.aliceActiveExpiringSoon, body, undefined),
      409,
    );
    assert.match(open.problem.detail, /only rejected, revoked and failed requests can be requested again/);
    backend.revoke(bob, backend.history.bobForAliceActive);
    backend.advance(LIFECYCLE.revokingMs);
    expectProblem(() => backend.requestAgain(alice, backend.history.bobForAliceActive, body, undefined), 403);
    expectProblem(
      () => backend.requestAgain(dave, backend.history.aliceForDavePending, body, undefined),
      403,
    );
    expectProblem(() => backend.requestAgain(carol, backend.history.aliceRejected, body, undefined), 404);
  });

  it('favorites only requests the caller made for themself (403 otherwise), idempotently', () => {
    const backend = smallBackend();
    const own = backend.history.alicePendingManager;
    assert.equal(backend.favorite(alice, own).favorite, true);
    assert.equal(backend.favorite(alice, own).favorite, true);
    assert.ok(backend.myAccess(alice).favorites.some((r) => r.id === own));
    assert.equal(backend.getRequest(bob, own).favorite, false, 'a favorite is its owner’s');
    assert.equal(backend.unfavorite(alice, own).favorite, false);
    assert.equal(backend.unfavorite(alice, own).favorite, false);
    const problem = expectProblem(() => backend.favorite(alice, backend.history.aliceForDavePending), 403);
    assert.equal(
      problem.problem.detail,
      'You can only favorite requests that you have submitted for yourself.',
    );
    expectProblem(() => backend.favorite(dave, backend.history.aliceForDavePending), 403);
    expectProblem(() => backend.favorite(alice, backend.history.bobForAliceActive), 403);
    expectProblem(() => backend.unfavorite(bob, own), 403);
  });

  it('gives access details to the grantee of an active request only', () => {
    const backend = smallBackend();
    const details = backend.accessDetails(alice, backend.history.aliceActiveLegacyCrm);
    assert.match(details.instructions_markdown, /^## Use your Legacy CRM access/);
    assert.match(details.instructions_markdown, /## Use your database proxy access/, 'one section per app');
    assert.match(details.instructions_markdown, /```sh\n/);
    assert.match(details.instructions_text, /crm-staging-accounts/);
    assert.equal(
      details.expires_at,
      backend.getRequest(alice, backend.history.aliceActiveLegacyCrm).expires_at,
    );
    assert.equal(
      details.server_time,
      backend.now().toISOString().replace('.000Z', 'Z'),
      'the answer carries the server clock',
    );
    assert.equal(
      backend.accessDetails(alice, backend.history.bobForAliceActive).link?.label,
      'Open the Kubernetes dashboard',
    );
    const notGrantee = expectProblem(
      () => backend.accessDetails(bob, backend.history.bobForAliceActive),
      403,
    );
    assert.equal(notGrantee.problem.detail, 'Only the grantee, Alice Example, can use this access.');
    expectProblem(() => backend.accessDetails(alice, backend.history.aliceGranting), 409);
    expectProblem(() => backend.accessDetails(alice, backend.history.aliceOnCallExpired), 409);
    expectProblem(() => backend.accessDetails(dave, backend.history.aliceActiveLegacyCrm), 404);
  });
});

describe('request again', () => {
  it('submits the same target for the same grantee, with the original duration and ticket unless given', () => {
    const backend = smallBackend();
    const original = backend.getRequest(alice, backend.history.aliceRejected);
    const result = backend.requestAgain(
      alice,
      original.id,
      { justification: '  ReadWrite is not enough this time.  ' },
      undefined,
    );
    assert.equal(result.replayed, false);
    const [again] = result.body.requests;
    assert.ok(again && again.id !== original.id);
    assert.equal(again.status, 'pending_approval');
    assert.deepEqual(again.target, original.target);
    assert.equal(again.duration_hours, original.duration_hours);
    assert.equal(again.justification, 'ReadWrite is not enough this time.');
    assert.equal(backend.getRequest(alice, original.id).status, 'rejected', 'the original stays as it was');

    const bundle = backend.requestAgain(
      alice,
      backend.history.aliceOnCallExpired,
      { justification: 'Next shift.', duration_hours: 6 },
      undefined,
    );
    assert.equal(bundle.body.requests[0]?.target.type, 'bundle');
    assert.equal(bundle.body.requests[0]?.duration_hours, 6);
    assert.equal(bundle.body.requests[0]?.access_flow.id, 'flow_oncall');

    const dave2 = backend.requestAgain(
      dave,
      backend.history.daveExpired,
      { justification: 'Again.' },
      undefined,
    );
    assert.equal(dave2.body.requests[0]?.grantee.id, 'usr_dave');
  });

  it('validates its body', () => {
    const backend = smallBackend();
    const id = backend.history.aliceRejected;
    expectFieldErrors(() => backend.requestAgain(alice, id, {}, undefined), 'justification required');
    expectFieldErrors(
      () => backend.requestAgain(alice, id, { justification: 'x', duration_hours: 13 }, undefined),
      'duration_hours out_of_range',
    );
    expectFieldErrors(
      () => backend.requestAgain(alice, id, { justification: 5 }, undefined),
      'justification invalid_type',
    );
    expectFieldErrors(
      () => backend.requestAgain(alice, id, { justification: 'x'.repeat(1001) }, undefined),
      'justification too_long',
    );
    expectFieldErrors(
      () =>
        backend.requestAgain(
          alice,
          id,
          { justification: 'x', ticket: { type_id: 'tt_jira', id: 'no' } },
          undefined,
        ),
      'ticket.id invalid_format',
    );
    expectFieldErrors(
      () => backend.requestAgain(alice, id, { justification: 'x', resources: [] }, undefined),
      'resources not_allowed',
    );
    const errors = expectFieldErrors(
      () => backend.requestAgain(alice, id, { justification: ' ' }, undefined),
      'justification required',
    );
    assert.equal(errors.length, 1, 'reported once');
  });
});

describe('lists', () => {
  const ids = (page: { items: readonly { id: string }[] }): string[] => page.items.map((r) => r.id);

  it('lists the caller’s requests (scope=mine) and what they asked for others (scope=on_behalf), newest first', () => {
    const backend = smallBackend();
    const mine = ids(backend.listRequests(alice, {}));
    assert.ok(mine.includes(backend.history.bobForAliceActive));
    assert.ok(!mine.includes(backend.history.aliceForDavePending));
    assert.deepEqual(ids(backend.listRequests(alice, { scope: 'on_behalf' })), [
      backend.history.aliceForDavePending,
      backend.history.aliceForDaveActive,
    ]);
    assert.deepEqual(ids(backend.listRequests(bob, { scope: 'on_behalf' })), [
      backend.history.bobForAliceActive,
    ]);
    const created = backend.listRequests(alice, {}).items.map((r) => Date.parse(r.created_at));
    assert.deepEqual(
      created,
      [...created].sort((a, b) => b - a),
    );
    const davesView = ids(backend.listRequests(dave, {}));
    assert.ok(
      davesView.includes(backend.history.aliceForDavePending) &&
        davesView.includes(backend.history.daveExpired),
    );
  });

  it('filters by status and favorite', () => {
    const backend = smallBackend();
    const closed = backend.listRequests(alice, { 'status[]': ['rejected', 'failed'] }).items;
    assert.deepEqual(closed.map((r) => r.status).sort(), ['failed', 'rejected']);
    assert.deepEqual(
      backend.listRequests(alice, { status: 'revoking' }).items.map((r) => r.id),
      [backend.history.aliceRevoking],
    );
    const favorites = backend.listRequests(alice, { favorite: 'true' }).items;
    assert.deepEqual(
      favorites.map((r) => r.id).sort(),
      [
        backend.history.aliceActiveExpiringSoon,
        backend.history.aliceOnCallExpired,
        backend.history.aliceRevokedByUser,
      ].sort(),
    );
    assert.ok(backend.listRequests(alice, { favorite: 'false' }).items.every((r) => !r.favorite));
  });

  it('pages with cursors that neither repeat nor skip when requests are created meanwhile', () => {
    const backend = smallBackend();
    const everything = ids(backend.listRequests(alice, { limit: '500' }));
    const first = backend.listRequests(alice, { limit: '4' });
    backend.submit(alice, { resources: [devDb], duration_hours: 1 }, undefined);
    const seen = ids(first);
    let cursor = first.next_cursor;
    while (cursor) {
      const page = backend.listRequests(alice, { limit: '4', cursor });
      seen.push(...ids(page));
      cursor = page.next_cursor;
    }
    assert.deepEqual(seen, everything);
  });

  it('lists a request’s resource pairs by name, paged, and summarises the first five', () => {
    const backend = smallBackend({ catalogSize: 2000 });
    const candidates = backend.resources(alice, {
      search: 'dev-',
      'resource_type_id[]': ['rt_postgresql_database', 'rt_k8s_namespace'],
      limit: '120',
    }).items;
    assert.equal(candidates.length, 120);
    const selections = candidates
      .reverse()
      .map((r) => ({ resource_id: r.id, permission_id: r.permissions[0]?.id ?? '' }));
    const [request] = backend.submit(alice, { resources: selections, duration_hours: 1 }, undefined).body
      .requests;
    assert.ok(request && request.target.type === 'resources');
    assert.equal(request.target.resource_count, 120);
    const pages = [backend.requestResources(alice, request.id, {})];
    while (pages.at(-1)?.next_cursor)
      pages.push(backend.requestResources(alice, request.id, { cursor: pages.at(-1)?.next_cursor ?? '' }));
    assert.deepEqual(
      pages.map((p) => p.items.length),
      [50, 50, 20],
    );
    const names = pages.flatMap((p) => p.items.map((i) => i.resource.name));
    assert.deepEqual(
      names,
      [...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)),
    );
    assert.deepEqual(
      request.target.resources_summary.map((s) => s.resource.name),
      names.slice(0, 5),
    );
    expectProblem(() => backend.requestResources(carol, request.id, {}), 404);
  });

  it('expands an app request to the app’s resources with that permission', () => {
    const backend = smallBackend();
    const [request] = backend.submit(
      alice,
      {
        app: { app_id: 'app_kubernetes', permission_id: 'perm_k8s_view' },
        duration_hours: 1,
        justification: 'Incident.',
      },
      undefined,
    ).body.requests;
    assert.deepEqual(request?.target, {
      type: 'app',
      app: { id: 'app_kubernetes', name: 'Kubernetes' },
      permission: { id: 'perm_k8s_view', name: 'view' },
    });
    assert.equal(request?.access_flow.id, 'flow_k8s_prod');
    const pairs = backend.requestResources(alice, request?.id ?? '', { limit: '500' }).items;
    const all = backend.resources(alice, { 'permission_id[]': ['perm_k8s_view'], limit: '500' }).items;
    assert.deepEqual(
      pairs.map((p) => p.resource.id),
      all.map((r) => r.id),
    );
    backend.advance(LIFECYCLE.grantingMs);
    assert.match(
      backend.accessDetails(alice, request?.id ?? '').instructions_markdown,
      /every Kubernetes resource/,
    );
  });
});

describe('my access', () => {
  it('shows what the caller holds (soonest to expire first), their three most recent closed requests and their favorites', () => {
    const backend = smallBackend();
    const page = backend.myAccess(alice);
    const expiries = page.active.map((r) => Date.parse(r.expires_at ?? ''));
    assert.deepEqual(
      expiries,
      [...expiries].sort((a, b) => a - b),
    );
    assert.equal(page.active[0]?.id, backend.history.aliceActiveExpiringSoon);
    assert.ok(
      page.active.some((r) => r.id === backend.history.bobForAliceActive),
      'held, though someone else asked for it',
    );
    assert.deepEqual(
      page.recent.map((r) => r.id),
      [backend.history.aliceFailed, backend.history.aliceRejected, backend.history.aliceRevokedByUser],
    );
    assert.equal(page.favorites.length, 3);

    // Closing more pushes the oldest out: the seeded revoking request finishes 3 s after the start,
    // then Alice's revocation of the Legacy CRM access finishes 5 s after she asks.
    backend.revoke(alice, backend.history.aliceActiveLegacyCrm);
    backend.advance(LIFECYCLE.revokingMs);
    const after = backend.myAccess(alice);
    assert.deepEqual(
      after.recent.map((r) => r.id),
      [backend.history.aliceActiveLegacyCrm, backend.history.aliceRevoking, backend.history.aliceFailed],
    );
    assert.ok(!after.active.some((r) => r.id === backend.history.aliceActiveLegacyCrm));
  });

  it('counts only requests the caller holds as recent', () => {
    const backend = smallBackend();
    backend.advance(5 * HOUR);
    const forDave = (caller: Caller) => backend.myAccess(caller).recent.map((r) => r.id);
    assert.deepEqual(forDave(dave), [backend.history.aliceForDaveActive, backend.history.daveExpired]);
    assert.ok(!forDave(alice).includes(backend.history.aliceForDaveActive));
  });
});
