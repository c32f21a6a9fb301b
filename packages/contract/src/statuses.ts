import type { components } from './generated/schema.js';
import {
  CLOSED_STATUS_IDS,
  OPEN_STATUS_IDS,
  STATUS_VOCABULARY,
  TERMINAL_STATUS_IDS,
} from './generated/vocabulary.js';

/**
 * A request's status, as the contract names it: `pending_approval`, `scheduled`, `granting`,
 * `active`, `rejected`, `revoking`, `revoked` or `failed`.
 *
 * @example
 * ```ts
 * import type { AccessRequestStatus } from '@access-requests/contract';
 *
 * const waitingFor: AccessRequestStatus[] = ['granting', 'active'];
 * ```
 */
export type AccessRequestStatus = components['schemas']['AccessRequestStatus'];

/**
 * How a status should look: a display hint, never the only carrier of meaning.
 *
 * @example
 * ```ts
 * import { statusInfo, type StatusTone } from '@access-requests/contract';
 *
 * const colours: Record<StatusTone, string> = {
 *   attention: 'amber', progress: 'blue', positive: 'green', negative: 'red', neutral: 'grey',
 * };
 * colours[statusInfo('active').tone]; // 'green'
 * ```
 */
export type StatusTone = 'attention' | 'progress' | 'positive' | 'negative' | 'neutral';

/**
 * Whether a request in this status is still moving (`open`) or done (`closed`).
 *
 * @example
 * ```ts
 * import { STATUSES, type StatusPhase } from '@access-requests/contract';
 *
 * const phase: StatusPhase = 'closed';
 * STATUSES.filter((s) => s.phase === phase).map((s) => s.label); // ['Rejected', 'Revoked', 'Failed']
 * ```
 */
export type StatusPhase = 'open' | 'closed';

/**
 * One status of the vocabulary: its id and how to show and reason about it.
 *
 * @example
 * ```ts
 * import { statusInfo, type StatusInfo } from '@access-requests/contract';
 *
 * const info: StatusInfo = statusInfo('rejected');
 * info.label; // 'Rejected'
 * info.phase; // 'closed'
 * ```
 */
export interface StatusInfo {
  /** The status, as the API sends it (`pending_approval`, …). */
  readonly id: AccessRequestStatus;
  /** The label the product's documentation uses (English; elements translate it). */
  readonly label: string;
  /** The meaning the product's documentation gives. */
  readonly description: string;
  /** How to show it: a colour family for a badge (never the only carrier of meaning). */
  readonly tone: StatusTone;
  /** Whether a request in this status still moves (`open`) or is done (`closed`). */
  readonly phase: StatusPhase;
  /** No transition leaves this status. */
  readonly terminal: boolean;
}

/**
 * The eight statuses of an access request, in lifecycle order, with the labels and meanings of the
 * product's documentation (its seven, and Scheduled: approved, waiting for its start). Generated
 * from the contract's `x-statuses`; everything that shows a status reads it from here.
 *
 * @example
 * ```ts
 * import { STATUSES } from '@access-requests/contract';
 * const labels = STATUSES.map((s) => s.label); // ['Pending Approval', 'Granting', …]
 * ```
 */
export const STATUSES: readonly StatusInfo[] = STATUS_VOCABULARY satisfies readonly StatusInfo[];

/**
 * Every status id, in lifecycle order.
 *
 * @example
 * ```ts
 * STATUS_IDS.includes('active'); // true
 * ```
 */
export const STATUS_IDS: readonly AccessRequestStatus[] = /* @__PURE__ */ STATUS_VOCABULARY.map((s) => s.id);

const byId = /* @__PURE__ */ new Map<string, StatusInfo>(
  /* @__PURE__ */ STATUS_VOCABULARY.map((s) => [s.id, s]),
);

/**
 * Whether a value is one of the contract's statuses.
 *
 * @example
 * ```ts
 * isStatus('active'); // true
 * isStatus('approved'); // false
 * ```
 */
export function isStatus(value: unknown): value is AccessRequestStatus {
  return typeof value === 'string' && byId.has(value);
}

/**
 * The label, meaning and tone of a status; throws a `TypeError` for anything else.
 *
 * @example
 * ```ts
 * statusInfo('pending_approval').label; // 'Pending Approval'
 * ```
 */
export function statusInfo(status: AccessRequestStatus): StatusInfo {
  const info = byId.get(status);
  if (!info) throw new TypeError(`Unknown access request status: ${String(status)}`);
  return info;
}

// The phase lists are generated as literals of their own, so code that needs only them (the SDK's
// waitFor) does not pull the labels and meanings into a bundle.

/**
 * Statuses a request is still moving through.
 *
 * @example
 * ```ts
 * OPEN_STATUSES.includes(request.status); // still moving?
 * ```
 */
export const OPEN_STATUSES: readonly AccessRequestStatus[] = OPEN_STATUS_IDS;

/**
 * Closed statuses (Rejected, Revoked — expired ones included — and Failed): these can be requested again.
 *
 * @example
 * ```ts
 * CLOSED_STATUSES.includes(request.status); // may it be requested again?
 * ```
 */
export const CLOSED_STATUSES: readonly AccessRequestStatus[] = CLOSED_STATUS_IDS;

/**
 * Statuses no transition leaves.
 *
 * @example
 * ```ts
 * TERMINAL_STATUSES.includes(request.status); // done for good?
 * ```
 */
export const TERMINAL_STATUSES: readonly AccessRequestStatus[] = TERMINAL_STATUS_IDS;
