/**
 * `@access-requests/mock-server/node`: the reference server inside a Node test process, through
 * msw's `setupServer` — `fetch` (and `http`) calls to the API are answered in-process.
 *
 * ```ts
 * const api = createReferenceServer();
 * before(() => api.listen());
 * afterEach(() => api.resetHandlers());
 * after(() => api.close());
 * // fetch(`${api.baseUrl}/v1/me`, { headers: { authorization: 'Bearer demo-alice' } })
 * ```
 */
import { setupServer, type SetupServer } from 'msw/node';
import type { RequestHandler, SharedOptions } from 'msw';
import { assemble, type ReferenceOptions, type ReferenceParts } from './handlers/assemble.js';
import { startTicker } from './handlers/ticker.js';

export interface ReferenceServerOptions extends ReferenceOptions {
  /**
   * The API's base URL, which the handlers answer. Default `http://127.0.0.1:4010`, the reference
   * server's documented address; `*` answers any origin.
   */
  readonly baseUrl?: string;
  /** What msw does with requests no handler answers. Default `error`. */
  readonly onUnhandledRequest?: SharedOptions['onUnhandledRequest'];
}

export interface ReferenceServer extends ReferenceParts {
  readonly server: SetupServer;
  /** Where to send requests: `${baseUrl}/v1/me`. */
  readonly baseUrl: string;
  /** Starts intercepting (and a ticker, so that a running clock moves without requests). */
  listen(): void;
  /** Stops intercepting. */
  close(): void;
  /** Drops `use()` overrides (or replaces the handlers with `next`). */
  resetHandlers(...next: RequestHandler[]): void;
  /** Prepends per-test overrides, as msw's `server.use()`. */
  use(...handlers: RequestHandler[]): void;
}

export const DEFAULT_BASE_URL = 'http://127.0.0.1:4010';

/** The reference server for Node tests. World options default to the seed's (speed 0: time moves when told). */
export function createReferenceServer(options: ReferenceServerOptions = {}): ReferenceServer {
  const { onUnhandledRequest, ...rest } = options;
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const parts = assemble({ ...rest, baseUrl }, { baseUrl });
  const server = setupServer(...parts.handlers);
  let stopTicker: (() => void) | undefined;
  return {
    ...parts,
    server,
    baseUrl,
    listen() {
      server.listen({ onUnhandledRequest: onUnhandledRequest ?? 'error' });
      stopTicker ??= startTicker(parts.backend);
    },
    close() {
      stopTicker?.();
      stopTicker = undefined;
      server.close();
    },
    resetHandlers: (...next) => server.resetHandlers(...next),
    use: (...overrides) => server.use(...overrides),
  };
}

export type { ReferenceOptions, ReferenceParts } from './handlers/assemble.js';
export type { Control, ClockState, WorldState, Fault, FaultSpec, FaultKind, ResponseHook, Exchange } from './handlers/index.js';
