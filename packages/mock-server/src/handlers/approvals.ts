/** The approver's side: `/v1/approvals`, approve and reject. */
import { json } from './responses.js';
import { api, param, type Route } from './route.js';

export const approvalRoutes: Route[] = [
  api('GET', '/v1/approvals', ({ backend, caller, query }) => json(backend.approvals(caller, query))),
  api(
    'POST',
    '/v1/access-requests/:id/approve',
    (c) => json(c.backend.approve(c.caller, param(c, 'id'), c.body)),
    {
      body: 'optional',
    },
  ),
  api(
    'POST',
    '/v1/access-requests/:id/reject',
    (c) => json(c.backend.reject(c.caller, param(c, 'id'), c.body)),
    {
      body: 'required',
    },
  ),
];
