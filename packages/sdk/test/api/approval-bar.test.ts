// A requester (or grantee) who is one of a flow's approvers never counts, nor lowers how many
// approvals the flow needs: with too few eligible approvers left, the item is refused.
import { assert, beforeEach, describe, it } from '#harness';
import { ApiError } from '../../src/index.js';
import { clientFor, control } from './support.js';

/** Production cloud: Bob and Carol must both approve, and there is no backup approver. */
const prodCloud = {
  resources: [{ resource_id: 'res_aws_1234', permission_id: 'perm_aws_admin' }],
  duration_hours: 2,
  justification: 'Rotate the root keys.',
  ticket: { type_id: 'tt_jira', id: 'SEC-12' },
  custom_fields: { change_type: 'standard' },
};

describe('the approval bar of a flow', () => {
  beforeEach(() => control.reset());

  it('refuses, at preview and at submit, what an approver asks for when the others cannot reach the bar', async () => {
    const carol = clientFor('demo-carol');
    const before = (await carol.requests().page({ limit: 500 })).items.length;
    const preview = await carol.preview(prodCloud);
    assert.deepEqual(
      preview.errors.map((e) => `${e.field} ${e.code}`),
      ['resources[0].resource_id not_allowed'],
    );
    const error = await carol.submit(prodCloud).catch((e: unknown) => e);
    assert.ok(error instanceof ApiError && error.status === 422, String(error));
    assert.deepEqual(
      error.fieldErrors.map((e) => `${e.field} ${e.code}`),
      ['resources[0].resource_id not_allowed'],
    );
    assert.match(error.errorsFor('resources[0].resource_id')[0]?.message ?? '', /needs 2 approvers/);
    assert.equal((await carol.requests().page({ limit: 500 })).items.length, before, 'nothing created');

    // On behalf: Bob asking for Alice leaves only Carol.
    await assert.rejects(
      clientFor('demo-bob').submit({ ...prodCloud, grantee_id: 'usr_alice' }),
      (e) => e instanceof ApiError && e.fieldErrors.some((f) => f.code === 'not_allowed'),
    );
  });

  it('still needs both approvals when neither approver asked', async () => {
    const [request] = await clientFor('demo-alice').submit(prodCloud);
    assert.deepEqual(
      request!.approvals.map((a) => a.approver.id),
      ['usr_bob', 'usr_carol'],
    );
    assert.equal((await clientFor('demo-bob').approve(request!.id)).status, 'pending_approval');
    assert.equal((await clientFor('demo-carol').approve(request!.id)).status, 'granting');
  });
});
