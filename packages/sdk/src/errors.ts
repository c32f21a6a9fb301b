import type { components } from '@access-requests/contract';

/**
 * An error answer's body, `application/problem+json` (RFC 9457): `type`, `title`, `status`,
 * `detail`, and for bad input `errors`, one {@link FieldError} per problem.
 *
 * @example
 * ```ts
 * import type { Problem } from '@access-requests/sdk';
 *
 * const message = (problem: Problem) => problem.detail ?? problem.title;
 * ```
 */
export type Problem = components['schemas']['Problem'];

/**
 * One problem with the input: `field` names the body path (`resources[3].permission_id`), query
 * parameter or header; `code` says what is wrong (`required`, `too_long`, `not_allowed`, …);
 * `message` says it for a person.
 *
 * @example
 * ```ts
 * import type { FieldError } from '@access-requests/sdk';
 *
 * const byField = (errors: FieldError[]) => new Map(errors.map((e) => [e.field, e.message]));
 * ```
 */
export type FieldError = components['schemas']['FieldError'];

/**
 * The server answered with a problem (RFC 9457): status, the problem body and its field errors.
 *
 * @example
 * ```ts
 * import { ApiError } from '@access-requests/sdk';
 *
 * try {
 *   await client.submit(body);
 * } catch (error) {
 *   if (!(error instanceof ApiError)) throw error;
 *   if (error.status === 422) showNextTo('justification', error.errorsFor('justification'));
 *   else showBanner(error.message); // the problem's detail
 * }
 * ```
 */
export class ApiError extends Error {
  /** Always `'ApiError'`. */
  override name = 'ApiError';
  /** The answer's HTTP status (`403`, `404`, `409`, `422`, `429`, …). */
  readonly status: number;
  /** The problem body, as the server sent it (or made from the status when the body was not a problem). */
  readonly problem: Problem;
  /** The HTTP answer itself, for its headers (`Retry-After`, …); absent when the error was made by hand. */
  readonly response: Response | undefined;
  /**
   * @param problem - The problem body.
   * @param response - The answer it came with.
   */
  constructor(problem: Problem, response?: Response) {
    super(problem.detail || problem.title);
    this.status = problem.status;
    this.problem = problem;
    this.response = response;
  }
  /** Every field error, as the server listed them. */
  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
  /**
   * The errors for one field (`justification`, `resources[3].permission_id`, …), so a form can put each
   * next to its field.
   */
  errorsFor(field: string): FieldError[] {
    return this.fieldErrors.filter((e) => e.field === field);
  }
}

/**
 * Why a call never got an answer, as far as the runtime tells (browsers tell nothing: `unknown`).
 *
 * @example
 * ```ts
 * const advice: Record<NetworkFailure, string> = {
 *   refused: 'The access service is down.',
 *   dns: 'Check the address of the access service.',
 *   tls: 'Check the scheme (https://) and the certificate.',
 *   reset: 'The connection dropped; try again.',
 *   timeout: 'The access service is slow; try again.',
 *   unknown: 'Cannot reach the access service.',
 * };
 * ```
 */
export type NetworkFailure = 'refused' | 'dns' | 'tls' | 'reset' | 'timeout' | 'unknown';

// Node's fetch (undici) puts the system error in `cause` (or `cause.cause`); browsers give only
// "Failed to fetch", on purpose, and log the reason in the console.
const FAILURES: [RegExp, NetworkFailure, string][] = [
  [/REFUSED|bad port/, 'refused', 'connection refused (is the server running there?)'],
  [/ENOTFOUND|EAI_/, 'dns', 'host not found (DNS)'],
  [/SSL|TLS|CERT|EPROTO/i, 'tls', 'TLS failed (wrong scheme? untrusted certificate?)'],
  [/RESET|EPIPE|SOCKET|closed/, 'reset', 'connection closed before an answer'],
  [/TIMEDOUT|TIMEOUT/, 'timeout', 'connection timed out'],
];

