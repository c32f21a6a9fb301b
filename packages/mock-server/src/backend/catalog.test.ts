import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import type { ReferenceBackend } from './backend.js';
import { createBackend } from './backend.js';
import { alice, bob, carol, dave, smallBackend, timeQueries } from './test-support.test.js';

describe('the caller and their grantees', () => {
  const backend = smallBackend();

  it('answers me with the org settings and whether the caller approves', () => {
    const me = backend.me(alice);
    assert.deepEqual(me.user, { id: 'usr_alice', name: 'Alice Example', email: 'alice@example.com' });
    assert.equal(me.org.max_resources_per_request, 1000);
    assert.equal(me.org.notification_channel, 'slack');
    assert.equal(me.org.default_duration_hours, 4);
    assert.deepEqual(
      me.org.ticket_types.map((t) => [t.id, t.id_pattern]),
      [
        ['tt_jira', '^[A-Z][A-Z0-9]+-[0-9]+$'],
        ['tt_servicenow', '^(INC|CHG|RITM)[0-9]{7}$'],
        ['tt_other', undefined],
      ],
    );
    assert.equal(me.is_approver, false);
    assert.equal(backend.me(bob).is_approver, true);
    assert.equal(backend.me(carol).is_approver, true);
  });

  it('lists who the caller may request for, the caller first', () => {
    const people = (caller: typeof alice, query = {}) =>
      backend.grantees(caller, query).items.map((g) => `${g.id}${g.is_self ? '*' : ''}`);
    assert.deepEqual(people(alice), ['usr_alice*', 'usr_dave']);
    assert.deepEqual(people(bob), ['usr_bob*', 'usr_alice', 'usr_dave']);
    assert.deepEqual(people(carol), ['usr_carol*']);
    assert.deepEqual(people(dave), ['usr_dave*']);
    assert.deepEqual(people(bob, { search: 'DAVE@' }), ['usr_dave']);
  });

  it('authenticates the documented tokens only', () => {
    assert.deepEqual(backend.authenticate('demo-carol'), { userId: 'usr_carol' });
    assert.equal(backend.authenticate('demo-mallory'), undefined);
    assert.equal(backend.authenticate(''), undefined);
  });
});

describe('the small catalog lists', () => {
  const backend = smallBackend();

  it('filters resource types by app and permissions by resource type, by name', () => {
    const types = backend.resourceTypes(alice, { 'app_id[]': ['app_aws'] }).items;
    assert.deepEqual(
      types.map((t) => t.id),
      ['rt_aws_account', 'rt_aws_s3_bucket'],
    );
    assert.deepEqual(types[0]?.app, { id: 'app_aws', name: 'AWS' });
    const permissions = backend.permissions(alice, {
      'resource_type_id[]': ['rt_postgresql_database'],
    }).items;
    assert.deepEqual(
      permissions.map((p) => p.name),
      ['Admin', 'ReadOnly', 'ReadWrite'],
    );
    assert.deepEqual(
      backend
        .permissions(alice, { search: 'readonly' })
        .items.map((p) => p.id)
        .sort(),
      ['perm_aws_readonly', 'perm_pg_readonly'],
    );
  });

  it('lists apps of the four categories and bundles with their items', () => {
    const apps = backend.apps(alice, {}).items;
    assert.deepEqual(
      new Set(apps.map((a) => a.category)),
      new Set(['cloud', 'database', 'kubernetes', 'saas']),
    );
    assert.ok(apps.find((a) => a.id === 'app_github')?.permissions.some((p) => p.id === 'perm_github_write'));
    const bundles = backend.bundles(alice, { search: 'on-call' }).items;
    assert.deepEqual(bundles.map((b) => b.id).sort(), ['bun_oncall_payments', 'bun_oncall_production']);
    assert.deepEqual(bundles.find((b) => b.id === 'bun_oncall_payments')?.items[1], {
      resource: { id: 'res_aws_1234', name: 'AWS production account 1234' },
      permission: { id: 'perm_aws_readonly', name: 'ReadOnly' },
    });
  });

  it('pages a list to its end', () => {
    const first = backend.apps(alice, { limit: '4' });
    const second = backend.apps(alice, { limit: '4', cursor: first.next_cursor ?? '' });
    const third = backend.apps(alice, { limit: '4', cursor: second.next_cursor ?? '' });
    assert.deepEqual([first.items.length, second.items.length, third.items.length], [4, 4, 1]);
    assert.equal(third.next_cursor, null);
  });
});

