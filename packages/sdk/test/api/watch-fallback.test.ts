// watch() while the event stream fails: it polls, says so, and returns to the stream when it can,
// with each change delivered once across the switches.
import { afterEach, apiBase, assert, beforeEach, describe, it } from '#harness';
import type { AccessClient, RequestUpdate, WatchOptions, WatchState } from '../../src/index.js';
import { clientFor, control, fixtures } from './support.js';

/** Short intervals, so that the switches happen quickly (what a test waits for is the state). */
const QUICK = { reconnectDelayMs: 20, pollIntervalMs: 40 } as const;

const STREAM_FAILS = { path: '/v1/events', kind: 'error', status: 500, times: 1000 } as const;
const clearFaults = () =>
  fetch(`${apiBase()}/_control/faults`, {
    method: 'DELETE',
    headers: { 'content-type': 'application/json' },
  });

/** A watch running in the background: what it delivered and reported, and a way to wait for either. */
function watchInBackground(client: AccessClient, options: WatchOptions = {}) {
  const controller = new AbortController();
  const updates: RequestUpdate[] = [];
  const states: WatchState[] = [];
  let pollRounds = 0;
  const waiters = new Set<() => void>();
  const changed = () => waiters.forEach((check) => check());
  const done = (async () => {
    for await (const update of client.watch({
      ...QUICK,
      ...options,
      signal: controller.signal,
      onConnect: () => {
        if (states.at(-1)?.mode === 'polling') pollRounds++;
        changed();
      },
      onStateChange: (state) => {
        states.push(state);
        changed();
      },
    })) {
      updates.push(update);
      changed();
    }
  })();
  /** Resolves once `test()` holds (checked after each update, state and connection). */
  const until = (test: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!test()) return;
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });
  return {
    updates,
    states,
    until,
    /** Resolves once a poll round starts after `rounds` more have completed. */
    pollRoundsDone: (rounds: number) => {
      const target = pollRounds + rounds + 1;
      return until(() => pollRounds >= target);
    },
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}

