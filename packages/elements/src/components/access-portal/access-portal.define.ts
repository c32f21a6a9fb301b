import '../access-request-form/access-request-form.define.js';
import '../request-list/request-list.define.js';
import '../request-details/request-details.define.js';
import '../my-access/my-access.define.js';
import '../approval-inbox/approval-inbox.define.js';
import '../access-notifications/access-notifications.define.js';
import { AccessPortal } from './access-portal.js';
import { define } from '../../define.js';

define('access-portal', AccessPortal);

declare global {
  interface HTMLElementTagNameMap {
    'access-portal': AccessPortal;
  }
}
