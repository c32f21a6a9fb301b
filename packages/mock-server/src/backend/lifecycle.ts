/**
 * The request lifecycle: creation, every status transition, and the scheduled transitions
 * (a scheduled start, provisioning, expiry, removal, the simulated approver) run in time order by
 * `advanceTo`/`runDueJobs`.
 * Each change stores a new immutable record, appends an event and tells the status listeners.
 */
import type { AccessFlowRecord } from '../demo-data/model.js';
import { LIFECYCLE } from './constants.js';
import type { RevocationReason, StoredApproval, StoredExtension, StoredRequest } from './records.js';
import type { Job } from './scheduler.js';
import type { BackendState } from './state.js';
import { isoTime } from './views.js';

/** What a submission decided for one new request; the lifecycle fills in the rest. */
type NewRequest = Pick<
  StoredRequest,
  | 'flowId'
  | 'requesterId'
  | 'granteeId'
  | 'target'
  | 'durationHours'
  | 'justification'
  | 'ticket'
  | 'customFields'
  | 'startsAt'
>;

/** The reason the simulated approver gives. */
export const SIMULATED_APPROVAL_REASON = 'Approved by the simulated approver of the reference server.';

/**
 * Who is asked to approve: the flow's approvers except the requester and the grantee (nobody
 * approves their own access), topped up with the flow's backup approvers when too few remain. The
 * flow's bar never moves: `required` is always the flow's `requiredApprovals`, and a submission
 * whose eligible approvers cannot reach it is refused (`submission-rules.ts`).
 */
export function approversFor(
  flow: AccessFlowRecord,
  requesterId: string,
  granteeId: string,
): { readonly approverIds: readonly string[]; readonly required: number } {
  if (flow.approval === 'automatic') return { approverIds: [], required: 0 };
  const eligible = (id: string): boolean => id !== requesterId && id !== granteeId;
  const approverIds = flow.approverIds.filter(eligible);
  for (const backup of flow.backupApproverIds.filter(eligible)) {
    if (approverIds.length >= flow.requiredApprovals) break;
    if (!approverIds.includes(backup)) approverIds.push(backup);
  }
  return { approverIds, required: flow.requiredApprovals };
}

function save(state: BackendState, previous: StoredRequest | null, next: StoredRequest): StoredRequest {
  state.requests.set(next.id, next);
  if (state.quiet) return next;
  state.events.append(next, next.updatedAt);
  if (previous?.status !== next.status)
    state.notifyStatusChange({ request: next, previousStatus: previous?.status ?? null });
  return next;
}

function update(
  state: BackendState,
  request: StoredRequest,
  changes: Partial<StoredRequest>,
  at: number,
): StoredRequest {
  return save(state, request, { ...request, ...changes, updatedAt: at });
}

/** Saves a change of the request's extension, and tells the listeners which extension changed. */
function updateExtension(
  state: BackendState,
  request: StoredRequest,
  changes: Partial<StoredRequest>,
  extension: StoredExtension,
  at: number,
): StoredRequest {
  const next = update(state, request, changes, at);
  if (!state.quiet) state.notifyExtensionChange({ request: next, extension });
  return next;
}

/**
 * `next` as `granting`, with its provisioning scheduled; or, while its `startsAt` is still ahead,
 * `scheduled`, with its start scheduled (approved, waiting for the start).
 */
function grant(state: BackendState, previous: StoredRequest | null, next: StoredRequest, at: number) {
  if (next.startsAt !== null && next.startsAt > at) {
    state.scheduler.schedule({ kind: 'start', requestId: next.id, dueAt: next.startsAt });
    return save(state, previous, { ...next, status: 'scheduled' });
  }
  state.scheduler.schedule({ kind: 'finish_granting', requestId: next.id, dueAt: at + LIFECYCLE.grantingMs });
  return save(state, previous, { ...next, status: 'granting' });
}

/** Stores a new request: `granting` (or `scheduled`) for automatic flows, else `pending_approval`. */
export function createRequest(state: BackendState, draft: NewRequest, at: number): StoredRequest {
  const flow = state.catalog.flow(draft.flowId);
  const { approverIds, required } = approversFor(flow, draft.requesterId, draft.granteeId);
  const base: StoredRequest = {
    ...draft,
    id: state.newRequestId(at),
    sequence: state.nextSequence++,
    status: 'granting',
    statusReason: null,
    approvals: approverIds.map((approverId) => ({
      approverId,
      status: 'pending',
      reason: null,
      decidedAt: null,
    })),
    requiredApprovals: required,
    rejectionReason: null,
    revocationReason: null,
    createdAt: at,
    updatedAt: at,
    grantedAt: null,
    expiresAt: null,
    revokedAt: null,
    favorite: false,
    extensionsGranted: 0,
    extendedHours: 0,
    pendingExtension: null,
    lastExtension: null,
  };
  if (flow.approval === 'automatic') return grant(state, null, base, at);
  if (approverIds.length < required) {
    // Submissions refuse this case first: a request is never granted below its flow's bar.
    const reason = `Rejected automatically: ${flow.name} needs ${required} approvals and only ${approverIds.length} of its approvers may decide.`;
    return save(state, null, { ...base, status: 'rejected', rejectionReason: reason });
  }
  scheduleSimulatedApproval(state, flow, base.id, approverIds, at);
  return save(state, null, { ...base, status: 'pending_approval' });
}

