/**
 * The operations on requests: the requester's and grantee's side (lists, details, "View resources",
 * revoke, extend, favorites, My Access) and the approver's (the queue, approve and reject, of a
 * request or of its pending extension). Revoke, extend, approve and reject honor Idempotency-Key;
 * favorites are idempotent by their method (PUT, DELETE).
 */
import type { ExtendResult, RawQuery, Schemas } from './api.js';
import { RULES, enforce, extensionPolicyErrors, isClosed } from './access-rules.js';
import {
  decideExtension,
  recordApproval,
  recordRejection,
  requestExtension,
  revokeRequest,
  setFavorite,
} from './lifecycle.js';
import { oncePerKey } from './idempotency.js';
import { fieldError, validationFailed } from './problems.js';
import { pageByKey, pageByOffset, readPageRequest } from './pagination.js';
import { hours, readBody, readQuery, throwIfInvalid } from './input.js';
import type { StoredPair, StoredRequest } from './records.js';
import { findVisible, type BackendState } from './state.js';
import { isoTime, requestResourceView, requestView } from './views.js';

type RequestView = Schemas['AccessRequest'];

const newestFirst = (a: StoredRequest, b: StoredRequest): number => b.sequence - a.sequence;

export function listRequests(
  state: BackendState,
  callerId: string,
  query: RawQuery,
): Schemas['AccessRequestPage'] {
  const { values, errors } = readQuery('listRequests', query);
  const scope = values.scope ?? 'mine';
  const statuses: readonly string[] = values['status[]'] ?? [];
  const favorite = values.favorite;
  const page = readPageRequest(values, errors, {
    list: 'requests',
    callerId,
    scope,
    statuses: [...statuses].sort(),
    favorite,
  });
  throwIfInvalid(errors);

  const matches = [...state.requests.values()]
    .filter((r) =>
      scope === 'mine' ? r.granteeId === callerId : r.requesterId === callerId && r.granteeId !== callerId,
    )
    .filter((r) => statuses.length === 0 || statuses.includes(r.status))
    .filter((r) => favorite === undefined || (r.favorite && r.requesterId === callerId) === favorite)
    .sort(newestFirst);
  return pageByKey(
    matches,
    page,
    (r) => r.sequence,
    'descending',
    (r) => requestView(state.catalog, r, callerId),
  );
}

export function getRequest(state: BackendState, callerId: string, requestId: string): RequestView {
  return requestView(state.catalog, findVisible(state, callerId, requestId), callerId);
}

/** Every resource and permission pair of the request, by resource name; an app expands to its resources. */
export function requestResources(
  state: BackendState,
  callerId: string,
  requestId: string,
  query: RawQuery,
): Schemas['RequestResourcePage'] {
  const request = findVisible(state, callerId, requestId);
  const { values, errors } = readQuery('requestResources', query);
  const page = readPageRequest(values, errors, { list: 'request-resources', requestId });
  throwIfInvalid(errors);
  const target = request.target;
  const pairs: readonly StoredPair[] =
    target.kind === 'app'
      ? state.catalog
          .resourcesOfApp(target.appId, target.permissionId)
          .map((r) => ({ resourceId: r.id, permissionId: target.permissionId }))
      : target.pairs;
  return pageByOffset(pairs, page, (pair) => requestResourceView(state.catalog, pair));
}

/** Scoped to the caller, the operation and the request; the first answer to a key is replayed. */
function keyed<Answer>(
  state: BackendState,
  scope: { readonly callerId: string; readonly operation: string; readonly requestId: string },
  call: { readonly key: string | undefined; readonly body: unknown },
  change: () => Answer,
): Answer {
  const { callerId, operation, requestId } = scope;
  const now = state.scheduler.now();
  return oncePerKey(
    state.idempotency,
    { scope: `${callerId} ${operation} ${requestId}`, now, ...call },
    change,
  );
}

