// The fetch every call goes through: the bearer token, retries with backoff, timeouts.
import { NetworkError, isAbortError } from './errors.js';

/**
 * A bearer token, or a function that returns the current one (called on every request and again
 * after a 401, then with `refresh: true`, so it can renew an expired token).
 *
 * @example
 * ```ts
 * const token: TokenSource = async ({ refresh }) => (refresh ? await auth.renew() : auth.current());
 * const client = createAccessClient({ baseUrl: 'https://access.example.com', token });
 * ```
 */
export type TokenSource = string | ((context: { refresh: boolean }) => string | Promise<string>);

/**
 * How the client retries safe calls (GETs, PUTs, DELETEs, and POSTs that carry an `Idempotency-Key`)
 * on network errors, 429, 502, 503 and 504: capped exponential backoff with full jitter, honouring
 * `Retry-After`.
 *
 * @example
 * ```ts
 * const client = createAccessClient({
 *   baseUrl: 'https://access.example.com',
 *   token,
 *   retry: { retries: 5, baseDelayMs: 200, maxDelayMs: 2_000 },
 * });
 * ```
 */
export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  retries?: number;
  /** First backoff, doubled each retry (with full jitter). Default 300 ms. */
  baseDelayMs?: number;
  /** Backoff cap. Default 5,000 ms. */
  maxDelayMs?: number;
  /** The longest `Retry-After` honoured; a longer one ends the retries. Default 60,000 ms. */
  maxRetryAfterMs?: number;
}

/**
 * A retry about to wait, as `onRetry` hears it: why, how long until the next attempt, which attempt
 * that is. Show it to the user ("Too many requests: trying again in 30 s", with a Cancel that aborts
 * the call's `signal`) so that a long `Retry-After` is never a silent spinner.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const onRetry = ({ reason, delayMs }: RetryNotice) => {
 *   const why = reason === 'rate_limited' ? 'Too many requests' : 'No answer';
 *   showBanner(`${why}: retrying in ${Math.ceil(delayMs / 1000)} s`);
 * };
 * await client.submit(body, { signal: controller.signal, onRetry }); // Cancel: controller.abort()
 * ```
 */
export interface RetryNotice {
  /** `rate_limited` (429), `unavailable` (502, 503, 504) or `network` (no answer). */
  readonly reason: 'rate_limited' | 'unavailable' | 'network';
  /** The answer's status, for `rate_limited` and `unavailable`. */
  readonly status: number | undefined;
  /** How long until the next attempt, in ms (`Retry-After` when the server sent one). */
  readonly delayMs: number;
  /** The attempt that comes next: 2 for the first retry. */
  readonly attempt: number;
}

/** What one call adds to the transport: a hook that hears each retry before its wait. */
export interface CallHooks {
  readonly onRetry?: ((notice: RetryNotice) => void) | undefined;
}

export type Fetch = (request: Request) => Promise<Response>;
export type Transport = (request: Request, hooks?: CallHooks) => Promise<Response>;

const RETRYABLE_STATUS = [429, 502, 503, 504];

/** Idempotent methods (GET, HEAD, PUT, DELETE), and POSTs with an Idempotency-Key, are safe to resend. */
const IDEMPOTENT_METHODS = ['GET', 'HEAD', 'PUT', 'DELETE'];
const isRetryable = (r: Request) =>
  IDEMPOTENT_METHODS.includes(r.method) || (r.method === 'POST' && r.headers.has('idempotency-key'));

/** Waits `ms`; rejects with the abort reason if `signal` aborts first. */
export const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    // An abort that came before the wait began fires no event: stop at once instead of waiting it out.
    if (signal.aborted) {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the abort reason, as fetch rejects
      reject(signal.reason);
      return;
    }
    const done = () => {
      clearTimeout(timer);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the abort reason, as fetch rejects
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', done);
      resolve();
    }, ms);
    signal.addEventListener('abort', done, { once: true });
  });

