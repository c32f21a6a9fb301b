/**
 * The rules of a submission: ids must exist and fit together, the grantee must be someone the
 * caller may request for, and the access flows the items fall under decide the longest duration,
 * whether a justification and a ticket are required, which custom fields are asked, and how far ahead
 * a start may be scheduled.
 * Every broken rule is collected.
 */
import type {
  AccessFlowRecord,
  AppRecord,
  BundleRecord,
  PermissionRecord,
  ResourceRecord,
} from '../demo-data/model.js';
import type { FieldError } from './api.js';
import type { CatalogIndex } from './catalog-index.js';
import { LIFECYCLE, LIMITS } from './constants.js';
import { fieldError } from './problems.js';
import { clip, hours } from './input.js';
import { approversFor } from './lifecycle.js';
import { resolveCustomFields } from './custom-fields.js';
import type { Schemas } from './api.js';
import type { StoredTicket } from './records.js';
import { isoTime } from './views.js';

/** A submission body as the contract's validator let it through: types are right, fields may be missing. */
export type SubmissionInput = Partial<Schemas['AccessRequestInput']>;
type Partly<T> = { readonly [K in keyof T]?: T[K] | undefined };

/** Whether an earlier check (the contract's) already refused `field`. */
const refused = (errors: readonly FieldError[], field: string) => errors.some((e) => e.field === field);

export type ResolvedItem =
  | {
      readonly kind: 'resource';
      readonly resource: ResourceRecord;
      readonly permission: PermissionRecord;
      readonly flowId: string;
    }
  | {
      readonly kind: 'app';
      readonly app: AppRecord;
      readonly permission: PermissionRecord;
      readonly flowId: string;
    }
  | { readonly kind: 'bundle'; readonly bundle: BundleRecord; readonly flowId: string };

/** The items that become one request: those under one access flow. */
export interface ResolvedGroup {
  readonly flow: AccessFlowRecord;
  readonly items: ResolvedItem[];
}

export type Resolution = ReturnType<typeof resolveSubmission>;

function tooLongId(id: string, path: string, errors: FieldError[]): boolean {
  if (id.length <= LIMITS.maxIdLength) return false;
  errors.push(fieldError(path, 'too_long', `${path} must be at most ${LIMITS.maxIdLength} characters.`));
  return true;
}

function resolveGrantee(
  catalog: CatalogIndex,
  callerId: string,
  granteeId: string | undefined,
  errors: FieldError[],
): string {
  if (granteeId === undefined) return callerId;
  if (tooLongId(granteeId, 'grantee_id', errors)) return callerId;
  checkGrantee(catalog, callerId, granteeId, errors);
  return granteeId;
}

/** `grantee_id` (of a submission or the resource list) must be a user the caller may request for. */
export function checkGrantee(
  catalog: CatalogIndex,
  callerId: string,
  granteeId: string,
  errors: FieldError[],
): void {
  const grantee = catalog.users.get(granteeId);
  if (!grantee) {
    errors.push(fieldError('grantee_id', 'unknown', `There is no user ${clip(granteeId)}.`));
  } else if (!catalog.granteesOf(callerId).includes(granteeId)) {
    errors.push(fieldError('grantee_id', 'not_allowed', `You may not request access for ${grantee.name}.`));
  }
}

/** Who a submission is by and for. */
interface Parties {
  readonly requesterId: string;
  readonly granteeId: string;
}

/**
 * `not_allowed` when the grantee is not among the flow's grantees, or when too few of the flow's
 * approvers (and backup approvers) remain once the requester and the grantee are set aside: neither
 * counts towards, nor lowers, the approvals the flow needs.
 */
function checkFlow(
  catalog: CatalogIndex,
  flowId: string,
  { requesterId, granteeId }: Parties,
  what: string,
  path: string,
  errors: FieldError[],
): void {
  if (!catalog.users.has(granteeId)) return;
  const flow = catalog.flow(flowId);
  if (!catalog.flowAdmits(flowId, granteeId)) {
    const grantee = catalog.user(granteeId).name;
    errors.push(
      fieldError(
        path,
        'not_allowed',
        `${grantee} cannot receive ${what}: ${flow.name} does not include them.`,
      ),
    );
    return;
  }
  const { approverIds, required } = approversFor(flow, requesterId, granteeId);
  if (approverIds.length < required) {
    const message =
      `${flow.name} needs ${required} approvers other than the requester and the grantee, and has ` +
      `${approverIds.length}: ${what} cannot be requested here.`;
    errors.push(fieldError(path, 'not_allowed', message));
  }
}

/** A resource or app selection (`resources[i]` or `app`), and the selections seen before it, if a list. */
interface PermittedSelection<T> {
  readonly path: string;
  readonly noun: 'resource' | 'app';
  readonly records: ReadonlyMap<string, T>;
  readonly id: string | undefined;
  readonly permissionId: string | undefined;
  readonly seen?: { readonly index: number; readonly first: Map<string, number> };
}

