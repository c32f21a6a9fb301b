import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiProblem } from './api.js';
import {
  alice,
  bob,
  dave,
  expectFieldErrors,
  expectProblem,
  fieldCodes,
  smallBackend,
} from './test-support.test.js';

const prodDb = { resource_id: 'res_prod_payments_db', permission_id: 'perm_pg_readonly' };
const devDb = { resource_id: 'res_dev_orders_db', permission_id: 'perm_pg_readonly' };
const valid = { resources: [devDb], duration_hours: 2 };

describe('submission validation', () => {
  const backend = smallBackend();
  const submit = (body: unknown) => () => backend.submit(alice, body, undefined);

  it('refuses a body that is not a JSON object, in submit and in preview', () => {
    for (const body of [undefined, null, [], 'text', 42]) {
      assert.deepEqual(fieldCodes(expectProblem(submit(body), 422).problem.errors), [' invalid_type']);
      expectProblem(() => backend.preview(alice, body), 422);
    }
  });

  it('reports every wrong JSON type, with its path, as invalid_type (422 in preview too)', () => {
    const body = {
      grantee_id: 5,
      resources: [7, { resource_id: 1, permission_id: true }],
      duration_hours: '4',
      justification: ['why'],
      ticket: 'PAY-1',
    };
    const expected = [
      'grantee_id invalid_type',
      'resources[0] invalid_type',
      'resources[1].resource_id invalid_type',
      'resources[1].permission_id invalid_type',
      'duration_hours invalid_type',
      'justification invalid_type',
      'ticket invalid_type',
    ];
    expectFieldErrors(submit(body), ...expected);
    expectFieldErrors(() => backend.preview(alice, body), ...expected);
    expectFieldErrors(submit({ ...valid, duration_hours: 4.5 }), 'duration_hours invalid_type');
    expectFieldErrors(submit({ resources: 'all', duration_hours: 1 }), 'resources invalid_type');
  });

  it('needs exactly one of resources, app or bundle', () => {
    expectFieldErrors(submit({ duration_hours: 1 }), 'resources required');
    expectFieldErrors(
      submit({
        ...valid,
        app: { app_id: 'app_github', permission_id: 'perm_github_read' },
        bundle: { bundle_id: 'bun_data_analyst' },
      }),
      'app not_allowed',
      'bundle not_allowed',
    );
  });

  it('needs 1 to 1,000 resources, each selected once', () => {
    expectFieldErrors(submit({ resources: [], duration_hours: 1 }), 'resources too_few');
    const many = Array.from({ length: 1001 }, () => devDb);
    const errors = expectFieldErrors(submit({ resources: many, duration_hours: 1 }), 'resources too_many');
    assert.equal(errors.length, 1, 'the items of a refused list are not checked one by one');
    expectFieldErrors(
      submit({ resources: [devDb, prodDb, devDb], duration_hours: 1, justification: 'x' }),
      'resources[2] not_allowed',
    );
  });

  it('names unknown ids and permissions a resource or app does not offer', () => {
    expectFieldErrors(
      submit({
        resources: [
          { resource_id: 'res_nope', permission_id: 'perm_pg_readonly' },
          { resource_id: 'res_dev_orders_db', permission_id: 'perm_nope' },
          { resource_id: 'res_dev_orders_db', permission_id: 'perm_aws_admin' },
          { resource_id: 'res_dev_orders_db' },
        ],
        duration_hours: 1,
      }),
      'resources[0].resource_id unknown',
      'resources[1].permission_id unknown',
      'resources[2].permission_id not_allowed',
      'resources[3].permission_id required',
    );
    expectFieldErrors(
      submit({ app: { app_id: 'app_nope', permission_id: 'perm_github_read' }, duration_hours: 1 }),
      'app.app_id unknown',
    );
    expectFieldErrors(
      submit({ app: { app_id: 'app_github', permission_id: 'perm_pg_admin' }, duration_hours: 1 }),
      'app.permission_id not_allowed',
    );
    expectFieldErrors(
      submit({ bundle: { bundle_id: 'bun_nope' }, duration_hours: 1 }),
      'bundle.bundle_id unknown',
    );
    expectFieldErrors(
      submit({ ...valid, resources: [{ resource_id: 'x'.repeat(300), permission_id: 'perm_pg_readonly' }] }),
      'resources[0].resource_id too_long',
    );
  });

  it('allows only grantees the caller may request for, and only flows that admit them', () => {
    expectFieldErrors(submit({ ...valid, grantee_id: 'usr_nobody' }), 'grantee_id unknown');
    const errors = expectFieldErrors(submit({ ...valid, grantee_id: 'usr_carol' }), 'grantee_id not_allowed');
    assert.match(errors[0]?.message ?? '', /Carol Example/);
    expectFieldErrors(
      submit({
        grantee_id: 'usr_dave',
        resources: [{ resource_id: 'res_aws_1234', permission_id: 'perm_aws_readonly' }],
        duration_hours: 1,
        justification: 'x',
        ticket: { type_id: 'tt_other', id: 'x' },
      }),
      'resources[0].resource_id not_allowed',
    );
    assert.equal(
      backend.submit(alice, { ...valid, grantee_id: 'usr_dave' }, undefined).body.requests[0]?.grantee.id,
      'usr_dave',
    );
    assert.equal(
      backend.submit(bob, { ...valid, grantee_id: 'usr_alice' }, undefined).body.requests[0]?.grantee.id,
      'usr_alice',
    );
  });

  it('holds the duration to whole hours from 1 to the strictest flow’s maximum', () => {
    expectFieldErrors(submit({ ...valid, duration_hours: 0 }), 'duration_hours out_of_range');
    expectFieldErrors(submit({ resources: [devDb] }), 'duration_hours required');
    const errors = expectFieldErrors(
      submit({ resources: [devDb, prodDb], duration_hours: 13, justification: 'x' }),
      'duration_hours out_of_range',
    );
    assert.equal(errors[0]?.message, 'Production databases – manager approval allows at most 12 hours.');
  });

  it('holds the duration to the contract’s own bound (a year) whatever the flows', () => {
    const errors = expectFieldErrors(
      submit({ ...valid, duration_hours: 8761 }),
      'duration_hours out_of_range',
    );
    assert.equal(errors[0]?.message, 'duration_hours must be at most 8760 hours.');
    expectFieldErrors(
      submit({ resources: [{ ...devDb, resource_id: 'res_nowhere' }], duration_hours: 1e9 }),
      'resources[0].resource_id unknown',
      'duration_hours out_of_range',
    );
  });

  it('requires a justification where a flow says so, up to 1,000 characters', () => {
    const errors = expectFieldErrors(
      submit({ resources: [prodDb], duration_hours: 1 }),
      'justification required',
    );
    assert.match(errors[0]?.message ?? '', /Production databases/);
    expectFieldErrors(
      submit({ resources: [prodDb], duration_hours: 1, justification: '   ' }),
      'justification required',
    );
    expectFieldErrors(submit({ ...valid, justification: 'x'.repeat(1001) }), 'justification too_long');
    assert.equal(
      backend.submit(alice, { ...valid, justification: `  ${'x'.repeat(1000)}  ` }, undefined).body.requests
        .length,
      1,
    );
  });

  it('requires a ticket where a flow says so and checks its id against the type’s pattern', () => {
    const cloud = {
      resources: [{ resource_id: 'res_aws_1234', permission_id: 'perm_aws_readonly' }],
      duration_hours: 1,
      justification: 'x',
      custom_fields: { change_type: 'standard' },
    };
    expectFieldErrors(submit(cloud), 'ticket required');
    const jira = expectFieldErrors(
      submit({ ...cloud, ticket: { type_id: 'tt_jira', id: 'pay 12' } }),
      'ticket.id invalid_format',
    );
    assert.equal(jira[0]?.message, 'A Jira ticket id looks like PAY-4821.');
    expectFieldErrors(
      submit({ ...cloud, ticket: { type_id: 'tt_servicenow', id: 'INC12' } }),
      'ticket.id invalid_format',
    );
    expectFieldErrors(
      submit({ ...cloud, ticket: { type_id: 'tt_nope', id: 'X-1' } }),
      'ticket.type_id unknown',
    );
    expectFieldErrors(
      submit({ ...cloud, ticket: { type_id: 'tt_other', id: 'x'.repeat(101) } }),
      'ticket.id too_long',
    );
    expectFieldErrors(submit({ ...cloud, ticket: { type_id: 'tt_jira' } }), 'ticket.id required');
    const created = backend.submit(
      alice,
      { ...cloud, ticket: { type_id: 'tt_servicenow', id: 'CHG0001234' } },
      undefined,
    );
    assert.deepEqual(created.body.requests[0]?.ticket, {
      type: { id: 'tt_servicenow', name: 'ServiceNow' },
      id: 'CHG0001234',
    });
    assert.equal(
      backend.submit(alice, { ...cloud, ticket: { type_id: 'tt_other', id: 'free text #1' } }, undefined).body
        .requests.length,
      1,
    );
  });

  it('refuses fields the contract does not have', () => {
    expectFieldErrors(
      submit({ ...valid, priority: 'high', __proto__x: 1 }),
      'priority not_allowed',
      '__proto__x not_allowed',
    );
    expectFieldErrors(
      submit({ ...valid, resources: [{ ...devDb, note: 'x' }] }),
      'resources[0].note not_allowed',
    );
  });

  it('collects every error of a body in one answer', () => {
    const errors = expectFieldErrors(
      submit({
        resources: [prodDb, { resource_id: 'res_nope', permission_id: 'perm_pg_readonly' }],
        duration_hours: 99,
      }),
      'resources[1].resource_id unknown',
      'duration_hours out_of_range',
      'justification required',
    );
    assert.equal(errors.length, 3);
  });

  it('answers a preview with the same errors, status 200, and the groups it could make', () => {
    const preview = backend.preview(alice, {
      resources: [prodDb, devDb, { resource_id: 'res_nope', permission_id: 'x' }],
      duration_hours: 99,
    });
    assert.deepEqual(fieldCodes(preview.errors), [
      'resources[2].resource_id unknown',
      'resources[2].permission_id unknown',
      'duration_hours out_of_range',
      'justification required',
    ]);
    assert.deepEqual(
      preview.groups.map((g) => [
        g.access_flow.id,
        g.items.length,
        g.max_duration_hours,
        g.justification_required,
      ]),
      [
        ['flow_prod_db', 1, 12, true],
        ['flow_nonprod', 1, 24, false],
      ],
    );
    assert.deepEqual(
      preview.groups[0]?.access_flow.approvers.map((u) => u.id),
      ['usr_bob'],
    );
    assert.deepEqual(backend.preview(alice, valid).errors, []);
  });

  it('never answers bad input with anything but a problem', () => {
    const weird: unknown[] = [
      { resources: [null], duration_hours: 1 },
      { resources: [[]], duration_hours: 1 },
      { resources: [{ resource_id: {}, permission_id: [] }], duration_hours: Number.MAX_SAFE_INTEGER },
      { app: [], duration_hours: -1 },
      { app: { app_id: null, permission_id: null }, duration_hours: 1e308 },
      { bundle: 'bun_oncall_payments', duration_hours: 1 },
      { bundle: {}, duration_hours: 1, ticket: {} },
      { resources: [devDb], duration_hours: 1, ticket: { type_id: 5, id: null } },
      JSON.parse('{"__proto__": {"polluted": true}, "duration_hours": 1, "resources": []}'),
      { grantee_id: '', resources: [devDb], duration_hours: 1, justification: '' },
    ];
    for (const body of weird) {
      for (const call of [() => backend.submit(dave, body, undefined), () => backend.preview(dave, body)]) {
        try {
          call();
        } catch (error) {
          assert.ok(error instanceof ApiProblem, `${JSON.stringify(body)} → ${String(error)}`);
          assert.equal(error.status, 422);
        }
      }
    }
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });
});

