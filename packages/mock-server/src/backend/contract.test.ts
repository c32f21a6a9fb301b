// Every kind of answer the backend gives, in every status the world reaches, checked against the
// contract's own schemas (the validator of `../testing`, which compiles the contract
// (@access-requests/contract)).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadContractValidator } from '../testing/load-contract.js';
import { ApiProblem, type Caller, type StreamEvent } from './api.js';
import { HOUR, MINUTE, alice, bob, carol, dave, smallBackend } from './test-support.test.js';

const validator = loadContractValidator();
const violations: string[] = [];

function answer(method: string, url: string, status: number, call: () => unknown): void {
  let body: unknown;
  let actualStatus = status;
  let contentType = 'application/json';
  try {
    body = call();
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    body = error.problem;
    actualStatus = error.status;
    contentType = 'application/problem+json';
  }
  const record = {
    method,
    url,
    status: actualStatus,
    headers: { 'content-type': contentType },
    body: JSON.stringify(body),
  };
  violations.push(...validator.validate(record));
}

function sweep(backend: ReturnType<typeof smallBackend>, caller: Caller): void {
  answer('GET', '/v1/me', 200, () => backend.me(caller));
  answer('GET', '/v1/grantees', 200, () => backend.grantees(caller, {}));
  answer('GET', '/v1/catalog/resource-types', 200, () => backend.resourceTypes(caller, { limit: '3' }));
  answer('GET', '/v1/catalog/permissions', 200, () => backend.permissions(caller, {}));
  answer('GET', '/v1/catalog/resources', 200, () =>
    backend.resources(caller, { search: 'prod', limit: '20' }),
  );
  answer('GET', '/v1/catalog/apps', 200, () => backend.apps(caller, {}));
  answer('GET', '/v1/catalog/bundles', 200, () => backend.bundles(caller, {}));
  answer('GET', '/v1/my-access', 200, () => backend.myAccess(caller));
  answer('GET', '/v1/approvals', 200, () => backend.approvals(caller, {}));
  answer('GET', '/v1/approvals', 200, () => backend.approvals(caller, { status: 'decided' }));
  for (const scope of ['mine', 'on_behalf']) {
    const page = backend.listRequests(caller, { scope, limit: '500' });
    answer('GET', '/v1/access-requests', 200, () => page);
    for (const request of page.items) {
      const path = `/v1/access-requests/${request.id}`;
      answer('GET', path, 200, () => backend.getRequest(caller, request.id));
      answer('GET', `${path}/resources`, 200, () =>
        backend.requestResources(caller, request.id, { limit: '2' }),
      );
      answer('GET', `${path}/access-details`, 200, () => backend.accessDetails(caller, request.id));
    }
  }
}

describe('the backend’s answers keep the contract', () => {
  it('in every status, for every demo user, problems included', () => {
    const backend = smallBackend();
    const events: StreamEvent[] = [];
    backend.subscribe(bob, undefined, (event) => events.push(event));
    const users = [alice, bob, carol, dave];
    for (const user of users) sweep(backend, user);

    const h = backend.history;
    const body = {
      resources: [{ resource_id: 'res_prod_orders_db', permission_id: 'perm_pg_readonly' }],
      duration_hours: 2,
      justification: 'x',
    };
    answer('POST', '/v1/access-requests/preview', 200, () => backend.preview(alice, body));
    answer('POST', '/v1/access-requests/preview', 200, () =>
      backend.preview(alice, { bundle: { bundle_id: 'bun_data_analyst' }, duration_hours: 99 }),
    );
    answer('POST', '/v1/access-requests/preview', 422, () => backend.preview(alice, { duration_hours: 'x' }));
    answer('POST', '/v1/access-requests', 201, () => backend.submit(alice, body, 'k').body);
    answer(
      'POST',
      '/v1/access-requests',
      201,
      () =>
        backend.submit(
          alice,
          {
            app: { app_id: 'app_github', permission_id: 'perm_github_read' },
            duration_hours: 1,
            justification: 'x',
          },
          undefined,
        ).body,
    );
    answer('POST', '/v1/access-requests', 422, () =>
      backend.submit(alice, { ...body, duration_hours: 2.5 }, 'k'),
    );
    answer('POST', '/v1/access-requests', 422, () =>
      backend.submit(alice, { ...body, duration_hours: 3 }, 'k'),
    );
    answer(
      'POST',
      `/v1/access-requests/${h.aliceRejected}/request-again`,
      201,
      () => backend.requestAgain(alice, h.aliceRejected, { justification: 'x' }, undefined).body,
    );
    answer('POST', `/v1/access-requests/${h.aliceGranting}/request-again`, 409, () =>
      backend.requestAgain(alice, h.aliceGranting, { justification: 'x' }, undefined),
    );
    answer('POST', `/v1/access-requests/${h.bobForAliceActive}/revoke`, 403, () =>
      backend.revoke(alice, h.bobForAliceActive),
    );
    answer('POST', `/v1/access-requests/${h.aliceForDavePending}/revoke`, 202, () =>
      backend.revoke(alice, h.aliceForDavePending),
    );
    answer('POST', `/v1/access-requests/${h.aliceActiveLegacyCrm}/revoke`, 202, () =>
      backend.revoke(alice, h.aliceActiveLegacyCrm),
    );
    answer('PUT', `/v1/access-requests/${h.aliceFailed}/favorite`, 200, () =>
      backend.favorite(alice, h.aliceFailed),
    );
    answer('DELETE', `/v1/access-requests/${h.aliceFailed}/favorite`, 200, () =>
      backend.unfavorite(alice, h.aliceFailed),
    );
    answer('PUT', `/v1/access-requests/${h.aliceFailed}/favorite`, 404, () =>
      backend.favorite(carol, h.aliceFailed),
    );
    answer('POST', `/v1/access-requests/${h.alicePendingTwoApprovers}/approve`, 200, () =>
      backend.approve(bob, h.alicePendingTwoApprovers, { reason: 'ok' }),
    );
    answer('POST', `/v1/access-requests/${h.alicePendingTwoApprovers}/approve`, 409, () =>
      backend.approve(bob, h.alicePendingTwoApprovers, {}),
    );
    answer('POST', `/v1/access-requests/${h.alicePendingManager}/approve`, 403, () =>
      backend.approve(alice, h.alicePendingManager, {}),
    );
    answer('POST', `/v1/access-requests/${h.alicePendingManager}/reject`, 422, () =>
      backend.reject(bob, h.alicePendingManager, {}),
    );
    answer('POST', `/v1/access-requests/${h.alicePendingManager}/reject`, 200, () =>
      backend.reject(bob, h.alicePendingManager, { reason: 'No.' }),
    );
    answer('GET', '/v1/catalog/resources', 422, () => backend.resources(alice, { limit: '0', cursor: 'x' }));

    for (const step of [5_000, MINUTE, 15 * MINUTE, 8 * HOUR]) {
      backend.advance(step);
      for (const user of users) sweep(backend, user);
    }
    for (const event of events)
      violations.push(...validator.validateEvent('GET', '/v1/events', JSON.stringify(event.data)));
    assert.ok(events.length > 10);
    assert.deepEqual(violations, []);
  });
});
