/**
 * Lookup tables and search indexes over the (immutable) world, built once per world: maps by id,
 * the catalog in listing order (by name), and lowercased search keys, so that a search over 100,000
 * resources is one pass of `includes` over precomputed strings.
 */
import type {
  AccessFlowRecord,
  AppRecord,
  BundleRecord,
  PermissionRecord,
  ResourceRecord,
  ResourceTypeRecord,
  UserRecord,
  World,
} from '../demo-data/model.js';

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

export class CatalogIndex {
  readonly world: World;
  readonly users: ReadonlyMap<string, UserRecord>;
  readonly apps: ReadonlyMap<string, AppRecord>;
  readonly resourceTypes: ReadonlyMap<string, ResourceTypeRecord>;
  readonly permissions: ReadonlyMap<string, PermissionRecord>;
  readonly resources: ReadonlyMap<string, ResourceRecord>;
  readonly bundles: ReadonlyMap<string, BundleRecord>;
  readonly flows: ReadonlyMap<string, AccessFlowRecord>;

  readonly appsByName: readonly AppRecord[];
  readonly resourceTypesByName: readonly ResourceTypeRecord[];
  readonly permissionsByName: readonly PermissionRecord[];
  readonly bundlesByName: readonly BundleRecord[];
  /** The catalog's listing order. */
  readonly resourcesByName: readonly ResourceRecord[];
  /** `resourcesByName[i]`'s lowercased path (which ends with its name): what `search` matches. */
  readonly resourceSearchKeys: readonly string[];
  /** Everyone who approves (or stands in) for at least one flow. */
  readonly approverIds: ReadonlySet<string>;

  readonly #appResources = new Map<string, readonly ResourceRecord[]>();

  constructor(world: World) {
    this.world = world;
    this.users = byId(world.users);
    this.apps = byId(world.apps);
    this.resourceTypes = byId(world.resourceTypes);
    this.permissions = byId(world.permissions);
    this.resources = byId(world.resources);
    this.bundles = byId(world.bundles);
    this.flows = byId(world.flows);
    this.appsByName = sortByName(world.apps);
    this.resourceTypesByName = sortByName(world.resourceTypes);
    this.permissionsByName = sortByName(world.permissions);
    this.bundlesByName = sortByName(world.bundles);
    this.resourcesByName = sortByName(world.resources);
    this.resourceSearchKeys = this.resourcesByName.map((r) => r.path.toLowerCase());
    this.approverIds = new Set(world.flows.flatMap((f) => [...f.approverIds, ...f.backupApproverIds]));
  }

  // Only ever called with ids the backend stored itself: a miss is a defect, not bad input.
  readonly user = (id: string): UserRecord => lookup(this.users, id, 'user');
  readonly flow = (id: string): AccessFlowRecord => lookup(this.flows, id, 'access flow');
  readonly app = (id: string): AppRecord => lookup(this.apps, id, 'app');
  readonly resource = (id: string): ResourceRecord => lookup(this.resources, id, 'resource');
  readonly resourceType = (id: string): ResourceTypeRecord => lookup(this.resourceTypes, id, 'resource type');
  readonly permission = (id: string): PermissionRecord => lookup(this.permissions, id, 'permission');
  readonly bundle = (id: string): BundleRecord => lookup(this.bundles, id, 'bundle');

  /** The people `userId` may request access for, themself first. */
  granteesOf(userId: string): readonly string[] {
    return this.world.granteesOf.get(userId) ?? [userId];
  }

  /** Whether `granteeId` may receive access through the flow. */
  flowAdmits(flowId: string, granteeId: string): boolean {
    return !this.flow(flowId).excludedGranteeIds.includes(granteeId);
  }

  /** What an app request expands to: the app's resources that offer the permission, by name. */
  resourcesOfApp(appId: string, permissionId: string): readonly ResourceRecord[] {
    const key = `${appId} ${permissionId}`;
    let list = this.#appResources.get(key);
    if (!list) {
      list = this.resourcesByName.filter((r) => r.appId === appId && r.permissionIds.includes(permissionId));
      this.#appResources.set(key, list);
    }
    return list;
  }
}
