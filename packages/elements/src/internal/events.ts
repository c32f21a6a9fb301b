// Every event the library fires, in one place (as Shoelace declares its events): the detail types,
// their entries in `GlobalEventHandlersEventMap` (so `addEventListener('request-selected', …)` is typed
// for hosts), and `fire()`, which accepts only these names, each with its own detail type.
//
// The naming rule (docs/guides/events.md): an event is named for what happened, in kebab-case, a noun
// then a past participle (`request-submitted`, `filter-changed`). Where what happened is that the user
// asked for something the host or another element carries out (routing, a view), the name ends in
// `-requested` (`view-change-requested`). Every event bubbles, is composed, carries an object detail,
// and fires only on a user's action.
import type { AccessRequest, AccessRequestStatus, Template } from '@access-requests/sdk';
import type { PortalView } from '../components/access-portal/routes.js';

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
export interface RequestSubmittedDetail {
  /** The requests the submission created: one per access flow its items fall under. */
  readonly requests: readonly AccessRequest[];
}
export interface TemplateSavedDetail {
  /** The template the user saved (its `id` makes the link to share). */
  readonly template: Template;
}
export interface TemplateUseRequestedDetail {
  /** The template to start a New Request from: give it to the form as its `prefill`. */
  readonly template: Template;
}
export type MyRequestsRequestedDetail = Record<string, never>;
export interface SelectionChangedDetail {
  /** How many resources are selected now. */
  readonly count: number;
}
export interface ViewChangeRequestedDetail {
  /** The view the user is going to. */
  readonly view: PortalView;
  /** The request it opens, if any (My Requests: its details; My Access: its Access Details). */
  readonly requestId: string;
}

/** One change of one of the user's requests, as the notifier tells it. */
export interface AccessNotification {
  readonly id: string;
  readonly request: AccessRequest;
  readonly previousStatus: AccessRequestStatus | undefined;
  /**
   * For news of an active access's extension (its status stays `active`): the extension's status now —
   * `pending` (asked for, waiting for the approvers), `approved` (granted: the new `expires_at`),
   * `rejected` or `dropped`. Absent for a change of status.
   */
  readonly extensionStatus?: NonNullable<NonNullable<AccessRequest['extension']>['last']>['status'];
  /** What the toast says, in one sentence. */
  readonly message: string;
}
export interface AccessNotificationDetail {
  readonly notification: AccessNotification;
}

/** The library's events: name → event type. `GlobalEventHandlersEventMap` gets every entry. */
export interface AccessRequestsEventMap {
  /** A request card was opened (click, Enter or Space). */
  'request-selected': CustomEvent<RequestEventDetail>;
  /** The user revoked a request (it is now `revoking`, or `revoked` if it was pending). */
  'request-revoked': CustomEvent<RequestEventDetail>;
  /** The user extended an active access (granted at once, or waiting for the approvers). */
  'request-extended': CustomEvent<RequestEventDetail>;
  /** The user requested a closed request's access again. */
  'request-again-submitted': CustomEvent<RequestAgainSubmittedDetail>;
  /**
   * The user asked to edit a closed request and request it again: open the New Request form with the
   * request as its `prefill`.
   */
  'request-edit-requested': CustomEvent<RequestEventDetail>;
  /** The user asked to use an active access: route to the My Access page. */
  'access-use-requested': CustomEvent<RequestEventDetail>;
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
  'access-notification-received': CustomEvent<AccessNotificationDetail>;
  /** The user asked to see an active request's Access Details. */
  'access-details-requested': CustomEvent<RequestEventDetail>;
  /** The user is going to another view of the portal (cancelable: the host routes it itself). */
  'view-change-requested': CustomEvent<ViewChangeRequestedDetail>;
  /** The user submitted a request; the server created these requests. */
  'request-submitted': CustomEvent<RequestSubmittedDetail>;
  /** The user saved the New Request form's request as a named template. */
  'template-saved': CustomEvent<TemplateSavedDetail>;
  /** The user asked to start a New Request from a template: open the form with it as its `prefill`. */
  'template-use-requested': CustomEvent<TemplateUseRequestedDetail>;
  /** The user pressed My Requests on the success view: route to the My Requests page. */
  'my-requests-requested': CustomEvent<MyRequestsRequestedDetail>;
  /** The user changed the resource selection. */
  'selection-changed': CustomEvent<SelectionChangedDetail>;
}

/** The name of an event the library fires. */
export type AccessRequestsEventName = keyof AccessRequestsEventMap;
/** The detail type of one of the library's events. */
export type DetailOf<K extends AccessRequestsEventName> = AccessRequestsEventMap[K]['detail'];

/**
 * Fires one of the library's events (bubbling, composed); only its names and their detail types are
 * accepted. Returns false when it was cancelable and a listener called `preventDefault()`.
 */
export function fire<K extends AccessRequestsEventName>(
  target: EventTarget,
  type: K,
  detail: DetailOf<K>,
  { cancelable = false } = {},
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}

declare global {
  // Declaration merging into the DOM's own map is what types `addEventListener` for hosts; the entries
  // are the ones above, written once.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface must merge into the DOM's map
  interface GlobalEventHandlersEventMap extends AccessRequestsEventMap {}
}
