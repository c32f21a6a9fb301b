// Live request updates: the event stream, resumed with Last-Event-ID after a drop, or polling where
// streaming is not available.
import { TERMINAL_STATUSES, type AccessRequestStatus, type components } from '@access-requests/contract';
import { ApiError, TimeoutError, isAbortError, problemFrom } from './errors.js';
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
  /** How often to poll when streaming is unavailable. Default 5,000 ms. */
  pollIntervalMs?: number | undefined;
  /** Called each time the stream (re)connects, or a polling round starts. */
  onConnect?: (() => void | Promise<void>) | undefined;
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

/** Waits `ms`, or less if `signal` aborts. */
const pause = (ms: number, signal: AbortSignal) => sleep(ms, signal).catch(() => {});

export function createWatcher({ baseUrl, transport, getRequest, pollSources }: WatcherDeps) {
  async function* poll(signal: AbortSignal, intervalMs: number, onConnect?: () => void | Promise<void>) {
    const seen = new Map<string, string>();
    let first = true;
    while (!signal.aborted) {
      await onConnect?.();
      const pages = await Promise.all(pollSources(signal));
      for (const request of pages.flatMap((p) => p.items)) {
        const previous = seen.get(request.id);
        seen.set(request.id, request.updated_at);
        if (!first && previous !== request.updated_at) yield { eventId: '', request };
      }
      first = false;
      await pause(intervalMs, signal);
    }
  }

  async function* watch(options: WatchOptions = {}): AsyncGenerator<RequestUpdate> {
    const { reconnectDelayMs = 1000, pollIntervalMs = 5000, onConnect } = options;
    const controller = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
    let lastEventId = options.lastEventId;
    let failures = 0;
    const backOff = () => pause(Math.min(30_000, reconnectDelayMs * 2 ** failures++), signal);
    try {
      while (!signal.aborted) {
        let response: Response;
        try {
          const headers: Record<string, string> = { accept: 'text/event-stream' };
          if (lastEventId) headers['last-event-id'] = lastEventId;
          response = await transport(new Request(`${baseUrl}/v1/events`, { headers, signal }));
        } catch (error) {
          if (signal.aborted || isAbortError(error)) return;
          await backOff();
          continue;
        }
        if (!response.body || !response.headers.get('content-type')?.includes('text/event-stream')) {
          const body = await response.text().catch(() => '');
          if (response.ok || NO_STREAM.includes(response.status))
            return yield* poll(signal, pollIntervalMs, onConnect);
          if (response.status < 500 && response.status !== 429)
            throw new ApiError(problemFrom(response, tryJson(body)), response);
          await backOff();
          continue;
        }
        await onConnect?.();
        try {
          for await (const event of readEvents(response.body)) {
            failures = 0;
            if (event.id) lastEventId = event.id;
            const data =
              event.event === 'request.updated'
                ? (tryJson(event.data) as { request?: AccessRequest } | undefined)
                : undefined;
            if (data?.request) yield { eventId: event.id ?? '', request: data.request };
          }
        } catch {
          // A dropped stream: reconnect below, resuming after the last event seen.
        }
        if (!signal.aborted) await backOff();
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
