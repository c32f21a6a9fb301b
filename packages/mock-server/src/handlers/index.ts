/**
 * The reference server's msw handlers: one list over one `Backend`, the same in Node tests
 * (`setupServer`), in the browser (`setupWorker`) and behind the real HTTP server (`getResponse`).
 *
 * Every route goes through one pipeline: apply an injected fault, authenticate, read the JSON body,
 * call the backend, and map `ApiProblem`s (and bugs) to problem+json. Time is not the handlers'
 * business: the backend's scheduler runs what falls due (see `backend/scheduler.ts`). Unknown `/v1` paths
 * answer 404 and known paths with another method 405.
 */
import { http, type HttpHandler } from 'msw';
import { ApiProblem, type Backend } from '../backend/api.js';
import { parseBase } from './base.js';
import { createControl, type Control } from './control.js';
import { controlRoutesFor } from './control-routes.js';
import { DEFAULT_HEARTBEAT_MS } from './events.js';
import { FaultInjector, pathMatches, type Fault } from './faults.js';
import { bearerToken, instanceOf, parseQuery, readJsonBody } from './input.js';
import { noContent, problem, problemResponse } from './responses.js';
import { API_ROUTES, type Route, type RouteContext, type RouteSummary } from './routes.js';

/**
 * One request and the response the handlers made for it, as a `ResponseHook` sees it.
 *
 * @example
 * ```ts
 * const seen: string[] = [];
 * const onResponse: ResponseHook = ({ request, path, response }) => {
 *   seen.push(`${request.method} ${path} ${response.status}`); // 'GET /v1/me 200', whatever the base URL
 *   return response;
 * };
 * ```
 */
export interface Exchange {
  readonly request: Request;
  /** The request's path relative to the base URL, as the contract names it: `/v1/me` for `/access/v1/me`. */
  readonly path: string;
  readonly response: Response;
  /** The fault injected into this exchange, if any (its response is deliberately off-contract). */
  readonly fault: Fault | undefined;
}

/**
 * Sees (and may replace) every response the handlers make, before it is sent: the hook the contract
 * check uses (`contractCheck().hook`). Give it as `onResponse`.
 *
 * @example
 * ```ts
 * const addHeader: ResponseHook = ({ response }) => {
 *   const headers = new Headers(response.headers);
 *   headers.set('x-served-by', 'reference');
 *   return new Response(response.body, { status: response.status, headers });
 * };
 * const api = createReferenceServer({ onResponse: addHeader });
 * ```
 */
export type ResponseHook = (exchange: Exchange) => Response | Promise<Response>;

/**
 * Options of `createHandlers`: where the API lives, the fault injector to share, the event-stream
 * heartbeat, whether to serve the control API, and a response hook.
 *
 * @example
 * ```ts
 * const options: HandlerOptions = { baseUrl: 'https://access.example.com', controlApi: false, heartbeatMs: 1000 };
 * const handlers = createHandlers(createBackend(), options);
 * ```
 */
export interface HandlerOptions {
  /**
   * Where the API lives; the handlers answer exactly there and let anything else through. `*` (the
   * default): any origin, the API at its root (`/v1/...`); a path (`/access`): any origin, the API
   * under it (`/access/v1/...`); or an origin with an optional path (`http://127.0.0.1:4010`,
   * `https://api.example.com/access`): only there. Never ends in `/v1` (a `TypeError` says so).
   */
  readonly baseUrl?: string;
  /** The fault injector shared with whoever controls the faults. Default: a new one. */
  readonly faults?: FaultInjector;
  /** Milliseconds between `: heartbeat` comments on the event stream. Default 15,000. */
  readonly heartbeatMs?: number;
  /** Whether to serve `/_control/*`. Default true. */
  readonly controlApi?: boolean;
  /**
   * Which origins besides the request's own may call `/_control/*` from a web page: a control
   * request whose `Origin` is another one is refused with `403`. Default: none.
   */
  readonly controlOrigins?: (origin: string) => boolean;
  /** Called with every response before it is sent. */
  readonly onResponse?: ResponseHook;
}

/**
 * Every operation of the API the handlers serve (`/v1`; the control API is not in it): method, path
 * relative to the base URL (`/v1/access-requests/:id/revoke`) and whether it takes a body.
 *
 * @example
 * ```ts
 * import { ROUTES } from '@access-requests/mock-server';
 *
 * console.log(ROUTES.map((route) => `${route.method} ${route.path}`).join('\n')); // GET /v1/me, …
 * ```
 */