/**
 * The flow's simulated approver, when it is among the approvers asked, approves after its delay: the
 * request, or (given `extensionRequestedAt`) the extension asked for then.
 */
function scheduleSimulatedApproval(
  state: BackendState,
  flow: AccessFlowRecord,
  requestId: string,
  approverIds: readonly string[],
  at: number,
  extensionRequestedAt?: number,
): void {
  const simulated = flow.simulatedApprover;
  if (!simulated || !approverIds.includes(simulated.userId)) return;
  state.scheduler.schedule({
    kind: 'simulated_approval',
    requestId,
    approverId: simulated.userId,
    dueAt: at + simulated.delayMs,
    ...(extensionRequestedAt === undefined ? {} : { extensionRequestedAt }),
  });
}

function decided(
  request: StoredRequest,
  approverId: string,
  decision: StoredApproval,
): readonly StoredApproval[] {
  return request.approvals.map((approval) => (approval.approverId === approverId ? decision : approval));
}

/**
 * Records an approval; when the flow's approvals are met the request moves on to `granting`, or to
 * `scheduled` while its start is ahead.
 */
export function recordApproval(
  state: BackendState,
  request: StoredRequest,
  approverId: string,
  reason: string | null,
  at: number,
): StoredRequest {
  const approvals = decided(request, approverId, { approverId, status: 'approved', reason, decidedAt: at });
  const approvedCount = approvals.filter((a) => a.status === 'approved').length;
  if (approvedCount < request.requiredApprovals) return update(state, request, { approvals }, at);
  return grant(state, request, { ...request, approvals, updatedAt: at }, at);
}

/** One rejection rejects the request; its reason becomes the `rejection_reason`. */
export function recordRejection(
  state: BackendState,
  request: StoredRequest,
  approverId: string,
  reason: string,
  at: number,
): StoredRequest {
  const approvals = decided(request, approverId, { approverId, status: 'rejected', reason, decidedAt: at });
  return update(state, request, { approvals, status: 'rejected', rejectionReason: reason }, at);
}

/**
 * From `pending_approval`: withdrawn, `revoked` at once; from `scheduled`: cancelled before its start,
 * `revoked` at once (its start job then does nothing). From `active`: `revoking`, then `revoked`;
 * an extension still pending is dropped (the access ends as it would have without it).
 */
export function revokeRequest(
  state: BackendState,
  request: StoredRequest,
  reason: RevocationReason,
  at: number,
): StoredRequest {
  if (request.status === 'pending_approval' || request.status === 'scheduled') {
    return update(state, request, { status: 'revoked', revocationReason: reason, revokedAt: at }, at);
  }
  state.scheduler.schedule({
    kind: 'finish_revoking',
    requestId: request.id,
    dueAt: at + LIFECYCLE.revokingMs,
  });
  const changes: Partial<StoredRequest> = { status: 'revoking', revocationReason: reason };
  const pending = request.pendingExtension;
  if (!pending) return update(state, request, changes, at);
  const dropped: StoredExtension = {
    ...pending,
    status: 'dropped',
    decidedAt: at,
    reason:
      reason === 'expired'
        ? `The access expired at ${isoTime(at)} before the extension was approved.`
        : `The request was revoked${reason === 'admin' ? ' by an admin' : ''} before the extension was approved.`,
  };
  return updateExtension(
    state,
    request,
    { ...changes, pendingExtension: null, lastExtension: dropped },
    dropped,
    at,
  );
}

/** The extension granted: `expires_at` moves by its hours (the old expiry job then does nothing). */
function grantExtension(
  state: BackendState,
  request: StoredRequest,
  extension: StoredExtension,
  reason: string | null,
  at: number,
): StoredRequest {
  const expiresAt = (request.expiresAt ?? at) + extension.hours * LIFECYCLE.hourMs;
  state.scheduler.schedule({ kind: 'expire', requestId: request.id, dueAt: expiresAt });
  const granted: StoredExtension = { ...extension, status: 'approved', decidedAt: at, reason };
  return updateExtension(
    state,
    request,
    {
      expiresAt,
      extensionsGranted: request.extensionsGranted + 1,
      extendedHours: request.extendedHours + extension.hours,
      pendingExtension: null,
      lastExtension: granted,
    },
    granted,
    at,
  );
}

/**
 * An extension of an active request: granted at once under an automatic flow, else pending for the
 * flow's approvers (the same as a request's: never the requester or the grantee). The access and its
 * `expiresAt` stay as they are while it waits.
 */
