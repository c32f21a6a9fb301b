import { assert, beforeEach, describe, it } from '#harness';
import { ApiError } from '../../src/index.js';
import { clientFor, control, fixtures } from './support.js';

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('SDK problem errors', () => {
  beforeEach(() => control.reset());

  it('puts each field error next to its field', async () => {
    const error = await caught(
      clientFor().submit({
        resources: [fixtures.prodDb, { resource_id: 'res_prod_payments_db', permission_id: 'perm_k8s_view' }],
        duration_hours: 48,
      }),
    );
    assert.equal(error.status, 422);
    assert.match(error.problem.type, /validation/);
    assert.ok(error.errorsFor('resources[1].permission_id').some((e) => e.code === 'not_allowed'));
    assert.ok(error.errorsFor('duration_hours').some((e) => e.code === 'out_of_range'));
    assert.ok(error.errorsFor('justification').some((e) => e.code === 'required'));
    assert.deepEqual(error.errorsFor('ticket'), []);
  });

  it('carries 403, 404 and 409 with the server’s words', async () => {
    const alice = clientFor('demo-alice');
    const onBehalf = (await alice.requests({ status: ['active'] }).page({ limit: 500 })).items.find(
      (r) => r.requester.id !== 'usr_alice',
    );
    assert.ok(onBehalf, 'the seeded world has a request made for Alice by someone else');
    const forbidden = await caught(alice.revoke(onBehalf.id));
    assert.equal(forbidden.status, 403);
    assert.ok(forbidden.message.length > 0);

    const missing = await caught(alice.request('req_does_not_exist'));
    assert.equal(missing.status, 404);

    const [pending] = await alice.submit({
      resources: [fixtures.prodDb],
      duration_hours: 1,
      justification: 'x',
    });
    const conflict = await caught(alice.accessDetails(pending!.id));
    assert.equal(conflict.status, 409);
    assert.ok(conflict.fieldErrors.some((e) => e.code === 'invalid_state'));
  });

  it('turns an answer that is not problem+json into a problem all the same', async () => {
    const client = clientFor('demo-alice', {
      fetch: async () =>
        new Response('<h1>Bad gateway</h1>', { status: 500, statusText: 'Internal Server Error' }),
    });
    const error = await caught(client.me());
    assert.equal(error.status, 500);
    assert.equal(error.problem.title, 'Internal Server Error');
    assert.deepEqual(error.fieldErrors, []);
  });
});
