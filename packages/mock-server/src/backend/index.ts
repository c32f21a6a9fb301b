/** The domain half of the reference server: a seeded, stateful, in-memory backend. */
export { createBackend } from './backend.js';
export type { BackendDependencies, ReferenceBackend, StatusListener } from './backend.js';
export type { RealTimeSource, TimerApi } from './scheduler.js';
export type { StatusChange } from './state.js';
export type { StoredRequest } from './records.js';
export type { HistoryIds, HistoryLabel } from './history.js';
export { LIFECYCLE, LIMITS, DEFAULT_START_TIME } from './constants.js';
export { SIMULATED_APPROVAL_REASON } from './lifecycle.js';
export { BackendDefect } from './problems.js';
export { ApiProblem } from './api.js';
export type {
  Backend,
  Caller,
  CreateResult,
  RawQuery,
  StreamEvent,
  WorldOptions,
  Schemas,
  Problem,
  FieldError,
  Notification,
  NotificationChannel,
  NotificationFilter,
} from './api.js';