function retryAfterMs(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The bytes each read answer holds, served by {@link spent} in place of its used body. */
const read = new WeakMap<Response, Uint8Array<ArrayBuffer>>();
const bytesOf = (response: Response) => read.get(response) ?? new Uint8Array();
let served: Response | undefined;
/**
 * The prototype of an answer whose body was read: what reads a body (`text`, `json`, `clone`, `body`,
 * …) reads the bytes already read, as often as asked; the rest (`status`, `headers`, …) is Response's.
 * Made once, when first needed.
 */
function spent(): Response {
  const copy = (response: Response) => new Response(bytesOf(response), response);
  return (served ??= Object.setPrototypeOf(
    {
      get body() {
        return copy(this as Response).body;
      },
      clone(this: Response) {
        return copy(this);
      },
      async text(this: Response) {
        return new TextDecoder().decode(bytesOf(this));
      },
      async json(this: Response): Promise<unknown> {
        return JSON.parse(await this.text());
      },
      arrayBuffer(this: Response) {
        return copy(this).arrayBuffer();
      },
      blob(this: Response) {
        return copy(this).blob();
      },
      bytes(this: Response) {
        return copy(this).bytes();
      },
      formData(this: Response) {
        return copy(this).formData();
      },
    },
    Response.prototype,
  ) as Response);
}

/**
 * Reads the whole body here, once (JSON answers are small), so that a connection lost half-way
 * through an answer fails inside the retry loop, as a network error the retry can handle. The answer
 * then serves the bytes it read to whoever reads it next (openapi-fetch, a middleware, a raw caller):
 * no second Response, no copy. Event streams pass through as they come.
 */
async function readOnce(response: Response): Promise<Response> {
  if (!response.body || response.headers.get('content-type')?.includes('text/event-stream')) return response;
  read.set(response, new Uint8Array(await response.arrayBuffer()));
  return Object.setPrototypeOf(response, spent()) as Response;
}

/**
 * The token, if a header can carry it: visible ASCII only (RFC 6750's token characters are a subset).
 * Otherwise a TypeError that does not repeat it (the platform's own error would, whole, and error
 * messages end up in logs and on screens).
 */
export function checkedToken(token: unknown): string {
  if (typeof token !== 'string' || !/^[\x21-\x7e]*$/.test(token)) {
    const what = typeof token === 'string' ? 'contains a character a header cannot carry' : 'is not a string';
    throw new TypeError(
      `The bearer token ${what}: only visible ASCII characters are allowed (it is not shown).`,
    );
  }
  return token;
}

export interface TransportOptions {
  token: TokenSource;
  fetch: Fetch;
  retry: RetryOptions | false;
}

/**
 * Wraps `fetch` with the bearer token (re-read on every attempt, refreshed once after a 401), and
 * retries of safe requests on network errors, 429 (after `Retry-After`), 502, 503 and 504 with capped
 * exponential backoff and full jitter. Nothing else is retried; an abort ends everything at once.
 */
export function createTransport({ token, fetch, retry }: TransportOptions): Transport {
  const { retries = 3, baseDelayMs = 300, maxDelayMs = 5000, maxRetryAfterMs = 60_000 } = retry || {};
  const maxRetries = retry === false ? 0 : retries;
  const readToken = async (refresh: boolean) =>
    checkedToken(typeof token === 'function' ? await token({ refresh }) : token);

  return async (request, hooks = {}) => {
    // `request.signal` only where it is needed: Node's fetch makes it on first read, at a cost.
    const { headers } = request;
    const retryable = isRetryable(request);
    // A request without a body is sent as it is, on every attempt. One with a body is read once, as
    // bytes, only when it may be sent again (a retry, or a 401 a token function can answer).
    const resent =
      request.body && ((retryable && maxRetries > 0) || typeof token === 'function')
        ? await request.arrayBuffer()
        : undefined;
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      headers.set('authorization', `Bearer ${await readToken(refreshed)}`);
      let response: Response | undefined;
      let failure: unknown;
      // Held here until the answer is in: the call's signal reaches fetch only through this Request,
      // which follows it weakly (see `init` in client.ts).
      const sent = resent ? new Request(request, { body: resent }) : request;
      try {
        response = await readOnce(await fetch(sent));
      } catch (error) {
        const { signal } = request;
        if (signal.aborted || isAbortError(error)) throw signal.reason ?? error;
        failure = error;
      }
      if (response?.status === 401 && typeof token === 'function' && !refreshed) {
        refreshed = true;
        attempt--;
        continue;
      }
      const again = retryable && attempt < maxRetries;
      if (response && !(again && RETRYABLE_STATUS.includes(response.status))) return response;
      if (!again) {
        if (response) return response;
        throw new NetworkError(request.url, failure, request.headers.get('idempotency-key') ?? undefined);
      }
      let delay = Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
      const after = response && retryAfterMs(response);
      if (response && after !== undefined) {
        if (after > maxRetryAfterMs) return response;
        delay = after;
      }
      hooks.onRetry?.({
        reason: !response ? 'network' : response.status === 429 ? 'rate_limited' : 'unavailable',
        status: response?.status,
        delayMs: delay,
        attempt: attempt + 2,
      });
      await sleep(delay, request.signal);
    }
  };
}
