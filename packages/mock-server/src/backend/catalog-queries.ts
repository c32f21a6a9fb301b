/** The caller, their grantees and the catalog lists: searchable, filterable, paged by name. */
import type { RawQuery, Schemas } from './api.js';
import type { CatalogIndex } from './catalog-index.js';
import { encodeCursor, pageByOffset, readPageRequest, type Page } from './pagination.js';
import { fieldError } from './problems.js';
import { clip, readQuery, throwIfInvalid } from './input.js';
import { checkGrantee } from './submission-rules.js';
import type { FieldError } from './api.js';
import { appView, bundleView, permissionView, resourceTypeView, resourceView, userView } from './views.js';

export function me(
  catalog: CatalogIndex,
  callerId: string,
  notificationChannel: Schemas['OrgSettings']['notification_channel'],
): Schemas['Me'] {
  const { org } = catalog.world;
  return {
    user: userView(catalog, callerId),
    org: {
      max_resources_per_request: org.maxResourcesPerRequest,
      ticket_types: org.ticketTypes.map((t) => ({
        id: t.id,
        name: t.name,
        ...(t.idPattern === undefined ? {} : { id_pattern: t.idPattern }),
      })),
      notification_channel: notificationChannel,
      default_duration_hours: org.defaultDurationHours,
    },
    is_approver: catalog.approverIds.has(callerId),
  };
}

/** `search`, lowercased; empty means "everything". */
const searchOf = (query: { readonly search?: string }) => (query.search ?? '').toLowerCase();

/** The ids of a repeatable parameter; each must be known (or it is `unknown`). */
function knownIds(
  values: readonly string[] | undefined,
  param: string,
  known: ReadonlyMap<string, unknown>,
  noun: string,
  errors: FieldError[],
): string[] {
  for (const id of values ?? [])
    if (!known.has(id)) errors.push(fieldError(param, 'unknown', `There is no ${noun} ${clip(id)}.`));
  return [...(values ?? [])];
}

/** A filter by parent ids (`app_id[]`, `resource_type_id[]`): unknown ids are 422 `unknown`. */
interface ParentFilter<T> {
  readonly param: string;
  readonly known: ReadonlyMap<string, unknown>;
  readonly noun: string;
  readonly parentOf: (item: T) => string;
}

/** A list filtered by `search` (and its parent filter), paged by offset. */
function searchable<T extends { readonly name: string }, R>(
  query: RawQuery,
  list: 'resourceTypes' | 'permissions' | 'apps' | 'bundles',
  items: readonly T[],
  view: (item: T) => R,
  parent?: ParentFilter<T>,
): Page<R> {
  const { values, errors } = readQuery(list, query);
  const search = searchOf(values);
  const given = parent && (values as Record<string, string[] | undefined>)[parent.param];
  const ids = parent ? knownIds(given, parent.param, parent.known, parent.noun, errors) : [];
  const filters = parent ? { [parent.param]: [...ids].sort() } : {};
  const page = readPageRequest(values, errors, { list, search, ...filters });
  throwIfInvalid(errors);
  const keep = (item: T) =>
    (search === '' || item.name.toLowerCase().includes(search)) &&
    (ids.length === 0 || (parent !== undefined && ids.includes(parent.parentOf(item))));
  return pageByOffset(items.filter(keep), page, view);
}

export function grantees(catalog: CatalogIndex, callerId: string, query: RawQuery): Schemas['GranteePage'] {
  const people = catalog.granteesOf(callerId).map((id) => catalog.user(id));
  // The caller first, then the others by name; search matches names and emails.
  const ordered = [
    people[0],
    ...people.slice(1).sort((a, b) => (a?.name ?? '').localeCompare(b?.name ?? '')),
  ].flatMap((p) => (p ? [p] : []));
  const { values, errors } = readQuery('grantees', query);
  const search = searchOf(values);
  const page = readPageRequest(values, errors, { list: 'grantees', callerId, search });
  throwIfInvalid(errors);
  const matches = ordered.filter(
    (p) => search === '' || p.name.toLowerCase().includes(search) || p.email.toLowerCase().includes(search),
  );
  return pageByOffset(matches, page, (p) => ({ ...userView(catalog, p.id), is_self: p.id === callerId }));
}

export const resourceTypes = (catalog: CatalogIndex, query: RawQuery): Schemas['ResourceTypePage'] =>
  searchable(query, 'resourceTypes', catalog.resourceTypesByName, (t) => resourceTypeView(catalog, t), {
    param: 'app_id[]',
    known: catalog.apps,
    noun: 'app',
    parentOf: (t) => t.appId,
  });

export const permissions = (catalog: CatalogIndex, query: RawQuery): Schemas['PermissionPage'] =>
  searchable(query, 'permissions', catalog.permissionsByName, (p) => permissionView(catalog, p), {
    param: 'resource_type_id[]',
    known: catalog.resourceTypes,
    noun: 'resource type',
    parentOf: (p) => p.resourceTypeId,
  });

export const apps = (catalog: CatalogIndex, query: RawQuery): Schemas['AppPage'] =>
  searchable(query, 'apps', catalog.appsByName, (a) => appView(catalog, a));

