// The events <access-request-form> fires: bubbling, composed, with an object detail, only on a user's action.
import type { AccessRequest } from '@access-requests/sdk';

export interface RequestSubmittedDetail {
  /** The requests the submission created: one per access flow its items fall under. */
  readonly requests: readonly AccessRequest[];
}
export type NavigateMyRequestsDetail = Record<string, never>;
export interface SelectionChangeDetail {
  /** How many resources are selected now. */
  readonly count: number;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** The user submitted a request; the server created these requests. */
    'request-submitted': CustomEvent<RequestSubmittedDetail>;
    /** The user pressed My Requests on the success view: route to the My Requests page. */
    'navigate-my-requests': CustomEvent<NavigateMyRequestsDetail>;
    /** The user changed the resource selection. */
    'selection-change': CustomEvent<SelectionChangeDetail>;
  }
}
