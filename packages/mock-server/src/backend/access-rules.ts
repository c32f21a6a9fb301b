/**
 * Who may see a request and who may do what with it. Each action's rule is written once and used
 * twice: by the action itself (a denial becomes its 403 or 409) and by the `can` flags, so a flag is
 * true exactly when the call would succeed.
 */
import type { components } from '@access-requests/contract';
import { CLOSED_STATUSES } from '@access-requests/contract';
import type { CatalogIndex } from './catalog-index.js';
import { fieldError, forbidden, invalidState } from './problems.js';
import type { StoredRequest } from './records.js';

/** The contract's schemas (imported from the contract, not `api.ts`, which sits above this module). */
type Schemas = components['schemas'];
type FieldError = Schemas['FieldError'];

interface Denial {
  readonly status: 403 | 409;
  readonly detail: string;
}

type Rule = (request: StoredRequest, callerId: string, catalog: CatalogIndex) => Denial | null;

const deny403 = (detail: string): Denial => ({ status: 403, detail });
const deny409 = (detail: string): Denial => ({ status: 409, detail });

export function isClosed(request: StoredRequest): boolean {
  return CLOSED_STATUSES.includes(request.status);
}

/**
 * A request is visible to its requester, its grantee and the approvers asked to decide on it (or on
 * its extension).
 */
export function isVisibleTo(request: StoredRequest, userId: string): boolean {
  return (
    request.requesterId === userId ||
    request.granteeId === userId ||
    request.approvals.some((a) => a.approverId === userId) ||
    (request.pendingExtension ?? request.lastExtension)?.approvals.some((a) => a.approverId === userId) ===
      true
  );
}

const revoke: Rule = (request, callerId, catalog) => {
  if (request.requesterId !== callerId) {
    const requester = catalog.user(request.requesterId).name;
    return deny403(
      request.granteeId === callerId
        ? `This request was made on your behalf by ${requester}; only the requester can revoke it.`
        : `Only the requester, ${requester}, can revoke this request.`,
    );
  }
  if (
    request.status !== 'pending_approval' &&
    request.status !== 'scheduled' &&
    request.status !== 'active'
  ) {
    return deny409(
      `The request is ${request.status}; only pending_approval, scheduled and active requests can be revoked.`,
    );
  }
  return null;
};

const favorite: Rule = (request, callerId) =>
  request.requesterId === callerId && request.granteeId === callerId
    ? null
    : deny403('You can only favorite requests that you have submitted for yourself.');

const requestAgain: Rule = (request, callerId, catalog) => {
  if (request.requesterId !== callerId) {
    return deny403(
      `Only the requester, ${catalog.user(request.requesterId).name}, can request this access again.`,
    );
  }
  if (!isClosed(request)) {
    return deny409(
      `The request is ${request.status}; only rejected, revoked and failed requests can be requested again.`,
    );
  }
  return null;
};

const useAccess: Rule = (request, callerId, catalog) => {
  if (request.granteeId !== callerId) {
    return deny403(`Only the grantee, ${catalog.user(request.granteeId).name}, can use this access.`);
  }
  if (request.status !== 'active') {
    return deny409(`The request is ${request.status}; access details exist only while a request is active.`);
  }
  return null;
};

/**
 * Approve and reject share one rule. They decide the request while it is `pending_approval`, and
 * its pending extension while it is `active` with one (a request never has both).
 */
const decide: Rule = (request, callerId) => {
  if (request.requesterId === callerId || request.granteeId === callerId) {
    return deny403('You cannot approve or reject your own request.');
  }
  const extension = request.status === 'active' ? request.pendingExtension : null;
  const approval = (extension ?? request).approvals.find((a) => a.approverId === callerId);
  if (!approval && !request.approvals.some((a) => a.approverId === callerId)) {
    return deny403('You are not an approver of this request.');
  }
  if (request.status !== 'pending_approval' && !extension) {
    return deny409(
      `The request is ${request.status}; only pending_approval requests, and active requests with an extension pending, can be approved or rejected.`,
    );
  }
  if (!approval) return deny403('You are not an approver of this extension.');
  if (approval.status !== 'pending') {
    return deny409(`You have already ${approval.status} this ${extension ? 'extension' : 'request'}.`);
  }
  return null;
};

/**
 * Extending: only the requester (as for revoke), only an `active` request without an extension
 * pending (409); a flow that allows none, or no extension left, is the 422 of `extensionPolicyErrors`.
 */
const extend: Rule = (request, callerId, catalog) => {
  if (request.requesterId !== callerId) {
    const requester = catalog.user(request.requesterId).name;
    return deny403(
      request.granteeId === callerId
        ? `This request was made on your behalf by ${requester}; only the requester can extend it.`
        : `Only the requester, ${requester}, can extend this request.`,
    );
  }
  if (request.status !== 'active') {
    return deny409(`The request is ${request.status}; only active requests can be extended.`);
  }
  if (request.pendingExtension)
    return deny409('An extension of this request is already waiting for approval.');
  return null;
};

/** Why the flow's policy refuses another extension of the request (field `""`: the body as a whole). */
export function extensionPolicyErrors(request: StoredRequest, catalog: CatalogIndex): FieldError[] {
  const flow = catalog.flow(request.flowId);
  if (!flow.extension) {
    return [fieldError('', 'not_allowed', `${flow.name} does not allow extensions.`)];
  }
  const { allowed } = flow.extension;
  if (request.extensionsGranted >= allowed) {
    const had = request.extensionsGranted;
    return [
      fieldError(
        '',
        'too_many',
        `${flow.name} allows ${allowed} ${allowed === 1 ? 'extension' : 'extensions'} per request; this request has had ${had}.`,
      ),
    ];
  }
  return [];
}

export const RULES = { revoke, favorite, requestAgain, useAccess, decide, extend } as const;

/** What the caller may do with the request now. */
export function canFlags(
  request: StoredRequest,
  callerId: string,
  catalog: CatalogIndex,
): Schemas['RequestPermissions'] {
  const allowed = (rule: Rule): boolean => rule(request, callerId, catalog) === null;
  const mayDecide = allowed(decide);
  return {
    revoke: allowed(revoke),
    favorite: allowed(favorite),
    request_again: allowed(requestAgain),
    use_access: allowed(useAccess),
    approve: mayDecide,
    reject: mayDecide,
    extend: allowed(extend) && extensionPolicyErrors(request, catalog).length === 0,
  };
}

/** Throws the rule's 403 or 409, if it denies. */
export function enforce(rule: Rule, request: StoredRequest, callerId: string, catalog: CatalogIndex): void {
  const denial = rule(request, callerId, catalog);
  if (!denial) return;
  throw denial.status === 403 ? forbidden(denial.detail) : invalidState(request.status, denial.detail);
}
