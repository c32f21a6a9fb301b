/**
 * Preview, submit and request again: a body is read, its rules checked, its items grouped by
 * access flow, and (for submit) one request is created per flow. Idempotency-Key replays the first
 * answer.
 */
import type { CreateResult, Schemas } from './api.js';
import { RULES, enforce } from './access-rules.js';
import type { CatalogIndex } from './catalog-index.js';
import { approversFor, createRequest } from './lifecycle.js';
import { validationFailed } from './problems.js';
import type { StoredPair, StoredRequest, StoredTarget } from './records.js';
import { findVisible, type BackendState } from './state.js';
import { readBody } from './input.js';
import {
  resolveSubmission,
  type SubmissionInput,
  type Resolution,
  type ResolvedGroup,
  type ResolvedItem,
} from './submission-rules.js';
import { customFieldView, isoTime, ref, requestView, userView } from './views.js';

function previewItem(item: ResolvedItem): Schemas['PreviewItem'] {
  switch (item.kind) {
    case 'resource':
      return { kind: 'resource', resource: ref(item.resource), permission: ref(item.permission) };
    case 'app':
      return { kind: 'app', app: ref(item.app), permission: ref(item.permission) };
    case 'bundle':
      return { kind: 'bundle', bundle: ref(item.bundle) };
  }
}

function previewGroup(
  catalog: CatalogIndex,
  group: ResolvedGroup,
  requesterId: string,
  granteeId: string,
): Schemas['PreviewGroup'] {
  const { flow } = group;
  return {
    access_flow: {
      id: flow.id,
      name: flow.name,
      approval: flow.approval,
      approvers: approversFor(flow, requesterId, granteeId).approverIds.map((id) => userView(catalog, id)),
    },
    items: group.items.map(previewItem),
    max_duration_hours: flow.maxDurationHours,
    justification_required: flow.justificationRequired,
    ticket_required: flow.ticketRequired,
    max_start_ahead_hours: flow.maxStartAheadHours,
    custom_fields: flow.customFields.map(customFieldView),
  };
}

export function preview(state: BackendState, callerId: string, body: unknown): Schemas['Preview'] {
  const resolution = resolve(state, callerId, body);
  return {
    groups: resolution.groups.map((group) =>
      previewGroup(state.catalog, group, callerId, resolution.granteeId),
    ),
    errors: [...resolution.errors],
    server_time: isoTime(state.scheduler.now()),
  };
}

/** Pairs sorted by resource name (then permission name), the order "View resources" lists them in. */
function sortPairs(catalog: CatalogIndex, pairs: readonly StoredPair[]): StoredPair[] {
  const key = (pair: StoredPair): string =>
    `${catalog.resource(pair.resourceId).name.toLowerCase()}\u0000${pair.resourceId}\u0000${
      catalog.permission(pair.permissionId).name
    }`;
  return pairs
    .map((pair) => ({ pair, key: key(pair) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((entry) => entry.pair);
}

function targetOf(catalog: CatalogIndex, group: ResolvedGroup): StoredTarget {
  const [first] = group.items;
  if (first?.kind === 'app') return { kind: 'app', appId: first.app.id, permissionId: first.permission.id };
  if (first?.kind === 'bundle')
    return { kind: 'bundle', bundleId: first.bundle.id, pairs: sortPairs(catalog, first.bundle.items) };
  const pairs = group.items.flatMap((item) =>
    item.kind === 'resource' ? [{ resourceId: item.resource.id, permissionId: item.permission.id }] : [],
  );
  return { kind: 'resources', pairs: sortPairs(catalog, pairs) };
}

/** The original request's target as a submission's items (so the same rules and grouping apply). */
function originalSelection(request: StoredRequest): SubmissionInput {
  const target = request.target;
  switch (target.kind) {
    case 'resources':
      return {
        resources: target.pairs.map((p) => ({ resource_id: p.resourceId, permission_id: p.permissionId })),
      };
    case 'app':
      return { app: { app_id: target.appId, permission_id: target.permissionId } };
    case 'bundle':
      return { bundle: { bundle_id: target.bundleId } };
  }
}

/**
 * The submission a body makes, read and checked: as sent (preview, submit), or for request again
 * over the original request (its items, grantee and custom-field answers; its duration and ticket
 * unless the body changes them).
 */
function resolve(state: BackendState, callerId: string, body: unknown, original?: StoredRequest): Resolution {
  if (!original) {
    const input = readBody('submit', body);
    return resolveSubmission(state.catalog, callerId, input.body, input.errors, state.scheduler.now());
  }
  const input = readBody('requestAgain', body);
  const { ticket } = original;
  const submission: SubmissionInput = {
    ...originalSelection(original),
    grantee_id: original.granteeId,
    duration_hours: input.body.duration_hours ?? original.durationHours,
    justification: input.body.justification,
    ticket: input.body.ticket ?? (ticket ? { type_id: ticket.typeId, id: ticket.id } : undefined),
    // The original's answers, checked again against the fields the flows ask now.
    custom_fields: Object.fromEntries(original.customFields.map((answer) => [answer.id, answer.value])),
  };
  return resolveSubmission(state.catalog, callerId, submission, input.errors, state.scheduler.now());
}

/**
 * Submit and request again: one request per group (or a 422 with every error the submission has),
 * or the first answer replayed for the same Idempotency-Key and body. Keys are scoped to the caller
 * and `operation` (which names the original request, for request again).
 */
function create(
  state: BackendState,
  callerId: string,
  operation: string,
  call: { readonly body: unknown; readonly key: string | undefined; readonly original?: StoredRequest },
): CreateResult {
  const lookup = state.idempotency.lookup<Schemas['AccessRequestList']>(
    `${callerId} ${operation}`,
    call.key,
    call.body,
    state.scheduler.now(),
  );
  if (lookup.kind === 'replay') return { status: 201, body: lookup.answer, replayed: true };
  const resolution = resolve(state, callerId, call.body, call.original);
  if (resolution.errors.length > 0) throw validationFailed(resolution.errors, 'request body');
  const at = state.scheduler.now();
  const requests = resolution.groups.map((group, index) =>
    createRequest(
      state,
      {
        flowId: group.flow.id,
        requesterId: callerId,
        granteeId: resolution.granteeId,
        target: targetOf(state.catalog, group),
        durationHours: resolution.durationHours,
        justification: resolution.justification,
        ticket: resolution.ticket,
        customFields: resolution.customFields[index] ?? [],
        startsAt: resolution.startsAt,
      },
      at,
    ),
  );
  const answer = { requests: requests.map((request) => requestView(state.catalog, request, callerId)) };
  if (lookup.kind === 'new') lookup.remember(answer);
  return { status: 201, body: answer, replayed: false };
}

export const submit = (state: BackendState, callerId: string, body: unknown, key: string | undefined) =>
  create(state, callerId, 'submit', { body, key });

export function requestAgain(
  state: BackendState,
  callerId: string,
  requestId: string,
  body: unknown,
  key: string | undefined,
): CreateResult {
  const original = findVisible(state, callerId, requestId);
  enforce(RULES.requestAgain, original, callerId, state.catalog);
  return create(state, callerId, `request-again ${requestId}`, { body, key, original });
}
