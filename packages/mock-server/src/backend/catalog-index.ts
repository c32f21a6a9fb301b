/**
 * Lookup tables and search indexes over the (immutable) world, built once per world: maps by id,
 * the catalog in listing order (by name), lowercased search keys and a substring index over them,
 * so that a search over 100,000 resources checks only the keys that may match.
 */
import type { ResourceRecord, World } from '../demo-data/model.js';
import { SubstringIndex } from './substring-index.js';

function byId<T extends { readonly id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/**
 * Sorts by a precomputed lowercase key, then by id (plain comparisons: `localeCompare` is too slow for
 * 100k).
 */
function sortByName<T extends { readonly id: string; readonly name: string }>(items: readonly T[]): T[] {
  const keys = items.map((item) => item.name.toLowerCase());
  const order = Array.from(items.keys());
  order.sort((a, b) => {
    const keyA = keys[a] as string;
    const keyB = keys[b] as string;
    if (keyA !== keyB) return keyA < keyB ? -1 : 1;
    const idA = (items[a] as T).id;
    const idB = (items[b] as T).id;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  });
  return order.map((index) => items[index] as T);
}

function lookup<T>(map: ReadonlyMap<string, T>, id: string, noun: string): T {
  const value = map.get(id);
  if (value === undefined) throw new Error(`No ${noun} ${id} in the world`);
  return value;
}

/** The index `indexWorld` builds. */
export type CatalogIndex = ReturnType<typeof indexWorld>;

export function indexWorld(world: World) {
  const [users, apps, resourceTypes] = [byId(world.users), byId(world.apps), byId(world.resourceTypes)];
  const [permissions, resources, bundles] = [
    byId(world.permissions),
    byId(world.resources),
    byId(world.bundles),
  ];
  const flows = byId(world.flows);
  /** The catalog's listing order. */
  const resourcesByName = sortByName(world.resources);
  const resourceSearchKeys = resourcesByName.map((r) => r.path.toLowerCase());
  const appResources = new Map<string, readonly ResourceRecord[]>();
  const flow = (id: string) => lookup(flows, id, 'access flow');
  return {
    world,
    users,
    apps,
    resourceTypes,
    permissions,
    resources,
    bundles,
    flows,
    appsByName: sortByName(world.apps),
    resourceTypesByName: sortByName(world.resourceTypes),
    permissionsByName: sortByName(world.permissions),
    bundlesByName: sortByName(world.bundles),
    resourcesByName,
    /** `resourcesByName[i]`'s lowercased path (which ends with its name): what `search` matches. */
    resourceSearchKeys,
    /** Which of `resourceSearchKeys` may hold a search, by position (so, in listing order). */
    resourceSearchIndex: new SubstringIndex(resourceSearchKeys),
    /** Everyone who approves (or stands in) for at least one flow. */
    approverIds: new Set(world.flows.flatMap((f) => [...f.approverIds, ...f.backupApproverIds])),
    // Only ever called with ids the backend stored itself: a miss is a defect, not bad input.
    user: (id: string) => lookup(users, id, 'user'),
    flow,
    app: (id: string) => lookup(apps, id, 'app'),
    resource: (id: string) => lookup(resources, id, 'resource'),
    resourceType: (id: string) => lookup(resourceTypes, id, 'resource type'),
    permission: (id: string) => lookup(permissions, id, 'permission'),
    bundle: (id: string) => lookup(bundles, id, 'bundle'),
    /** The people `userId` may request access for, themself first. */
    granteesOf: (userId: string): readonly string[] => world.granteesOf.get(userId) ?? [userId],
    /** Whether `granteeId` may receive access through the flow. */
    flowAdmits: (flowId: string, granteeId: string) => !flow(flowId).excludedGranteeIds.includes(granteeId),
    /** What an app request expands to: the app's resources that offer the permission, by name. */
    resourcesOfApp(appId: string, permissionId: string): readonly ResourceRecord[] {
      const key = `${appId} ${permissionId}`;
      let list = appResources.get(key);
      if (!list) {
        list = resourcesByName.filter((r) => r.appId === appId && r.permissionIds.includes(permissionId));
        appResources.set(key, list);
      }
      return list;
    },
  };
}
