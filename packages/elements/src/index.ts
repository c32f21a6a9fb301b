// Classes and types only: importing this module registers nothing (see the `*.define.js` modules).
import type { AccessRequestsProvider } from './components/access-requests-provider/access-requests-provider.js';
import type { StatusBadge } from './components/status-badge/status-badge.js';
import type { RequestList } from './components/request-list/request-list.js';
import type { RequestDetails } from './components/request-details/request-details.js';
import type { AccessNotifications } from './components/access-notifications/access-notifications.js';
import type { AccessRequestForm } from './components/access-request-form/access-request-form.js';
import type { MyAccess } from './components/my-access/my-access.js';
import type { ApprovalInbox } from './components/approval-inbox/approval-inbox.js';
import type { AccessPortal } from './components/access-portal/access-portal.js';
// Sets the portal's view loaders to the classes below (registers nothing).
import './components/access-portal/access-portal.eager-views.define.js';

export { AccessRequestsProvider } from './components/access-requests-provider/access-requests-provider.js';
export { StatusBadge } from './components/status-badge/status-badge.js';
export { RequestList } from './components/request-list/request-list.js';
export { RequestDetails } from './components/request-details/request-details.js';
export { AccessNotifications } from './components/access-notifications/access-notifications.js';
export { AccessRequestForm } from './components/access-request-form/access-request-form.js';
export type { RequestPrefill } from './components/access-request-form/prefill.js';
export { MyAccess } from './components/my-access/my-access.js';
export type { MyAccessData } from './components/my-access/my-access.js';
export { ApprovalInbox } from './components/approval-inbox/approval-inbox.js';
export { AccessPortal } from './components/access-portal/access-portal.js';
export type { LazyView, ViewLoader } from './components/access-portal/access-portal.js';
export { PORTAL_VIEWS } from './components/access-portal/routes.js';
export type { PortalView } from './components/access-portal/routes.js';
export { clientContext } from './internal/context.js';
export { define } from './define.js';
export { getLocale, registerTranslations, setLocale } from './internal/locale.js';
export type {
  AccessNotification,
  AccessNotificationDetail,
  AccessRequestsEventMap,
  AccessRequestsEventName,
  DetailsClosedDetail,
  FilterChangedDetail,
  MyRequestsRequestedDetail,
  RequestAgainSubmittedDetail,
  RequestEventDetail,
  RequestSubmittedDetail,
  SelectionChangedDetail,
  TemplateSavedDetail,
  TemplateUseRequestedDetail,
  ViewChangeRequestedDetail,
} from './internal/events.js';
export type { ElementDependencies } from './define.js';

// The default tag names, for TypeScript: `document.createElement('request-list')` is a `RequestList`
// for a host that imports the classes only. Types, no registration: that is the define modules' job.
declare global {
  interface HTMLElementTagNameMap {
    'access-requests-provider': AccessRequestsProvider;
    'status-badge': StatusBadge;
    'request-list': RequestList;
    'request-details': RequestDetails;
    'access-notifications': AccessNotifications;
    'access-request-form': AccessRequestForm;
    'my-access': MyAccess;
    'approval-inbox': ApprovalInbox;
    'access-portal': AccessPortal;
  }
}
