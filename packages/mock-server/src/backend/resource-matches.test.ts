import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import type { RawQuery } from './api.js';
import type { ReferenceBackend } from './backend.js';
import { createBackend } from './backend.js';
import { alice, dave, timeQueries } from './test-support.test.js';

type Caller = typeof alice;

describe('every resource matching a search (Select all N matching), over 100,000 resources', () => {
  let backend: ReferenceBackend;
  before(() => {
    backend = createBackend({ catalogSize: 100_000 });
  });

  /** Every id `resources` lists for the query, page by page. */
  function listed(caller: Caller, query: RawQuery): string[] {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; next_cursor: string | null } = backend.resources(caller, {
        ...query,
        limit: '500',
        ...(cursor ? { cursor } : {}),
      });
      ids.push(...page.items.map((r) => r.id));
      cursor = page.next_cursor;
    } while (cursor && ids.length < 1500);
    return ids;
  }

  it('answers what the list would show for the same search and filters, in one answer', () => {
    const query = { search: 'ledger', 'resource_type_id[]': ['rt_postgresql_database'] };
    const matches = backend.matchingResources(alice, query);
    const all = listed(alice, query);
    assert.ok(all.length > 100 && all.length < 1000, `${all.length} ledger databases`);
    assert.equal(matches.total, all.length);
    assert.deepEqual(
      matches.items.map((r) => r.id),
      all,
    );
    assert.ok(matches.items.every((r) => r.permissions.length > 0 && r.resource_type.id && r.path));
  });

  it('keeps the first 1,000 by name past the cap and says how many matched in all', () => {
    const matches = backend.matchingResources(alice, { search: 'staging' });
    assert.ok(matches.total > 1000, `${matches.total} staging resources`);
    assert.equal(matches.items.length, 1000);
    assert.deepEqual(
      matches.items.map((r) => r.id),
      listed(alice, { search: 'staging' }).slice(0, 1000),
    );
  });

  it('answers `limit` items at most, and the counts alone for 0', () => {
    const all = backend.matchingResources(alice, { search: 'payments' });
    const some = backend.matchingResources(alice, { search: 'payments', limit: '3' });
    assert.deepEqual(
      some.items.map((r) => r.id),
      all.items.slice(0, 3).map((r) => r.id),
    );
    assert.deepEqual(backend.matchingResources(alice, { search: 'payments', limit: '0' }), {
      items: [],
      total: all.total,
      not_requestable: all.not_requestable,
    });
  });

  it('counts apart what the grantee may not receive', () => {
    const forDave = backend.matchingResources(alice, { search: 'prod accounts', grantee_id: 'usr_dave' });
    assert.equal(forDave.total, 0);
    assert.deepEqual(forDave.items, []);
    const forAlice = backend.matchingResources(alice, { search: 'prod accounts' });
    assert.ok(forAlice.total > 0);
    assert.equal(forDave.not_requestable, forAlice.total + forAlice.not_requestable);
    assert.equal(
      backend.matchingResources(dave, { search: 'prod accounts' }).not_requestable,
      forDave.not_requestable,
    );
  });

  it('refuses unknown filters and grantees like the list', () => {
    const field = (query: RawQuery) => {
      try {
        backend.matchingResources(alice, query);
      } catch (error) {
        const e = error as { status?: number; problem?: { errors?: { field: string; code: string }[] } };
        return `${e.status} ${e.problem?.errors?.map((f) => `${f.field}:${f.code}`).join(',')}`;
      }
      return 'answered';
    };
    assert.equal(field({ 'resource_type_id[]': ['rt_nope'] }), '422 resource_type_id[]:unknown');
    assert.equal(field({ 'permission_id[]': ['perm_nope'] }), '422 permission_id[]:unknown');
    assert.match(field({ grantee_id: 'usr_bob' }), /^422 grantee_id:/);
    assert.equal(field({ search: 'x'.repeat(201) }), '422 search:too_long');
    assert.equal(field({ limit: '1001' }), '422 limit:out_of_range');
  });

  it('answers well under 100 ms (figures printed, not asserted tightly)', () => {
    const cases: [string, RawQuery][] = [
      ['no filter (all 100,000 counted)', {}],
      ['common word', { search: 'payments' }],
      ['rare word', { search: 'zz-no-match' }],
      ['type + permission + search', { search: 'prod', 'resource_type_id[]': ['rt_k8s_namespace'] }],
    ];
    timeQueries('all matching over 100,000 resources', cases, (query) =>
      backend.matchingResources(alice, query),
    );
  });
});
