// createReferenceServer (msw setupServer) answers its base URL and nothing else: a request under
// another prefix reaches msw's `onUnhandledRequest`, as it would reach a wrong server in production.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createFakeBackend } from './testing/fake-backend.js';
import { createReferenceServer } from './node.js';

// Port 1 refuses connections at once: a request msw lets through fails fast instead of reaching a server.
const BASE = 'http://127.0.0.1:1';
const ALICE = { authorization: 'Bearer demo-alice' };
const unhandled: string[] = [];
const api = createReferenceServer({
  backend: createFakeBackend(),
  baseUrl: `${BASE}/`,
  onUnhandledRequest: (request) => void unhandled.push(new URL(request.url).pathname),
});

before(() => api.listen());
after(() => api.close());

describe('createReferenceServer', () => {
  it('answers under its base URL (given with a trailing slash, used without)', async () => {
    assert.equal(api.baseUrl, BASE);
    const me = await fetch(`${api.baseUrl}/v1/me`, { headers: ALICE });
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { user: { id: string } }).user.id, 'usr_alice');
  });

  it('leaves requests under another prefix unhandled', async () => {
    unhandled.length = 0;
    for (const path of ['/api/v1/me', '/anything/v1/me']) {
      await assert.rejects(fetch(`${BASE}${path}`, { headers: ALICE }), TypeError);
    }
    assert.deepEqual(unhandled, ['/api/v1/me', '/anything/v1/me']);
  });

  it('answers an unknown path under /v1 with its own 404 problem', async () => {
    const response = await fetch(`${BASE}/v1/v1/me`, { headers: ALICE });
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    assert.match(
      ((await response.json()) as { detail: string }).detail,
      /There is no \/v1\/v1\/me in this API/,
    );
  });
});
