// The localised words of a request status, spelled out once. The English is the SDK's status table
// (the i18n test checks that each message below says the same); the message ids are
// `status.<id>.label` and `status.<id>.description`. Each is a literal msg() so that extraction sees it.
import { msg } from './locale.js';
import { isStatus, type AccessRequestStatus } from '@access-requests/sdk';

const LABELS: Record<AccessRequestStatus, () => string> = {
  pending_approval: () => msg('Pending Approval', { id: 'status.pending_approval.label' }),
  scheduled: () => msg('Scheduled', { id: 'status.scheduled.label' }),
  granting: () => msg('Granting', { id: 'status.granting.label' }),
  active: () => msg('Active', { id: 'status.active.label' }),
  rejected: () => msg('Rejected', { id: 'status.rejected.label' }),
  revoking: () => msg('Revoking', { id: 'status.revoking.label' }),
  revoked: () => msg('Revoked', { id: 'status.revoked.label' }),
  failed: () => msg('Failed', { id: 'status.failed.label' }),
};

const DESCRIPTIONS: Record<AccessRequestStatus, () => string> = {
  pending_approval: () =>
    msg('The request is waiting for the approver to approve or reject the request.', {
      id: 'status.pending_approval.description',
    }),
  scheduled: () =>
    msg('The request has been approved. The access will be granted at its start time.', {
      id: 'status.scheduled.description',
    }),
  granting: () =>
    msg('The request has been approved. The access is being provisioned.', {
      id: 'status.granting.description',
    }),
  active: () =>
    msg('Access has been provisioned. You can access the resource.', {
      id: 'status.active.description',
    }),
  rejected: () =>
    msg('The request has been rejected either automatically or by approvers.', {
      id: 'status.rejected.description',
    }),
  revoking: () =>
    msg('An admin has initiated removing your resource access.', {
      id: 'status.revoking.description',
    }),
  revoked: () => msg('An admin has removed your resource access.', { id: 'status.revoked.description' }),
  failed: () =>
    msg('An error has occurred with your request. Contact your admin.', {
      id: 'status.failed.description',
    }),
};

/** The label of a status ("Pending Approval"); a status this version does not know shows as it came. */
export function statusLabel(status: string): string {
  return isStatus(status) ? LABELS[status]() : status;
}

/** What a status means, in one sentence. */
export function statusDescription(status: AccessRequestStatus): string {
  return DESCRIPTIONS[status]();
}
