/** Building responses: JSON bodies and `application/problem+json` (RFC 9457). */
import type { FieldError, Problem } from '../backend/api.js';

export const PROBLEM_BASE = 'https://access-requests.example/problems/';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function noContent(headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 204, headers });
}

export function problemResponse(
  status: number,
  problem: Problem,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(problem), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  422: 'Validation failed',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** A problem+json response of a given kind (the last segment of its `type`). */
export function problem(
  status: number,
  kind: string,
  detail: string,
  instance: string,
  extra: { errors?: FieldError[]; headers?: Record<string, string>; title?: string } = {},
): Response {
  const body: Problem = {
    type: `${PROBLEM_BASE}${kind}`,
    title: extra.title ?? TITLES[status] ?? 'Error',
    status,
    detail,
    instance,
    ...(extra.errors ? { errors: extra.errors } : {}),
  };
  return problemResponse(status, body, extra.headers);
}

/** A 422 for bad input, with one field error. */
export function invalidInput(
  instance: string,
  field: string,
  code: FieldError['code'],
  message: string,
): Response {
  return problem(422, 'validation-failed', message, instance, { errors: [{ field, code, message }] });
}
