/** The problem+json answers of the backend, with the `type` URIs the contract names. */
import type { AccessRequestStatus } from '@access-requests/contract';
import { ApiProblem, type FieldError } from './api.js';

const PROBLEM_TYPE = 'https://access-requests.example/problems/';

export type FieldErrorCode = FieldError['code'];

export function fieldError(field: string, code: FieldErrorCode, message: string): FieldError {
  return { field, code, message };
}

/** 422 with every field error found; `subject` says what was wrong ("request body", "query"). */
export function validationFailed(
  errors: readonly FieldError[],
  subject: 'request body' | 'query' | 'request',
): ApiProblem {
  const count = errors.length;
  return new ApiProblem(422, {
    type: `${PROBLEM_TYPE}validation-failed`,
    title: 'Validation failed',
    status: 422,
    detail: `The ${subject} has ${count} ${count === 1 ? 'error' : 'errors'}.`,
    errors: [...errors],
  });
}

export function idempotencyMismatch(): ApiProblem {
  return new ApiProblem(422, {
    type: `${PROBLEM_TYPE}idempotency-mismatch`,
    title: 'Idempotency key reused',
    status: 422,
    detail: 'This Idempotency-Key was first used with a different request body.',
    errors: [fieldError('Idempotency-Key', 'idempotency_mismatch', 'Use a new key for a different request.')],
  });
}

export function forbidden(detail: string): ApiProblem {
  return new ApiProblem(403, { type: `${PROBLEM_TYPE}forbidden`, title: 'Forbidden', status: 403, detail });
}

export function notFound(requestId: string): ApiProblem {
  return new ApiProblem(404, {
    type: `${PROBLEM_TYPE}not-found`,
    title: 'Not Found',
    status: 404,
    detail: `No access request ${requestId} is visible to you.`,
  });
}

export function invalidState(status: AccessRequestStatus, detail: string): ApiProblem {
  return new ApiProblem(409, {
    type: `${PROBLEM_TYPE}invalid-state`,
    title: 'Conflict',
    status: 409,
    detail,
    errors: [fieldError('status', 'invalid_state', `The request is ${status}.`)],
  });
}

/**
 * Thrown (by the backend's guard) when something that is not an `ApiProblem` escapes an operation:
 * a defect of the reference server, never the client's fault. Tests see it by name.
 */
export class BackendDefect extends Error {
  constructor(operation: string, cause: unknown) {
    super(
      `The reference backend failed in ${operation}: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
      },
    );
    this.name = 'BackendDefect';
  }
}
