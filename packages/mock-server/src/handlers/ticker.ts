import type { Backend } from '../backend/api.js';

/**
 * Runs `backend.tick()` on a timer, so that with a running clock (speed > 0) transitions happen —
 * and reach the event stream — even when no request comes in. Returns the stop function. Every
 * runtime starts one; call it only when assembling handlers by hand. The timer never keeps a Node
 * process alive.
 *
 * @example
 * ```ts
 * import { createBackend, createHandlers, startTicker } from '@access-requests/mock-server';
 *
 * const backend = createBackend({ speed: 60 });
 * const handlers = createHandlers(backend);
 * const stop = startTicker(backend);
 * // … later
 * stop();
 * ```
 */
export function startTicker(backend: Backend, intervalMs = 250): () => void {
  const timer = setInterval(() => {
    try {
      backend.tick();
    } catch (error) {
      console.error('[mock-server] tick failed', error);
    }
  }, intervalMs);
  // Node: never keep the process alive for the ticker alone.
  (timer as { unref?: () => void }).unref?.();
  return () => clearInterval(timer);
}