describe('the resource catalog with 100,000 resources', () => {
  let backend: ReferenceBackend;
  before(() => {
    const started = performance.now();
    backend = createBackend({ catalogSize: 100_000 });
    console.log(
      `createBackend with 100,000 resources (world, indexes, history): ${(performance.now() - started).toFixed(0)} ms`,
    );
  });

  it('searches names and paths case-insensitively', () => {
    const page = backend.resources(alice, { search: 'PROD-PAYMENTS-DB' });
    assert.equal(page.items[0]?.id, 'res_prod_payments_db');
    assert.ok(page.items.every((r) => `${r.name} ${r.path}`.toLowerCase().includes('prod-payments-db')));
    const byPath = backend.resources(alice, { search: 'prod accounts', limit: '5' }).items;
    assert.ok(
      byPath.length === 5 && byPath.every((r) => r.path.includes('prod accounts') && r.app.id === 'app_aws'),
    );
    assert.deepEqual(backend.resources(alice, { search: 'no such resource' }), {
      items: [],
      next_cursor: null,
    });
  });

  it('filters by resource type, permission and grantee', () => {
    const typed = backend.resources(alice, {
      'resource_type_id[]': ['rt_mongodb_cluster', 'rt_snowflake_database'],
      limit: '500',
    }).items;
    assert.equal(typed.length, 500);
    assert.ok(
      typed.every((r) => ['rt_mongodb_cluster', 'rt_snowflake_database'].includes(r.resource_type.id)),
    );
    const admins = backend.resources(alice, { 'permission_id[]': ['perm_pg_admin'], limit: '200' }).items;
    assert.ok(admins.every((r) => r.permissions.some((p) => p.id === 'perm_pg_admin')));
    const readOnlyOnly = backend.resources(alice, {
      'resource_type_id[]': ['rt_postgresql_database'],
      limit: '500',
    }).items;
    assert.ok(
      readOnlyOnly.some((r) => !r.permissions.some((p) => p.id === 'perm_pg_admin')),
      'some resources lack the top permission',
    );

    const forDave = (caller: typeof alice) =>
      backend.resources(caller, { search: 'prod accounts', grantee_id: 'usr_dave', limit: '10' }).items;
    assert.deepEqual(forDave(alice), [], 'Dave may not receive production cloud accounts');
    assert.deepEqual(backend.resources(dave, { search: 'aws production account' }).items, []);
    assert.equal(backend.resources(alice, { search: 'aws production account' }).items[0]?.id, 'res_aws_1234');
  });

  it('looks resources up by id, leaving out unknown ids and those the grantee may not receive', () => {
    const found = backend.resources(alice, {
      'id[]': ['res_prod_payments_db', 'res_dev_orders_db', 'res_nope', 'res_aws_1234'],
    });
    assert.deepEqual(found.items.map((r) => r.id).sort(), [
      'res_aws_1234',
      'res_dev_orders_db',
      'res_prod_payments_db',
    ]);
    const names = found.items.map((r) => r.name);
    assert.deepEqual(
      names,
      [...names].sort((a, b) => a.localeCompare(b)),
      'in name order, like every list',
    );
    const forDave = backend.resources(alice, {
      'id[]': ['res_prod_payments_db', 'res_aws_1234'],
      grantee_id: 'usr_dave',
    });
    assert.deepEqual(
      forDave.items.map((r) => r.id),
      ['res_prod_payments_db'],
      'the two-approver cloud flow is not open to Dave',
    );
    const many = Array.from({ length: 101 }, (_, i) => `res_${String(i + 1).padStart(6, '0')}`);
    assert.throws(
      () => backend.resources(alice, { 'id[]': many }),
      (e: { status?: number; problem?: { errors?: { field: string; code: string }[] } }) =>
        e.status === 422 &&
        e.problem?.errors?.[0]?.field === 'id[]' &&
        e.problem.errors[0].code === 'too_many',
    );
  });

  it('pages through every match in name order, without repeats', () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { name: string }[]; next_cursor: string | null } = backend.resources(alice, {
        search: 'ledger',
        'resource_type_id[]': ['rt_postgresql_database'],
        limit: '100',
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((r) => r.name));
      cursor = page.next_cursor;
    } while (cursor);
    assert.ok(seen.length > 100);
    assert.equal(new Set(seen).size, seen.length);
    const lower = seen.map((n) => n.toLowerCase());
    assert.deepEqual(lower, [...lower].sort());
  });

  it('answers searches well under 100 ms (figures printed, not asserted tightly)', () => {
    const cases: [string, Record<string, string | string[]>][] = [
      ['first page, no filter', {}],
      ['common word', { search: 'payments' }],
      ['rare word, full scan', { search: 'zz-no-match' }],
      [
        'type + permission + search',
        { search: 'prod', 'resource_type_id[]': ['rt_k8s_namespace'], 'permission_id[]': ['perm_k8s_admin'] },
      ],
      ['500 per page', { search: 'staging', limit: '500' }],
    ];
    timeQueries('catalog search over 100,000 resources', cases, (query) => backend.resources(alice, query));
  });
});
