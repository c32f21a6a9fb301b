import type { Backend } from '../backend/api.js';

/**
 * Kept so that code written for earlier versions still compiles: it does nothing now. A backend
 * made by `createBackend` runs its transitions on time by itself (its clock arms a timer for the
 * next one while it runs), so nothing needs to poll it.
 *
 * @deprecated Not needed: remove the call.
 * @example
 * ```ts
 * const stop = startTicker(backend); // a no-op
 * stop();
 * ```
 */
export function startTicker(_backend: Backend, _intervalMs?: number): () => void {
  return () => {};
}
