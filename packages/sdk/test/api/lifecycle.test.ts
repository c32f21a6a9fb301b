import { assert, beforeEach, describe, it } from '#harness';
import { RequestSettledError, TimeoutError, isAbortError, type RequestUpdate } from '../../src/index.js';
import { clientFor, control, eventStreamOpened, fixtures, whenAnswered } from './support.js';

/** Collects updates from a watch until `until` says stop. */
async function collect(updates: AsyncIterable<RequestUpdate>, until: (all: RequestUpdate[]) => boolean) {
  const all: RequestUpdate[] = [];
  for await (const update of updates) {
    all.push(update);
    if (until(all)) break;
  }
  return all;
}

/** A fetch whose first event stream breaks (like a dropped connection) right after its first event. */
function fetchThatDropsTheFirstStream() {
  let resolveDropped!: () => void;
  const dropped = new Promise<void>((resolve) => (resolveDropped = resolve));
  const lastEventIds: (string | null)[] = [];
  const fetch = async (request: Request) => {
    const response = await globalThis.fetch(request);
    if (!request.url.endsWith('/v1/events') || !response.body) return response;
    lastEventIds.push(request.headers.get('last-event-id'));
    if (lastEventIds.length > 1) return response;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (/\ndata:.*\n\n/.test(text)) {
          await reader.cancel();
          controller.error(new TypeError('network connection lost'));
          resolveDropped();
          return;
        }
        const { value, done } = await reader.read();
        if (done) return controller.close();
        text += decoder.decode(value, { stream: true });
        controller.enqueue(value);
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return { fetch, lastEventIds, dropped };
}

describe('SDK lifecycle helpers', () => {
  beforeEach(() => control.reset());

  it('watch yields status changes as they happen', async () => {
    const client = clientFor();
    const controller = new AbortController();
    const [request] = await client.submit({ resources: [fixtures.stagingDb], duration_hours: 1 });
    let connected!: () => void;
    const open = new Promise<void>((resolve) => (connected = resolve));
    const seen = collect(client.watch({ signal: controller.signal, onConnect: () => connected() }), (all) =>
      all.some((u) => u.request.id === request!.id && u.request.status === 'active'),
    );
    await open;
    await control.advance(6);
    const updates = await seen;
    controller.abort();
    const mine = updates.filter((u) => u.request.id === request!.id);
    assert.equal(mine.at(-1)!.request.status, 'active');
    assert.ok(mine.every((u) => u.eventId !== ''));
  });

  it('watch survives a dropped stream and resumes after the last event it saw', async () => {
    const { fetch, lastEventIds, dropped } = fetchThatDropsTheFirstStream();
    const client = clientFor('demo-alice', { fetch });
    const controller = new AbortController();
    let connections = 0;
    let target = '';
    let connected!: () => void;
    const open = new Promise<void>((resolve) => (connected = resolve));
    const seen = collect(
      client.watch({
        signal: controller.signal,
        reconnectDelayMs: 300,
        onConnect: () => void (connections++, connected()),
      }),
      (all) => all.some((u) => u.request.id === target && u.request.status === 'active'),
    );
    await open;
    const [request] = await client.submit({ resources: [fixtures.stagingDb], duration_hours: 1 });
    target = request!.id;
    await dropped; // the stream broke after announcing the new request…
    await control.advance(6); // …and the request became active while the client was away
    const updates = await seen;
    controller.abort();
    assert.equal(connections, 2, 'reconnected once');
    assert.equal(lastEventIds[0], null);
    assert.equal(lastEventIds[1], updates[0]!.eventId, 'resumed after the last event seen');
    assert.equal(updates.at(-1)!.request.status, 'active', 'the change made while away was replayed');
    const ids = updates.map((u) => u.eventId);
    assert.equal(new Set(ids).size, ids.length, 'no event delivered twice');
  });

  it('watch falls back to polling where the server has no event stream', async () => {
    const fetch = async (request: Request) =>
      request.url.endsWith('/v1/events')
        ? new Response('not here', { status: 404 })
        : globalThis.fetch(request);
    const client = clientFor('demo-alice', { fetch });
    const controller = new AbortController();
    let rounds = 0;
    let secondRound!: () => void;
    // The second round starts once the first has seen where everything stands: a change after it is news.
    const baseline = new Promise<void>((resolve) => (secondRound = resolve));
    const [request] = await client.submit({ resources: [fixtures.stagingDb], duration_hours: 1 });
    const seen = collect(
      client.watch({
        signal: controller.signal,
        pollIntervalMs: 50,
        onConnect: () => void (++rounds === 2 && secondRound()),
      }),
      (all) => all.some((u) => u.request.id === request!.id && u.request.status === 'active'),
    );
    await baseline;
    await control.advance(6);
    const updates = await seen;
    controller.abort();
    assert.equal(updates.at(-1)!.request.status, 'active');
    assert.equal(updates.at(-1)!.eventId, '');
  });

  it('waitFor resolves when the request becomes active', async () => {
    const { fetch, answered: opened } = whenAnswered(eventStreamOpened);
    const client = clientFor('demo-alice', { fetch });
    const [request] = await client.submit({ resources: [fixtures.stagingDb], duration_hours: 1 });
    const waiting = client.waitFor(request!.id, 'active', { timeout: 10_000 });
    await opened;
    await control.advance(6);
    assert.equal((await waiting).status, 'active');
  });

  it('waitFor answers at once when the request is already there', async () => {
    const client = clientFor();
    const [request] = await client.submit({ resources: [fixtures.stagingDb], duration_hours: 1 });
    assert.equal(
      (await client.waitFor(request!.id, ['granting', 'active'], { timeout: 2000 })).id,
      request!.id,
    );
  });

  it('waitFor rejects when the request settles elsewhere', async () => {
    const { fetch, answered: opened } = whenAnswered(eventStreamOpened);
    const client = clientFor('demo-alice', { fetch });
    const [request] = await client.submit({ resources: [fixtures.legacyCrm], duration_hours: 1 });
    const outcome = assert.rejects(
      client.waitFor(request!.id, 'active', { timeout: 10_000 }),
      (e) => e instanceof RequestSettledError && e.request.status === 'failed',
    );
    await opened;
    await control.advance(6);
    await outcome;
  });

  it('waitFor times out cleanly, and aborts on request', async () => {
    const client = clientFor();
    const [request] = await client.submit({
      resources: [fixtures.prodDb],
      duration_hours: 1,
      justification: 'x',
    });
    const started = Date.now();
    await assert.rejects(client.waitFor(request!.id, 'active', { timeout: 300 }), TimeoutError);
    assert.ok(Date.now() - started < 2000);
    const { fetch, answered: opened } = whenAnswered(eventStreamOpened);
    const controller = new AbortController();
    const waiting = clientFor('demo-alice', { fetch }).waitFor(request!.id, 'active', {
      signal: controller.signal,
    });
    await opened; // waiting on the stream, then told to stop
    controller.abort();
    await assert.rejects(waiting, isAbortError);
  });
});
