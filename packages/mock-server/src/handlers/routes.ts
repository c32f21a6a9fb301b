/**
 * Every route of the API, in one table: what each `/v1` path calls on the `Backend` and how its
 * answer is sent. `createHandlers` turns them (and the control API's, `control-routes.ts`) into msw
 * handlers; authentication, faults, bodies and problems are its business, not the routes'.
 */
import type { Backend, Caller, CreateResult, RawQuery } from '../backend/api.js';
import type { Control } from './control.js';
import { eventStream } from './events.js';
import { json } from './responses.js';

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
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
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
  /** Path parameters (`:id`; msw guarantees those of the matched route are present). */
  readonly params: Readonly<Record<string, string>>;
  readonly query: RawQuery;
  /** The parsed JSON body, for routes that take one; otherwise undefined. */
  readonly body: unknown;
  /** The problem `instance`: the path and query. */
  readonly instance: string;
  /** Milliseconds between SSE heartbeats. */
  readonly heartbeatMs: number;
}

interface AuthedContext extends RouteContext {
  readonly caller: Caller;
  /** The `:id` path parameter. */
  readonly id: string;
}

interface ApiRoute extends RouteSummary {
  readonly auth: true;
  resolve(context: AuthedContext): Response | Promise<Response>;
}

interface PublicRoute extends RouteSummary {
  readonly auth: false;
  resolve(context: RouteContext): Response | Promise<Response>;
}

export type Route = ApiRoute | PublicRoute;

type Method = RouteSummary['method'];
type Body = Pick<RouteSummary, 'body'>;

/** An authenticated `/v1` route. */
const api = (method: Method, path: string, resolve: ApiRoute['resolve'], options: Body = {}): ApiRoute => ({
  method,
  path,
  auth: true,
  resolve,
  ...options,
});

/** A route without authentication (`/_control`). */
export const open = (
  method: Method,
  path: string,
  resolve: PublicRoute['resolve'],
  options: Body = {},
): PublicRoute => ({ method, path, auth: false, resolve, ...options });

/** 201, with `Idempotent-Replayed: true` when the answer replays an earlier one. */
function created(result: Pick<CreateResult, 'status' | 'replayed'> & { readonly body: unknown }): Response {
  return json(result.body, result.status, result.replayed ? { 'idempotent-replayed': 'true' } : {});
}

const idempotencyKey = (request: Request) => request.headers.get('idempotency-key') ?? undefined;

const REQUEST = '/v1/access-requests/:id';
const TEMPLATE = '/v1/templates/:id';

export const API_ROUTES: readonly ApiRoute[] = [
  api('GET', '/v1/me', (c) => json(c.backend.me(c.caller))),
  api('GET', '/v1/grantees', (c) => json(c.backend.grantees(c.caller, c.query))),
  api('GET', '/v1/catalog/resource-types', (c) => json(c.backend.resourceTypes(c.caller, c.query))),
  api('GET', '/v1/catalog/permissions', (c) => json(c.backend.permissions(c.caller, c.query))),
  api('GET', '/v1/catalog/resources', (c) => json(c.backend.resources(c.caller, c.query))),
  api('GET', '/v1/catalog/resource-matches', (c) => json(c.backend.matchingResources(c.caller, c.query))),
  api('GET', '/v1/catalog/apps', (c) => json(c.backend.apps(c.caller, c.query))),
  api('GET', '/v1/catalog/bundles', (c) => json(c.backend.bundles(c.caller, c.query))),
  api('POST', '/v1/access-requests/preview', (c) => json(c.backend.preview(c.caller, c.body)), {
    body: 'required',
  }),
  api(
    'POST',
    '/v1/access-requests',
    (c) => created(c.backend.submit(c.caller, c.body, idempotencyKey(c.request))),
    { body: 'required' },
  ),
  api('GET', '/v1/access-requests', (c) => json(c.backend.listRequests(c.caller, c.query))),
  api('GET', REQUEST, (c) => json(c.backend.getRequest(c.caller, c.id))),
  api('GET', `${REQUEST}/resources`, (c) => json(c.backend.requestResources(c.caller, c.id, c.query))),
  api('POST', `${REQUEST}/revoke`, (c) =>
    json(c.backend.revoke(c.caller, c.id, idempotencyKey(c.request)), 202),
  ),
  api(
    'POST',
    `${REQUEST}/extend`,
    (c) => {
      const result = c.backend.extend(c.caller, c.id, c.body, idempotencyKey(c.request));
      return json(result.body, result.status);
    },
    { body: 'required' },
  ),
  api(
    'POST',
    `${REQUEST}/request-again`,
    (c) => created(c.backend.requestAgain(c.caller, c.id, c.body, idempotencyKey(c.request))),
    { body: 'required' },
  ),
  api('PUT', `${REQUEST}/favorite`, (c) => json(c.backend.favorite(c.caller, c.id))),
  api('DELETE', `${REQUEST}/favorite`, (c) => json(c.backend.unfavorite(c.caller, c.id))),
  api('GET', '/v1/templates', (c) => json(c.backend.listTemplates(c.caller, c.query))),
  api(
    'POST',
    '/v1/templates',
    (c) => created(c.backend.createTemplate(c.caller, c.body, idempotencyKey(c.request))),
    {
      body: 'required',
    },
  ),
  api('GET', TEMPLATE, (c) => json(c.backend.getTemplate(c.caller, c.id))),
  api('PATCH', TEMPLATE, (c) => json(c.backend.renameTemplate(c.caller, c.id, c.body)), { body: 'required' }),
  api('DELETE', TEMPLATE, (c) => {
    c.backend.deleteTemplate(c.caller, c.id);
    return new Response(null, { status: 204 });
  }),
  api('GET', '/v1/approvals', (c) => json(c.backend.approvals(c.caller, c.query))),
  api(
    'POST',
    `${REQUEST}/approve`,
    (c) => json(c.backend.approve(c.caller, c.id, c.body, idempotencyKey(c.request))),
    {
      body: 'optional',
    },
  ),
  api(
    'POST',
    `${REQUEST}/reject`,
    (c) => json(c.backend.reject(c.caller, c.id, c.body, idempotencyKey(c.request))),
    {
      body: 'required',
    },
  ),
  api('GET', '/v1/my-access', (c) => json(c.backend.myAccess(c.caller))),
  api('GET', `${REQUEST}/access-details`, (c) => json(c.backend.accessDetails(c.caller, c.id))),
  api('GET', '/v1/events', eventStream),
];
