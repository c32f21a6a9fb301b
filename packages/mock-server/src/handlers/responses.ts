/** Building responses: JSON bodies, and problem+json from the one problem helper (`backend/problems.ts`). */
import {
  type ApiProblem,
  apiProblem,
  invalidInput as invalidInputProblem,
  type ProblemExtra,
} from '../backend/problems.js';
import type { FieldError } from '../backend/api.js';

/** The text of each response made here, for a server that writes it as it is (see `bodyText`). */
const texts = new WeakMap<Response, string>();

/** A response with a text body, remembered for `bodyText`. */
function withText(text: string, init: ResponseInit): Response {
  const response = new Response(text, init);
  texts.set(response, text);
  return response;
}

/**
 * The whole body of a response made here, while nobody has read it: what the HTTP server writes
 * in one go instead of reading the body's stream. Undefined for any other response (a hook's, a
 * fault's, an event stream), which is streamed.
 */
export function bodyText(response: Response): string | undefined {
  return response.bodyUsed ? undefined : texts.get(response);
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return withText(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function noContent(headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 204, headers });
}

/** An `ApiProblem` as a response, its `instance` the request's unless it has one. */
export function problemResponse(error: ApiProblem, instance?: string): Response {
  const at = error.problem.instance ?? instance;
  const body = at === undefined ? error.problem : { ...error.problem, instance: at };
  return withText(JSON.stringify(body), {
    status: error.status,
    headers: { 'content-type': 'application/problem+json', ...error.headers },
  });
}

/** A problem+json response of a given kind (the last segment of its `type`). */
export function problem(
  status: number,
  kind: string,
  detail: string,
  instance: string,
  extra: ProblemExtra = {},
): Response {
  return problemResponse(apiProblem(status, kind, detail, extra), instance);
}

/** A 422 for bad input, with one field error. */
export function invalidInput(
  instance: string,
  field: string,
  code: FieldError['code'],
  message: string,
): Response {
  return problemResponse(invalidInputProblem(field, code, message), instance);
}
