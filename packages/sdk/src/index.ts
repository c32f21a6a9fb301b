export type { components, operations, paths } from './generated/schema.js';
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