describe('approve and reject validation', () => {
  it('requires a reject reason of 1 to 123 characters; an approve reason is optional but as short', () => {
    const backend = smallBackend();
    const { requests } = backend.submit(
      alice,
      { resources: [prodDb], duration_hours: 1, justification: 'x' },
      undefined,
    ).body;
    const id = requests[0]?.id ?? '';
    expectFieldErrors(() => backend.reject(bob, id, {}), 'reason required');
    expectFieldErrors(() => backend.reject(bob, id, undefined), 'reason required');
    expectFieldErrors(() => backend.reject(bob, id, { reason: '  ' }), 'reason required');
    expectFieldErrors(() => backend.reject(bob, id, { reason: 'x'.repeat(124) }), 'reason too_long');
    expectFieldErrors(() => backend.reject(bob, id, { reason: 12 }), 'reason invalid_type');
    expectFieldErrors(() => backend.approve(bob, id, { reason: 'x'.repeat(124) }), 'reason too_long');
    expectFieldErrors(() => backend.approve(bob, id, 'ok'), ' invalid_type');
    assert.equal(
      backend.getRequest(alice, id).status,
      'pending_approval',
      'a refused decision changes nothing',
    );
    assert.equal(backend.reject(bob, id, { reason: 'x'.repeat(123) }).rejection_reason?.length, 123);
  });
});

