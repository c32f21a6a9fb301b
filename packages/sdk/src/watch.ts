// Live request updates: the event stream, resumed with Last-Event-ID after a drop; polling while the
// stream fails (it is retried meanwhile) and where streaming is not available.
import { TERMINAL_STATUSES, type AccessRequestStatus, type components } from '@access-requests/contract';
import { ApiError, NetworkError, TimeoutError, problemFrom } from './errors.js';
import type { Page } from './pagination.js';
import { readEvents } from './sse.js';
import { sleep, type Fetch } from './transport.js';

type AccessRequest = components['schemas']['AccessRequest'];

/**
 * One change to a request the caller can see.
 *
 * @example
 * ```ts
 * for await (const update of client.watch({ signal })) {
 *   console.log(update.request.id, update.request.status);
 *   localStorage.setItem('last-event-id', update.eventId); // resume from here next time
 * }
 * ```
 */
export interface RequestUpdate {
  /** The stream's event id (give it back as `lastEventId` to resume); empty when polling. */
  eventId: string;
  /** The whole request, as it is after the change. */
  request: AccessRequest;
}

/**
 * How `watch` receives changes now: from the event stream (`live`), or by asking the server every
 * `pollIntervalMs` (`polling`), which it does while the stream fails (within 10 s of a failure,
 * retrying the stream meanwhile) and on a server without one. Changes still arrive while polling,
 * only later; an interface can say so.
 *
 * @example
 * ```ts
 * const updates = client.watch({
 *   signal,
 *   onStateChange: (state) => {
 *     notice.textContent =
 *       state.mode === 'polling'
 *         ? `Live updates paused — checking every ${state.pollIntervalMs / 1000} s`
 *         : '';
 *   },
 * });
 * ```
 */
export type WatchState =
  | {
      /** Changes arrive from the event stream as they happen. */
      mode: 'live';
    }
  | {
      /** The stream is unavailable: changes are found by polling. */
      mode: 'polling';
      /** How often the server is polled. */
      pollIntervalMs: number;
    };

/**
 * Options of `watch`: how to stop it, where to resume, and how patiently to reconnect or poll.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const updates = client.watch({
 *   signal: controller.signal,
 *   lastEventId: localStorage.getItem('last-event-id') ?? undefined,
 *   pollIntervalMs: 10_000,
 * });
 * ```
 */
export interface WatchOptions {
  /** Ends the watch: the loop over it finishes. */
  signal?: AbortSignal | undefined;
  /** Resume after this event (what a previous watch last yielded). */
  lastEventId?: string | undefined;
  /** Wait before reconnecting a dropped stream; doubled per failed try up to 30 s. Default 1,000 ms. */
  reconnectDelayMs?: number | undefined;
  /**
   * How often to poll while the stream fails (from the second failed connection in a row, or 5 s
   * after losing it) or where the server has none. Default 5,000 ms.
   */
  pollIntervalMs?: number | undefined;
  /** Called each time the stream (re)connects, or a polling round starts. */
  onConnect?: (() => void | Promise<void>) | undefined;
  /**
   * Called when changes start coming another way: `{ mode: 'live' }` when the stream connects,
   * `{ mode: 'polling', pollIntervalMs }` when polling starts; not again until that changes. Across
   * a switch no change is lost or delivered twice (copies are compared by `updated_at`).
   */
  onStateChange?: ((state: WatchState) => void) | undefined;
}

/**
 * Options of `waitFor`: how long to wait, and how to give up early.
 *
 * @example
 * ```ts
 * const active = await client.waitFor(request.id, 'active', { timeout: 60_000, signal });
 * ```
 */
export interface WaitForOptions {
  /** Stops waiting: `waitFor` rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Give up after this many ms with a TimeoutError. */
  timeout?: number | undefined;
  /** Passed to the underlying watch. */
  pollIntervalMs?: number | undefined;
}

/**
 * The request settled in a status that is not one of those awaited, so it never will be (for
 * example it was `rejected`, or provisioning `failed`, while `waitFor` waited for `active`).
 *
 * @example
 * ```ts
 * import { RequestSettledError } from '@access-requests/sdk';
 *
 * try {
 *   await client.waitFor(id, 'active');
 * } catch (error) {
 *   if (error instanceof RequestSettledError)
 *     console.log(`Ended ${error.request.status}`, error.request.rejection_reason);
 *   else throw error;
 * }
 * ```
 */
export class RequestSettledError extends Error {
  /** Always `'RequestSettledError'`. */
  override name = 'RequestSettledError';
  /** @param request - The request, in the status it settled in. */
  constructor(
    /** The request, in the status it settled in. */
    readonly request: AccessRequest,
  ) {
    super(`Request ${request.id} ended ${request.status}.`);
  }
}

