/** Reading a request: bearer token, query values and JSON bodies (within the contract's bounds). */
import { LIMITS } from '@access-requests/contract';
import type { RawQuery } from '../backend/api.js';
import { invalidInput, problem } from './responses.js';

/** The token of `Authorization: Bearer <token>`, or undefined. */
export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('authorization');
  const match = header ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header) : null;
  return match?.[1];
}

/** Query values: a name ending in `[]`, or any repeated name, gives an array. */
export function parseQuery(url: URL): RawQuery {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    query[name] = name.endsWith('[]') || values.length > 1 ? values : (values[0] ?? '');
  }
  return query;
}

/**
 * The path and query of a request, as a problem's `instance` (a URI reference: characters URIs do
 * not allow there, such as the brackets of `status[]` or a `%` that starts no escape, are
 * percent-encoded).
 */
export function instanceOf(url: URL): string {
  return `${url.pathname}${url.search}`.replace(/[^\w\-.~!$&'()*+,;=:@/?%]|%(?![\dA-Fa-f]{2})/g, (c) =>
    encodeURIComponent(c),
  );
}

type BodyResult = { ok: true; body: unknown } | { ok: false; response: Response };

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;.*)?$/i;

/** Whether a `Content-Type` is JSON (`application/json`, `application/problem+json; charset=utf-8`). */
export const isJsonType = (contentType: string | null): boolean => JSON_TYPE.test(contentType ?? '');

/** The largest request body, in bytes, and the deepest nesting of a JSON body (the contract's). */
export const MAX_BODY_BYTES = LIMITS.requestBodyBytes.maximum;
export const MAX_JSON_DEPTH = LIMITS.jsonDepth.maximum;

/** The 413 for a body over `MAX_BODY_BYTES`. */
export const contentTooLarge = (instance: string): Response =>
  problem(413, 'content-too-large', `The request body is larger than ${MAX_BODY_BYTES} bytes.`, instance);

/** Whether a declared `Content-Length` is already over the limit. */
export const declaredTooLarge = (contentLength: string | null | undefined): boolean =>
  Number(contentLength ?? 0) > MAX_BODY_BYTES;

/**
 * The body's text, read until it passes `MAX_BODY_BYTES` (counted as it arrives, so a chunked body
 * is refused as early as one with a `Content-Length`): undefined when it is too large.
 */
async function readText(request: Request): Promise<string | undefined> {
  if (declaredTooLarge(request.headers.get('content-length'))) return undefined;
  if (!request.body) return '';
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      // Not awaited: the cancel of a teed body (msw keeps a copy) settles only when every copy is.
      reader.cancel().catch(() => {});
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * Whether JSON text nests arrays and objects deeper than `max`, found by one pass over its
 * characters (no recursion, nothing parsed), so that no deep body reaches a recursive step.
 */
export function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth += 1;
      if (depth > max) return true;
    } else if (c === ']' || c === '}') depth -= 1;
  }
  return false;
}

/**
 * Reads a JSON body, as the contract's Conventions say: over `MAX_BODY_BYTES` is a 413; not JSON,
 * or nested deeper than `MAX_JSON_DEPTH`, a 400; sent with another content type, or missing where
 * required, a 422 naming `Content-Type` or the body. An empty optional body reads as `{}`.
 */
export async function readJsonBody(
  request: Request,
  instance: string,
  required: boolean,
): Promise<BodyResult> {
  const refuse = (response: Response): BodyResult => ({ ok: false, response });
  const text = await readText(request);
  if (text === undefined) return refuse(contentTooLarge(instance));
  if (text.trim() === '') {
    return required
      ? refuse(invalidInput(instance, '', 'required', 'A JSON request body is required.'))
      : { ok: true, body: {} };
  }
  const contentType = request.headers.get('content-type') ?? '';
  if (!isJsonType(contentType)) {
    const sent = contentType ? `was ${contentType}` : 'was missing';
    const message = `Content-Type must be application/json; it ${sent}.`;
    return refuse(invalidInput(instance, 'Content-Type', 'invalid_format', message));
  }
  const malformed = (detail: string) => refuse(problem(400, 'malformed-request', detail, instance));
  if (nestedDeeperThan(text, MAX_JSON_DEPTH)) {
    return malformed(`The request body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return malformed(`The request body is not valid JSON: ${reason}`);
  }
}
