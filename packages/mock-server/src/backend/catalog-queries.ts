/** The caller, their grantees and the catalog lists: searchable, filterable, paged by name. */
import type { RawQuery, Schemas } from './api.js';
import type { PermissionRecord, ResourceTypeRecord } from '../demo-data/model.js';
import type { CatalogIndex } from './catalog-index.js';
import { encodeCursor, pageByOffset, readPageRequest, type Page, type PageRequest } from './pagination.js';
import { fieldError } from './problems.js';
import { QueryReader, clip } from './query-params.js';
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

/** A list filtered by `search` (and `extraFilters`), paged by offset. */
function searchable<T extends { readonly name: string }, R>(
  query: RawQuery,
  list: string,
  readFilters: (reader: QueryReader) => { readonly filters: object; readonly keep: (item: T) => boolean },
  items: readonly T[],
  view: (item: T) => R,
): Page<R> {
  const reader = new QueryReader(query);
  const search = reader.search();
  const { filters, keep } = readFilters(reader);
  const page = readPageRequest(reader, { list, search, ...filters });
  reader.throwIfInvalid();
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
  const reader = new QueryReader(query);
  const search = reader.search();
  const page = readPageRequest(reader, { list: 'grantees', callerId, search });
  reader.throwIfInvalid();
  const matches = ordered.filter(
    (p) => search === '' || p.name.toLowerCase().includes(search) || p.email.toLowerCase().includes(search),
  );
  return pageByOffset(matches, page, (p) => ({ ...userView(catalog, p.id), is_self: p.id === callerId }));
}

/** A filter by parent ids (`app_id[]`, `resource_type_id[]`): unknown ids are 422 `unknown`. */
function byParent<T>(
  param: string,
  known: ReadonlyMap<string, unknown>,
  noun: string,
  parentOf: (item: T) => string,
) {
  return (reader: QueryReader) => {
    const ids = reader.knownIds(param, (id) => known.has(id), noun);
    return {
      filters: { [param]: [...ids].sort() },
      keep: (item: T) => ids.length === 0 || ids.includes(parentOf(item)),
    };
  };
}

export function resourceTypes(catalog: CatalogIndex, query: RawQuery): Schemas['ResourceTypePage'] {
  const filter = byParent<ResourceTypeRecord>('app_id[]', catalog.apps, 'app', (t) => t.appId);
  return searchable(query, 'resource-types', filter, catalog.resourceTypesByName, (t) =>
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
  const reader = new QueryReader(query);
  const search = reader.search();
  // A look-up by id: ids that do not exist are simply not found (no error), as a search finds nothing.
  const ids = new Set(reader.list('id[]'));
  const typeIds = new Set(
    reader.knownIds('resource_type_id[]', (id) => catalog.resourceTypes.has(id), 'resource type'),
  );
  const permissionIds = new Set(
    reader.knownIds('permission_id[]', (id) => catalog.permissions.has(id), 'permission'),
  );
  const granteeId = reader.single('grantee_id') || callerId;
  if (!catalog.users.has(granteeId)) {
    reader.errors.push(fieldError('grantee_id', 'unknown', `There is no user ${clip(granteeId)}.`));
  } else if (!catalog.granteesOf(callerId).includes(granteeId)) {
    reader.errors.push(
      fieldError(
        'grantee_id',
        'not_allowed',
        `You may not request access for ${catalog.user(granteeId).name}.`,
      ),
    );
  }
  const page = readPageRequest(reader, {
    list: 'resources',
    search,
    ids: [...ids].sort(),
    typeIds: [...typeIds].sort(),
    permissionIds: [...permissionIds].sort(),
    granteeId,
  });
  reader.throwIfInvalid();

  const admittedFlows = new Set(
    [...catalog.flows.keys()].filter((flowId) => catalog.flowAdmits(flowId, granteeId)),
  );
  const { resourcesByName, resourceSearchKeys } = catalog;
  const wanted = (page.position ?? 0) + page.limit;
  const found: number[] = [];
  for (let i = 0; i < resourcesByName.length && found.length <= wanted; i++) {
    const resource = resourcesByName[i];
    if (!resource) continue;
    if (ids.size > 0 && !ids.has(resource.id)) continue;
    if (search !== '' && !(resourceSearchKeys[i] ?? '').includes(search)) continue;
    if (typeIds.size > 0 && !typeIds.has(resource.resourceTypeId)) continue;
    if (permissionIds.size > 0 && !resource.permissionIds.some((p) => permissionIds.has(p))) continue;
    if (!admittedFlows.has(resource.flowId)) continue;
    found.push(i);
  }
  return resourcePage(catalog, found, page);
}

function resourcePage(
  catalog: CatalogIndex,
  found: readonly number[],
  page: PageRequest,
): Schemas['ResourcePage'] {
  const start = page.position ?? 0;
  const end = start + page.limit;
  return {
    items: found.slice(start, end).flatMap((i) => {
      const resource = catalog.resourcesByName[i];
      return resource ? [resourceView(catalog, resource)] : [];
    }),
    next_cursor: found.length > end ? encodeCursor(end, page.fingerprint) : null,
  };
}
