import { ApprovalInbox } from './approval-inbox.js';
import type { RequestEventDetail } from '../../internal/events.js';
import { define } from '../../define.js';

define('approval-inbox', ApprovalInbox);

declare global {
  interface HTMLElementTagNameMap {
    'approval-inbox': ApprovalInbox;
  }
  interface GlobalEventHandlersEventMap {
    /** The user approved a request. */
    'request-approved': CustomEvent<RequestEventDetail>;
    /** The user rejected a request (with a reason). */
    'request-rejected': CustomEvent<RequestEventDetail>;
  }
}
