import type { components } from '@access-requests/contract';

export type Problem = components['schemas']['Problem'];
export type FieldError = components['schemas']['FieldError'];

/** The server answered with a problem (RFC 9457): status, the problem body and its field errors. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly problem: Problem;
  readonly response: Response | undefined;
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
  /** The errors for one field (`justification`, `resources[3].permission_id`, …), so a form can put each next to its field. */
  errorsFor(field: string): FieldError[] {
    return this.fieldErrors.filter((e) => e.field === field);
  }
}

/** Why a call never got an answer, as far as the runtime tells (browsers tell nothing: `unknown`). */
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
 * The server could not be reached, or the connection dropped before an answer. The message names
 * the URL and, where the runtime tells, the cause; `failure` says it as a word for code.
 *
 * @example
 * ```ts
 * try {
 *   await client.me();
 * } catch (error) {
 *   if (error instanceof NetworkError && error.failure === 'refused') showOffline();
 * }
 * ```
 */
export class NetworkError extends Error {
  override name = 'NetworkError';
  /** Why, as far as the runtime tells: `refused`, `dns`, `tls`, `reset`, `timeout` or `unknown`. */
  readonly failure: NetworkFailure;
  constructor(url: string, cause?: unknown) {
    const inner = cause as { message?: string; code?: string; cause?: { message?: string; code?: string } } | undefined;
    const said = [inner?.code, inner?.message, inner?.cause?.code, inner?.cause?.message].join(' ');
    const found = FAILURES.find(([pattern]) => pattern.test(said));
    // Browsers say nothing more, on purpose; their console tells the reason.
    super(`Could not reach ${url}: ${found?.[2] ?? 'no answer (server down, unknown host, CORS or mixed content?)'}.`, { cause });
    this.failure = found?.[1] ?? 'unknown';
  }
}

/** The call, or a wait, took longer than allowed. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/** A problem for any error answer, even one that is not problem+json (a proxy's HTML page, say). */
export function problemFrom(response: Response, body: unknown): Problem {
  const b = body as Partial<Problem> | undefined;
  if (typeof b?.status === 'number' && typeof b.title === 'string') return { ...b, detail: b.detail ?? b.title } as Problem;
  // Not problem+json (a proxy's error page, say): its body is not worth showing to a user.
  const title = response.statusText || `HTTP ${response.status}`;
  return { type: 'about:blank', title, status: response.status, detail: title };
}

/** True for the error a cancelled call throws. Aborts stay aborts: the SDK never wraps them. */
export function isAbortError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}
