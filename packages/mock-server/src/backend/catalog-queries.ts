/** The caller, their grantees and the catalog lists: searchable, filterable, paged by name. */
import type { RawQuery, Schemas } from './api.js';
import type { PermissionRecord, ResourceTypeRecord } from '../demo-data/model.js';
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

const nameMatches = (search: string) => (item: { readonly name: string }) =>
  search === '' || item.name.toLowerCase().includes(search);

type CatalogList = 'resourceTypes' | 'permissions' | 'apps' | 'bundles';
type Filters<T> = (
  query: Readonly<Record<string, unknown>>,
  errors: FieldError[],
) => { readonly filters: object; readonly keep: (item: T) => boolean };

/** `search`, lowercased; empty means "everything". */
const searchOf = (query: { readonly search?: string }) => (query.search ?? '').toLowerCase();

/** A list filtered by `search` (and `readFilters`), paged by offset. */
function searchable<T extends { readonly name: string }, R>(
  query: RawQuery,
  list: CatalogList,
  readFilters: Filters<T>,
  items: readonly T[],
  view: (item: T) => R,
): Page<R> {
  const { values, errors } = readQuery(list, query);
  const search = searchOf(values);
  const { filters, keep } = readFilters(values, errors);
  const page = readPageRequest(values, errors, { list, search, ...filters });
  throwIfInvalid(errors);
  const matchesName = nameMatches(search);
  return pageByOffset(
    items.filter((item) => matchesName(item) && keep(item)),
    page,
    view,
  );
}

const noFilters = () => ({ filters: {}, keep: () => true });

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
function byParent<T>(
  param: string,
  known: ReadonlyMap<string, unknown>,
  noun: string,
  parentOf: (item: T) => string,
): Filters<T> {
  return (query, errors) => {
    const ids = knownIds(query[param] as string[] | undefined, param, known, noun, errors);
    return {
      filters: { [param]: [...ids].sort() },
      keep: (item: T) => ids.length === 0 || ids.includes(parentOf(item)),
    };
  };
}

export function resourceTypes(catalog: CatalogIndex, query: RawQuery): Schemas['ResourceTypePage'] {
  const filter = byParent<ResourceTypeRecord>('app_id[]', catalog.apps, 'app', (t) => t.appId);
  return searchable(query, 'resourceTypes', filter, catalog.resourceTypesByName, (t) =>
    resourceTypeView(catalog, t),
  );
}

export function permissions(catalog: CatalogIndex, query: RawQuery): Schemas['PermissionPage'] {
  const filter = byParent<PermissionRecord>(
    'resource_type_id[]',
    catalog.resourceTypes,
    'resource type',
    (p) => p.resourceTypeId,
  );
  return searchable(query, 'permissions', filter, catalog.permissionsByName, (p) =>
    permissionView(catalog, p),
  );
}

export function apps(catalog: CatalogIndex, query: RawQuery): Schemas['AppPage'] {
  return searchable(query, 'apps', noFilters, catalog.appsByName, (a) => appView(catalog, a));
}

export function bundles(catalog: CatalogIndex, query: RawQuery): Schemas['BundlePage'] {
  return searchable(query, 'bundles', noFilters, catalog.bundlesByName, (b) => bundleView(catalog, b));
}

/**
 * The resource list, built for 100,000 resources: one pass over the name-ordered catalog, matching
 * precomputed lowercase keys, that stops as soon as the page (and one more, to know there is a next
 * page) is found.
 */
export function resources(catalog: CatalogIndex, callerId: string, query: RawQuery): Schemas['ResourcePage'] {
  const { values, errors } = readQuery('resources', query);
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
  const page = readPageRequest(values, errors, {
    list: 'resources',
    search,
    ids: [...ids].sort(),
    typeIds: [...typeIds].sort(),
    permissionIds: [...permissionIds].sort(),
    granteeId,
  });
  throwIfInvalid(errors);

  const admittedFlows = new Set(
    [...catalog.flows.keys()].filter((flowId) => catalog.flowAdmits(flowId, granteeId)),
  );
  const { resourcesByName, resourceSearchKeys } = catalog;
  const start = page.position ?? 0;
  const end = start + page.limit;
  const found: number[] = [];
  for (let i = 0; i < resourcesByName.length && found.length <= end; i++) {
    const resource = resourcesByName[i];
    if (!resource) continue;
    if (ids.size > 0 && !ids.has(resource.id)) continue;
    if (search !== '' && !(resourceSearchKeys[i] ?? '').includes(search)) continue;
    if (typeIds.size > 0 && !typeIds.has(resource.resourceTypeId)) continue;
    if (permissionIds.size > 0 && !resource.permissionIds.some((p) => permissionIds.has(p))) continue;
    if (!admittedFlows.has(resource.flowId)) continue;
    found.push(i);
  }
  return {
    items: found.slice(start, end).flatMap((i) => {
      const resource = resourcesByName[i];
      return resource ? [resourceView(catalog, resource)] : [];
    }),
    next_cursor: found.length > end ? encodeCursor(end, page.fingerprint) : null,
  };
}
