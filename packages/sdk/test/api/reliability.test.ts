import { assert, beforeEach, describe, it, runtime } from '#harness';
import { ApiError, NetworkError, TimeoutError, isAbortError, type RetryNotice } from '../../src/index.js';
import { clientFor, control, fixtures, whenAnswered } from './support.js';

/** Counts what the client sends, passing it on to the real fetch. */
function countingFetch() {
  const sent: Request[] = [];
  const fetch = (request: Request) => {
    sent.push(request);
    return globalThis.fetch(request);
  };
  return { sent, fetch };
}

async function requestCount() {
  return (await clientFor().requests().page({ limit: 500 })).items.length;
}

describe('SDK reliability against injected faults', () => {
  beforeEach(() => control.reset());

  for (const status of [502, 503, 504]) {
    it(`retries a GET after ${status}`, async () => {
      await control.fault({ path: '/v1/me', kind: 'error', status, times: 2 });
      const { sent, fetch } = countingFetch();
      const me = await clientFor('demo-alice', { fetch }).me();
      assert.equal(me.user.id, 'usr_alice');
      assert.equal(sent.length, 3);
    });
  }

  it('honours Retry-After on 429', async () => {
    await control.fault({ path: '/v1/me', kind: 'rate_limit', retry_after: 1 });
    const { sent, fetch } = countingFetch();
    const started = Date.now();
    await clientFor('demo-alice', { fetch, retry: { baseDelayMs: 1, maxDelayMs: 1 } }).me();
    assert.equal(sent.length, 2);
    assert.ok(Date.now() - started >= 950, 'waited for Retry-After');
  });

  it('tells onRetry why and how long it waits before each retry, and Cancel (abort) ends the wait', async () => {
    await control.fault({ method: 'POST', path: '/v1/access-requests', kind: 'rate_limit', retry_after: 30 });
    const before = await requestCount();
    const controller = new AbortController();
    const notices: RetryNotice[] = [];
    const pending = clientFor().submit(
      { resources: [fixtures.stagingDb], duration_hours: 1 },
      { signal: controller.signal, onRetry: (notice) => (notices.push(notice), controller.abort()) },
    );
    await assert.rejects(pending, isAbortError);
    assert.deepEqual(notices, [{ reason: 'rate_limited', status: 429, delayMs: 30_000, attempt: 2 }]);
    assert.equal(await requestCount(), before);

    await control.fault({ path: '/v1/me', kind: 'error', status: 503, times: 1 });
    // Browsers resend a request whose connection broke before any byte on their own: only Node sees it.
    if (runtime === 'node') await control.fault({ path: '/v1/me', kind: 'drop', times: 1 });
    const seen: RetryNotice['reason'][] = [];
    await clientFor().me({ onRetry: (notice) => seen.push(notice.reason) });
    assert.deepEqual(seen.sort(), runtime === 'node' ? ['network', 'unavailable'] : ['unavailable']);
  });

  it('retries a dropped connection on a GET, and says so when it keeps dropping', async () => {
    await control.fault({ path: '/v1/me', kind: 'drop', times: 1 });
    assert.equal((await clientFor().me()).user.id, 'usr_alice');
    await control.fault({ path: '/v1/me', kind: 'drop', times: 10 });
    await assert.rejects(
      clientFor('demo-alice', { retry: { retries: 2, baseDelayMs: 1 } }).me(),
      NetworkError,
    );
  });

  it('does not retry a 500, a 4xx, or a POST without an idempotency key', async () => {
    await control.fault({ path: '/v1/me', kind: 'error', status: 500 });
    const counted = countingFetch();
    await assert.rejects(
      clientFor('demo-alice', { fetch: counted.fetch }).me(),
      (e) => e instanceof ApiError && e.status === 500,
    );
    assert.equal(counted.sent.length, 1);

    const invalid = countingFetch();
    await assert.rejects(
      clientFor('demo-alice', { fetch: invalid.fetch }).submit({ resources: [], duration_hours: 1 }),
      (e) => e instanceof ApiError && e.status === 422,
    );
    assert.equal(invalid.sent.length, 1);

    await control.fault({ method: 'POST', path: '/v1/access-requests/preview', kind: 'error', status: 503 });
    const previewing = countingFetch();
    await assert.rejects(
      clientFor('demo-alice', { fetch: previewing.fetch }).preview({
        resources: [fixtures.stagingDb],
        duration_hours: 1,
      }),
      (e) => e instanceof ApiError && e.status === 503,
    );
    assert.equal(previewing.sent.length, 1, 'preview carries no idempotency key: never sent twice');
  });

  it('a submit whose response is lost after commit is retried with the same key and creates nothing new', async () => {
    const before = await requestCount();
    await control.fault({ method: 'POST', path: '/v1/access-requests', kind: 'commit_then_drop' });
    const { sent, fetch } = countingFetch();
    const created = await clientFor('demo-alice', { fetch }).submit({
      resources: [fixtures.stagingDb],
      duration_hours: 1,
    });
    assert.equal(created.length, 1);
    assert.equal(sent.length, 2);
    const keys = sent.map((r) => r.headers.get('idempotency-key'));
    assert.ok(keys[0] && keys[0] === keys[1], 'the retry reuses the key');
    assert.equal(await requestCount(), before + 1);
  });

  it('generates a new key per call, and takes one from the caller', async () => {
    const { sent, fetch } = countingFetch();
    const client = clientFor('demo-alice', { fetch });
    await client.submit({ resources: [fixtures.stagingDb], duration_hours: 1 });
    await client.submit({ resources: [fixtures.stagingDb], duration_hours: 1 });
    const [a, b] = sent.map((r) => r.headers.get('idempotency-key'));
    assert.ok(a && b && a !== b);
    const first = await client.submit(
      { resources: [fixtures.stagingDb], duration_hours: 1 },
      { idempotencyKey: 'order-7' },
    );
    const replay = await client.submit(
      { resources: [fixtures.stagingDb], duration_hours: 1 },
      { idempotencyKey: 'order-7' },
    );
    assert.equal(replay[0]!.id, first[0]!.id);
    await assert.rejects(
      client.submit({ resources: [fixtures.stagingDb], duration_hours: 2 }, { idempotencyKey: 'order-7' }),
      (e) => e instanceof ApiError && e.fieldErrors.some((f) => f.code === 'idempotency_mismatch'),
    );
  });

  it('reads a token function on every call, and refreshes it once after a 401', async () => {
    const asked: boolean[] = [];
    let token = 'expired-token';
    const client = clientFor(async ({ refresh }) => {
      asked.push(refresh);
      if (refresh) token = 'demo-alice';
      return token;
    });
    assert.equal((await client.me()).user.id, 'usr_alice');
    assert.deepEqual(asked, [false, true]);
    await client.me();
    assert.deepEqual(asked, [false, true, false]);
    await assert.rejects(clientFor(() => 'nobody').me(), (e) => e instanceof ApiError && e.status === 401);
  });

  it('aborts stay aborts, even between retries', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(clientFor().me({ signal: controller.signal }), isAbortError);
    await control.fault({ path: '/v1/me', kind: 'error', status: 503, times: 5 });
    const later = new AbortController();
    const { fetch, answered } = whenAnswered((_, response) => response.status === 503);
    const pending = clientFor('demo-alice', { fetch, retry: { baseDelayMs: 200, maxDelayMs: 200 } }).me({
      signal: later.signal,
    });
    await answered; // the first try failed: the client now waits before the next
    later.abort();
    await assert.rejects(pending, isAbortError);
  });

  it('times out with its own error', async () => {
    await control.fault({ path: '/v1/me', kind: 'delay', delay_ms: 1000 });
    const error = await clientFor()
      .me({ timeoutMs: 100 })
      .catch((e: unknown) => e);
    assert.ok(error instanceof TimeoutError, String(error));
    assert.equal(error.idempotencyKey, undefined, 'a call without a key has none to give');
  });

  it('a keyed call that timed out carries its key, and sending it again with the key creates nothing new', async () => {
    const before = await requestCount();
    // The retry is delayed as long as the timed-out attempt, so that one reaches the backend first and
    // has landed once the retry answers (nothing arrives late, in this test or the next).
    await control.fault({
      method: 'POST',
      path: '/v1/access-requests',
      kind: 'delay',
      delay_ms: 300,
      times: 2,
    });
    const body = { resources: [fixtures.stagingDb], duration_hours: 1 };
    const error = await clientFor()
      .submit(body, { timeoutMs: 100 })
      .catch((e: unknown) => e);
    assert.ok(error instanceof TimeoutError, String(error));
    assert.match(error.idempotencyKey ?? '', /^[0-9a-f-]{36}$/);
    const [request] = await clientFor().submit(body, { idempotencyKey: error.idempotencyKey! });
    assert.equal(await requestCount(), before + 1);
    const again = await clientFor().submit(body, { idempotencyKey: error.idempotencyKey! });
    assert.deepEqual(
      again.map((r) => r.id),
      [request!.id],
    );
    assert.equal(await requestCount(), before + 1);
  });

  it('a keyed call whose connection keeps dropping carries its key in the NetworkError', async () => {
    await control.fault({
      method: 'POST',
      path: '/v1/access-requests/:id/request-again',
      kind: 'drop',
      times: 10,
    });
    const [request] = await clientFor().submit({ resources: [fixtures.stagingDb], duration_hours: 1 });
    const error = await clientFor('demo-alice', { retry: false })
      .requestAgain(request!.id, { justification: 'again' }, { idempotencyKey: 'again-1' })
      .catch((e: unknown) => e);
    assert.ok(error instanceof NetworkError, String(error));
    assert.equal(error.idempotencyKey, 'again-1');
  });
});
