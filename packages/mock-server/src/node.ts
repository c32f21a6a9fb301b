/**
 * `@access-requests/mock-server/node`: the reference server inside a Node test process, through
 * msw's `setupServer` — `fetch` (and `http`) calls to the API's base URL are answered in-process,
 * with no port to open. Calls to any other URL (a wrong base, another prefix) are left to msw's
 * `onUnhandledRequest`, which by default makes them fail.
 *
 * @example
 * ```ts
 * import { after, afterEach, before } from 'node:test';
 * import { createReferenceServer } from '@access-requests/mock-server/node';
 *
 * const api = createReferenceServer();
 * before(() => api.listen());
 * afterEach(() => api.control.reset());
 * after(() => api.close());
 * // fetch(`${api.baseUrl}/v1/me`, { headers: { authorization: 'Bearer demo-alice' } })
 * ```
 *
 * @module
 */
import { setupServer, type SetupServer } from 'msw/node';
import type { RequestHandler, SharedOptions } from 'msw';
import { assemble, type ReferenceOptions, type ReferenceParts } from './handlers/assemble.js';

/**
 * Options of `createReferenceServer`: the world options of `ReferenceOptions` (seed, catalog size,
 * clock speed — default 0, frozen — or a ready backend, `onResponse` for a contract check), the base
 * URL it answers, and what msw does with other requests.
 *
 * @example
 * ```ts
 * const options: ReferenceServerOptions = {
 *   baseUrl: 'https://access.example.com/api', // answers https://access.example.com/api/v1/... only
 *   seed: 7,
 *   onUnhandledRequest: 'bypass',
 * };
 * const api = createReferenceServer(options);
 * ```
 */
export interface ReferenceServerOptions extends ReferenceOptions {
  /**
   * The API's base URL, which the handlers answer exactly (the SDK's `baseUrl`: without `/v1`).
   * Default `http://127.0.0.1:4010`, the reference server's documented address. An origin with a
   * path (`https://access.example.com/api`) answers only under that path; `*` answers any origin,
   * at its root.
   */
  readonly baseUrl?: string;
  /** What msw does with requests no handler answers. Default `error`: the call fails, loudly. */
  readonly onUnhandledRequest?: SharedOptions['onUnhandledRequest'];
}

/**
 * The in-process reference server: the parts it runs (`backend`, `control`, `faults`, `handlers`),
 * msw's `server`, and its lifecycle — `listen()` in a `before`, `close()` in an `after`.
 *
 * @example
 * ```ts
 * const api: ReferenceServer = createReferenceServer();
 * api.listen();
 * api.control.faults.add({ path: '/v1/me', kind: 'rate_limit', retry_after: 2 });
 * // 429
 * const limited = await fetch(`${api.baseUrl}/v1/me`, { headers: { authorization: 'Bearer demo-alice' } });
 * api.close();
 * ```
 */
export interface ReferenceServer extends ReferenceParts {
  /** msw's server, for anything this object does not wrap. */
  readonly server: SetupServer;
  /** Where to send requests, without a trailing slash: `${baseUrl}/v1/me`. */
  readonly baseUrl: string;
  /** Starts intercepting. */
  listen(): void;
  /** Stops intercepting. */
  close(): void;
  /** Drops `use()` overrides (or replaces the handlers with `next`). */
  resetHandlers(...next: RequestHandler[]): void;
  /** Prepends per-test overrides, as msw's `server.use()`. */
  use(...handlers: RequestHandler[]): void;
}

/**
 * The base URL `createReferenceServer` answers unless told otherwise: the address `pnpm mock` and
 * `access-requests-mock` listen on by default.
 *
 * @example
 * ```ts
 * import { DEFAULT_BASE_URL } from '@access-requests/mock-server/node';
 *
 * const client = createAccessClient({ baseUrl: DEFAULT_BASE_URL, token: 'demo-alice' });
 * ```
 */
export const DEFAULT_BASE_URL = 'http://127.0.0.1:4010';

/**
 * The reference server for Node tests: msw's `setupServer` over a seeded world. World options
 * default to the seed's, with the clock frozen (speed 0: time moves when a test says so). Create
 * SDK clients after `listen()` (or give them `fetch: (r) => globalThis.fetch(r)`).
 *
 * @example
 * ```ts
 * import { after, before, test } from 'node:test';
 * import assert from 'node:assert/strict';
 * import { createReferenceServer } from '@access-requests/mock-server/node';
 * import { contractCheck } from '@access-requests/mock-server/testing';
 * import { createAccessClient } from '@access-requests/sdk';
 *
 * const check = contractCheck();
 * const api = createReferenceServer({ onResponse: check.hook });
 * before(() => api.listen());
 * after(() => {
 *   api.close();
 *   check.assertNoViolations();
 * });
 *
 * test('alice signs in', async () => {
 *   const client = createAccessClient({ baseUrl: api.baseUrl, token: 'demo-alice' });
 *   assert.equal((await client.me()).user.id, 'usr_alice');
 * });
 * ```
 */
export function createReferenceServer(options: ReferenceServerOptions = {}): ReferenceServer {
  const { onUnhandledRequest, ...rest } = options;
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '') || '*';
  const parts = assemble({ ...rest, baseUrl }, { baseUrl });
  const server = setupServer(...parts.handlers);
  return {
    ...parts,
    server,
    baseUrl,
    listen() {
      server.listen({ onUnhandledRequest: onUnhandledRequest ?? 'error' });
    },
    close() {
      server.close();
    },
    resetHandlers: (...next) => server.resetHandlers(...next),
    use: (...overrides) => server.use(...overrides),
  };
}

export type { ReferenceOptions, ReferenceParts } from './handlers/assemble.js';
export type {
  Control,
  ClockState,
  WorldState,
  Fault,
  FaultSpec,
  FaultKind,
  ResponseHook,
  Exchange,
} from './handlers/index.js';
