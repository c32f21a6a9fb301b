// Registers <access-portal> and the elements its first view renders; New Request, My Access and
// Approvals are registered when first shown (see `AccessPortal.viewLoaders`), or by define.js up front.
import '../request-list/request-list.define.js';
import '../request-details/request-details.define.js';
import '../access-notifications/access-notifications.define.js';
import { AccessPortal } from './access-portal.js';
import { define } from '../../define.js';

define('access-portal', AccessPortal);

declare global {
  interface HTMLElementTagNameMap {
    'access-portal': AccessPortal;
  }
}