/** Both ids known, the permission one the record can be requested with, not selected twice, flow admits. */
function resolvePermitted<T extends ResourceRecord | AppRecord>(
  catalog: CatalogIndex,
  { path, noun, records, id, permissionId, seen }: PermittedSelection<T>,
  parties: Parties,
  errors: FieldError[],
): { readonly record: T; readonly permission: PermissionRecord } | undefined {
  const [idPath, permissionPath] = [`${path}.${noun}_id`, `${path}.permission_id`];
  if (id === undefined || permissionId === undefined) return undefined;
  if (tooLongId(id, idPath, errors) || tooLongId(permissionId, permissionPath, errors)) return undefined;
  const record = records.get(id);
  const permission = catalog.permissions.get(permissionId);
  if (!record) errors.push(fieldError(idPath, 'unknown', `There is no ${noun} ${clip(id)}.`));
  if (!permission)
    errors.push(fieldError(permissionPath, 'unknown', `There is no permission ${clip(permissionId)}.`));
  if (!record || !permission) return undefined;
  if (!record.permissionIds.includes(permission.id)) {
    const message = `${permission.name} is not a permission ${record.name} can be requested with.`;
    errors.push(fieldError(permissionPath, 'not_allowed', message));
    return undefined;
  }
  if (seen) {
    const key = `${record.id} ${permission.id}`;
    const first = seen.first.get(key);
    if (first !== undefined) {
      const message = `${record.name} with ${permission.name} is already selected at resources[${first}].`;
      errors.push(fieldError(path, 'not_allowed', message));
      return undefined;
    }
    seen.first.set(key, seen.index);
  }
  checkFlow(catalog, record.flowId, parties, `access to ${record.name}`, idPath, errors);
  return { record, permission };
}

function resolveItems(
  catalog: CatalogIndex,
  input: SubmissionInput,
  parties: Parties,
  errors: FieldError[],
): ResolvedItem[] {
  const [target, ...extra] = (['resources', 'app', 'bundle'] as const).filter((f) => input[f] !== undefined);
  for (const field of extra)
    errors.push(fieldError(field, 'not_allowed', 'Give only one of resources, app or bundle.'));
  if (target === undefined) {
    errors.push(fieldError('resources', 'required', 'Give exactly one of resources, app or bundle.'));
    return [];
  }
  switch (target) {
    case 'resources': {
      // A list over the limit is refused as a whole: its items are not checked one by one.
      if (errors.some((e) => e.field === 'resources' && e.code === 'too_many')) return [];
      const first = new Map<string, number>();
      return (input.resources ?? []).flatMap((selection, index) => {
        const { resource_id: id, permission_id: permissionId } = selection;
        const path = `resources[${index}]`;
        const seen = { index, first };
        const found = resolvePermitted(
          catalog,
          { path, noun: 'resource', records: catalog.resources, id, permissionId, seen },
          parties,
          errors,
        );
        if (!found) return [];
        const { record: resource, permission } = found;
        return [{ kind: 'resource' as const, resource, permission, flowId: resource.flowId }];
      });
    }
    case 'app': {
      const { app_id: id, permission_id: permissionId } = input.app ?? {};
      const selection = { path: 'app', noun: 'app', records: catalog.apps, id, permissionId } as const;
      const found = resolvePermitted(catalog, selection, parties, errors);
      if (!found) return [];
      const { record: app, permission } = found;
      return [{ kind: 'app', app, permission, flowId: app.flowId }];
    }
    case 'bundle': {
      const bundleId = input.bundle?.bundle_id;
      if (bundleId === undefined || tooLongId(bundleId, 'bundle.bundle_id', errors)) return [];
      const bundle = catalog.bundles.get(bundleId);
      if (!bundle) {
        errors.push(fieldError('bundle.bundle_id', 'unknown', `There is no bundle ${clip(bundleId)}.`));
        return [];
      }
      const what = `the bundle ${bundle.name}`;
      checkFlow(catalog, bundle.flowId, parties, what, 'bundle.bundle_id', errors);
      return [{ kind: 'bundle', bundle, flowId: bundle.flowId }];
    }
  }
}