export function requestExtension(
  state: BackendState,
  request: StoredRequest,
  extension: Pick<StoredExtension, 'hours' | 'justification'>,
  at: number,
): StoredRequest {
  const flow = state.catalog.flow(request.flowId);
  const { approverIds, required } = approversFor(flow, request.requesterId, request.granteeId);
  const pending: StoredExtension = {
    ...extension,
    status: 'pending',
    requestedAt: at,
    decidedAt: null,
    reason: null,
    approvals: approverIds.map((approverId) => ({
      approverId,
      status: 'pending',
      reason: null,
      decidedAt: null,
    })),
    requiredApprovals: required,
  };
  if (required === 0) return grantExtension(state, request, pending, null, at);
  scheduleSimulatedApproval(state, flow, request.id, approverIds, at, at);
  return updateExtension(state, request, { pendingExtension: pending }, pending, at);
}

/** An approver's decision on the pending extension: met approvals grant it, one rejection rejects it. */
export function decideExtension(
  state: BackendState,
  request: StoredRequest,
  approverId: string,
  decision: { readonly approved: boolean; readonly reason: string | null },
  at: number,
): StoredRequest {
  const pending = request.pendingExtension;
  if (!pending) return request;
  const status: StoredApproval['status'] = decision.approved ? 'approved' : 'rejected';
  const approvals = pending.approvals.map((approval) =>
    approval.approverId === approverId
      ? { approverId, status, reason: decision.reason, decidedAt: at }
      : approval,
  );
  const next: StoredExtension = { ...pending, approvals };
  if (!decision.approved) {
    const rejected: StoredExtension = { ...next, status: 'rejected', decidedAt: at, reason: decision.reason };
    return updateExtension(state, request, { pendingExtension: null, lastExtension: rejected }, rejected, at);
  }
  if (approvals.filter((a) => a.status === 'approved').length >= pending.requiredApprovals) {
    return grantExtension(state, request, next, decision.reason, at);
  }
  return updateExtension(state, request, { pendingExtension: next }, next, at);
}

/** Favoriting is not a change of the request (`updated_at` stays), but subscribers hear of it. */
export function setFavorite(
  state: BackendState,
  request: StoredRequest,
  favorite: boolean,
  at: number,
): StoredRequest {
  if (request.favorite === favorite) return request;
  const next = { ...request, favorite };
  state.requests.set(next.id, next);
  if (!state.quiet) state.events.append(next, at);
  return next;
}

function finishGranting(state: BackendState, request: StoredRequest, at: number): void {
  const flow = state.catalog.flow(request.flowId);
  if (flow.failsAtGranting) {
    update(state, request, { status: 'failed', statusReason: flow.failureReason }, at);
    return;
  }
  // A scheduled start (granting began at `startsAt`) runs from `startsAt`; approvals met after it,
  // like every other request, from now.
  const grantingBegan = at - LIFECYCLE.grantingMs;
  const from = request.startsAt !== null && request.startsAt >= grantingBegan ? request.startsAt : at;
  const expiresAt = from + request.durationHours * LIFECYCLE.hourMs;
  state.scheduler.schedule({ kind: 'expire', requestId: request.id, dueAt: expiresAt });
  update(state, request, { status: 'active', grantedAt: at, expiresAt }, at);
}

/** Runs one scheduled transition, if the request is still where the job expects it. */
function runJob(state: BackendState, job: Job): void {
  const request = state.requests.get(job.requestId);
  if (!request) return;
  const at = job.dueAt;
  switch (job.kind) {
    case 'start':
      if (request.status === 'scheduled' && request.startsAt === at)
        grant(state, request, { ...request, updatedAt: at }, at);
      return;
    case 'finish_granting':
      if (request.status === 'granting') finishGranting(state, request, at);
      return;
    case 'expire':
      if (request.status === 'active' && request.expiresAt === at)
        revokeRequest(state, request, 'expired', at);
      return;
    case 'finish_revoking':
      if (request.status === 'revoking') update(state, request, { status: 'revoked', revokedAt: at }, at);
      return;
    case 'simulated_approval': {
      const waits = (approvals: readonly StoredApproval[]) =>
        approvals.some((a) => a.approverId === job.approverId && a.status === 'pending');
      if (!job.approverId) return;
      if (job.extensionRequestedAt === undefined) {
        if (request.status === 'pending_approval' && waits(request.approvals))
          recordApproval(state, request, job.approverId, SIMULATED_APPROVAL_REASON, at);
        return;
      }
      // Only the extension it was scheduled for, while it still waits (not a later one).
      const extension = request.pendingExtension;
      if (
        request.status === 'active' &&
        extension?.requestedAt === job.extensionRequestedAt &&
        waits(extension.approvals)
      ) {
        const decision = { approved: true, reason: SIMULATED_APPROVAL_REASON };
        decideExtension(state, request, job.approverId, decision, at);
      }
      return;
    }
  }
}

/** Runs every transition due at `time` or before, each at its own due time, in order. */
export function runDueJobs(state: BackendState, time: number): void {
  for (let job = state.scheduler.takeDue(time); job; job = state.scheduler.takeDue(time)) runJob(state, job);
}

/** Moves the clock to `target`, stopping at each due transition so its timestamps are its own. */
export function advanceTo(state: BackendState, target: number): void {
  for (let job = state.scheduler.takeDue(target); job; job = state.scheduler.takeDue(target)) {
    state.scheduler.advanceTo(job.dueAt);
    runJob(state, job);
  }
  state.scheduler.advanceTo(target);
}
