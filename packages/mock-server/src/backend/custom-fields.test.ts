// Custom fields: what the flows ask (preview), every rule of an answer, the answers on requests,
// approvals and events, request again and idempotency.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LIMITS } from '@access-requests/contract';
import { ACCESS_FLOWS } from '../demo-data/flows.js';
import type { Schemas, StreamEvent } from './api.js';
import {
  alice,
  bob,
  carol,
  expectFieldErrors,
  expectProblem,
  fieldCodes,
  smallBackend,
} from './test-support.test.js';

const prodDb = { resource_id: 'res_prod_payments_db', permission_id: 'perm_pg_readonly' };
const cloud = { resource_id: 'res_aws_1234', permission_id: 'perm_aws_readonly' };
const devDb = { resource_id: 'res_dev_orders_db', permission_id: 'perm_pg_readonly' };
const ticket = { type_id: 'tt_jira', id: 'PAY-4821' };
/** Production databases and production cloud: two groups, each with fields of its own. */
const both = { resources: [prodDb, cloud], duration_hours: 2, justification: 'Incident work.', ticket };
const cloudOnly = { resources: [cloud], duration_hours: 2, justification: 'Cost check.', ticket };

const INCIDENT: Schemas['CustomField'] = {
  id: 'incident_id',
  label: 'Incident ID',
  description: 'The incident this access is for, if any.',
  type: 'text',
  required: false,
  pattern: 'INC-[0-9]{4,8}',
  pattern_hint: 'INC- followed by 4 to 8 digits',
  max_length: 200,
};

