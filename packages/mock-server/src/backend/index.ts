/** The domain half of the reference server: a seeded, stateful, in-memory backend. */
export { createBackend } from './backend.js';
export type { BackendDependencies, ReferenceBackend } from './backend.js';
export type { RealTimeSource, TimerApi } from './scheduler.js';
export type { HistoryIds, HistoryLabel } from './history.js';
export { ApiProblem } from './api.js';
export type {
  Backend,
  Caller,
  CreateResult,
  ExtendResult,
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