export function revoke(state: BackendState, callerId: string, requestId: string, key?: string): RequestView {
  const request = findVisible(state, callerId, requestId);
  return keyed(state, { callerId, operation: 'revoke', requestId }, { key, body: {} }, () => {
    enforce(RULES.revoke, request, callerId, state.catalog);
    return requestView(state.catalog, revokeRequest(state, request, 'user', state.scheduler.now()), callerId);
  });
}

/**
 * Extends an active request: 200 when granted at once (automatic flows), 202 when it waits for the
 * flow's approvers. The rules first (403, 409), then the body and the flow's policy (422).
 */
export function extend(
  state: BackendState,
  callerId: string,
  requestId: string,
  body: unknown,
  key?: string,
): ExtendResult {
  const request = findVisible(state, callerId, requestId);
  return keyed(state, { callerId, operation: 'extend', requestId }, { key, body: body ?? {} }, () => {
    enforce(RULES.extend, request, callerId, state.catalog);
    const { body: input, errors } = readBody('extend', body);
    const flow = state.catalog.flow(request.flowId);
    const max = flow.extension?.maxHours;
    if (max !== undefined && input.hours !== undefined && input.hours > max) {
      if (!errors.some((e) => e.field === 'hours')) {
        errors.push(
          fieldError('hours', 'out_of_range', `${flow.name} allows at most ${hours(max)} per extension.`),
        );
      }
    }
    errors.push(...extensionPolicyErrors(request, state.catalog));
    if (errors.length > 0 || input.hours === undefined || input.justification === undefined) {
      throw validationFailed(errors, 'request body');
    }
    const { hours: added, justification } = input;
    const next = requestExtension(state, request, { hours: added, justification }, state.scheduler.now());
    return { status: next.pendingExtension ? 202 : 200, body: requestView(state.catalog, next, callerId) };
  });
}

export function markFavorite(
  state: BackendState,
  callerId: string,
  requestId: string,
  favorite: boolean,
): RequestView {
  const request = findVisible(state, callerId, requestId);
  enforce(RULES.favorite, request, callerId, state.catalog);
  return requestView(state.catalog, setFavorite(state, request, favorite, state.scheduler.now()), callerId);
}

export function accessDetails(
  state: BackendState,
  callerId: string,
  requestId: string,
): Schemas['AccessDetails'] {
  const request = findVisible(state, callerId, requestId);
  enforce(RULES.useAccess, request, callerId, state.catalog);
  const { catalog } = state;
  const target = request.target;
  // The instructions are the app's; a request spanning several apps gets one section per app.
  const byApp = new Map<string, { names: string[]; permissionName: string }>();
  if (target.kind === 'app') {
    byApp.set(target.appId, {
      names: [`every ${catalog.app(target.appId).name} resource`],
      permissionName: catalog.permission(target.permissionId).name,
    });
  }
  for (const pair of target.kind === 'app' ? [] : target.pairs) {
    const resource = catalog.resource(pair.resourceId);
    const entry = byApp.get(resource.appId) ?? {
      names: [],
      permissionName: catalog.permission(pair.permissionId).name,
    };
    entry.names.push(resource.name);
    byApp.set(resource.appId, entry);
  }
  const sections = [...byApp].map(([appId, entry]) =>
    catalog.app(appId).instructions({ resourceNames: entry.names, permissionName: entry.permissionName }),
  );
  const first = sections[0];
  return {
    request_id: request.id,
    instructions_markdown: sections.map((s) => s.markdown).join('\n'),
    instructions_text: sections.map((s) => s.text).join('\n'),
    link: first?.link ?? null,
    cli: first?.cli ?? null,
    expires_at: isoTime(request.expiresAt ?? request.updatedAt),
    server_time: isoTime(state.scheduler.now()),
  };
}

/** How many closed requests My Access shows: the guide's "three most recent closed requests". */
const RECENT_CLOSED_COUNT = 3;

