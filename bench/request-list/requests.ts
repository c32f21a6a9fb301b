// The benchmark's 10,000 requests, made the same way in the page and in its server worker.
import { STATUS_IDS, type AccessRequest } from '@access-requests/sdk';

export const COUNT = 10_000;

/** What the benchmark cannot run without: a missing one stops the run with its name. */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`The benchmark page has no ${what}.`);
  return value;
}

export const alice = { id: 'usr_alice', name: 'Alice Example', email: 'alice@example.com' };

function request(i: number): AccessRequest {
  const status = must(STATUS_IDS[i % STATUS_IDS.length], 'status');
  const at = new Date(Date.UTC(2026, 0, 15) - i * 60_000).toISOString();
  return {
    id: `req_${String(i).padStart(6, '0')}`,
    status,
    status_reason: null,
    access_flow: { id: 'flow_nonprod', name: 'Non-production' },
    requester: alice,
    grantee: alice,
    target: {
      type: 'resources',
      resource_count: 1 + (i % 3),
      resources_summary: [
        { resource: { id: `res_${i}`, name: `db-${i}` }, permission: { id: 'perm_ro', name: 'ReadOnly' } },
      ],
    },
    duration_hours: 1 + (i % 8),
    justification: 'Benchmark',
    ticket: null,
    approvals: [],
    rejection_reason: status === 'rejected' ? 'Not now' : null,
    revocation_reason: null,
    created_at: at,
    updated_at: at,
    granted_at: null,
    expires_at: null,
    revoked_at: null,
    favorite: i % 11 === 0,
    can: {
      revoke: false,
      favorite: true,
      request_again: false,
      use_access: false,
      approve: false,
      reject: false,
    },
  };
}

export const all = Array.from({ length: COUNT }, (_, i) => request(i));

/** The list endpoint's answer for `url`: a page of the requests whose status is asked for, as JSON. */
export function listPage(url: URL): string {
  const statuses = url.searchParams.getAll('status[]');
  const matching = statuses.length ? all.filter((r) => statuses.includes(r.status)) : all;
  const offset = Number(url.searchParams.get('cursor') ?? 0);
  const limit = Number(url.searchParams.get('limit') ?? 50);
  const end = offset + limit;
  return JSON.stringify({
    items: matching.slice(offset, end),
    next_cursor: end < matching.length ? String(end) : null,
  });
}
