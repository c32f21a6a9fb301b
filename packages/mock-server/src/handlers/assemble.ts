/** One backend, one fault injector, one handler list: what each way of running the server starts from. */
import type { HttpHandler } from 'msw';
import type { Backend, WorldOptions } from '../backend/api.js';
import { createBackend } from '../backend/index.js';
import { createControl, type Control } from './control.js';
import { FaultInjector } from './faults.js';
import { handlersFor, type ResponseHook } from './index.js';

/**
 * Options every runtime (Node tests, browser worker, HTTP server, dev-server middleware) takes: the
 * world options (seed, catalog size, clock speed, start time), or a ready backend; the event-stream
 * heartbeat; and a hook that sees every response.
 *
 * @example
 * ```ts
 * const options: ReferenceOptions = { seed: 7, catalogSize: 100, speed: 0, heartbeatMs: 1000 };
 * const api = createReferenceServer(options);
 * ```
 */
export interface ReferenceOptions extends WorldOptions {
  /** Serve this backend instead of a new seeded one (the world options are then ignored). */
  readonly backend?: Backend;
  /**
   * The API's base URL, answered exactly: `*` (any origin, at its root), a path (`/access`: any
   * origin, under it), or an origin with an optional path. Each runtime documents its default.
   */
  readonly baseUrl?: string;
  /** Milliseconds between event-stream heartbeats. Default 15,000. */
  readonly heartbeatMs?: number;
  /** Sees every handler response (e.g. the contract check of `@access-requests/mock-server/testing`). */
  readonly onResponse?: ResponseHook;
}

/**
 * What every runtime runs, and hands back for Node-side (or page-side) setup: the backend, its
 * faults, the msw handlers and the control surface.
 *
 * @example
 * ```ts
 * const { backend, control, handlers }: ReferenceParts = createReferenceServer();
 * console.log(backend.now().toISOString(), handlers.length);
 * control.advance({ hours: 1 });
 * ```
 */
export interface ReferenceParts {
  /** The world: state, rules and the simulated clock. */
  readonly backend: Backend;
  /** The faults the handlers consult (the same as `control.faults`). */
  readonly faults: FaultInjector;
  /** The msw handlers, to combine with your own. */
  readonly handlers: HttpHandler[];
  /** Clock, reset and faults, without going through HTTP. */
  readonly control: Control;
}

export function assemble(
  options: ReferenceOptions,
  defaults: { baseUrl: string; speed?: number; controlOrigins?: (origin: string) => boolean },
): ReferenceParts {
  const { backend: given, baseUrl, heartbeatMs, onResponse, ...world } = options;
  const backend =
    given ?? createBackend({ ...(defaults.speed === undefined ? {} : { speed: defaults.speed }), ...world });
  const faults = new FaultInjector();
  const control = createControl(backend, faults);
  const handlers = handlersFor(backend, faults, control, {
    baseUrl: baseUrl ?? defaults.baseUrl,
    ...(defaults.controlOrigins ? { controlOrigins: defaults.controlOrigins } : {}),
    ...(heartbeatMs === undefined ? {} : { heartbeatMs }),
    ...(onResponse ? { onResponse } : {}),
  });
  return { backend, faults, handlers, control };
}
