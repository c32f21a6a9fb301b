// The localised words of a request status, spelled out once. The English comes from the SDK's status
// table; a translation has the message ids `status.<id>.label` and `status.<id>.description`.
import { msg } from '@lit/localize';
import { isStatus, statusInfo, type AccessRequestStatus } from '@access-requests/sdk';

/** The label of a status ("Pending Approval"); a status this version does not know shows as it came. */
export function statusLabel(status: string): string {
  return isStatus(status) ? msg(statusInfo(status).label, { id: `status.${status}.label` }) : status;
}

/** What a status means, in one sentence. */
export function statusDescription(status: AccessRequestStatus): string {
  return msg(statusInfo(status).description, { id: `status.${status}.description` });
}
