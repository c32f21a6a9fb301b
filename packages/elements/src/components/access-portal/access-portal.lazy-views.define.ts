// New Request, My Access and Approvals each in a chunk of its own, fetched the first time the portal
// shows the view. Only `access-portal.js` imports this: in define.js every element is eager, and an
// `import()` there would only split its bundle into more files.
import { AccessPortal } from './access-portal.js';

AccessPortal.viewLoaders = {
  'new-request': () =>
    import('../access-request-form/access-request-form.js').then((m) => m.AccessRequestForm),
  'my-access': () => import('../my-access/my-access.js').then((m) => m.MyAccess),
  approvals: () => import('../approval-inbox/approval-inbox.js').then((m) => m.ApprovalInbox),
};
