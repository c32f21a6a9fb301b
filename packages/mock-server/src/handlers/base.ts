/**
 * Where the API lives, and how a request is known to be exactly there: a route matches only its
 * path right after the origin and the base path (never `/api/v1/me` nor `/v1/v1/me` for `/v1/me`),
 * so a client with a wrong base URL fails in tests as it would in production. A base without an
 * origin takes the request's origin.
 */
import { matchRequestUrl, type PathParams } from 'msw';

/** Whether a route matched, and its path parameters (`:id`). */
interface RouteMatch {
  readonly matches: boolean;
  readonly params: PathParams;
}

/** A base URL, parsed: its path, and how a request is known to be under it. */
interface ApiBase {
  /** The path the API lives under, without a trailing slash: `''` (the root) or `/access`. */
  readonly basePath: string;
  /** Whether `url` is `path` (a route's path, `/v1/me`) exactly under this base, and its parameters. */
  match(url: URL, path: string): RouteMatch;
  /**
   * `match` for one `path`, prepared once: the same answers, without building msw's matcher on
   * every request (what a server that finds the route itself calls; see `routeTable`).
   */
  matcher(path: string): (url: URL) => RouteMatch;
}

/**
 * msw's matching, except that a trailing slash is another path (`/v1/me/` is not `/v1/me`), and
 * that a path with a malformed percent-encoding (`%zz`, an overlong `%C0%AF`, a lone surrogate
 * `%ED%A0%80`) still matches, its parameters kept as written: such an id names nothing, so the
 * route answers its own 404 instead of the match throwing a `URIError`.
 */
function matchUrl(url: URL, pattern: string): RouteMatch {
  let match;
  try {
    match = matchRequestUrl(url, pattern);
  } catch (error) {
    if (!(error instanceof URIError)) throw error;
    const literal = new URL(url);
    literal.pathname = url.pathname.replaceAll('%', '%25');
    match = matchRequestUrl(literal, pattern);
  }
  // msw also matches a trailing slash (`/v1/me/`); the contract names no such path.
  const straySlash = url.pathname.endsWith('/') && !pattern.endsWith('/') && !pattern.endsWith('*');
  return { matches: match.matches && !straySlash, params: match.params ?? {} };
}

/**
 * The origin routes are matched under. msw reads a pattern's origin as path syntax too, so an
 * IPv6 origin (`http://[::1]:4010`: `:1`, `:4010`) would be a broken pattern; the origin is
 * compared on its own and only the path goes through msw's matching.
 */
const MATCH_ORIGIN = 'http://localhost';

/** Whether `url`'s path is `path` (a route's path under the base), ignoring its origin. */
function matchPath(url: URL, path: string): RouteMatch {
  const local = new URL(MATCH_ORIGIN);
  local.pathname = url.pathname;
  return matchUrl(local, `${MATCH_ORIGIN}${path}`);
}

const NO_MATCH: RouteMatch = { matches: false, params: {} };

/** A route pattern `prepared` can compile: plain segments, `:name` segments, a final `*`. */
const PREPARABLE = /^(?:\/(?:[\w.~-]+|:\w+))*(?:\/\*)?$/;

/**
 * `matchPath` for one pattern, compiled once into the regular expression msw's matching builds for
 * it on every call (path-to-regexp's defaults: case-insensitive, an optional trailing delimiter,
 * `:name` one segment, `*` anything, values percent-decoded): the same answers, including for a
 * malformed percent-encoding (values kept as written) and a stray trailing slash (no match).
 * Undefined for a pattern outside `PREPARABLE` (a base path with `(`, `+`, …), which keeps msw's.
 */
function prepared(pattern: string): ((url: URL) => RouteMatch) | undefined {
  if (!PREPARABLE.test(pattern)) return undefined;
  const names: string[] = [];
  const source = pattern
    .split('/')
    .slice(1)
    .map((segment) => {
      if (segment === '*') {
        names.push('0');
        return '(?:\\/(.*))';
      }
      if (segment.startsWith(':')) {
        names.push(segment.slice(1));
        return '(?:\\/([^\\/#\\?]+?))';
      }
      return `\\/${segment.replaceAll('.', '\\.')}`;
    })
    .join('');
  const expression = new RegExp(`^${source}[\\/#\\?]?$`, 'i');
  const openEnded = pattern.endsWith('/') || pattern.endsWith('*');
  return (url) => {
    const { pathname } = url;
    const found = expression.exec(pathname);
    if (!found || (!openEnded && pathname.endsWith('/'))) return NO_MATCH;
    const params: Record<string, string> = {};
    try {
      names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1] ?? '')));
    } catch (error) {
      if (!(error instanceof URIError)) throw error;
      names.forEach((name, i) => (params[name] = found[i + 1] ?? ''));
    }
    return { matches: true, params };
  };
}

/** `prepared(pattern)`, or msw's matching when the pattern is not one it compiles. */
function matcherFor(pattern: string): (url: URL) => RouteMatch {
  return prepared(pattern) ?? ((url) => matchPath(url, pattern));
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
      match: (url, path) => matchPath(url, `${basePath}${path}`),
      matcher: (path) => matcherFor(`${basePath}${path}`),
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
    match: (request, path) =>
      request.origin === url.origin ? matchPath(request, `${basePath}${path}`) : NO_MATCH,
    matcher: (path) => {
      const match = matcherFor(`${basePath}${path}`);
      return (request) => (request.origin === url.origin ? match(request) : NO_MATCH);
    },
  };
}
