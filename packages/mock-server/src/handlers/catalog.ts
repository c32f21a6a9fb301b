/** `/v1/catalog/*`: resource types, permissions, resources, apps, bundles. */
import { json } from './responses.js';
import { api, type Route } from './route.js';

export const catalogRoutes: Route[] = [
  api('GET', '/v1/catalog/resource-types', ({ backend, caller, query }) =>
    json(backend.resourceTypes(caller, query)),
  ),
  api('GET', '/v1/catalog/permissions', ({ backend, caller, query }) =>
    json(backend.permissions(caller, query)),
  ),
  api('GET', '/v1/catalog/resources', ({ backend, caller, query }) => json(backend.resources(caller, query))),
  api('GET', '/v1/catalog/apps', ({ backend, caller, query }) => json(backend.apps(caller, query))),
  api('GET', '/v1/catalog/bundles', ({ backend, caller, query }) => json(backend.bundles(caller, query))),
];
