/** `/v1/my-access` and an active request's access details. */
import { json } from './responses.js';
import { api, param, type Route } from './route.js';

export const myAccessRoutes: Route[] = [
  api('GET', '/v1/my-access', ({ backend, caller }) => json(backend.myAccess(caller))),
  api('GET', '/v1/access-requests/:id/access-details', (c) =>
    json(c.backend.accessDetails(c.caller, param(c, 'id'))),
  ),
];
