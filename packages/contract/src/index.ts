/**
 * `@access-requests/contract`: the HTTP contract of access-requests and every fact generated from
 * it — the TypeScript types of each path and schema, the status vocabulary and the limits.
 *
 * The OpenAPI document ships beside it: `@access-requests/contract/access-requests.yaml` (the file)
 * and `@access-requests/contract/document` (the same, as a JavaScript object).
 *
 * @packageDocumentation
 */
export type { components, operations, paths } from './generated/schema.js';
export { LIMITS } from './generated/vocabulary.js';
export {
  CLOSED_STATUSES,
  OPEN_STATUSES,
  STATUSES,
  STATUS_IDS,
  TERMINAL_STATUSES,
  isStatus,
  statusInfo,
} from './statuses.js';
export type { AccessRequestStatus, StatusInfo, StatusPhase, StatusTone } from './statuses.js';

