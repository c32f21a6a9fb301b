/** How a domain module declares its routes; `createHandlers` turns them into msw handlers. */
import type { Backend, Caller, RawQuery } from '../backend/api.js';
import type { Control } from './control.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * One route, as `ROUTES` lists it: method, path relative to the base URL (`:param` segments),
 * whether it needs a bearer token and whether it reads a JSON body.
 *
 * @example
 * ```ts
 * const withBody: RouteSummary[] = ROUTES.filter((route) => route.body === 'required');
 * ```
 */
export interface RouteSummary {
  /** The HTTP method. */
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to the base URL: `/v1/access-requests/:id/revoke`. */
  readonly path: string;
  /** Whether a bearer token is needed (every `/v1` route). */
  readonly auth: boolean;
  /** Whether a JSON body is read (and required). */
  readonly body?: 'required' | 'optional';
}

export interface RouteContext {
  readonly backend: Backend;
  readonly control: Control;
  readonly request: Request;
  readonly url: URL;
  /** Path parameters (`:id`). */
  readonly params: Readonly<Record<string, string>>;
  readonly query: RawQuery;
  /** The parsed JSON body, for routes that take one; otherwise undefined. */
  readonly body: unknown;
  /** The problem `instance`: the path and query. */
  readonly instance: string;
  /** Milliseconds between SSE heartbeats. */
  readonly heartbeatMs: number;
}

export interface AuthedContext extends RouteContext {
  readonly caller: Caller;
}

interface RouteBase {
  readonly method: Method;
  /** Relative to the base URL, with `:param` segments: `/v1/access-requests/:id/revoke`. */
  readonly path: string;
  /** Whether a JSON body is read (and required). */
  readonly body?: 'required' | 'optional';
}

export interface ApiRoute extends RouteBase {
  readonly auth: true;
  resolve(context: AuthedContext): Response | Promise<Response>;
}

export interface PublicRoute extends RouteBase {
  readonly auth: false;
  resolve(context: RouteContext): Response | Promise<Response>;
}

export type Route = ApiRoute | PublicRoute;

type Resolver = ApiRoute['resolve'];
type Options = Pick<RouteBase, 'body'>;

/** An authenticated `/v1` route. */
export function api(method: Method, path: string, resolve: Resolver, options: Options = {}): ApiRoute {
  return { method, path, auth: true, resolve, ...options };
}

/** A route without authentication (`/_control`). */
export function open(
  method: Method,
  path: string,
  resolve: PublicRoute['resolve'],
  options: Options = {},
): PublicRoute {
  return { method, path, auth: false, resolve, ...options };
}

/** The path parameter `name` (msw guarantees it is present for a matched route). */
export function param(context: RouteContext, name: string): string {
  return context.params[name] ?? '';
}