describe('custom fields', () => {
  const backend = smallBackend();
  const submit = (body: unknown) => () => backend.submit(alice, body, undefined);
  /** The errors on custom fields of a submit (422) and of a preview (200) of the same body. */
  const customErrors = (body: unknown) => {
    const preview = backend.preview(alice, body).errors.filter((e) => e.field.startsWith('custom_fields'));
    const problem = expectProblem(submit(body), 422).problem.errors ?? [];
    const submitted = problem.filter((e) => e.field.startsWith('custom_fields'));
    assert.deepEqual(preview, submitted, 'preview reports what submit refuses');
    return submitted;
  };
  const one = (custom_fields: Record<string, unknown>) => {
    const errors = customErrors({ ...both, custom_fields: { change_type: 'standard', ...custom_fields } });
    assert.equal(errors.length, 1, JSON.stringify(errors));
    return errors[0] ?? assert.fail();
  };

  it('lists the fields each group’s flow asks, in its order, and none where it asks none', () => {
    const preview = backend.preview(alice, {
      resources: [prodDb, cloud, devDb],
      duration_hours: 1,
      justification: 'x',
      ticket,
      custom_fields: { change_type: 'standard' },
    });
    assert.deepEqual(preview.errors, []);
    const byFlow = Object.fromEntries(preview.groups.map((g) => [g.access_flow.id, g.custom_fields]));
    assert.deepEqual(byFlow['flow_prod_db'], [INCIDENT]);
    assert.deepEqual(byFlow['flow_prod_cloud'], [
      {
        id: 'change_type',
        label: 'Change type',
        type: 'choice',
        required: true,
        choices: [
          { id: 'standard', label: 'Standard change' },
          { id: 'emergency', label: 'Emergency change' },
          { id: 'investigation', label: 'Investigation only' },
        ],
      },
      {
        id: 'accounts_affected',
        label: 'Accounts affected',
        type: 'number',
        required: false,
        integer: true,
        min: 1,
        max: 10_000,
      },
    ]);
    assert.deepEqual(byFlow['flow_nonprod'], []);
  });

  it('declares fields within the contract’s limits, with unique ids and valid patterns', () => {
    for (const flow of ACCESS_FLOWS) {
      assert.ok(flow.customFields.length <= LIMITS.customFieldsPerFlow.maxItems, flow.id);
      assert.equal(new Set(flow.customFields.map((f) => f.id)).size, flow.customFields.length, flow.id);
      for (const field of flow.customFields) {
        assert.match(field.id, /^[a-z][a-z0-9_]{0,39}$/);
        if (field.type === 'text') {
          assert.ok(field.maxLength <= LIMITS.customFieldTextMaxLength.maximum, field.id);
          if (field.pattern !== null) assert.doesNotThrow(() => new RegExp(`^(?:${field.pattern})$`, 'u'));
        }
        if (field.type === 'choice') assert.ok(field.choices.length >= 1, field.id);
      }
    }
  });

  it('requires a required field, in preview as in submit, naming its label and flow', () => {
    const [error] = customErrors(both);
    assert.deepEqual(error, {
      field: 'custom_fields.change_type',
      code: 'required',
      message: 'Change type is required by Production cloud – manager and security approval.',
    });
    // A blank text or null is no answer.
    assert.equal(one({ change_type: '   ' }).code, 'required');
    assert.equal(one({ change_type: null }).code, 'required');
    // Optional fields may stay empty: an empty text is the same as absent.
    const created = backend.submit(
      alice,
      { ...both, custom_fields: { change_type: 'standard', incident_id: '  ' } },
      undefined,
    );
    assert.deepEqual(
      created.body.requests.map((r) => [r.access_flow.id, r.custom_fields.map((a) => a.id)]),
      [
        ['flow_prod_db', []],
        ['flow_prod_cloud', ['change_type']],
      ],
    );
  });

  it('checks a text against its length and its pattern (the whole value, trimmed)', () => {
    assert.deepEqual(one({ incident_id: 'INC-48' }), {
      field: 'custom_fields.incident_id',
      code: 'pattern_mismatch',
      message: 'Incident ID must be INC- followed by 4 to 8 digits; got INC-48.',
    });
    assert.equal(one({ incident_id: 'see INC-4821' }).code, 'pattern_mismatch');
    assert.equal(one({ incident_id: 'INC-4821 and more' }).code, 'pattern_mismatch');
    const long = one({ incident_id: `INC-${'1'.repeat(300)}` });
    assert.deepEqual(
      [long.code, long.message],
      ['too_long', 'Incident ID must be at most 200 characters; it has 304.'],
    );
    assert.equal(one({ incident_id: 4821 }).code, 'invalid_type');
    assert.equal(one({ incident_id: 4821 }).message, 'Incident ID must be text; got a number.');
  });

  it('checks a choice against its ids', () => {
    const error = one({ change_type: 'Standard change' });
    assert.deepEqual(error, {
      field: 'custom_fields.change_type',
      code: 'invalid_choice',
      message:
        'Change type must be one of standard (Standard change), emergency (Emergency change) or investigation (Investigation only); got Standard change.',
    });
    assert.equal(one({ change_type: 2 }).code, 'invalid_type');
  });

  it('checks a number: its type, whole when integer, and its bounds', () => {
    const cases: [unknown, string, string][] = [
      ['12', 'invalid_type', 'Accounts affected must be a number; got text.'],
      [true, 'invalid_type', 'Accounts affected must be a number; got true.'],
      [[1], 'invalid_type', 'Accounts affected must be a number; got a list.'],
      [{ n: 1 }, 'invalid_type', 'Accounts affected must be a number; got an object.'],
      [2.5, 'not_integer', 'Accounts affected must be a whole number; got 2.5.'],
      [0, 'too_small', 'Accounts affected must be at least 1; got 0.'],
      [10_001, 'too_large', 'Accounts affected must be at most 10000; got 10001.'],
      [Number.POSITIVE_INFINITY, 'invalid_number', 'Accounts affected must be a finite number.'],
    ];
    for (const [value, code, message] of cases) {
      const error = one({ accounts_affected: value });
      assert.deepEqual(error, { field: 'custom_fields.accounts_affected', code, message }, String(value));
    }
  });

  it('refuses an id no group’s flow declares, unless the items themselves are refused', () => {
    assert.deepEqual(one({ incident: 'INC-4821' }), {
      field: 'custom_fields.incident',
      code: 'unknown_field',
      message: 'incident is not a custom field of the access flows these items fall under.',
    });
    // `change_type` is production cloud's: asked of a database-only submission, it is unknown.
    const dbOnly = { resources: [prodDb], duration_hours: 2, justification: 'x' };
    assert.deepEqual(fieldCodes(customErrors({ ...dbOnly, custom_fields: { change_type: 'standard' } })), [
      'custom_fields.change_type unknown_field',
    ]);
    const unknownItem = { resource_id: 'res_nope', permission_id: 'perm_pg_readonly' };
    const errors = expectFieldErrors(
      submit({ ...dbOnly, resources: [unknownItem], custom_fields: { change_type: 'standard' } }),
      'resources[0].resource_id unknown',
    );
    assert.deepEqual(fieldCodes(errors), ['resources[0].resource_id unknown']);
  });

  it('reports every custom-field problem at once, beside the other errors', () => {
    const body = {
      ...both,
      justification: undefined,
      custom_fields: { incident_id: 'nope', accounts_affected: 0.5, extra: 1 },
    };
    const errors = expectFieldErrors(submit(body), 'justification required');
    assert.deepEqual(fieldCodes(errors.filter((e) => e.field.startsWith('custom_fields'))), [
      'custom_fields.incident_id pattern_mismatch',
      'custom_fields.change_type required',
      'custom_fields.accounts_affected not_integer',
      'custom_fields.extra unknown_field',
    ]);
    // custom_fields itself must be an object (a wrong shape is a 422, in preview too).
    expectFieldErrors(submit({ ...both, custom_fields: ['standard'] }), 'custom_fields invalid_type');
    expectProblem(() => backend.preview(alice, { ...both, custom_fields: 'standard' }), 422);
  });

  it('keeps the answers on each request, trimmed, in its flow’s order, for everyone who sees it', () => {
    const fresh = smallBackend();
    const events: StreamEvent[] = [];
    const stop = fresh.subscribe(bob, undefined, (event) => events.push(event));
    const body = {
      ...both,
      custom_fields: { accounts_affected: 120, incident_id: '  INC-4821 ', change_type: 'emergency' },
    };
    const { requests } = fresh.submit(alice, body, undefined).body;
    stop();
    const [db, cloudRequest] = requests;
    assert.deepEqual(db?.custom_fields, [
      { id: 'incident_id', label: 'Incident ID', type: 'text', value: 'INC-4821', display: 'INC-4821' },
    ]);
    const cloudAnswers: Schemas['CustomFieldAnswer'][] = [
      {
        id: 'change_type',
        label: 'Change type',
        type: 'choice',
        value: 'emergency',
        display: 'Emergency change',
      },
      { id: 'accounts_affected', label: 'Accounts affected', type: 'number', value: 120, display: '120' },
    ];
    assert.deepEqual(cloudRequest?.custom_fields, cloudAnswers);
    const id = cloudRequest?.id ?? '';
    assert.deepEqual(fresh.getRequest(alice, id).custom_fields, cloudAnswers);
    assert.deepEqual(fresh.getRequest(bob, id).custom_fields, cloudAnswers);
    const listed = fresh.listRequests(alice, { scope: 'mine' }).items.find((r) => r.id === id);
    assert.deepEqual(listed?.custom_fields, cloudAnswers);
    const inbox = fresh.approvals(carol, { status: 'pending' }).items.find((r) => r.id === id);
    assert.deepEqual(inbox?.custom_fields, cloudAnswers);
    const event = events.find((e) => e.data.request.id === id);
    assert.deepEqual(event?.data.request.custom_fields, cloudAnswers);
  });

  it('request again keeps the original answers', () => {
    const fresh = smallBackend();
    const body = { ...cloudOnly, custom_fields: { change_type: 'investigation', accounts_affected: 3 } };
    const [original] = fresh.submit(alice, body, undefined).body.requests;
    const id = original?.id ?? '';
    fresh.reject(bob, id, { reason: 'Not now.' }, undefined);
    const [again] = fresh.requestAgain(alice, id, { justification: 'Again, please.' }, undefined).body
      .requests;
    assert.notEqual(again?.id, id);
    assert.equal(again?.justification, 'Again, please.');
    assert.deepEqual(again?.custom_fields, original?.custom_fields);
    // Request again takes no answers of its own.
    expectFieldErrors(
      () => fresh.requestAgain(alice, id, { justification: 'x', custom_fields: {} }, undefined),
      'custom_fields not_allowed',
    );
  });

  it('replays the same key and body, and refuses the key with other answers', () => {
    const fresh = smallBackend();
    const body = { ...cloudOnly, custom_fields: { change_type: 'standard' } };
    const first = fresh.submit(alice, body, 'key-custom-1');
    const replay = fresh.submit(alice, structuredClone(body), 'key-custom-1');
    assert.equal(replay.replayed, true);
    assert.deepEqual(replay.body, first.body);
    const other = { ...cloudOnly, custom_fields: { change_type: 'emergency' } };
    expectFieldErrors(
      () => fresh.submit(alice, other, 'key-custom-1'),
      'Idempotency-Key idempotency_mismatch',
    );
    assert.equal(
      fresh
        .listRequests(alice, { scope: 'mine', limit: '500' })
        .items.filter((r) => r.id === first.body.requests[0]?.id).length,
      1,
    );
  });

  it('seeds answers on the demo history', () => {
    const fresh = smallBackend();
    const pending = fresh.getRequest(alice, fresh.history.alicePendingManager);
    assert.deepEqual(
      pending.custom_fields.map((a) => [a.id, a.display]),
      [['incident_id', 'INC-4821']],
    );
    const cloudPending = fresh.getRequest(alice, fresh.history.alicePendingTwoApprovers);
    assert.deepEqual(
      cloudPending.custom_fields.map((a) => [a.id, a.display]),
      [['change_type', 'Standard change']],
    );
  });
});
