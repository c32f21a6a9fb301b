/**
 * CORS for the real HTTP server: browsers on other origins (the demo portal on :4173, a host app on
 * :5173) call the API on :4010. Bearer tokens, not cookies, so no credentials mode.
 */

/** Any port of localhost, 127.0.0.1 or [::1], over http or https. */
const LOCALHOST_ORIGIN = /^https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/;

/** Every method the server answers somewhere. */
export const ALLOWED_METHODS = 'GET, POST, PUT, DELETE, OPTIONS';
const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, Last-Event-ID';
const EXPOSED_HEADERS = 'Retry-After, Idempotent-Replayed, Location, WWW-Authenticate';

/**
 * Which origins may call: `undefined` or `[]` — any localhost origin; otherwise the listed origins
 * (exactly, e.g. `https://portal.example.com`), with `*` meaning any origin at all.
 *
 * @example
 * ```ts
 * const corsOrigins: CorsOrigins = ['https://portal.example.com', 'http://localhost:5173'];
 * const server = await startHttpServer({ port: 0, corsOrigins });
 * ```
 */
export type CorsOrigins = readonly string[] | undefined;

export function originAllowed(origin: string, allowed: CorsOrigins): boolean {
  if (!allowed || allowed.length === 0) return LOCALHOST_ORIGIN.test(origin);
  return allowed.some((entry) => entry === '*' || entry === origin);
}

/** Checks a `--cors-origin` value: `*` or an origin (scheme, host, optional port; no path). */
export function parseCorsOrigin(value: string): string {
  if (value === '*') return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`"${value}" is not an origin such as http://localhost:5173 (or * for any origin).`);
  }
  if (url.origin === 'null' || url.origin !== value.replace(/\/$/, '')) {
    throw new Error(`"${value}" is not an origin: give scheme, host and port only, such as ${url.origin}.`);
  }
  return url.origin;
}

/** Headers for an actual (non-preflight) request from an allowed origin. */
export function corsHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': EXPOSED_HEADERS,
    vary: 'Origin',
  };
}

/** Headers for an allowed preflight. */
export function preflightHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': ALLOWED_METHODS,
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}
