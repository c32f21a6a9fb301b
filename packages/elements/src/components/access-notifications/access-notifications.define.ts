import { AccessNotifications, type AccessNotificationDetail } from './access-notifications.js';
import type { RequestEventDetail } from '../../internal/events.js';
import { define } from '../../define.js';

define('access-notifications', AccessNotifications);

declare global {
  interface HTMLElementTagNameMap {
    'access-notifications': AccessNotifications;
  }
  interface GlobalEventHandlersEventMap {
    /** A request of the user's changed status (cancelable: the host shows it its own way). */
    'access-notification': CustomEvent<AccessNotificationDetail>;
    /** The user asked to see an active request's Access Details. */
    'open-access-details': CustomEvent<RequestEventDetail>;
  }
}
