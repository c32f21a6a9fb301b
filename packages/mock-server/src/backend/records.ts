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

export type RevocationReason = 'user' | 'admin' | 'expired';

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
}
