// Requests no client should send, answered as problems (never a 5xx): ids whose percent-encoding
// is not UTF-8, on every `{id}` route of the API and of the control API. Asked through msw's
// `getResponse`, as the HTTP server and the dev-server middleware do; every answer is checked
// against the contract.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getResponse } from 'msw';
import { createBackend } from '../backend/index.js';
import { createContractCheck } from '../testing/contract-check.js';
import { loadContractValidator } from '../testing/load-contract.js';
import { createHandlers, ROUTES } from './index.js';

const BASE = 'http://api.test';
const check = createContractCheck(loadContractValidator());
const handlers = createHandlers(createBackend({ catalogSize: 50 }), {
  baseUrl: BASE,
  onResponse: check.hook,
});
after(() => check.assertNoViolations());

const ALICE = { authorization: 'Bearer demo-alice' };
/** A stray `%`, an overlong encoding of `/`, a lone surrogate. */
const MALFORMED_IDS = ['%zz', '%C0%AF', '%ED%A0%80', 'req_%E2%82'];

async function answer(method: string, path: string, init: RequestInit = {}) {
  const response = await getResponse(handlers, new Request(`${BASE}${path}`, { method, ...init }));
  assert.ok(response, `${method} ${path} is answered`);
  return response;
}

describe('ids that are not valid percent-encoded UTF-8', () => {
  const idRoutes = ROUTES.filter((route) => route.path.includes(':id'));

  it('answer 404 problem+json on every {id} route of the API', async () => {
    assert.ok(idRoutes.length >= 9);
    for (const route of idRoutes) {
      for (const id of MALFORMED_IDS) {
        const path = route.path.replace(':id', id);
        const body = route.body ? { body: '{"reason":"x"}' } : {};
        const response = await answer(route.method, path, {
          headers: { ...ALICE, 'content-type': 'application/json' },
          ...body,
        });
        assert.equal(response.status, 404, `${route.method} ${path}`);
        assert.equal(response.headers.get('content-type'), 'application/problem+json');
        const problem = (await response.json()) as { detail: string };
        assert.match(problem.detail, /No access request .+ is visible to you/);
      }
    }
  });

  it('answer 404 problem+json on the control API, and on unknown paths', async () => {
    for (const id of MALFORMED_IDS) {
      const fault = await answer('DELETE', `/_control/faults/${id}`);
      assert.equal(fault.status, 404);
      assert.equal(fault.headers.get('content-type'), 'application/problem+json');
      const unknown = await answer('GET', `/v1/nothing/${id}`, { headers: ALICE });
      assert.equal(unknown.status, 404);
      assert.equal(unknown.headers.get('content-type'), 'application/problem+json');
    }
  });
});