interface WatcherDeps {
  baseUrl: string;
  transport: Fetch;
  getRequest: (id: string, signal: AbortSignal) => Promise<AccessRequest>;
  pollSources: (signal: AbortSignal) => Promise<Page<AccessRequest>>[];
}

/** Statuses meaning "this server has no event stream": fall back to polling. */
const NO_STREAM = [404, 405, 406, 501];
/** A lost stream not back within this long is replaced by polling (sooner if a reconnection fails). */
const FALLBACK_AFTER_MS = 5000;
/** A (re)connection whose answer has not begun within this long has failed. */
const CONNECT_TIMEOUT_MS = 5000;
/** The longest wait between two reconnections. */
const MAX_RECONNECT_DELAY_MS = 30_000;

/** Waits `ms`, or less if `signal` aborts. */
const pause = (ms: number, signal: AbortSignal) => sleep(ms, signal).catch(() => {});

/** What opening the stream gave: the stream, a server without one (poll for good), or a failure to retry. */
type Opened =
  { kind: 'stream'; body: ReadableStream<Uint8Array> } | { kind: 'unavailable' } | { kind: 'failed' };

/** A failure a later poll round may not meet: the network, a timeout, a 5xx or a 429. */
const isTransient = (error: unknown) =>
  error instanceof NetworkError ||
  error instanceof TimeoutError ||
  (error instanceof ApiError && (error.status >= 500 || error.status === 429));

/**
 * The version of each request already delivered, so that the stream and polling, which overlap when
 * one takes over from the other, deliver each change once: a copy older than the one delivered, or
 * as old with the same status, star (favouriting keeps `updated_at`) and extension, is not news.
 */
class Delivered {
  readonly #known = new Map<string, { at: number; version: string }>();
  /** The newest `updated_at` delivered or polled. */
  latest: number | undefined;
  /** Whether a poll round has recorded where everything stood. */
  baselined = false;

  /** Records `request`; true if it is news. An unknown request is news if `unknownIsNews(at)` says so. */
  take(request: AccessRequest, unknownIsNews: (at: number) => boolean): boolean {
    const at = Date.parse(request.updated_at);
    // An extension asked for, decided in part or decided keeps the status (and, within a second,
    // `updated_at`).
    const e = request.extension;
    const decided = e?.pending?.approvals.filter((a) => a.status !== 'pending').length ?? '-';
    const version = `${request.status} ${request.favorite} ${decided} ${e?.last?.status ?? '-'} ${e?.last?.decided_at ?? ''}`;
    const known = this.#known.get(request.id);
    if (known && (at < known.at || (at === known.at && version === known.version))) return false;
    this.#known.set(request.id, { at, version });
    this.latest = Math.max(this.latest ?? at, at);
    return known ? true : unknownIsNews(at);
  }
}

