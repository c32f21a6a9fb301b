/**
 * Where the API lives, and how a request is known to be exactly there. A leading `*` in an msw
 * pattern matches any prefix (the pattern for `/v1/me` would also answer `/api/v1/me` and
 * `/v1/v1/me`), so for a base without an origin the handlers also check that nothing but the
 * origin (and the base path) comes before the route: a client with a wrong base URL fails in tests
 * as it would in production.
 */
import { matchRequestUrl } from 'msw';

/** A base URL, parsed: its path, and how a request is known to be under it. */
interface ApiBase {
  /** The path the API lives under, without a trailing slash: `''` (the root) or `/access`. */
  readonly basePath: string;
  /** The msw pattern for `path` (a route's path, `/v1/me`) under this base. */
  pattern(path: string): string;
  /** Whether `url` is `path` exactly under this base (msw matched the pattern; this rules out prefixes). */
  matches(url: URL, path: string): boolean;
}

/** Segments of plain characters: no msw pattern syntax (`*`, `:`), no query or fragment. */
const PLAIN_PATH = /^(?:\/[\w.~!$&'()+,;=@%-]+)*$/;

/**
 * Checks a base path (`/access`, or `''` for the root) and gives it without a trailing slash.
 * Throws a `TypeError` naming the problem for anything else.
 */
export function normalizeBasePath(path: string, what = 'basePath'): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed !== '' && !trimmed.startsWith('/')) {
    throw new TypeError(`${what} must be a path starting with / (such as /access), got "${path}".`);
  }
  if (!PLAIN_PATH.test(trimmed)) {
    throw new TypeError(
      `${what} must be a plain path (letters, digits, - . _ ~; no * : ? #), got "${path}".`,
    );
  }
  if (/\/v1$/.test(trimmed)) {
    const parent = trimmed.slice(0, -'/v1'.length);
    throw new TypeError(
      `${what} is where /v1 lives, not /v1 itself: drop the /v1 (${parent ? `"${parent}"` : 'the root'} instead of "${path}").`,
    );
  }
  return trimmed;
}

/**
 * Whether `pathname` is the API's or the control API's under `basePath` (`/v1/...`, `/_control/...`):
 * what a server in front of the handlers sends to them rather than answer itself.
 */
export function isApiPath(pathname: string, basePath: string): boolean {
  return pathname.startsWith(`${basePath}/v1/`) || pathname.startsWith(`${basePath}/_control/`);
}

/**
 * Parses a base URL: `*` (any origin, the API at the root: `/v1/...`), a path (`/access`: any
 * origin, the API under `/access/v1/...`), or an absolute URL (`http://127.0.0.1:4010`,
 * `https://api.example.com/access`: that origin and path only).
 */
export function parseBase(baseUrl: string): ApiBase {
  if (baseUrl === '*' || baseUrl.startsWith('/')) {
    const basePath = baseUrl === '*' ? '' : normalizeBasePath(baseUrl, 'baseUrl');
    return {
      basePath,
      pattern: (path) => `*${basePath}${path}`,
      matches: (url, path) => matchRequestUrl(url, `${url.origin}${basePath}${path}`).matches,
    };
  }
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(
      `baseUrl must be *, a path (/access) or an absolute URL (http://127.0.0.1:4010), got "${baseUrl}".`,
    );
  }
  if (url.search || url.hash || url.origin === 'null') {
    throw new TypeError(`baseUrl must be an origin with an optional path, got "${baseUrl}".`);
  }
  const basePath = normalizeBasePath(url.pathname, 'baseUrl');
  return {
    basePath,
    pattern: (path) => `${url.origin}${basePath}${path}`,
    matches: () => true, // msw matched origin, base path and route: nothing can come between.
  };
}
