/** `/v1/me` and `/v1/grantees`. */
import { json } from './responses.js';
import { api, type Route } from './route.js';

export const meRoutes: Route[] = [
  api('GET', '/v1/me', ({ backend, caller }) => json(backend.me(caller))),
  api('GET', '/v1/grantees', ({ backend, caller, query }) => json(backend.grantees(caller, query))),
];
