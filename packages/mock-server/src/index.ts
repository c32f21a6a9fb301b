/**
 * `@access-requests/mock-server`: the reference server's parts, for any runtime — the msw handlers
 * over one backend, the seeded backend itself, and the documented fixtures. To run it, use
 * `./node` (Node tests), `./browser` (a service worker) or `./http` (a real HTTP server).
 */
export { createHandlers, ROUTES, createControl, FaultInjector, FaultSpecError, FAULT_KINDS, startTicker } from './handlers/index.js';
export type { Exchange, HandlerOptions, ResponseHook, Control, ClockState, WorldState, Fault, FaultKind, FaultSpec } from './handlers/index.js';
export type { ReferenceOptions, ReferenceParts } from './handlers/assemble.js';
export { createBackend, ApiProblem } from './backend/index.js';
export type { ReferenceBackend, Backend, Caller, CreateResult, RawQuery, StreamEvent, WorldOptions, Schemas, Problem, FieldError } from './backend/index.js';
export { DEMO_USERS } from './fixtures.js';
export type { DemoUserName } from './fixtures.js';
