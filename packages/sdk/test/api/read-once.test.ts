import { assert, beforeEach, describe, it } from '#harness';
import { ApiError } from '../../src/index.js';
import { clientFor, control, fixtures } from './support.js';

/** What the client hands its fetch, and what that fetch answered, in order. */
function recordingFetch() {
  const sent: Request[] = [];
  const answers: Response[] = [];
  const fetch = async (request: Request) => {
    sent.push(request);
    const response = await globalThis.fetch(request);
    answers.push(response);
    return response;
  };
  return { sent, answers, fetch };
}

/** A client whose calls report the request openapi-fetch built, and how often its body was read or cloned. */
function observedClient(token: Parameters<typeof clientFor>[0] = 'demo-alice') {
  const recorded = recordingFetch();
  const client = clientFor(token, { fetch: recorded.fetch });
  const built: Request[] = [];
  const uses = { clone: 0, read: 0 };
  client.raw.use({
    onRequest({ request }) {
      built.push(request);
      const clone = request.clone.bind(request);
      const arrayBuffer = request.arrayBuffer.bind(request);
      const text = request.text.bind(request);
      request.clone = () => (uses.clone++, clone());
      request.arrayBuffer = () => (uses.read++, arrayBuffer());
      request.text = () => (uses.read++, text());
      return undefined;
    },
  });
  return { client, built, uses, ...recorded };
}

describe('SDK calls send what they build and hand back what they got, without copies', () => {
  beforeEach(() => control.reset());

  it('sends a GET as it was built on every attempt, and answers with the response fetch gave', async () => {
    await control.fault({ path: '/v1/me', kind: 'error', status: 503, times: 1 });
    const { client, built, uses, sent, answers } = observedClient();
    assert.equal((await client.me()).user.id, 'usr_alice');
    assert.equal(sent.length, 2);
    assert.ok(
      sent.every((request) => request === built[0]),
      'the built request itself, never a clone',
    );
    assert.deepEqual(uses, { clone: 0, read: 0 });

    const { data, response } = await client.raw.GET('/v1/me');
    assert.equal(response, answers.at(-1), 'the answer fetch gave, not a copy of it');
    // The body was read once, inside the retry loop; it is served again to whoever asks.
    assert.deepEqual(await response.json(), data);
    assert.deepEqual(JSON.parse(await response.clone().text()), data);
    assert.deepEqual(JSON.parse(await new Response(response.body).text()), data);
  });

  it('an error answer is the response fetch gave, its problem read from it once', async () => {
    await control.fault({ path: '/v1/me', kind: 'error', status: 500 });
    const { client, answers } = observedClient();
    const error: unknown = await client.me().catch((e: unknown) => e);
    assert.ok(error instanceof ApiError && error.status === 500);
    assert.equal(error.response, answers[0]);
    assert.equal((await error.response?.json())?.status, 500);
  });

  it('reads a keyed POST body once, as bytes, for all its attempts, and never clones it', async () => {
    await control.fault({
      method: 'POST',
      path: '/v1/access-requests',
      kind: 'error',
      status: 503,
      times: 2,
    });
    const { client, uses, sent } = observedClient();
    const created = await client.submit({ resources: [fixtures.stagingDb], duration_hours: 1 });
    assert.equal(created.length, 1, 'the third attempt carried the whole body');
    assert.equal(sent.length, 3);
    assert.deepEqual(uses, { clone: 0, read: 1 });
  });

  it('sends a POST that is never sent again as it was built, its body unread', async () => {
    const { client, built, uses, sent } = observedClient();
    await client.preview({ resources: [fixtures.stagingDb], duration_hours: 1 });
    assert.equal(sent[0], built[0]);
    assert.deepEqual(uses, { clone: 0, read: 0 });
  });

  it('reads a POST body once when a token function may have it sent again after a 401', async () => {
    let token = 'expired-token';
    const { client, uses, sent } = observedClient(({ refresh }) =>
      refresh ? (token = 'demo-alice') : token,
    );
    const preview = await client.preview({ resources: [fixtures.stagingDb], duration_hours: 1 });
    assert.equal(preview.groups.length, 1);
    assert.equal(sent.length, 2);
    assert.deepEqual(uses, { clone: 0, read: 1 });
  });
});