export function myAccess(state: BackendState, callerId: string): Schemas['MyAccess'] {
  const all = [...state.requests.values()];
  const view = (r: StoredRequest): RequestView => requestView(state.catalog, r, callerId);
  const held = all.filter((r) => r.granteeId === callerId);
  return {
    active: held
      .filter((r) => r.status === 'active')
      .sort((a, b) => (a.expiresAt ?? 0) - (b.expiresAt ?? 0) || a.sequence - b.sequence)
      .map(view),
    recent: held
      .filter(isClosed)
      .sort((a, b) => b.updatedAt - a.updatedAt || b.sequence - a.sequence)
      .slice(0, RECENT_CLOSED_COUNT)
      .map(view),
    favorites: all
      .filter((r) => r.favorite && r.requesterId === callerId)
      .sort(newestFirst)
      .map(view),
    scheduled: held
      .filter((r) => r.status === 'scheduled')
      .sort((a, b) => (a.startsAt ?? 0) - (b.startsAt ?? 0) || a.sequence - b.sequence)
      .map(view),
  };
}

/**
 * `pending`: waiting for the caller's decision, oldest first (nobody waits longest);
 * `decided`: what the caller approved or rejected (a request, or an extension of one), most recently
 * decided first.
 */
export function approvals(
  state: BackendState,
  callerId: string,
  query: RawQuery,
): Schemas['AccessRequestPage'] {
  const { values, errors } = readQuery('approvals', query);
  const status = values.status ?? 'pending';
  const page = readPageRequest(values, errors, { list: 'approvals', callerId, status });
  throwIfInvalid(errors);
  const view = (r: Parameters<typeof requestView>[1]): Schemas['AccessRequest'] =>
    requestView(state.catalog, r, callerId);
  const all = [...state.requests.values()];
  if (status === 'pending') {
    const waitsFor = (approvals: readonly { approverId: string; status: string }[] | undefined) =>
      approvals?.some((a) => a.approverId === callerId && a.status === 'pending') === true;
    const waiting = all.filter(
      (r) =>
        (r.status === 'pending_approval' && waitsFor(r.approvals)) ||
        (r.status === 'active' && waitsFor(r.pendingExtension?.approvals)),
    );
    return pageByKey(waiting, page, (r) => r.sequence, 'ascending', view);
  }
  // The caller's latest decision on the request, or on one of its extensions (the pending one, the last).
  const decidedAt = (r: (typeof all)[number]): number =>
    Math.max(
      -1,
      ...[r.approvals, r.pendingExtension?.approvals ?? [], r.lastExtension?.approvals ?? []]
        .flat()
        .filter((a) => a.approverId === callerId && a.status !== 'pending')
        .map((a) => a.decidedAt ?? -1),
    );
  const decided = all
    .filter((r) => decidedAt(r) >= 0)
    .sort((a, b) => decidedAt(b) - decidedAt(a) || b.sequence - a.sequence);
  return pageByOffset(decided, page, view);
}

/** The optional (approve) or required (reject) `reason`, trimmed. */
function readReason(body: unknown, operation: 'approve' | 'reject'): string | null {
  const { body: input, errors } = readBody(operation, body ?? {});
  if (errors.length > 0) throw validationFailed(errors, 'request body');
  return input.reason ?? null;
}

/**
 * Approve and reject: the same visibility and rule checks, then the reason, then the decision — on
 * the request while it is `pending_approval`, on its pending extension while it is `active`.
 */
export function decide(
  state: BackendState,
  callerId: string,
  requestId: string,
  body: unknown,
  decision: 'approve' | 'reject',
  key?: string,
): Schemas['AccessRequest'] {
  const request = findVisible(state, callerId, requestId);
  return keyed(state, { callerId, operation: decision, requestId }, { key, body: body ?? {} }, () => {
    enforce(RULES.decide, request, callerId, state.catalog);
    const at = state.scheduler.now();
    const reason = readReason(body, decision);
    const approved = decision === 'approve';
    const decided =
      request.status === 'active'
        ? decideExtension(state, request, callerId, { approved, reason }, at)
        : approved
          ? recordApproval(state, request, callerId, reason, at)
          : recordRejection(state, request, callerId, reason ?? '', at);
    return requestView(state.catalog, decided, callerId);
  });
}
