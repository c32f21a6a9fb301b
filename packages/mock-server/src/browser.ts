/**
 * `@access-requests/mock-server/browser`: the reference server in a page, through msw's
 * `setupWorker`. The host serves `mockServiceWorker.js` (shipped as
 * `@access-requests/mock-server/mockServiceWorker.js`) at a URL whose scope covers its pages.
 *
 * ```ts
 * const api = await startReferenceWorker({ workerUrl: '/mockServiceWorker.js' });
 * await fetch('/v1/me', { headers: { authorization: 'Bearer demo-alice' } });
 * ```
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { RequestHandler } from 'msw';
import { assemble, type ReferenceOptions, type ReferenceParts } from './handlers/assemble.js';
import { startTicker } from './handlers/ticker.js';

export interface ReferenceWorkerOptions extends ReferenceOptions {
  /** Where the host serves `mockServiceWorker.js`. Default `/mockServiceWorker.js`. */
  readonly workerUrl?: string;
  /** Silence msw's console messages. Default true. */
  readonly quiet?: boolean;
  /** The API's base URL. Default `*`: any origin (same-origin `/v1/...` included). */
  readonly baseUrl?: string;
}

export interface ReferenceWorker extends ReferenceParts {
  readonly worker: SetupWorker;
  /** Per-test overrides, as msw's `worker.use()`. */
  use(...handlers: RequestHandler[]): void;
  resetHandlers(...next: RequestHandler[]): void;
  /** Stops the worker from answering (and the world's ticker). */
  stop(): void;
}

/** Starts the reference server in this page. World options default to the seed's. */
export async function startReferenceWorker(options: ReferenceWorkerOptions = {}): Promise<ReferenceWorker> {
  const { workerUrl, quiet, ...rest } = options;
  const parts = assemble(rest, { baseUrl: '*' });
  const worker = setupWorker(...parts.handlers);
  await worker.start({
    serviceWorker: { url: workerUrl ?? '/mockServiceWorker.js' },
    quiet: quiet ?? true,
    onUnhandledRequest: 'bypass',
  });
  const stopTicker = startTicker(parts.backend);
  return {
    ...parts,
    worker,
    use: (...overrides) => worker.use(...overrides),
    resetHandlers: (...next) => worker.resetHandlers(...next),
    stop() {
      stopTicker();
      worker.stop();
    },
  };
}

export type { ReferenceOptions, ReferenceParts } from './handlers/assemble.js';
export type { Control, ClockState, WorldState, Fault, FaultSpec, FaultKind, ResponseHook } from './handlers/index.js';
