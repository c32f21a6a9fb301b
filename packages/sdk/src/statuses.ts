import type { components } from './generated/schema.js';

/** A request's status, as the contract names it. */
export type AccessRequestStatus = components['schemas']['AccessRequestStatus'];

/** How a status should look: a display hint, never the only carrier of meaning. */
export type StatusTone = 'attention' | 'progress' | 'positive' | 'negative' | 'neutral';

/** Whether a request in this status is still moving (`open`) or done (`closed`). */
export type StatusPhase = 'open' | 'closed';

export interface StatusInfo {
  readonly id: AccessRequestStatus;
  /** The label the product's documentation uses. */
  readonly label: string;
  /** The meaning the product's documentation gives. */
  readonly description: string;
  readonly tone: StatusTone;
  readonly phase: StatusPhase;
  /** No transition leaves this status. */
  readonly terminal: boolean;
}

/**
 * The seven statuses of an access request, in lifecycle order, with the labels and meanings of the
 * product's documentation. Everything that shows a status reads it from here.
 */
export const STATUSES = [
  {
    id: 'pending_approval',
    label: 'Pending Approval',
    description: 'The request is waiting for the approver to approve or reject the request.',
    tone: 'attention',
    phase: 'open',
    terminal: false,
  },
  {
    id: 'granting',
    label: 'Granting',
    description: 'The request has been approved. The access is being provisioned.',
    tone: 'progress',
    phase: 'open',
    terminal: false,
  },
  {
    id: 'active',
    label: 'Active',
    description: 'Access has been provisioned. You can access the resource.',
    tone: 'positive',
    phase: 'open',
    terminal: false,
  },
  {
    id: 'rejected',
    label: 'Rejected',
    description: 'The request has been rejected either automatically or by approvers.',
    tone: 'negative',
    phase: 'closed',
    terminal: true,
  },
  {
    id: 'revoking',
    label: 'Revoking',
    description: 'An admin has initiated removing your resource access.',
    tone: 'progress',
    phase: 'open',
    terminal: false,
  },
  {
    id: 'revoked',
    label: 'Revoked',
    description: 'An admin has removed your resource access.',
    tone: 'neutral',
    phase: 'closed',
    terminal: true,
  },
  {
    id: 'failed',
    label: 'Failed',
    description: 'An error has occurred with your request. Contact your admin.',
    tone: 'negative',
    phase: 'closed',
    terminal: true,
  },
] as const satisfies readonly StatusInfo[];

/** Every status id, in lifecycle order. */
export const STATUS_IDS: readonly AccessRequestStatus[] = /* @__PURE__ */ STATUSES.map((s) => s.id);

const byId = /* @__PURE__ */ new Map<string, StatusInfo>(/* @__PURE__ */ STATUSES.map((s) => [s.id, s]));

/** Whether a string is one of the contract's statuses. */
export function isStatus(value: unknown): value is AccessRequestStatus {
  return typeof value === 'string' && byId.has(value);
}

/** The label, meaning and tone of a status. */
export function statusInfo(status: AccessRequestStatus): StatusInfo {
  const info = byId.get(status);
  if (!info) throw new TypeError(`Unknown access request status: ${String(status)}`);
  return info;
}

// The phase lists are literals (checked against STATUSES by the tests), so code that needs only
// them — the SDK's own waitFor — does not pull the labels and meanings into a bundle.

/** Statuses a request is still moving through. */
export const OPEN_STATUSES: readonly AccessRequestStatus[] = ['pending_approval', 'granting', 'active', 'revoking'];

/** Closed statuses (Rejected, Revoked — expired ones included — and Failed): these can be requested again. */
export const CLOSED_STATUSES: readonly AccessRequestStatus[] = ['rejected', 'revoked', 'failed'];

/** Statuses no transition leaves. */
export const TERMINAL_STATUSES: readonly AccessRequestStatus[] = ['rejected', 'revoked', 'failed'];
