// `@access-requests/elements/define.js`: registers every element under its default tag name.
import './components/access-requests-provider/access-requests-provider.define.js';
import './components/status-badge/status-badge.define.js';
import './components/request-list/request-list.define.js';
import './components/request-details/request-details.define.js';
import './components/access-notifications/access-notifications.define.js';
import './components/access-request-form/access-request-form.define.js';
import './components/my-access/my-access.define.js';
import './components/approval-inbox/approval-inbox.define.js';
// The portal without its lazy views: here they are registered up front, above.
import './components/access-portal/access-portal.core.define.js';