/** One group per flow, in the order the flows first appear. */
function groupByFlow(catalog: CatalogIndex, items: readonly ResolvedItem[]): ResolvedGroup[] {
  const groups = new Map<string, ResolvedGroup>();
  for (const item of items) {
    let group = groups.get(item.flowId);
    if (!group) {
      group = { flow: catalog.flow(item.flowId), items: [] };
      groups.set(item.flowId, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}

function checkDuration(
  groups: readonly ResolvedGroup[],
  durationHours: number | undefined,
  errors: FieldError[],
): void {
  if (durationHours === undefined || refused(errors, 'duration_hours')) return;
  const strictest = [...groups].sort((a, b) => a.flow.maxDurationHours - b.flow.maxDurationHours)[0]?.flow;
  if (strictest && durationHours > strictest.maxDurationHours) {
    const message = `${strictest.name} allows at most ${hours(strictest.maxDurationHours)}.`;
    errors.push(fieldError('duration_hours', 'out_of_range', message));
  }
}

function checkJustification(
  groups: readonly ResolvedGroup[],
  justification: string | undefined,
  errors: FieldError[],
): void {
  const requiring = groups.find((g) => g.flow.justificationRequired)?.flow.name;
  if (justification === undefined && requiring && !refused(errors, 'justification'))
    errors.push(fieldError('justification', 'required', `A justification is required by ${requiring}.`));
}

function resolveTicket(
  catalog: CatalogIndex,
  groups: readonly ResolvedGroup[],
  ticket: Partly<Schemas['TicketInput']> | undefined,
  errors: FieldError[],
): StoredTicket | null {
  if (!ticket) {
    const requiring = groups.find((g) => g.flow.ticketRequired);
    if (requiring)
      errors.push(fieldError('ticket', 'required', `A ticket is required by ${requiring.flow.name}.`));
    return null;
  }
  const { type_id: typeId, id } = ticket;
  const type = typeId === undefined ? undefined : catalog.world.org.ticketTypes.find((t) => t.id === typeId);
  if (typeId !== undefined && !type)
    errors.push(fieldError('ticket.type_id', 'unknown', `There is no ticket type ${clip(typeId)}.`));
  if (id === undefined || refused(errors, 'ticket.id')) return null;
  if (type?.idPattern !== undefined && !new RegExp(type.idPattern).test(id)) {
    const message = `A ${type.name} ticket id looks like ${type.example}.`;
    errors.push(fieldError('ticket.id', 'invalid_format', message));
  }
  return type ? { typeId: type.id, id } : null;
}

/** An RFC 3339 date-time (the contract's `format: date-time`), with a time zone. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * `starts_at`: a date-time on a whole hour, after `now` and within the strictest window of the flows
 * the items fall under (`not_allowed` under a flow that allows no scheduled start). Null when absent.
 */
function resolveStart(
  groups: readonly ResolvedGroup[],
  startsAt: string | undefined,
  now: number,
  errors: FieldError[],
): number | null {
  if (startsAt === undefined || refused(errors, 'starts_at')) return null;
  const time = DATE_TIME.test(startsAt) ? Date.parse(startsAt) : Number.NaN;
  if (Number.isNaN(time)) {
    const message = `starts_at must be an RFC 3339 date-time, like 2025-06-09T08:00:00Z; got ${clip(startsAt)}.`;
    errors.push(fieldError('starts_at', 'invalid_format', message));
    return null;
  }
  if (time % LIFECYCLE.hourMs !== 0) {
    errors.push(
      fieldError('starts_at', 'invalid_format', 'The start must be on a whole hour (minutes and seconds 0).'),
    );
    return null;
  }
  if (time <= now) {
    errors.push(fieldError('starts_at', 'out_of_range', `The start must be after now (${isoTime(now)}).`));
    return null;
  }
  const strictest = [...groups].sort((a, b) => a.flow.maxStartAheadHours - b.flow.maxStartAheadHours)[0]
    ?.flow;
  if (!strictest) return time;
  if (strictest.maxStartAheadHours === 0) {
    const message = `${strictest.name} does not allow a scheduled start; leave the start empty.`;
    errors.push(fieldError('starts_at', 'not_allowed', message));
    return null;
  }
  if (time > now + strictest.maxStartAheadHours * LIFECYCLE.hourMs) {
    const message = `${strictest.name} allows a start at most ${hours(strictest.maxStartAheadHours)} ahead.`;
    errors.push(fieldError('starts_at', 'out_of_range', message));
    return null;
  }
  return time;
}

/** An error on the items (`resources[2].resource_id`, `app.app_id`, `bundle`, …). */
const isItemError = (error: FieldError): boolean => /^(resources|app|bundle)(\b|$)/.test(error.field);

/** Resolves the ids of a well-typed submission, groups its items by flow and checks every rule. */
export function resolveSubmission(
  catalog: CatalogIndex,
  callerId: string,
  input: SubmissionInput,
  earlierErrors: readonly FieldError[],
  now: number,
) {
  const errors = [...earlierErrors];
  const granteeId = resolveGrantee(catalog, callerId, input.grantee_id, errors);
  const parties = { requesterId: callerId, granteeId };
  const itemErrorsBefore = errors.filter(isItemError).length;
  const groups = groupByFlow(catalog, resolveItems(catalog, input, parties, errors));
  const itemsResolved = errors.filter(isItemError).length === itemErrorsBefore && groups.length > 0;
  checkDuration(groups, input.duration_hours, errors);
  checkJustification(groups, input.justification, errors);
  const ticket = resolveTicket(catalog, groups, input.ticket, errors);
  const customFields = resolveCustomFields(groups, input.custom_fields, itemsResolved, errors);
  const startsAt = resolveStart(groups, input.starts_at, now, errors);
  return {
    granteeId,
    groups,
    durationHours: input.duration_hours ?? 0,
    justification: input.justification ?? null,
    ticket,
    /** The answers each group's request keeps, in the order of `groups`. */
    customFields,
    startsAt,
    errors,
  };
}
