// The handlers answer exactly under their base URL: a client with a wrong base (`/api/v1/me`,
// `/v1/v1/me`, another origin) is not answered as if it were right. Asked through msw's
// `getResponse`, as the HTTP server and the dev-server middleware do.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getResponse } from 'msw';
import { createContractCheck } from '../testing/contract-check.js';
import { createFakeBackend } from '../testing/fake-backend.js';
import { loadContractValidator } from '../testing/load-contract.js';
import { parseBase } from './base.js';
import { createHandlers, FaultInjector } from './index.js';

const ALICE = { authorization: 'Bearer demo-alice' };

/** What the handlers over `baseUrl` answer for `url`: its status and problem type, or `unanswered`. */
function answerer(baseUrl: string | undefined, faults = new FaultInjector()) {
  const handlers = createHandlers(createFakeBackend(), {
    ...(baseUrl === undefined ? {} : { baseUrl }),
    faults,
  });
  return async (url: string): Promise<string> => {
    const response = await getResponse(handlers, new Request(url, { headers: ALICE }));
    if (!response) return 'unanswered';
    const body = (await response.json()) as { type?: string };
    return `${response.status}${body.type ? ` ${body.type.split('/').pop()}` : ''}`;
  };
}

describe('the handlers under their base URL', () => {
  it('*: any origin, with the API at its root and nowhere else', async () => {
    const answer = answerer(undefined);
    assert.equal(await answer('http://any.test/v1/me'), '200');
    assert.equal(await answer('http://other.test:8080/v1/me'), '200');
    assert.equal(await answer('http://any.test/_control/clock'), '200');
    for (const wrong of ['/api/v1/me', '/anything/v1/me', '/x/_control/clock', '/', '/me', '/v1']) {
      assert.equal(await answer(`http://any.test${wrong}`), 'unanswered', wrong);
    }
    // Under /v1/ but not a route: the API's own 404, not someone else's answer.
    assert.equal(await answer('http://any.test/v1/v1/me'), '404 not-found');
  });

  it('a path: any origin, with the API under that path only', async () => {
    const answer = answerer('/access/');
    assert.equal(await answer('http://any.test/access/v1/me'), '200');
    assert.equal(await answer('http://any.test/access/_control/clock'), '200');
    for (const wrong of [
      '/v1/me',
      '/_control/clock',
      '/api/access/v1/me',
      '/access/api/v1/me',
      '/accessx/v1/me',
    ]) {
      assert.equal(await answer(`http://any.test${wrong}`), 'unanswered', wrong);
    }
    assert.equal(await answer('http://any.test/access/v1/nothing'), '404 not-found');
  });

  it('an origin: that origin only', async () => {
    const answer = answerer('http://127.0.0.1:4010');
    assert.equal(await answer('http://127.0.0.1:4010/v1/me'), '200');
    for (const wrong of [
      'http://localhost:4010/v1/me',
      'http://127.0.0.1:4011/v1/me',
      'http://127.0.0.1:4010/api/v1/me',
      'http://127.0.0.1:4010/v1/v1/me',
    ]) {
      assert.notEqual(await answer(wrong), '200', wrong);
    }
    assert.equal(await answer('http://127.0.0.1:4010/api/v1/me'), 'unanswered');
  });

  it('an origin and a path: exactly there; fault paths stay relative to the base', async () => {
    const faults = new FaultInjector();
    const answer = answerer('https://api.example.com/access', faults);
    assert.equal(await answer('https://api.example.com/access/v1/me'), '200');
    assert.equal(await answer('https://api.example.com/v1/me'), 'unanswered');
    assert.equal(await answer('https://api.example.com/other/access/v1/me'), 'unanswered');
    faults.add({ path: '/v1/me', kind: 'error', status: 503 });
    assert.equal(await answer('https://api.example.com/access/v1/me'), '503 injected-fault');
  });

  it('checks responses under a base path against the contract, which names paths from /v1', async () => {
    const backend = createFakeBackend();
    const check = createContractCheck(loadContractValidator());
    const handlers = createHandlers(backend, {
      baseUrl: 'https://api.example.com/access',
      onResponse: check.hook,
    });
    backend.me = () => ({ is_approver: 'sometimes' }) as never;
    const response = await getResponse(
      handlers,
      new Request('https://api.example.com/access/v1/me', { headers: ALICE }),
    );
    assert.equal(response?.status, 500);
    assert.deepEqual(
      check.violations.map((v) => [
        v.url,
        v.problems.some((p) => p.startsWith('GET /v1/me → 200 body must have required property')),
      ]),
      [['https://api.example.com/access/v1/me', true]],
    );
  });

  it('refuses a base URL it could only match by accident, saying why', () => {
    assert.throws(
      () => parseBase('http://127.0.0.1:4010/v1'),
      /where \/v1 lives, not \/v1 itself: drop the \/v1 \(the root instead/,
    );
    assert.throws(() => parseBase('/access/v1/'), /drop the \/v1 \("\/access" instead of "\/access\/v1\/"\)/);
    assert.throws(() => parseBase('127.0.0.1:4010'), TypeError);
    assert.throws(() => parseBase('http://127.0.0.1:4010/?x=1'), /an origin with an optional path/);
    assert.throws(() => parseBase('/access/:tenant'), /a plain path/);
  });
});
