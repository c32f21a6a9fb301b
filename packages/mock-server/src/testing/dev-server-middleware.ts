/**
 * A Koa-style middleware for @web/dev-server and @web/test-runner that answers `/v1/*` and
 * `/_control/*` from a Node-side reference server, event streams included — so browser tests of
 * the elements run against the reference server without a service worker.
 *
 * ```js
 * // web-test-runner.config.mjs (run with NODE_OPTIONS='--import=tsx --conditions=source')
 * import { createDevServerMiddleware } from '@access-requests/mock-server/testing';
 * export default createWtrConfig({ files, middleware: [createDevServerMiddleware()] });
 * ```
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { assemble, type ReferenceOptions, type ReferenceParts } from '../handlers/assemble.js';
import { startTicker } from '../handlers/ticker.js';
import { answer, sendFetchResponse, toFetchRequest } from '../http/node-bridge.js';

/** The part of Koa's context this middleware uses. */
export interface KoaLikeContext {
  readonly path: string;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly host?: string;
  readonly protocol?: string;
  respond?: boolean;
}

export interface DevServerMiddlewareOptions extends ReferenceOptions {
  /** Path prefixes answered by the reference server. Default `/v1/` and `/_control/`. */
  readonly prefixes?: readonly string[];
}

export type DevServerMiddleware = ((context: KoaLikeContext, next: () => Promise<unknown>) => Promise<unknown>) &
  ReferenceParts;

export function createDevServerMiddleware(options: DevServerMiddlewareOptions = {}): DevServerMiddleware {
  const { prefixes = ['/v1/', '/_control/'], ...reference } = options;
  const parts = assemble(reference, { baseUrl: '*' });
  let ticking = false;

  const middleware = async (context: KoaLikeContext, next: () => Promise<unknown>): Promise<unknown> => {
    if (!prefixes.some((prefix) => context.path.startsWith(prefix))) return next();
    if (!ticking) {
      ticking = true;
      startTicker(parts.backend); // unref'd: never keeps the dev server's process alive
    }
    const origin = `${context.protocol ?? 'http'}://${context.host ?? context.req.headers.host ?? 'localhost'}`;
    const request = await toFetchRequest(context.req, context.res, origin);
    const response = await answer(parts.handlers, request);
    context.respond = false; // Koa must not touch the response: it is written (and streamed) here.
    await sendFetchResponse(context.res, response);
    return undefined;
  };
  return Object.assign(middleware, parts);
}
