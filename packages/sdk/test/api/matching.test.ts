// client.matchingResources against the reference server: what "Select all N matching" selects in one
// call — the same resources the list pages through, up to the cap, with the counts of what was left
// out — its field errors, and a rate limit it waits out.
import { assert, beforeEach, describe, it } from '#harness';
import { ApiError } from '../../src/index.js';
import { clientFor, control } from './support.js';

describe('matchingResources', () => {
  beforeEach(() => control.reset());

  it('answers every resource the list would page through, with the counts', async () => {
    const client = clientFor();
    const filters = { search: 'payments', resource_type_id: ['rt_postgresql_database'] };
    const listed: string[] = [];
    for await (const resource of client.resources(filters)) listed.push(resource.id);
    const matches = await client.matchingResources(filters);
    assert.ok(listed.length > 0);
    assert.deepEqual(
      matches.items.map((r) => r.id),
      listed,
    );
    assert.equal(matches.total, listed.length);
    assert.ok(matches.items.every((r) => r.permissions.length > 0));
    const counts = await client.matchingResources({ ...filters, limit: 0 });
    assert.deepEqual(counts, { items: [], total: listed.length, not_requestable: matches.not_requestable });
  });

  it('counts what the grantee may not receive, apart', async () => {
    const client = clientFor();
    const forDave = await client.matchingResources({ search: 'aws production', grantee_id: 'usr_dave' });
    const forAlice = await client.matchingResources({ search: 'aws production' });
    assert.equal(forDave.total, 0);
    assert.ok(forAlice.total > 0);
    assert.equal(forDave.not_requestable, forAlice.total + forAlice.not_requestable);
  });

  it('names the filter that is wrong', async () => {
    const error = await clientFor()
      .matchingResources({ resource_type_id: ['rt_nope'] })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(error instanceof ApiError, String(error));
    assert.equal(error.status, 422);
    assert.deepEqual(
      error.problem.errors?.map((e) => [e.field, e.code]),
      [['resource_type_id[]', 'unknown']],
    );
  });

  it('waits out a rate limit and answers', async () => {
    await control.fault({ path: '/v1/catalog/resource-matches', kind: 'rate_limit', retry_after: 0 });
    const matches = await clientFor().matchingResources({ search: 'prod-payments-db' });
    assert.equal(matches.items[0]?.id, 'res_prod_payments_db');
    assert.deepEqual(await control.faults(), []);
  });
});
