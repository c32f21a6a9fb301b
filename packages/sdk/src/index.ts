export { createAccessClient } from './client.js';
export type {
  AccessClient,
  AccessClientOptions,
  AccessRequest,
  CallOptions,
  ChangeOptions,
  CustomField,
  CustomFieldAnswer,
  CustomFieldAnswers,
  ListFilters,
  Template,
} from './client.js';
export { ApiError, NetworkError, TimeoutError, isAbortError } from './errors.js';
export type { FieldError, NetworkFailure, Problem } from './errors.js';
export type { Page, PageOptions, Paginated } from './pagination.js';
export type { RetryNotice, RetryOptions, TokenSource } from './transport.js';
export { RequestSettledError } from './watch.js';
export type { RequestUpdate, WaitForOptions, WatchOptions, WatchState } from './watch.js';
export type { components, operations, paths } from '@access-requests/contract';
export {
  CLOSED_STATUSES,
  LIMITS,
  OPEN_STATUSES,
  STATUSES,
  STATUS_IDS,
  TERMINAL_STATUSES,
  isStatus,
  statusInfo,
} from '@access-requests/contract';
export type { AccessRequestStatus, StatusInfo, StatusPhase, StatusTone } from '@access-requests/contract';
