/** `/v1/access-requests/*`: preview, submit, list, get, resources, revoke, request again, favorite. */
import type { CreateResult } from '../backend/api.js';
import { json } from './responses.js';
import { api, param, type Route } from './route.js';

const REQUEST = '/v1/access-requests/:id';

/** 201, with `Idempotent-Replayed: true` when the answer replays an earlier one. */
function created(result: CreateResult): Response {
  return json(result.body, result.status, result.replayed ? { 'idempotent-replayed': 'true' } : {});
}

function idempotencyKey(request: Request): string | undefined {
  return request.headers.get('idempotency-key') ?? undefined;
}

export const requestRoutes: Route[] = [
  api(
    'POST',
    '/v1/access-requests/preview',
    ({ backend, caller, body }) => json(backend.preview(caller, body)),
    {
      body: 'required',
    },
  ),
  api(
    'POST',
    '/v1/access-requests',
    ({ backend, caller, body, request }) => created(backend.submit(caller, body, idempotencyKey(request))),
    { body: 'required' },
  ),
  api('GET', '/v1/access-requests', ({ backend, caller, query }) =>
    json(backend.listRequests(caller, query)),
  ),
  api('GET', REQUEST, (c) => json(c.backend.getRequest(c.caller, param(c, 'id')))),
  api('GET', `${REQUEST}/resources`, (c) =>
    json(c.backend.requestResources(c.caller, param(c, 'id'), c.query)),
  ),
  api('POST', `${REQUEST}/revoke`, (c) => json(c.backend.revoke(c.caller, param(c, 'id')), 202)),
  api(
    'POST',
    `${REQUEST}/request-again`,
    (c) => created(c.backend.requestAgain(c.caller, param(c, 'id'), c.body, idempotencyKey(c.request))),
    { body: 'required' },
  ),
  api('PUT', `${REQUEST}/favorite`, (c) => json(c.backend.favorite(c.caller, param(c, 'id')))),
  api('DELETE', `${REQUEST}/favorite`, (c) => json(c.backend.unfavorite(c.caller, param(c, 'id')))),
];