describe('query validation', () => {
  const backend = smallBackend();

  it('checks limit and cursor on every list', () => {
    expectFieldErrors(() => backend.resources(alice, { limit: 'ten' }), 'limit invalid_type');
    expectFieldErrors(() => backend.listRequests(alice, { limit: '0' }), 'limit out_of_range');
    expectFieldErrors(() => backend.apps(alice, { limit: '501' }), 'limit out_of_range');
    expectFieldErrors(() => backend.bundles(alice, { limit: ['1', '2'] }), 'limit invalid_type');
    assert.ok(backend.resources(alice, { limit: '500' }).items.length > 50);
    expectFieldErrors(() => backend.resources(alice, { cursor: 'garbage!' }), 'cursor invalid_format');
    expectFieldErrors(
      () => backend.approvals(bob, { cursor: 'eyJwIjotMSwiZiI6IngifQ' }),
      'cursor invalid_format',
    );
    const next = backend.resources(alice, { limit: '2', search: 'prod' }).next_cursor ?? '';
    expectFieldErrors(
      () => backend.resources(alice, { limit: '2', search: 'dev', cursor: next }),
      'cursor invalid_format',
    );
    expectFieldErrors(() => backend.listRequests(alice, { cursor: next }), 'cursor invalid_format');
  });

  it('checks every filter and reports all problems together', () => {
    const errors = expectFieldErrors(
      () =>
        backend.listRequests(alice, {
          'status[]': ['active', 'sleeping'],
          scope: 'everyone',
          favorite: 'yes',
          limit: '-1',
        }),
      'status[] unknown',
      'scope unknown',
      'favorite invalid_type',
      'limit out_of_range',
    );
    assert.equal(errors.length, 4);
    expectFieldErrors(() => backend.approvals(bob, { status: 'all' }), 'status unknown');
    expectFieldErrors(() => backend.resources(alice, { search: 'x'.repeat(201) }), 'search too_long');
    expectFieldErrors(
      () => backend.resources(alice, { 'resource_type_id[]': ['rt_nope'] }),
      'resource_type_id[] unknown',
    );
    expectFieldErrors(
      () => backend.resources(alice, { 'permission_id[]': ['perm_nope'] }),
      'permission_id[] unknown',
    );
    expectFieldErrors(() => backend.resources(alice, { grantee_id: 'usr_carol' }), 'grantee_id not_allowed');
    expectFieldErrors(() => backend.resources(alice, { grantee_id: 'usr_nobody' }), 'grantee_id unknown');
    expectFieldErrors(() => backend.resourceTypes(alice, { 'app_id[]': 'app_nope' }), 'app_id[] unknown');
    expectFieldErrors(
      () =>
        backend.resources(alice, { 'resource_type_id[]': Array.from({ length: 101 }, (_, i) => `rt_${i}`) }),
      'resource_type_id[] too_many',
    );
  });
});