export const ROUTES: readonly RouteSummary[] = API_ROUTES;

function unauthorized(request: Request, instance: string): Response {
  const hasToken = bearerToken(request) !== undefined;
  return problem(
    401,
    'unauthorized',
    hasToken ? 'The bearer token is not valid.' : 'Send a valid bearer token in the Authorization header.',
    instance,
    { headers: { 'www-authenticate': hasToken ? 'Bearer error="invalid_token"' : 'Bearer' } },
  );
}

function errorResponse(error: unknown, instance: string): Response {
  if (error instanceof ApiProblem) return problemResponse(error, instance);
  // Anything else is a bug in the reference server: say so loudly.
  console.error('[mock-server] unexpected error', error);
  const message = error instanceof Error ? error.message : String(error);
  return problem(500, 'internal-error', `The reference server failed: ${message}`, instance);
}

function faultResponse(fault: Fault, instance: string): Response | undefined {
  switch (fault.kind) {
    case 'error':
      return problem(
        fault.status ?? 500,
        'injected-fault',
        `Fault ${fault.id} injected by the control API.`,
        instance,
      );
    case 'rate_limit': {
      const seconds = fault.retry_after ?? 1;
      return problem(429, 'rate-limited', `Rate limit exceeded; retry in ${seconds} seconds.`, instance, {
        headers: { 'retry-after': String(seconds) },
      });
    }
    case 'drop':
      return Response.error();
    default:
      return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The reference server's msw handlers over `backend`: every route of the API and of the control
 * API, answered exactly under `baseUrl` (a request anywhere else is left to the next handler), with
 * faults, authentication, body parsing and problem+json on the way. What `./node`, `./browser`,
 * `./http` and the dev-server middleware run; use it directly to combine the reference server with
 * handlers of your own.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { http, HttpResponse } from 'msw';
 * import { createBackend, createHandlers } from '@access-requests/mock-server';
 *
 * const server = setupServer(
 *   http.get('https://flags.example.com/*', () => HttpResponse.json({ newForm: true })),
 *   ...createHandlers(createBackend(), { baseUrl: 'https://access.example.com' }),
 * );
 * server.listen();
 * ```
 */
export function createHandlers(backend: Backend, options: HandlerOptions = {}): HttpHandler[] {
  const faults = options.faults ?? new FaultInjector();
  return handlersFor(backend, faults, createControl(backend, faults), options);
}

/** The handlers over a backend and the one control object of a runtime (see `assemble.ts`). */
export function handlersFor(
  backend: Backend,
  faults: FaultInjector,
  control: Control,
  options: Omit<HandlerOptions, 'faults'>,
): HttpHandler[] {
  const base = parseBase(options.baseUrl ?? '*');
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const routes: readonly Route[] =
    options.controlApi === false ? API_ROUTES : [...API_ROUTES, ...controlRoutesFor(options.controlOrigins)];
  const apiPath = (url: URL) => url.pathname.slice(base.basePath.length) || '/';

  const hooked = async (exchange: Exchange): Promise<Response> =>
    options.onResponse ? options.onResponse(exchange) : exchange.response;

  async function run(
    route: Route,
    request: Request,
    url: URL,
    params: Record<string, string>,
  ): Promise<Response> {
    const instance = instanceOf(url);
    // Authentication comes first: a caller without a valid token learns nothing about their body.
    const caller = route.auth ? backend.authenticate(bearerToken(request) ?? '') : undefined;
    if (route.auth && !caller) return unauthorized(request, instance);
    const read = route.body
      ? await readJsonBody(request, instance, route.body === 'required')
      : { ok: true as const, body: undefined };
    if (!read.ok) return read.response;
    const query = parseQuery(url);
    const context: RouteContext = {
      backend,
      control,
      request,
      url,
      params,
      query,
      body: read.body,
      instance,
      heartbeatMs,
    };
    if (!route.auth) return route.resolve(context);
    return caller
      ? route.resolve({ ...context, caller, id: params['id'] ?? '' })
      : unauthorized(request, instance);
  }

  async function respond(route: Route, request: Request, params: Record<string, string>): Promise<Response> {
    const url = new URL(request.url);
    let fault: Fault | undefined;
    let response: Response;
    try {
      fault = route.auth ? faults.take(request.method, apiPath(url)) : undefined;
      if (fault?.kind === 'delay') await sleep(fault.delay_ms ?? 0);
      response = (fault && faultResponse(fault, instanceOf(url))) ?? (await run(route, request, url, params));
    } catch (error) {
      response = errorResponse(error, instanceOf(url));
    }
    const checked = await hooked({ request, path: apiPath(url), response, fault });
    return fault?.kind === 'commit_then_drop' ? cutShort(checked) : checked;
  }

  /** 404 for an unknown path, 405 (with `Allow`) for a known path and another method. */
  function fallback(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = apiPath(url);
    const allowed = routes.filter((route) => pathMatches(route.path, path)).map((route) => route.method);
    const allow = [...new Set(allowed), 'OPTIONS'].join(', ');
    const detail = `${request.method} is not allowed on ${path}; use ${allow}.`;
    const response =
      allowed.length === 0
        ? problem(404, 'not-found', `There is no ${path} in this API.`, instanceOf(url))
        : request.method === 'OPTIONS'
          ? noContent({ allow })
          : problem(405, 'method-not-allowed', detail, instanceOf(url), { headers: { allow } });
    return hooked({ request, path, response, fault: undefined });
  }

  // A request no predicate matches goes to the next handler (and, when none answers, msw does what
  // its `onUnhandledRequest` says): that is how a request under another prefix goes unanswered.
  const at =
    (path: string) =>
    ({ request }: { request: Request }) =>
      base.match(new URL(request.url), path);
  const handlers = routes.map((route) => {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    return http[method](at(route.path), ({ request, params }) =>
      respond(route, request, params as Record<string, string>),
    );
  });
  const fallbacks = ['/v1/*', ...(options.controlApi === false ? [] : ['/_control/*'])];
  const list = [
    ...handlers,
    ...fallbacks.map((path) => http.all(at(path), ({ request }) => fallback(request))),
  ];

  // The same routes and fallbacks in the same order, each matcher prepared once, for `routeTableOf`.
  const table = routes.map((route) => ({ route, match: base.matcher(route.path) }));
  const fallbackMatchers = fallbacks.map((path) => base.matcher(path));
  const dispatch = (request: Request): Promise<Response> | undefined => {
    const url = new URL(request.url);
    // msw compares methods case-insensitively.
    const method = request.method.toUpperCase();
    for (const { route, match } of table) {
      if (route.method !== method) continue;
      const found = match(url);
      if (found.matches) return respond(route, request, found.params as Record<string, string>);
    }
    return fallbackMatchers.some((match) => match(url).matches) ? fallback(request) : undefined;
  };
  routeTables.set(list, { handlers: [...list], dispatch });
  return list;
}

/**
 * Answers a request as msw's `getResponse` over a handler list would (undefined where no handler
 * answers), without running every handler's matcher (and parsing cookies) on the way.
 */
export type Dispatch = (request: Request) => Promise<Response> | undefined;

const routeTables = new WeakMap<readonly HttpHandler[], { handlers: HttpHandler[]; dispatch: Dispatch }>();

/**
 * The route table behind a list `handlersFor` made, while the list is as it made it (one that was
 * added to or reordered since has none): what the HTTP server answers through.
 */
export function routeTableOf(handlers: readonly HttpHandler[]): Dispatch | undefined {
  const table = routeTables.get(handlers);
  const unchanged =
    table !== undefined &&
    table.handlers.length === handlers.length &&
    table.handlers.every((handler, i) => handler === handlers[i]);
  return unchanged ? table.dispatch : undefined;
}

export { createControl, type Control, type ClockState, type OrgState, type WorldState } from './control.js';
export {
  FaultInjector,
  FaultSpecError,
  FAULT_KINDS,
  type Fault,
  type FaultKind,
  type FaultSpec,
} from './faults.js';
export type { RouteSummary } from './routes.js';

/**
 * The committed answer, lost in transit: the status and headers arrive, then the connection breaks
 * half-way through the body. (A connection that breaks before any byte is what `drop` does; browsers
 * may silently resend such a request on a fresh connection, which would hide the fault.)
 */
function cutShort(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  const whole = response.arrayBuffer();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const bytes = new Uint8Array(await whole);
      controller.enqueue(bytes.slice(0, Math.ceil(bytes.length / 2)));
      controller.error(new TypeError('The connection was lost before the response was complete.'));
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
