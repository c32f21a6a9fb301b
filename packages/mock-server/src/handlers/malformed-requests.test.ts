// Requests no client should send, answered as problems (never a 5xx): ids whose percent-encoding
// is not UTF-8, on every `{id}` route of the API and of the control API; bodies that are not JSON,
// nest too deep or are too large, on every route that reads one. Asked through msw's
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
        assert.match(problem.detail, /No (access request|template) .+ is visible to you/);
      }
    }
  });

  it('a trailing slash names no route: 404 problem+json, not the route without it', async () => {
    for (const path of ['/v1/me/', '/v1/access-requests/', '/v1/access-requests/req_x/']) {
      const response = await answer('GET', path, { headers: ALICE });
      assert.equal(response.status, 404, path);
      assert.equal(response.headers.get('content-type'), 'application/problem+json');
    }
  });

  it('answer 404 problem+json on the control API, and on unknown paths', async () => {
    for (const id of MALFORMED_IDS) {
      const fault = await answer('DELETE', `/_control/faults/${id}`, {
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(fault.status, 404);
      assert.equal(fault.headers.get('content-type'), 'application/problem+json');
      const unknown = await answer('GET', `/v1/nothing/${id}`, { headers: ALICE });
      assert.equal(unknown.status, 404);
      assert.equal(unknown.headers.get('content-type'), 'application/problem+json');
    }
  });
});

describe('bodies the contract refuses, on every route that reads one', () => {
  const bodyRoutes = ROUTES.filter((route) => route.body).map((route) => ({
    ...route,
    path: route.path.replace(':id', 'req_unknown'),
  }));
  const send = (route: (typeof bodyRoutes)[number], body: string, headers: Record<string, string> = {}) =>
    answer(route.method, route.path, {
      body,
      headers: { ...ALICE, 'content-type': 'application/json', 'idempotency-key': 'key-1', ...headers },
    });
  async function problemType(response: Response): Promise<string> {
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    const problem = (await response.json()) as { type: string };
    return `${response.status} ${problem.type.split('/').pop()}`;
  }

  it('answer 400 for 5,000 nested arrays (with an Idempotency-Key) and for text that is not JSON', async () => {
    assert.ok(bodyRoutes.length >= 5);
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    for (const route of bodyRoutes) {
      assert.equal(await problemType(await send(route, deep)), '400 malformed-request', route.path);
      assert.equal(await problemType(await send(route, '{"justification":')), '400 malformed-request');
    }
  });

  it('answer 422 for well-formed JSON of the wrong shape', async () => {
    for (const route of bodyRoutes.filter((r) => r.body === 'required')) {
      for (const body of ['[1, 2]', '"text"', '{"duration_hours": "long"}']) {
        const status = (await send(route, body)).status;
        assert.ok(status === 422 || status === 404, `${route.path} ${body}: ${status}`);
      }
    }
    const submit = bodyRoutes.find((r) => r.path === '/v1/access-requests');
    assert.ok(submit);
    assert.equal(await problemType(await send(submit, '[1, 2]')), '422 validation-failed');
  });

  it('answer 413 for a body over 1 MiB', async () => {
    const big = JSON.stringify({ justification: 'x'.repeat(1024 * 1024) });
    for (const route of bodyRoutes) {
      assert.equal(await problemType(await send(route, big)), '413 content-too-large', route.path);
    }
  });
});