/**
 * The server could not be reached, or the connection dropped before an answer, after the retries
 * the call was allowed. The message names the URL and, where the runtime tells, the cause; `failure`
 * says it as a word for code, and the original failure is its `cause`.
 *
 * @example
 * ```ts
 * import { NetworkError } from '@access-requests/sdk';
 *
 * try {
 *   await client.me();
 * } catch (error) {
 *   if (error instanceof NetworkError && error.failure === 'refused') showOffline();
 * }
 * ```
 */
export class NetworkError extends Error {
  /** Always `'NetworkError'`. */
  override name = 'NetworkError';
  /** Why, as far as the runtime tells: `refused`, `dns`, `tls`, `reset`, `timeout` or `unknown`. */
  readonly failure: NetworkFailure;
  /**
   * The `Idempotency-Key` the call carried, if it took one: the server may have acted before the
   * connection failed, so send the call again with this key (`{ idempotencyKey }`) to get its answer
   * without a second effect.
   */
  readonly idempotencyKey: string | undefined;
  constructor(url: string, cause?: unknown, idempotencyKey?: string) {
    const inner = cause as
      { message?: string; code?: string; cause?: { message?: string; code?: string } } | undefined;
    const said = [inner?.code, inner?.message, inner?.cause?.code, inner?.cause?.message].join(' ');
    const found = FAILURES.find(([pattern]) => pattern.test(said));
    // Browsers say nothing more, on purpose; their console tells the reason.
    super(
      `Could not reach ${url}: ${found?.[2] ?? 'no answer (server down, unknown host, CORS or mixed content?)'}.`,
      { cause },
    );
    this.failure = found?.[1] ?? 'unknown';
    this.idempotencyKey = idempotencyKey;
  }
}

/**
 * The call, or a wait, took longer than allowed: a call's `timeoutMs`, or a `waitFor`'s `timeout`.
 *
 * @example
 * ```ts
 * import { TimeoutError } from '@access-requests/sdk';
 *
 * try {
 *   await client.waitFor(id, 'active', { timeout: 30_000 });
 * } catch (error) {
 *   if (error instanceof TimeoutError) console.log('Still provisioning; check back later.');
 *   else throw error;
 * }
 *
 * // A keyed call that timed out: send it again with its key, and nothing is created twice.
 * const submitted = await client.submit(body, { timeoutMs: 5_000 }).catch((error: unknown) => {
 *   if (error instanceof TimeoutError && error.idempotencyKey) {
 *     return client.submit(body, { idempotencyKey: error.idempotencyKey });
 *   }
 *   throw error;
 * });
 * ```
 */
export class TimeoutError extends Error {
  /** Always `'TimeoutError'`. */
  override name = 'TimeoutError';
  /**
   * The `Idempotency-Key` of a call that took one (`submit`, `requestAgain`): the server may have
   * acted before the time ran out, so send the call again with `{ idempotencyKey }` to get its
   * answer without a second effect. Undefined for other calls and for `waitFor`.
   */
  readonly idempotencyKey: string | undefined;
  constructor(message: string, options?: ErrorOptions & { idempotencyKey?: string | undefined }) {
    super(message, options);
    this.idempotencyKey = options?.idempotencyKey;
  }
}

/** A problem for any error answer, even one that is not problem+json (a proxy's HTML page, say). */
export function problemFrom(response: Response, body: unknown): Problem {
  const b = body as Partial<Problem> | undefined;
  if (typeof b?.status === 'number' && typeof b.title === 'string')
    return { ...b, detail: b.detail ?? b.title } as Problem;
  // Not problem+json (a proxy's error page, say): its body is not worth showing to a user.
  const title = response.statusText || `HTTP ${response.status}`;
  return { type: 'about:blank', title, status: response.status, detail: title };
}

/**
 * True for the error a cancelled call throws. Aborts stay aborts: the SDK never wraps them.
 *
 * @param error - Anything a call threw.
 *
 * @example
 * ```ts
 * import { isAbortError } from '@access-requests/sdk';
 *
 * try {
 *   await client.me({ signal });
 * } catch (error) {
 *   if (isAbortError(error)) return; // the user navigated away: nothing to show
 *   throw error;
 * }
 * ```
 */
export function isAbortError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}
