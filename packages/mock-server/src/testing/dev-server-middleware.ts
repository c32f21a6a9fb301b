/**
 * A Koa-style middleware for @web/dev-server and @web/test-runner that answers the API (`/v1/...`)
 * and the control API (`/_control/...`) from a Node-side reference server, event streams included,
 * and passes every other request on to the dev server (which serves the pages). Browser tests then
 * run against the reference server without a service worker.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isApiPath, normalizeBasePath } from '../handlers/base.js';
import { assemble, type ReferenceOptions, type ReferenceParts } from '../handlers/assemble.js';
import { answer, sendFetchResponse, toFetchRequest } from '../http/node-bridge.js';

/**
 * The part of a Koa context (what @web/dev-server passes to a middleware) that the middleware uses;
 * declared here so that no dev-server package is needed to type-check against it.
 *
 * @example
 * ```ts
 * import type { KoaLikeContext } from '@access-requests/mock-server/testing';
 *
 * const logPaths = (context: KoaLikeContext, next: () => Promise<unknown>) => {
 *   console.log(context.path);
 *   return next();
 * };
 * ```
 */
export interface KoaLikeContext {
  /** The request's path, without the query. */
  readonly path: string;
  /** Node's request. */
  readonly req: IncomingMessage;
  /** Node's response: the middleware writes (and streams) its answer here. */
  readonly res: ServerResponse;
  /** `http` or `https`. */
  readonly protocol?: string;
  /** Set to `false` by the middleware once it has written the response itself. */
  respond?: boolean;
}

/**
 * Options of `createDevServerMiddleware`: the world options of `ReferenceOptions` (seed, catalog
 * size, clock speed, a ready backend, `onResponse` for a contract check) and the base path.
 *
 * @example
 * ```ts
 * const options: DevServerMiddlewareOptions = {
 *   speed: 0,
 *   basePath: '/access',
 *   onResponse: contractCheck().hook,
 * };
 * const middleware = createDevServerMiddleware(options); // answers /access/v1/... and /access/_control/...
 * ```
 */
export interface DevServerMiddlewareOptions extends Omit<ReferenceOptions, 'baseUrl'> {
  /**
   * The path the API lives under: `/access` answers `/access/v1/...` and `/access/_control/...`.
   * Default `''`: `/v1/...` and `/_control/...` at the root.
   */
  readonly basePath?: string;
}

/**
 * The middleware (call it as `(context, next)`), carrying the parts it runs — `backend`, `control`,
 * `faults`, `handlers` — for Node-side setup.
 *
 * @example
 * ```ts
 * const middleware: DevServerMiddleware = createDevServerMiddleware({ speed: 0 });
 * middleware.control.advance({ seconds: 5 }); // from the Node side, e.g. in a wtr plugin
 * ```
 */
export type DevServerMiddleware = ((
  context: KoaLikeContext,
  next: () => Promise<unknown>,
) => Promise<unknown>) &
  ReferenceParts;

/**
 * A middleware for @web/dev-server and @web/test-runner (`middleware: [...]` in their config) that
 * answers `/v1/...` and `/_control/...` (under `basePath` when given) from a reference server in the
 * dev server's Node process, and calls `next()` for everything else. An unknown path under `/v1/`
 * answers a 404 problem; a path outside the API (`/api/v1/me`) is not the middleware's to answer.
 *
 * @example
 * ```ts
 * // web-test-runner.config.mjs
 * import { chromeLauncher } from '@web/test-runner-chrome';
 * import { contractCheck, createDevServerMiddleware } from '@access-requests/mock-server/testing';
 *
 * const check = contractCheck();
 * export default {
 *   files: 'test/*.test.js',
 *   nodeResolve: true,
 *   browsers: [chromeLauncher()],
 *   middleware: [createDevServerMiddleware({ speed: 0, onResponse: check.hook })],
 * };
 * // In a test page: fetch('/v1/me', { headers: { authorization: 'Bearer demo-alice' } })
 * ```
 */
export function createDevServerMiddleware(options: DevServerMiddlewareOptions = {}): DevServerMiddleware {
  const { basePath: wantedBasePath, ...reference } = options;
  const basePath = normalizeBasePath(wantedBasePath ?? '');
  const parts = assemble(reference, { baseUrl: basePath || '*' });

  const middleware = async (context: KoaLikeContext, next: () => Promise<unknown>): Promise<unknown> => {
    if (!isApiPath(context.path, basePath)) return next();
    const request = await toFetchRequest(context.req, context.res, 'localhost', context.protocol);
    const response = request instanceof Response ? request : await answer(parts.handlers, request, basePath);
    context.respond = false; // Koa must not touch the response: it is written (and streamed) here.
    await sendFetchResponse(context.res, response);
    return undefined;
  };
  return Object.assign(middleware, parts);
}