export const bundles = (catalog: CatalogIndex, query: RawQuery): Schemas['BundlePage'] =>
  searchable(query, 'bundles', catalog.bundlesByName, (b) => bundleView(catalog, b));

/** The resource filters both resource queries share, read and checked (unknown ids are 422 `unknown`). */
function resourceFilters(
  catalog: CatalogIndex,
  callerId: string,
  values: {
    readonly search?: string;
    readonly 'id[]'?: string[];
    readonly 'resource_type_id[]'?: string[];
    readonly 'permission_id[]'?: string[];
    readonly grantee_id?: string;
  },
  errors: FieldError[],
) {
  const search = searchOf(values);
  // A look-up by id: ids that do not exist are simply not found (no error), as a search finds nothing.
  const ids = new Set(values['id[]']);
  const typeIds = new Set(
    knownIds(
      values['resource_type_id[]'],
      'resource_type_id[]',
      catalog.resourceTypes,
      'resource type',
      errors,
    ),
  );
  const permissionIds = new Set(
    knownIds(values['permission_id[]'], 'permission_id[]', catalog.permissions, 'permission', errors),
  );
  const granteeId = values.grantee_id ?? callerId;
  checkGrantee(catalog, callerId, granteeId, errors);
  const { resourcesByName, resourceSearchKeys } = catalog;
  return {
    search,
    ids,
    typeIds,
    permissionIds,
    granteeId,
    /** The access flows whose resources the grantee may receive (call once the filters are valid). */
    admittedFlows: () =>
      new Set([...catalog.flows.keys()].filter((flowId) => catalog.flowAdmits(flowId, granteeId))),
    /** Whether the resource at position `i` matches the search and filters (whoever may receive it). */
    matches(i: number): boolean {
      const resource = resourcesByName[i];
      return (
        resource !== undefined &&
        (ids.size === 0 || ids.has(resource.id)) &&
        (search === '' || (resourceSearchKeys[i] ?? '').includes(search)) &&
        (typeIds.size === 0 || typeIds.has(resource.resourceTypeId)) &&
        (permissionIds.size === 0 || resource.permissionIds.some((p) => permissionIds.has(p)))
      );
    },
  };
}

/**
 * Visits the positions that may match `search`, in name order, until `visit` returns false: those the
 * substring index gives, or (no search) every position.
 */
function eachPosition(catalog: CatalogIndex, search: string, visit: (i: number) => boolean): void {
  if (catalog.resourceSearchIndex.eachCandidate(search, visit)) return;
  for (let i = 0; i < catalog.resourcesByName.length; i++) if (!visit(i)) return;
}

const viewAt = (catalog: CatalogIndex) => (i: number) => {
  const resource = catalog.resourcesByName[i];
  return resource ? [resourceView(catalog, resource)] : [];
};

/**
 * The resource list, built for 100,000 resources: one pass over the name-ordered catalog (or, with a
 * search, over the positions the substring index says may match, in the same order, as it finds
 * them), matching precomputed lowercase keys, that stops as soon as the page (and one more, to know
 * there is a next page) is found.
 */
export function resources(catalog: CatalogIndex, callerId: string, query: RawQuery): Schemas['ResourcePage'] {
  const { values, errors } = readQuery('resources', query);
  const filters = resourceFilters(catalog, callerId, values, errors);
  const page = readPageRequest(values, errors, {
    list: 'resources',
    search: filters.search,
    ids: [...filters.ids].sort(),
    typeIds: [...filters.typeIds].sort(),
    permissionIds: [...filters.permissionIds].sort(),
    granteeId: filters.granteeId,
  });
  throwIfInvalid(errors);

  const admittedFlows = filters.admittedFlows();
  const start = page.position ?? 0;
  const end = start + page.limit;
  const found: number[] = [];
  eachPosition(catalog, filters.search, (i) => {
    if (filters.matches(i) && admittedFlows.has(catalog.resourcesByName[i]?.flowId ?? '')) found.push(i);
    return found.length <= end;
  });
  return {
    items: found.slice(start, end).flatMap(viewAt(catalog)),
    next_cursor: found.length > end ? encodeCursor(end, page.fingerprint) : null,
  };
}

/**
 * "Select all N matching": the same pass as `resources`, to the end (to count), keeping the first
 * `max_resources_per_request` matches (or `limit`: 0 for the counts alone), and counting those the
 * grantee may not receive apart.
 */
export function matchingResources(
  catalog: CatalogIndex,
  callerId: string,
  query: RawQuery,
): Schemas['ResourceMatches'] {
  const { values, errors } = readQuery('matchingResources', query);
  const filters = resourceFilters(catalog, callerId, values, errors);
  throwIfInvalid(errors);
  const admittedFlows = filters.admittedFlows();
  const cap = Math.min(
    catalog.world.org.maxResourcesPerRequest,
    values.limit === undefined ? Infinity : Number(values.limit),
  );
  const kept: number[] = [];
  let total = 0;
  let notRequestable = 0;
  eachPosition(catalog, filters.search, (i) => {
    if (!filters.matches(i)) return true;
    if (!admittedFlows.has(catalog.resourcesByName[i]?.flowId ?? '')) notRequestable += 1;
    else if (++total <= cap) kept.push(i);
    return true;
  });
  return { items: kept.flatMap(viewAt(catalog)), total, not_requestable: notRequestable };
}
