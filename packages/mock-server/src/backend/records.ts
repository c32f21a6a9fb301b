/**
 * The backend's internal request records. They are immutable: every change stores a new record, so
 * an event can keep the record it was about as its snapshot.
 */
import type { AccessRequestStatus } from '@access-requests/contract';

export interface StoredPair {
  readonly resourceId: string;
  readonly permissionId: string;
}

/** What a request is for. Resource and bundle pairs are kept sorted by resource name. */
export type StoredTarget =
  | { readonly kind: 'resources'; readonly pairs: readonly StoredPair[] }
  | { readonly kind: 'app'; readonly appId: string; readonly permissionId: string }
  | { readonly kind: 'bundle'; readonly bundleId: string; readonly pairs: readonly StoredPair[] };

export interface StoredApproval {
  readonly approverId: string;
  readonly status: 'pending' | 'approved' | 'rejected';
  readonly reason: string | null;
  readonly decidedAt: number | null;
}

export interface StoredTicket {
  readonly typeId: string;
  readonly id: string;
}

/** One answer to a custom field, as the flow declared the field when the request was created. */
export interface StoredCustomFieldAnswer {
  readonly id: string;
  readonly label: string;
  readonly type: 'text' | 'choice' | 'number';
  /** The trimmed text, the choice's id, or the number. */
  readonly value: string | number;
  /** The choice's label, else the value as text. */
  readonly display: string;
}

export type RevocationReason = 'user' | 'admin' | 'expired';

/** One extension of an active request (`extend`), pending or decided. */
export interface StoredExtension {
  readonly hours: number;
  readonly justification: string;
  readonly status: 'pending' | 'approved' | 'rejected' | 'dropped';
  readonly requestedAt: number;
  readonly decidedAt: number | null;
  /** The rejection reason, why it was dropped, or the approver's note. */
  readonly reason: string | null;
  readonly approvals: readonly StoredApproval[];
  /** How many approvals grant it (0 for automatic flows). */
  readonly requiredApprovals: number;
}

export interface StoredRequest {
  readonly id: string;
  /** Creation order, for "newest first" and keyset paging. */
  readonly sequence: number;
  readonly status: AccessRequestStatus;
  readonly statusReason: string | null;
  readonly flowId: string;
  readonly requesterId: string;
  readonly granteeId: string;
  readonly target: StoredTarget;
  readonly durationHours: number;
  readonly justification: string | null;
  readonly ticket: StoredTicket | null;
  /** The answers to the flow's custom fields, in its order; only the fields answered. */
  readonly customFields: readonly StoredCustomFieldAnswer[];
  readonly approvals: readonly StoredApproval[];
  /** How many approvals grant the request (0 for automatic flows). */
  readonly requiredApprovals: number;
  readonly rejectionReason: string | null;
  readonly revocationReason: RevocationReason | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly grantedAt: number | null;
  readonly expiresAt: number | null;
  readonly revokedAt: number | null;
  /** Marked by its requester, who is also its grantee (only they may). */
  readonly favorite: boolean;
  /** How many extensions were granted, and the hours they added to `expiresAt`. */
  readonly extensionsGranted: number;
  readonly extendedHours: number;
  /** The extension waiting for approval (only while `active`). */
  readonly pendingExtension: StoredExtension | null;
  /** The most recent extension decided (granted, rejected or dropped). */
  readonly lastExtension: StoredExtension | null;
  /** The scheduled start the requester asked for (`starts_at`); null to start once granted. */
  readonly startsAt: number | null;
}
