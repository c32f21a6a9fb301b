// For a host that registers the classes itself (from the package's index): the portal's views come
// from the classes already in the bundle, registered under their default tags when first shown unless
// the host has registered them by then. Registers nothing on import.
import { AccessPortal } from './access-portal.js';
import { AccessRequestForm } from '../access-request-form/access-request-form.js';
import { MyAccess } from '../my-access/my-access.js';
import { ApprovalInbox } from '../approval-inbox/approval-inbox.js';

AccessPortal.viewLoaders = {
  'new-request': () => AccessRequestForm,
  'my-access': () => MyAccess,
  approvals: () => ApprovalInbox,
};
