/** The approver's side: the queue, approve and reject. */
import type { RawQuery, Schemas } from './api.js';
import { RULES, enforce } from './access-rules.js';
import { recordApproval, recordRejection } from './lifecycle.js';
import { pageByKey, pageByOffset, readPageRequest } from './pagination.js';
import { validationFailed } from './problems.js';
import { readBody, readQuery, throwIfInvalid } from './input.js';
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
  const { values, errors } = readQuery('approvals', query);
  const status = values.status ?? 'pending';
  const page = readPageRequest(values, errors, { list: 'approvals', callerId, status });
  throwIfInvalid(errors);
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

/** The optional (approve) or required (reject) `reason`, trimmed. */
function readReason(body: unknown, operation: 'approve' | 'reject'): string | null {
  const { body: input, errors } = readBody(operation, body ?? {});
  if (errors.length > 0) throw validationFailed(errors, 'request body');
  return input.reason ?? null;
}

/** Approve and reject: the same visibility and rule checks, then the reason, then the decision. */
export function decide(
  state: BackendState,
  callerId: string,
  requestId: string,
  body: unknown,
  decision: 'approve' | 'reject',
): Schemas['AccessRequest'] {
  const request = findVisible(state, callerId, requestId);
  enforce(RULES.decide, request, callerId, state.catalog);
  const at = state.scheduler.now();
  const reason = readReason(body, decision);
  const decided =
    decision === 'approve'
      ? recordApproval(state, request, callerId, reason, at)
      : recordRejection(state, request, callerId, reason ?? '', at);
  return requestView(state.catalog, decided, callerId);
}
