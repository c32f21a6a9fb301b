/**
 * `@access-requests/mock-server`: the reference server's parts, for any runtime — the msw handlers
 * over one backend, the seeded backend itself, the control surface and fault injection, and the
 * documented fixtures. To run it, use `./node` (Node tests), `./browser` (a service worker),
 * `./http` (a real HTTP server, also the `access-requests-mock` command) or the dev-server
 * middleware of `./testing`.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { createBackend, createHandlers, DEMO_USERS } from '@access-requests/mock-server';
 *
 * const server = setupServer(...createHandlers(createBackend(), { baseUrl: 'https://access.example.com' }));
 * server.listen();
 * await fetch('https://access.example.com/v1/me', { headers: { authorization: `Bearer ${DEMO_USERS.alice.token}` } });
 * ```
 *
 * @module
 */
export {
  createHandlers,
  ROUTES,
  createControl,
  FaultInjector,
  FaultSpecError,
  FAULT_KINDS,
} from './handlers/index.js';
export type {
  Exchange,
  RouteSummary,
  HandlerOptions,
  ResponseHook,
  Control,
  ClockState,
  OrgState,
  WorldState,
  Fault,
  FaultKind,
  FaultSpec,
} from './handlers/index.js';
export type { ReferenceOptions, ReferenceParts } from './handlers/assemble.js';
export { createBackend, ApiProblem } from './backend/index.js';
export type {
  ReferenceBackend,
  Backend,
  BackendDependencies,
  TimerApi,
  RealTimeSource,
  Caller,
  CreateResult,
  ExtendResult,
  RawQuery,
  StreamEvent,
  WorldOptions,
  Schemas,
  Problem,
  FieldError,
  HistoryIds,
  HistoryLabel,
  Notification,
  NotificationChannel,
  NotificationFilter,
} from './backend/index.js';
export { DEMO_USERS } from './fixtures.js';
export type { DemoUserName } from './fixtures.js';
