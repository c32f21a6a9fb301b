/** Serialisation: the world's records and the stored requests as the contract's schemas. */
import type { components } from '@access-requests/contract';
import type {
  AppRecord,
  BundleRecord,
  CustomFieldRecord,
  PermissionRecord,
  ResourceRecord,
  ResourceTypeRecord,
} from '../demo-data/model.js';
import { canFlags } from './access-rules.js';
import type { CatalogIndex } from './catalog-index.js';
import type { StoredApproval, StoredExtension, StoredPair, StoredRequest } from './records.js';

/** The contract's schemas (imported from the contract, not `api.ts`, which sits above this module). */
type Schemas = components['schemas'];

/** Times already written, by second: a list writes the same few times on every call. */
const written = new Map<number, string>();
/** Past this many, `written` starts again (a clock running for days writes ever new times). */
const MAX_WRITTEN = 10_000;

/** RFC 3339 in UTC, to the second (as the contract's examples write times). */
export function isoTime(milliseconds: number): string {
  const second = Math.floor(milliseconds / 1000);
  let text = written.get(second);
  if (text === undefined) {
    // `toISOString` costs microseconds: a page of requests writes dozens of times.
    text = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    if (written.size >= MAX_WRITTEN) written.clear();
    written.set(second, text);
  }
  return text;
}

const isoOrNull = (milliseconds: number | null): string | null =>
  milliseconds === null ? null : isoTime(milliseconds);

export const ref = (record: {
  readonly id: string;
  readonly name: string;
}): { id: string; name: string } => ({
  id: record.id,
  name: record.name,
});

export function userView(catalog: CatalogIndex, userId: string): Schemas['User'] {
  const user = catalog.user(userId);
  return { id: user.id, name: user.name, email: user.email };
}

export function appView(catalog: CatalogIndex, app: AppRecord): Schemas['App'] {
  return {
    id: app.id,
    name: app.name,
    category: app.category,
    description: app.description,
    permissions: app.permissionIds.map((id) => ref(catalog.permission(id))),
  };
}

export function resourceTypeView(catalog: CatalogIndex, type: ResourceTypeRecord): Schemas['ResourceType'] {
  return { id: type.id, name: type.name, app: ref(catalog.app(type.appId)) };
}

export function permissionView(catalog: CatalogIndex, permission: PermissionRecord): Schemas['Permission'] {
  return {
    id: permission.id,
    name: permission.name,
    resource_type: ref(catalog.resourceType(permission.resourceTypeId)),
  };
}

export function resourceView(catalog: CatalogIndex, resource: ResourceRecord): Schemas['Resource'] {
  return {
    id: resource.id,
    name: resource.name,
    path: resource.path,
    resource_type: ref(catalog.resourceType(resource.resourceTypeId)),
    app: ref(catalog.app(resource.appId)),
    permissions: resource.permissionIds.map((id) => ref(catalog.permission(id))),
  };
}

export function bundleView(catalog: CatalogIndex, bundle: BundleRecord): Schemas['Bundle'] {
  return {
    id: bundle.id,
    name: bundle.name,
    description: bundle.description,
    items: bundle.items.map((item) => pairRefView(catalog, item)),
  };
}

function pairRefView(catalog: CatalogIndex, pair: StoredPair): Schemas['ResourcePermissionRef'] {
  return {
    resource: ref(catalog.resource(pair.resourceId)),
    permission: ref(catalog.permission(pair.permissionId)),
  };
}

export function requestResourceView(catalog: CatalogIndex, pair: StoredPair): Schemas['RequestResource'] {
  const resource = catalog.resource(pair.resourceId);
  return {
    resource: {
      id: resource.id,
      name: resource.name,
      path: resource.path,
      resource_type: ref(catalog.resourceType(resource.resourceTypeId)),
    },
    permission: ref(catalog.permission(pair.permissionId)),
  };
}

/** How many resources a resources target lists by name: the contract's "first five pairs". */
const SUMMARY_SIZE = 5;

