import { AccessNotifications } from './access-notifications.js';
import { define } from '../../define.js';

define('access-notifications', AccessNotifications);

declare global {
  interface HTMLElementTagNameMap {
    'access-notifications': AccessNotifications;
  }
}