export function createWatcher({ baseUrl, transport, getRequest, pollSources }: WatcherDeps) {
  async function openStream(signal: AbortSignal, lastEventId: string | undefined): Promise<Opened> {
    const attempt = new AbortController();
    const timer = setTimeout(
      () =>
        attempt.abort(new TimeoutError(`The event stream did not answer within ${CONNECT_TIMEOUT_MS} ms.`)),
      CONNECT_TIMEOUT_MS,
    );
    try {
      const headers: Record<string, string> = { accept: 'text/event-stream' };
      if (lastEventId) headers['last-event-id'] = lastEventId;
      const response = await transport(
        new Request(`${baseUrl}/v1/events`, { headers, signal: AbortSignal.any([signal, attempt.signal]) }),
      );
      if (response.body && response.headers.get('content-type')?.includes('text/event-stream'))
        return { kind: 'stream', body: response.body };
      const body = await response.text().catch(() => '');
      if (response.ok || NO_STREAM.includes(response.status)) return { kind: 'unavailable' };
      if (response.status < 500 && response.status !== 429)
        throw new ApiError(problemFrom(response, tryJson(body)), response);
      return { kind: 'failed' };
    } catch (error) {
      if (error instanceof ApiError) throw error;
      return { kind: 'failed' };
    } finally {
      clearTimeout(timer);
    }
  }

  /** One poll round: the changes since what `delivered` holds (the first round only records them). */
  async function* pollRound(signal: AbortSignal, delivered: Delivered): AsyncGenerator<RequestUpdate> {
    let pages: Page<AccessRequest>[];
    try {
      pages = await Promise.all(pollSources(signal));
    } catch (error) {
      if (signal.aborted || isTransient(error)) return; // the next round tries again
      throw error;
    }
    // After the stream, a request it never mentioned is news if it changed after the last one it did.
    const since = delivered.latest;
    const unknownIsNews = delivered.baselined
      ? () => true
      : (at: number) => since !== undefined && at >= since;
    for (const request of pages.flatMap((p) => p.items))
      if (delivered.take(request, unknownIsNews)) yield { eventId: '', request };
    delivered.baselined = true;
  }

  async function* watch(options: WatchOptions = {}): AsyncGenerator<RequestUpdate> {
    const { reconnectDelayMs = 1000, pollIntervalMs = 5000, onConnect, onStateChange } = options;
    const controller = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
    const delivered = new Delivered();
    let lastEventId = options.lastEventId;
    let failures = 0;
    const backOff = () => Math.min(MAX_RECONNECT_DELAY_MS, reconnectDelayMs * 2 ** failures++);
    let reported: WatchState['mode'] | undefined;
    const report = (state: WatchState) => {
      if (state.mode === reported) return;
      reported = state.mode;
      onStateChange?.(state);
    };
    /** Polling until the stream is back. */
    let polling = false;
    /** When the stream was lost; undefined while it runs (and before it first failed). */
    let lostAt: number | undefined;
    let nextAttemptAt = 0;
    let nextPollAt = 0;
    try {
      while (!signal.aborted) {
        if (Date.now() >= nextAttemptAt) {
          const startedAt = Date.now();
          const opened = await openStream(signal, lastEventId);
          if (signal.aborted) return;
          if (opened.kind === 'stream') {
            // Without an event id the server replays nothing: one more round covers the last interval.
            const catchUp = polling && !lastEventId;
            polling = false;
            lostAt = undefined;
            await onConnect?.();
            if (catchUp) yield* pollRound(signal, delivered);
            report({ mode: 'live' });
            try {
              for await (const event of readEvents(opened.body, signal)) {
                failures = 0;
                if (event.id) lastEventId = event.id;
                const data =
                  event.event === 'request.updated'
                    ? (tryJson(event.data) as { request?: AccessRequest } | undefined)
                    : undefined;
                if (data?.request && delivered.take(data.request, () => true))
                  yield { eventId: event.id ?? '', request: data.request };
              }
            } catch {
              // A dropped stream: reconnect below, resuming after the last event seen.
            }
            if (signal.aborted) return;
            lostAt = Date.now();
            nextAttemptAt = lostAt + backOff();
            continue;
          }
          if (opened.kind === 'unavailable') {
            polling = true;
            nextAttemptAt = Infinity;
          } else {
            // The first failure may be a blip; a second one in a row means polling.
            if (lostAt === undefined) lostAt = startedAt;
            else polling = true;
            nextAttemptAt = Date.now() + backOff();
          }
        }
        if (!polling && lostAt !== undefined && Date.now() >= lostAt + FALLBACK_AFTER_MS) polling = true;
        if (polling && Date.now() >= nextPollAt) {
          report({ mode: 'polling', pollIntervalMs });
          await onConnect?.();
          yield* pollRound(signal, delivered);
          nextPollAt = Date.now() + pollIntervalMs;
        }
        const wakeAt = Math.min(nextAttemptAt, polling ? nextPollAt : (lostAt ?? 0) + FALLBACK_AFTER_MS);
        await pause(Math.max(0, wakeAt - Date.now()), signal);
      }
    } finally {
      controller.abort();
    }
  }

  async function waitFor(id: string, statuses: readonly AccessRequestStatus[], options: WaitForOptions = {}) {
    const { timeout, signal: outer, pollIntervalMs } = options;
    const controller = new AbortController();
    const signal = outer ? AbortSignal.any([outer, controller.signal]) : controller.signal;
    const expired = () =>
      new TimeoutError(`Request ${id} did not reach ${statuses.join(' or ')} within ${timeout} ms.`);
    const timer = timeout === undefined ? undefined : setTimeout(() => controller.abort(expired()), timeout);
    /** The request if it is where we wait for it; throws if it settled elsewhere. */
    const arrived = (request: AccessRequest) => {
      if (statuses.includes(request.status)) return request;
      if (TERMINAL_STATUSES.includes(request.status)) throw new RequestSettledError(request);
      return undefined;
    };
    let found: AccessRequest | undefined;
    // Look again at each (re)connection, so a change made while disconnected is not missed.
    const onConnect = async () => {
      found ??= arrived(await getRequest(id, signal));
      if (found) controller.abort();
    };
    try {
      for await (const update of watch({ signal, onConnect, pollIntervalMs })) {
        if (update.request.id === id && (found = arrived(update.request))) break;
      }
      if (found) return found;
      throw signal.reason;
    } catch (error) {
      if (found) return found;
      throw signal.aborted ? signal.reason : error;
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  }

  return { watch, waitFor };
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
