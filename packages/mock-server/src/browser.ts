/**
 * `@access-requests/mock-server/browser`: the reference server in a page, through msw's
 * `setupWorker`. The host serves `mockServiceWorker.js` (shipped as
 * `@access-requests/mock-server/mockServiceWorker.js`) at a URL whose scope covers its pages. Also
 * the browser-safe test helpers: a contract check that asks the Node side (`remoteChecks`) and an
 * event-stream reader. Imports nothing Node-only.
 *
 * @example
 * ```ts
 * import { startReferenceWorker } from '@access-requests/mock-server/browser';
 *
 * const api = await startReferenceWorker({ workerUrl: '/mockServiceWorker.js' });
 * await fetch('/v1/me', { headers: { authorization: 'Bearer demo-alice' } });
 * api.stop();
 * ```
 *
 * @module
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { RequestHandler } from 'msw';
import { assemble, type ReferenceOptions, type ReferenceParts } from './handlers/assemble.js';

/**
 * Options of `startReferenceWorker`: the world options of `ReferenceOptions` (seed, catalog size,
 * clock speed — default 0, frozen — or a ready backend, `onResponse`), where the worker script is,
 * and the base URL it answers.
 *
 * @example
 * ```ts
 * const options: ReferenceWorkerOptions = {
 *   workerUrl: '/mockServiceWorker.js',
 *   baseUrl: '/access',
 *   speed: 60,
 * };
 * const api = await startReferenceWorker(options); // answers fetch('/access/v1/me') on any origin
 * ```
 */
export interface ReferenceWorkerOptions extends ReferenceOptions {
  /** Where the host serves `mockServiceWorker.js`. Default `/mockServiceWorker.js`. */
  readonly workerUrl?: string;
  /** Silence msw's console messages. Default true. */
  readonly quiet?: boolean;
  /**
   * The API's base URL, answered exactly. Default `*`: any origin, the API at its root
   * (same-origin `/v1/...` included, `/api/v1/...` not). A path (`/access`) answers any origin under
   * that path; an origin (`http://127.0.0.1:4010`, with an optional path) only that one.
   */
  readonly baseUrl?: string;
}

/**
 * The reference server running in this page: the parts it runs (`backend`, `control`, `faults`,
 * `handlers`), msw's `worker`, per-test overrides and `stop()`.
 *
 * @example
 * ```ts
 * import { http, HttpResponse } from 'msw';
 *
 * const api: ReferenceWorker = await startReferenceWorker();
 * api.use(http.get('/v1/me', () => HttpResponse.json({ title: 'Down' }, { status: 503 }))); // this test only
 * api.resetHandlers();
 * api.stop();
 * ```
 */
export interface ReferenceWorker extends ReferenceParts {
  /** msw's worker, for anything this object does not wrap. */
  readonly worker: SetupWorker;
  /** Per-test overrides, as msw's `worker.use()`. */
  use(...handlers: RequestHandler[]): void;
  /** Drops `use()` overrides (or replaces the handlers with `next`). */
  resetHandlers(...next: RequestHandler[]): void;
  /** Stops the worker from answering. */
  stop(): void;
}

/**
 * Starts the reference server in this page: registers the service worker and resolves once it
 * answers. World options default to the seed's, with the clock frozen (speed 0). Requests it does
 * not answer go to the network as they are.
 *
 * @example
 * ```ts
 * import { startReferenceWorker } from '@access-requests/mock-server/browser';
 * import { createAccessClient } from '@access-requests/sdk';
 *
 * const api = await startReferenceWorker({ speed: 60 }); // a simulated minute per second
 * const client = createAccessClient({ baseUrl: location.origin, token: 'demo-alice' });
 * console.log((await client.me()).user.name); // Alice Example
 * ```
 */
export async function startReferenceWorker(options: ReferenceWorkerOptions = {}): Promise<ReferenceWorker> {
  const { workerUrl, quiet, ...rest } = options;
  const parts = assemble(rest, { baseUrl: '*' });
  const worker = setupWorker(...parts.handlers);
  await worker.start({
    serviceWorker: { url: workerUrl ?? '/mockServiceWorker.js' },
    quiet: quiet ?? true,
    onUnhandledRequest: 'bypass',
  });
  return {
    ...parts,
    worker,
    use: (...overrides) => worker.use(...overrides),
    resetHandlers: (...next) => worker.resetHandlers(...next),
    stop() {
      worker.stop();
    },
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
export { createContractCheck, formatViolation, remoteChecks } from './testing/contract-check.js';
export type { ContractCheck, ResponseChecks, Violation } from './testing/contract-check.js';
export { readEvents, SseParser } from './testing/sse.js';
export type { SseEvent } from './testing/sse.js';
