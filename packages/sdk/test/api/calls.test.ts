import { assert, beforeEach, describe, it } from '#harness';
import { ApiError, CLOSED_STATUSES, type AccessRequest } from '../../src/index.js';
import { clientFor, control, fixtures } from './support.js';

describe('SDK calls against the reference server', () => {
  beforeEach(() => control.reset());

  it('me: the caller and the org settings', async () => {
    const me = await clientFor('demo-alice').me();
    assert.equal(me.user.id, 'usr_alice');
    assert.equal(me.org.max_resources_per_request, 1000);
    assert.ok(me.org.ticket_types.length > 0);
  });

  it('grantees: the caller first, then whom they may request for', async () => {
    const page = await clientFor('demo-alice').grantees().page();
    assert.deepEqual(
      page.items.map((g) => [g.id, g.is_self]),
      [
        ['usr_alice', true],
        ['usr_dave', false],
      ],
    );
    const searched = await clientFor('demo-alice').grantees({ search: 'dave' }).page();
    assert.deepEqual(
      searched.items.map((g) => g.id),
      ['usr_dave'],
    );
  });

  it('catalog look-ups filter by search, type and permission', async () => {
    const client = clientFor();
    const types = await client.resourceTypes({ search: 'postgres' }).page();
    assert.ok(types.items.length > 0);
    const typeId = types.items[0]!.id;
    const permissions = await client.permissions({ resource_type_id: [typeId] }).page();
    assert.ok(permissions.items.every((p) => p.resource_type.id === typeId));
    const resources = await client
      .resources({ resource_type_id: [typeId], permission_id: [permissions.items[0]!.id] })
      .page({ limit: 20 });
    assert.ok(resources.items.length > 0);
    for (const resource of resources.items) {
      assert.equal(resource.resource_type.id, typeId);
      assert.ok(resource.permissions.some((p) => p.id === permissions.items[0]!.id));
    }
    const byName = await client.resources({ search: 'payments' }).page({ limit: 5 });
    assert.ok(byName.items.every((r) => `${r.name} ${r.path}`.toLowerCase().includes('payments')));
    const byId = await client.resources({ id: ['res_prod_payments_db', 'res_does_not_exist'] }).page();
    assert.deepEqual(
      byId.items.map((r) => r.id),
      ['res_prod_payments_db'],
    );
    const apps = await client.apps({ search: 'kube' }).page();
    assert.deepEqual(
      apps.items.map((a) => a.id),
      ['app_kubernetes'],
    );
    const bundles = await client.bundles().page();
    assert.ok(bundles.items.some((b) => b.id === 'bun_oncall_payments'));
  });

  it('preview: the split by access flow, and errors without creating anything', async () => {
    const client = clientFor();
    const before = await client.requests().page({ limit: 500 });
    const preview = await client.preview({
      resources: [fixtures.stagingDb, fixtures.prodDb],
      duration_hours: 2,
      justification: 'incident',
    });
    assert.equal(preview.groups.length, 2);
    assert.deepEqual(preview.errors, []);
    const manual = preview.groups.find((g) => g.access_flow.approval === 'manual');
    assert.ok(manual && manual.access_flow.approvers.some((u) => u.id === 'usr_bob'));
    const invalid = await client.preview({ resources: [fixtures.prodDb], duration_hours: 99 });
    assert.ok(invalid.errors.some((e) => e.field === 'duration_hours' && e.code === 'out_of_range'));
    assert.ok(invalid.errors.some((e) => e.field === 'justification' && e.code === 'required'));
    const after = await client.requests().page({ limit: 500 });
    assert.equal(after.items.length, before.items.length);
  });

  it('submit: one request per access flow, then get, resources and list', async () => {
    const client = clientFor();
    const created = await client.submit({
      resources: [fixtures.stagingDb, fixtures.prodDb],
      duration_hours: 2,
      justification: 'incident 42',
    });
    assert.equal(created.length, 2);
    assert.deepEqual(created.map((r) => r.status).sort(), ['granting', 'pending_approval']);
    const one = await client.request(created[0]!.id);
    assert.equal(one.id, created[0]!.id);
    const pairs = await client.requestResources(created[0]!.id).page();
    assert.equal(pairs.items.length, 1);
    const mine = await client.requests({ scope: 'mine' }).page({ limit: 2 });
    assert.ok(
      created.some((r) => r.id === mine.items[0]!.id),
      'newest first',
    );
  });

  it('lists filter by scope, several statuses and favourite', async () => {
    const client = clientFor('demo-alice');
    const closed = await client.requests({ status: [...CLOSED_STATUSES] }).page({ limit: 500 });
    assert.ok(closed.items.length >= 3);
    assert.ok(closed.items.every((r) => CLOSED_STATUSES.includes(r.status)));
    const onBehalf = await client.requests({ scope: 'on_behalf' }).page({ limit: 500 });
    assert.ok(onBehalf.items.length > 0);
    assert.ok(onBehalf.items.every((r) => r.requester.id === 'usr_alice' && r.grantee.id !== 'usr_alice'));
    const favourites = await client.requests({ favorite: true }).page({ limit: 500 });
    assert.ok(favourites.items.length > 0 && favourites.items.every((r) => r.favorite));
  });

  it('favorite and unfavorite a request submitted for oneself', async () => {
    const client = clientFor();
    const [request] = await client.submit({ resources: [fixtures.stagingDb], duration_hours: 1 });
    assert.equal((await client.favorite(request!.id)).favorite, true);
    assert.equal((await client.request(request!.id)).favorite, true);
    assert.equal((await client.unfavorite(request!.id)).favorite, false);
  });

  it('revoke, then request again once closed', async () => {
    const client = clientFor();
    const [request] = await client.submit({ resources: [fixtures.stagingDb], duration_hours: 1 });
    await control.advance(6);
    assert.equal((await client.request(request!.id)).status, 'active');
    assert.equal((await client.revoke(request!.id)).status, 'revoking');
    await control.advance(6);
    const revoked = await client.request(request!.id);
    assert.equal(revoked.status, 'revoked');
    assert.equal(revoked.can.request_again, true);
    const again = await client.requestAgain(request!.id, {
      justification: 'need it back',
      duration_hours: 2,
    });
    assert.equal(again.length, 1);
    assert.equal(again[0]!.duration_hours, 2);
    assert.notEqual(again[0]!.id, request!.id);
  });

  it('access details for an active request, my-access with the three most recent closed', async () => {
    const client = clientFor();
    const [request] = await client.submit({ resources: [fixtures.stagingDb], duration_hours: 3 });
    await control.advance(6);
    const details = await client.accessDetails(request!.id);
    assert.equal(details.request_id, request!.id);
    assert.ok(details.instructions_markdown.length > 0);
    const mine = await client.myAccess();
    assert.ok(mine.active.some((r) => r.id === request!.id));
    assert.ok(mine.recent.length <= 3);
    assert.ok(mine.recent.every((r) => CLOSED_STATUSES.includes(r.status)));
    assert.ok(mine.favorites.every((r) => r.favorite));
  });

  it('approvals: the approver lists, approves and rejects; the requester sees the outcome', async () => {
    const alice = clientFor('demo-alice');
    const bob = clientFor('demo-bob');
    const [first] = await alice.submit({
      resources: [fixtures.prodDb],
      duration_hours: 1,
      justification: 'deploy',
    });
    const [second] = await alice.submit({
      resources: [fixtures.prodDb],
      duration_hours: 2,
      justification: 'debug',
    });
    const waiting: AccessRequest[] = [];
    for await (const r of bob.approvals({ status: 'pending' })) waiting.push(r);
    assert.ok(waiting.some((r) => r.id === first!.id) && waiting.some((r) => r.id === second!.id));
    assert.equal((await bob.approve(first!.id, { reason: 'ok' })).status, 'granting');
    const rejected = await bob.reject(second!.id, { reason: 'Use staging instead' });
    assert.equal(rejected.status, 'rejected');
    assert.equal((await alice.request(second!.id)).rejection_reason, 'Use staging instead');
    await assert.rejects(alice.approve(first!.id), (e) => e instanceof ApiError && e.status === 403);
  });

  it('keeps the raw typed client reachable, with the same token and base URL', async () => {
    const { data, response } = await clientFor('demo-dave').raw.GET('/v1/me');
    assert.equal(response.status, 200);
    assert.equal(data?.user.id, 'usr_dave');
  });
});