/** A fetch whose event stream can be broken (like a dropped connection), and what each stream asked. */
function breakableStreams() {
  const lastEventIds: (string | null)[] = [];
  let breakCurrent: (() => void) | undefined;
  const fetch = async (request: Request) => {
    const response = await globalThis.fetch(request);
    if (!request.url.endsWith('/v1/events') || !response.ok || !response.body) return response;
    lastEventIds.push(request.headers.get('last-event-id'));
    const reader = response.body.getReader();
    let broken = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        breakCurrent = () => {
          broken = true;
          void reader.cancel();
          controller.error(new TypeError('network connection lost'));
        };
      },
      async pull(controller) {
        const { value, done } = await reader.read();
        if (broken) return;
        if (done) controller.close();
        else controller.enqueue(value);
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return { fetch, lastEventIds, breakStream: () => breakCurrent?.() };
}

const keyOf = (u: RequestUpdate) =>
  `${u.request.id} ${u.request.updated_at} ${u.request.status} ${u.request.favorite}`;

describe('SDK watch when the event stream fails', () => {
  let running: ReturnType<typeof watchInBackground> | undefined;
  beforeEach(() => control.reset());
  afterEach(async () => {
    await running?.stop();
    running = undefined;
    await clearFaults();
  });

  it('polls while the stream fails, says so, and returns to the stream when it recovers', async () => {
    const client = clientFor();
    const [request] = await client.submit({ resources: [fixtures.stagingDb], duration_hours: 1 });
    const id = request!.id;
    await control.fault(STREAM_FAILS);
    const watch = (running = watchInBackground(client));
    await watch.until(() => watch.states.at(-1)?.mode === 'polling');
    assert.deepEqual(watch.states, [{ mode: 'polling', pollIntervalMs: QUICK.pollIntervalMs }]);
    await watch.pollRoundsDone(1); // the first round has seen where everything stands

    await control.advance(6); // granting → active on the server, no stream to say so
    await watch.until(() => watch.updates.some((u) => u.request.id === id && u.request.status === 'active'));
    const polled = watch.updates.find((u) => u.request.id === id && u.request.status === 'active')!;
    assert.equal(polled.eventId, '', 'found by polling');

    await clearFaults();
    await watch.until(() => watch.states.at(-1)?.mode === 'live');
    assert.deepEqual(
      watch.states.map((s) => s.mode),
      ['polling', 'live'],
    );
    await client.revoke(id);
    await watch.until(() =>
      watch.updates.some((u) => u.request.id === id && u.request.status === 'revoking'),
    );
    const streamed = watch.updates.find((u) => u.request.id === id && u.request.status === 'revoking')!;
    assert.notEqual(streamed.eventId, '', 'from the stream again');
    const keys = watch.updates.map(keyOf);
    assert.equal(new Set(keys).size, keys.length, 'no change delivered twice');
  });

  it('delivers each change once across stream → polling → stream, resuming after the last event', async () => {
    const { fetch, lastEventIds, breakStream } = breakableStreams();
    const client = clientFor('demo-alice', { fetch });
    const watch = (running = watchInBackground(client));
    await watch.until(() => watch.states.at(-1)?.mode === 'live');
    const [request] = await client.submit({ resources: [fixtures.stagingDb], duration_hours: 1 });
    const id = request!.id;
    await watch.until(() => watch.updates.some((u) => u.request.id === id));

    await control.fault(STREAM_FAILS);
    const lastStreamed = watch.updates.findLast((u) => u.eventId !== '')!.eventId;
    breakStream();
    // Changed in the moment between the drop and the first poll round: a request the stream announced,
    // and one it never did.
    await control.advance(6);
    const [second] = await client.submit({
      resources: [fixtures.prodK8s],
      duration_hours: 1,
      justification: 'x',
    });
    await watch.until(
      () =>
        watch.updates.some((u) => u.request.id === id && u.request.status === 'active') &&
        watch.updates.some((u) => u.request.id === second!.id),
    );
    assert.equal(watch.states.at(-1)?.mode, 'polling');
    const sincePolling = watch.updates.filter(
      (u) => (u.request.id === id && u.request.status === 'active') || u.request.id === second!.id,
    );
    assert.ok(
      sincePolling.every((u) => u.eventId === ''),
      'found by polling',
    );

    await clearFaults(); // the stream comes back and replays what happened since its last event
    await watch.until(() => watch.states.at(-1)?.mode === 'live');
    assert.equal(lastEventIds.at(-1), lastStreamed, 'resumed after the last event seen');
    await client.revoke(id);
    await watch.until(() =>
      watch.updates.some((u) => u.request.id === id && u.request.status === 'revoking'),
    );
    assert.deepEqual(
      watch.updates.filter((u) => u.request.id === id).map((u) => [u.request.status, u.eventId !== '']),
      [
        ['granting', true],
        ['active', false],
        ['revoking', true],
      ],
      'each change once, from where it was first seen',
    );
    assert.deepEqual(
      watch.states.map((s) => s.mode),
      ['live', 'polling', 'live'],
    );
  });

  it('polls within 10 s when a connection hangs', async () => {
    // The first connection to the stream never answers (until the client gives up on it).
    let hung = false;
    const fetch = (request: Request) => {
      if (hung || !request.url.endsWith('/v1/events')) return globalThis.fetch(request);
      hung = true;
      return new Promise<Response>((_, reject) =>
        request.signal.addEventListener('abort', () => reject(request.signal.reason as Error)),
      );
    };
    const started = Date.now();
    const watch = (running = watchInBackground(clientFor('demo-alice', { fetch })));
    await watch.until(() => watch.states.at(-1)?.mode === 'polling');
    const waited = Date.now() - started;
    assert.ok(waited < 10_000, `polling after ${waited} ms`);
    await watch.until(() => watch.states.at(-1)?.mode === 'live');
  });

  it('a single failed connection does not count as a failing stream', async () => {
    await control.fault({ ...STREAM_FAILS, times: 1 });
    const watch = (running = watchInBackground(clientFor()));
    await watch.until(() => watch.states.length > 0);
    assert.deepEqual(watch.states, [{ mode: 'live' }]);
  });
});
