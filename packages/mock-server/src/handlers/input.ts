/** Reading a request: bearer token, query values and JSON bodies. */
import type { RawQuery } from '../backend/api.js';
import { invalidInput } from './responses.js';

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

/**
 * Reads a JSON body. Bad input is a 422 (the contract's one status for it): a body that is not
 * JSON, or sent with another content type, or missing where required. An empty optional body
 * reads as `{}`.
 */
export async function readJsonBody(
  request: Request,
  instance: string,
  required: boolean,
): Promise<BodyResult> {
  const bad = (field: string, code: 'required' | 'invalid_format', message: string): BodyResult => ({
    ok: false,
    response: invalidInput(instance, field, code, message),
  });
  const text = await request.text();
  if (text.trim() === '') {
    return required ? bad('', 'required', 'A JSON request body is required.') : { ok: true, body: {} };
  }
  const contentType = request.headers.get('content-type') ?? '';
  if (!JSON_TYPE.test(contentType)) {
    const sent = contentType ? `was ${contentType}` : 'was missing';
    return bad('Content-Type', 'invalid_format', `Content-Type must be application/json; it ${sent}.`);
  }
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return bad('', 'invalid_format', `The request body is not valid JSON: ${reason}`);
  }
}
