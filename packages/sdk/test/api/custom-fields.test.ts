// Custom fields through the SDK: the questions a preview lists per group, a submission with answers
// read back on the request and in the approver's inbox, and the field errors of bad answers through
// ApiError.fieldErrors.
import { assert, beforeEach, describe, it } from '#harness';
import { ApiError, type CustomField, type CustomFieldAnswer } from '../../src/index.js';
import { clientFor, control, fixtures } from './support.js';

/** Production cloud: a required `change_type` choice and an optional `accounts_affected` number. */
const prodCloud = {
  resources: [{ resource_id: 'res_aws_1234', permission_id: 'perm_aws_readonly' }],
  duration_hours: 2,
  justification: 'Check the cost anomaly.',
  ticket: { type_id: 'tt_jira', id: 'OPS-12' },
};

async function problemOf(call: Promise<unknown>): Promise<ApiError> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof ApiError, String(error));
    return error;
  }
  throw new assert.AssertionError({ message: 'the call succeeded' });
}

describe('custom fields', () => {
  beforeEach(() => control.reset());

  it('lists the questions of each group’s flow in the preview', async () => {
    const preview = await clientFor('demo-alice').preview({
      ...prodCloud,
      resources: [...prodCloud.resources, fixtures.prodDb, fixtures.stagingDb],
    });
    const asked = Object.fromEntries(
      preview.groups.map((g) => [
        g.access_flow.id,
        g.custom_fields.map((f: CustomField) => `${f.id} ${f.type}`),
      ]),
    );
    assert.deepEqual(asked, {
      flow_prod_cloud: ['change_type choice', 'accounts_affected number'],
      flow_prod_db: ['incident_id text'],
      flow_nonprod: [],
    });
    const incident = preview.groups.flatMap((g) => g.custom_fields).find((f) => f.id === 'incident_id');
    assert.ok(incident?.type === 'text');
    assert.equal(incident.pattern, 'INC-[0-9]{4,8}');
    assert.equal(incident.pattern_hint, 'INC- followed by 4 to 8 digits');
    // The missing required answer is in the preview's errors, as submit would refuse it.
    assert.deepEqual(
      preview.errors.map((e) => `${e.field} ${e.code}`),
      ['custom_fields.change_type required'],
    );
  });

  it('submits answers and reads them back on the request and in the approver’s inbox', async () => {
    const alice = clientFor('demo-alice');
    const [request] = await alice.submit({
      ...prodCloud,
      custom_fields: { change_type: 'emergency', accounts_affected: 12 },
    });
    const expected: CustomFieldAnswer[] = [
      {
        id: 'change_type',
        label: 'Change type',
        type: 'choice',
        value: 'emergency',
        display: 'Emergency change',
      },
      { id: 'accounts_affected', label: 'Accounts affected', type: 'number', value: 12, display: '12' },
    ];
    assert.deepEqual(request!.custom_fields, expected);
    assert.deepEqual((await alice.request(request!.id)).custom_fields, expected);
    const inbox = await clientFor('demo-bob').approvals({ status: 'pending' }).page({ limit: 100 });
    assert.deepEqual(inbox.items.find((r) => r.id === request!.id)?.custom_fields, expected);
  });

  it('answers bad answers with field errors on custom_fields.<id>, and creates nothing', async () => {
    const alice = clientFor('demo-alice');
    const before = (await alice.requests().page({ limit: 500 })).items.length;
    const error = await problemOf(
      alice.submit({
        ...prodCloud,
        resources: [...prodCloud.resources, fixtures.prodDb],
        custom_fields: { change_type: 'big', accounts_affected: 0, incident_id: 'INC-1', nope: 'x' },
      }),
    );
    assert.equal(error.status, 422);
    assert.deepEqual(error.fieldErrors.map((e) => `${e.field} ${e.code}`).sort(), [
      'custom_fields.accounts_affected too_small',
      'custom_fields.change_type invalid_choice',
      'custom_fields.incident_id pattern_mismatch',
      'custom_fields.nope unknown_field',
    ]);
    assert.equal(
      error.errorsFor('custom_fields.incident_id')[0]?.message,
      'Incident ID must be INC- followed by 4 to 8 digits; got INC-1.',
    );
    const required = await problemOf(alice.submit(prodCloud));
    assert.deepEqual(
      required.errorsFor('custom_fields.change_type').map((e) => e.code),
      ['required'],
    );
    assert.equal((await alice.requests().page({ limit: 500 })).items.length, before, 'nothing created');
  });
});
