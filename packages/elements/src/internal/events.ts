// The events the elements fire for their hosts: bubbling, composed, with an object detail, and
// only ever on a user's action.
import type { AccessRequest, AccessRequestStatus } from '@access-requests/sdk';
import type { AccessNotificationDetail } from '../components/access-notifications/access-notifications.js';
import type { ViewChangeDetail } from '../components/access-portal/access-portal.js';

export interface RequestEventDetail {
  readonly request: AccessRequest;
}
export interface RequestAgainSubmittedDetail {
  /** The requests the submission created (one per access flow). */
  readonly requests: readonly AccessRequest[];
  /** The closed request that was requested again. */
  readonly source: AccessRequest;
}
export interface FilterChangedDetail {
  readonly statuses: readonly AccessRequestStatus[];
  readonly scope: 'mine' | 'on_behalf';
}
export interface DetailsClosedDetail {
  readonly request: AccessRequest | undefined;
}

/** Fires a host event; returns false when it was cancelable and a listener called `preventDefault()`. */
export function fire<T extends object>(
  target: EventTarget,
  type: string,
  detail: T,
  { cancelable = false } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable }),
  );
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** A request card was opened (click, Enter or Space). */
    'request-selected': CustomEvent<RequestEventDetail>;
    /** The user revoked a request (it is now `revoking`, or `revoked` if it was pending). */
    'request-revoked': CustomEvent<RequestEventDetail>;
    /** The user requested a closed request's access again. */
    'request-again-submitted': CustomEvent<RequestAgainSubmittedDetail>;
    /** The user asked to use an active access: route to the My Access page. */
    'use-access': CustomEvent<RequestEventDetail>;
    /** The user marked or unmarked a request as a favorite. */
    'request-favorite-changed': CustomEvent<RequestEventDetail>;
    /** The user changed the list's Status filter or scope. */
    'filter-changed': CustomEvent<FilterChangedDetail>;
    /** The user closed the details panel (X). */
    'details-closed': CustomEvent<DetailsClosedDetail>;
    /** The user approved a request. */
    'request-approved': CustomEvent<RequestEventDetail>;
    /** The user rejected a request (with a reason). */
    'request-rejected': CustomEvent<RequestEventDetail>;
    /** A request of the user's changed status (cancelable: the host shows it its own way). */
    'access-notification': CustomEvent<AccessNotificationDetail>;
    /** The user asked to see an active request's Access Details. */
    'open-access-details': CustomEvent<RequestEventDetail>;
    /** The user is going to another view of the portal (cancelable: the host routes it itself). */
    'view-change': CustomEvent<ViewChangeDetail>;
  }
}
