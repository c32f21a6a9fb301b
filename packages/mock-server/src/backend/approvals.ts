/** The approver's side: the queue, approve and reject. */
import type { RawQuery, Schemas } from './api.js';
import { RULES, enforce } from './access-rules.js';
import { BodyReader } from './body-reader.js';
import { LIMITS } from './constants.js';
import { recordApproval, recordRejection } from './lifecycle.js';
import { pageByKey, pageByOffset, readPageRequest } from './pagination.js';
import { fieldError, validationFailed } from './problems.js';
import { QueryReader } from './query-params.js';
import { findVisible, type BackendState } from './state.js';
import { requestView } from './views.js';

/**
 * `pending`: waiting for the caller's decision, oldest first (nobody waits longest);
 * `decided`: what the caller approved or rejected, most recently decided first.
 */
export function approvals(
  state: BackendState,
  callerId: string,
  query: RawQuery,
): Schemas['AccessRequestPage'] {
  const reader = new QueryReader(query);
  const status = reader.oneOf('status', ['pending', 'decided'] as const, 'pending');
  const page = readPageRequest(reader, { list: 'approvals', callerId, status });
  reader.throwIfInvalid();
  const view = (r: Parameters<typeof requestView>[1]): Schemas['AccessRequest'] =>
    requestView(state.catalog, r, callerId);
  const all = [...state.requests.values()];
  if (status === 'pending') {
    const waiting = all.filter(
      (r) =>
        r.status === 'pending_approval' &&
        r.approvals.some((a) => a.approverId === callerId && a.status === 'pending'),
    );
    return pageByKey(waiting, page, (r) => r.sequence, 'ascending', view);
  }
  const decidedAt = (r: (typeof all)[number]): number =>
    r.approvals.find((a) => a.approverId === callerId && a.status !== 'pending')?.decidedAt ?? -1;
  const decided = all
    .filter((r) => decidedAt(r) >= 0)
    .sort((a, b) => decidedAt(b) - decidedAt(a) || b.sequence - a.sequence);
  return pageByOffset(decided, page, view);
}

/** The optional (approve) or required (reject) `reason`: trimmed, 1–123 characters. */
function readReason(body: unknown, required: boolean): string | null {
  const reader = new BodyReader();
  const object = reader.object(body ?? {}, '');
  if (object) reader.rejectUnknownKeys(object, ['reason'], '');
  const reason = object ? reader.string(object, 'reason', '', { required }) : undefined;
  if (reason !== undefined && reason.length > LIMITS.maxReasonLength) {
    reader.ruleErrors.push(
      fieldError('reason', 'too_long', `The reason must be under ${LIMITS.maxReasonLength + 1} characters.`),
    );
  }
  const errors = [...reader.typeErrors, ...reader.ruleErrors];
  if (errors.length > 0) throw validationFailed(errors, 'request body');
  return reason || null;
}

/** Approve and reject: the same visibility and rule checks, then the reason, then the decision. */
function decide(
  state: BackendState,
  callerId: string,
  requestId: string,
  body: unknown,
  decision: 'approve' | 'reject',
): Schemas['AccessRequest'] {
  const request = findVisible(state, callerId, requestId);
  enforce(RULES.decide, request, callerId, state.catalog);
  const at = state.scheduler.now();
  const decided =
    decision === 'approve'
      ? recordApproval(state, request, callerId, readReason(body, false), at)
      : recordRejection(state, request, callerId, readReason(body, true) ?? '', at);
  return requestView(state.catalog, decided, callerId);
}

export const approve = (state: BackendState, callerId: string, requestId: string, body: unknown) =>
  decide(state, callerId, requestId, body, 'approve');

export const reject = (state: BackendState, callerId: string, requestId: string, body: unknown) =>
  decide(state, callerId, requestId, body, 'reject');
