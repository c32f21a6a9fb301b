// Compile-time tests: `pnpm typecheck` fails if any line marked @ts-expect-error starts to compile,
// so the generated types keep refusing wrong statuses, missing required fields and unknown paths.
import createClient from 'openapi-fetch';
import type { components, paths } from '@access-requests/contract';
import type { AccessRequestStatus } from '@access-requests/contract';

type Schemas = components['schemas'];
const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:4010' });

// --- statuses -------------------------------------------------------------------------------
export const ok: AccessRequestStatus = 'pending_approval';
// @ts-expect-error 'approved' is an approval's status, not a request's
export const wrongStatus: AccessRequestStatus = 'approved';
// @ts-expect-error statuses are snake_case ids, not labels
export const labelAsStatus: AccessRequestStatus = 'Pending Approval';

export function statusFilter() {
  void client.GET('/v1/access-requests', { params: { query: { 'status[]': ['active', 'rejected'] } } });
  // @ts-expect-error not a status
  void client.GET('/v1/access-requests', { params: { query: { 'status[]': ['expired'] } } });
  // @ts-expect-error not a scope
  void client.GET('/v1/access-requests', { params: { query: { scope: 'everyone' } } });
}

// --- request bodies ------------------------------------------------------------------------
export function bodies() {
  void client.POST('/v1/access-requests', {
    body: {
      resources: [{ resource_id: 'res_1', permission_id: 'perm_1' }],
      duration_hours: 4,
      justification: 'on call',
    },
  });
  void client.POST('/v1/access-requests', {
    // @ts-expect-error duration_hours is required
    body: { resources: [{ resource_id: 'res_1', permission_id: 'perm_1' }] },
  });
  void client.POST('/v1/access-requests', {
    // @ts-expect-error a resource selection needs its permission
    body: { resources: [{ resource_id: 'res_1' }], duration_hours: 4 },
  });
  void client.POST('/v1/access-requests/{id}/reject', {
    params: { path: { id: 'req_1' } },
    // @ts-expect-error a rejection needs a reason
    body: {},
  });
  void client.POST('/v1/access-requests/{id}/request-again', {
    params: { path: { id: 'req_1' } },
    // @ts-expect-error duration is a whole number of hours, not a string
    body: { justification: 'again', duration_hours: '4' },
  });
}

// --- paths and parameters --------------------------------------------------------------------
export function pathsAndParams() {
  void client.GET('/v1/me');
  // @ts-expect-error no such path
  void client.GET('/v1/users', {});
  // @ts-expect-error revoke is a POST
  void client.GET('/v1/access-requests/{id}/revoke', { params: { path: { id: 'req_1' } } });
  // @ts-expect-error the id path parameter is required
  void client.GET('/v1/access-requests/{id}', { params: { path: {} } });
}

// --- response fields -----------------------------------------------------------------------------
export function responseFields(request: Schemas['AccessRequest']) {
  const status: AccessRequestStatus = request.status;
  const canRevoke: boolean = request.can.revoke;
  // Nullable fields are present but may be null, never undefined.
  const expires: string | null = request.expires_at;
  // @ts-expect-error no such field on a request
  void request.state;
  // @ts-expect-error expires_at may be null
  const mustBeString: string = request.expires_at;
  return { status, canRevoke, expires, mustBeString };
}
