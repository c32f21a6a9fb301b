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

/** The server could not be reached, or the connection dropped before an answer. */
export class NetworkError extends Error {
  override name = 'NetworkError';
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