function targetView(catalog: CatalogIndex, request: StoredRequest): Schemas['AccessRequestTarget'] {
  const target = request.target;
  switch (target.kind) {
    case 'resources':
      return {
        type: 'resources',
        resource_count: target.pairs.length,
        resources_summary: target.pairs.slice(0, SUMMARY_SIZE).map((pair) => pairRefView(catalog, pair)),
      };
    case 'app':
      return {
        type: 'app',
        app: ref(catalog.app(target.appId)),
        permission: ref(catalog.permission(target.permissionId)),
      };
    case 'bundle':
      return {
        type: 'bundle',
        bundle: ref(catalog.bundle(target.bundleId)),
        resource_count: target.pairs.length,
      };
  }
}

function approvalView(catalog: CatalogIndex, approval: StoredApproval): Schemas['Approval'] {
  return {
    approver: userView(catalog, approval.approverId),
    status: approval.status,
    reason: approval.reason,
    decided_at: isoOrNull(approval.decidedAt),
  };
}

function extensionView(catalog: CatalogIndex, extension: StoredExtension): Schemas['Extension'] {
  return {
    hours: extension.hours,
    justification: extension.justification,
    status: extension.status,
    requested_at: isoTime(extension.requestedAt),
    decided_at: isoOrNull(extension.decidedAt),
    reason: extension.reason,
    approvals: extension.approvals.map((approval) => approvalView(catalog, approval)),
  };
}

/** The flow's extension policy and where the request's extensions stand; null when the flow allows none. */
function requestExtensionView(
  catalog: CatalogIndex,
  request: StoredRequest,
): Schemas['RequestExtension'] | null {
  const flow = catalog.flow(request.flowId);
  if (!flow.extension) return null;
  const { maxHours, allowed } = flow.extension;
  return {
    max_hours: maxHours,
    allowed,
    remaining: Math.max(0, allowed - request.extensionsGranted),
    requires_approval: flow.approval === 'manual',
    extended_hours: request.extendedHours,
    pending: request.pendingExtension && extensionView(catalog, request.pendingExtension),
    last: request.lastExtension && extensionView(catalog, request.lastExtension),
  };
}

/** A flow's custom field as the contract's `CustomField`: optional parts only when the flow gives them. */
export function customFieldView(field: CustomFieldRecord): Schemas['CustomField'] {
  const common = {
    id: field.id,
    label: field.label,
    ...(field.description === null ? {} : { description: field.description }),
    required: field.required,
  };
  switch (field.type) {
    case 'text':
      return {
        ...common,
        type: 'text',
        ...(field.pattern === null ? {} : { pattern: field.pattern }),
        ...(field.patternHint === null ? {} : { pattern_hint: field.patternHint }),
        max_length: field.maxLength,
      };
    case 'choice':
      return { ...common, type: 'choice', choices: field.choices.map((c) => ({ id: c.id, label: c.label })) };
    case 'number':
      return {
        ...common,
        type: 'number',
        integer: field.integer,
        ...(field.min === null ? {} : { min: field.min }),
        ...(field.max === null ? {} : { max: field.max }),
      };
  }
}

/** A request as `callerId` sees it: `favorite` and `can` are the caller's. */
export function requestView(
  catalog: CatalogIndex,
  request: StoredRequest,
  callerId: string,
): Schemas['AccessRequest'] {
  const ticketType = request.ticket
    ? catalog.world.org.ticketTypes.find((t) => t.id === request.ticket?.typeId)
    : undefined;
  return {
    id: request.id,
    status: request.status,
    status_reason: request.statusReason,
    access_flow: ref(catalog.flow(request.flowId)),
    requester: userView(catalog, request.requesterId),
    grantee: userView(catalog, request.granteeId),
    target: targetView(catalog, request),
    duration_hours: request.durationHours,
    justification: request.justification,
    ticket: request.ticket && ticketType ? { type: ref(ticketType), id: request.ticket.id } : null,
    approvals: request.approvals.map((approval) => approvalView(catalog, approval)),
    rejection_reason: request.rejectionReason,
    revocation_reason: request.revocationReason,
    created_at: isoTime(request.createdAt),
    updated_at: isoTime(request.updatedAt),
    starts_at: isoOrNull(request.startsAt),
    granted_at: isoOrNull(request.grantedAt),
    expires_at: isoOrNull(request.expiresAt),
    revoked_at: isoOrNull(request.revokedAt),
    favorite: request.favorite && request.requesterId === callerId,
    custom_fields: request.customFields.map((answer) => ({ ...answer })),
    extension: requestExtensionView(catalog, request),
    can: canFlags(request, callerId, catalog),
  };
}
