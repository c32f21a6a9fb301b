/**
 * Every problem+json answer of the reference server (RFC 9457), with the `type` URIs the contract
 * names: the one place that builds them, for the backend and the transport alike. It imports
 * nothing of the backend, so every layer above may use it.
 */
import type { AccessRequestStatus, components } from '@access-requests/contract';

type Problem = components['schemas']['Problem'];
type FieldError = components['schemas']['FieldError'];
type FieldErrorCode = FieldError['code'];

/** The base of every problem `type` URI: `${PROBLEM_BASE}not-found`. */
const PROBLEM_BASE = 'https://access-requests.example/problems/';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  422: 'Validation failed',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * A problem+json answer, thrown by the backend; the transport sends it as it is. Throw one from a
 * custom `Backend` (or a wrapped method) to answer an error.
 *
 * @example
 * ```ts
 * import { ApiProblem } from '@access-requests/mock-server';
 *
 * backend.me = () => {
 *   throw new ApiProblem(403, {
 *     type: 'about:blank',
 *     title: 'Forbidden',
 *     status: 403,
 *     detail: 'Suspended.',
 *   });
 * };
 * ```
 */
export class ApiProblem extends Error {
  /** The HTTP status. */
  readonly status: number;
  /** The problem+json body. */
  readonly problem: Problem;
  /** Extra response headers (`Retry-After`, …). */
  readonly headers: Readonly<Record<string, string>>;
  constructor(status: number, problem: Problem, headers: Record<string, string> = {}) {
    super(problem.detail);
    this.name = 'ApiProblem';
    this.status = status;
    this.problem = problem;
    this.headers = headers;
  }
}

export interface ProblemExtra {
  readonly errors?: readonly FieldError[];
  readonly headers?: Record<string, string>;
  readonly title?: string;
  readonly instance?: string;
}

/** A problem of a given kind (the last segment of its `type`), titled after its status unless told. */
export function apiProblem(
  status: number,
  kind: string,
  detail: string,
  extra: ProblemExtra = {},
): ApiProblem {
  return new ApiProblem(
    status,
    {
      type: `${PROBLEM_BASE}${kind}`,
      title: extra.title ?? TITLES[status] ?? 'Error',
      status,
      detail,
      ...(extra.instance === undefined ? {} : { instance: extra.instance }),
      ...(extra.errors ? { errors: [...extra.errors] } : {}),
    },
    extra.headers,
  );
}

export function fieldError(field: string, code: FieldErrorCode, message: string): FieldError {
  return { field, code, message };
}

/** 422 with every field error found; `subject` says what was wrong ("request body", "query"). */
export function validationFailed(
  errors: readonly FieldError[],
  subject: 'request body' | 'query' | 'request',
): ApiProblem {
  const count = errors.length;
  return apiProblem(
    422,
    'validation-failed',
    `The ${subject} has ${count} ${count === 1 ? 'error' : 'errors'}.`,
    {
      errors,
    },
  );
}

/** 422 for bad input, with one field error whose message is also the detail. */
export function invalidInput(field: string, code: FieldErrorCode, message: string): ApiProblem {
  return apiProblem(422, 'validation-failed', message, { errors: [fieldError(field, code, message)] });
}

export function idempotencyMismatch(): ApiProblem {
  return apiProblem(
    422,
    'idempotency-mismatch',
    'This Idempotency-Key was first used with a different request body.',
    {
      title: 'Idempotency key reused',
      errors: [
        fieldError('Idempotency-Key', 'idempotency_mismatch', 'Use a new key for a different request.'),
      ],
    },
  );
}

export const forbidden = (detail: string): ApiProblem => apiProblem(403, 'forbidden', detail);

export const notFound = (requestId: string): ApiProblem =>
  apiProblem(404, 'not-found', `No access request ${requestId} is visible to you.`);

export function invalidState(status: AccessRequestStatus, detail: string): ApiProblem {
  return apiProblem(409, 'invalid-state', detail, {
    errors: [fieldError('status', 'invalid_state', `The request is ${status}.`)],
  });
}

/**
 * Thrown (by the backend's guard) when something that is not an `ApiProblem` escapes an operation:
 * a defect of the reference server, never the client's fault. Tests see it by name.
 */
export class BackendDefect extends Error {
  constructor(operation: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`The reference backend failed in ${operation}: ${reason}`, { cause });
    this.name = 'BackendDefect';
  }
}
