/**
 * The catalog: apps, resource types, permissions and resources. A dozen hand-named "anchor"
 * resources (the ids the contract's examples use) are always present; the rest are generated from
 * the seed, `catalogSize` in all.
 */
import {
  APP_DEFINITIONS,
  REGIONS,
  SERVICES,
  type AppDefinition,
  type NameParts,
  type ResourceTypeDefinition,
} from './apps.js';
import { flowIdFor } from './flows.js';
import type {
  AppRecord,
  Environment,
  PermissionRecord,
  ResourceRecord,
  ResourceTypeRecord,
} from './model.js';
import { weightedPicker, type Random } from './random.js';

interface AnchorResource {
  readonly id: string;
  readonly name: string;
  readonly location: string;
  readonly resourceTypeId: string;
  readonly environment: Environment;
}

/** Resources with fixed ids and names, whatever the seed: the history, bundles and tests rely on them. */
export const ANCHOR_RESOURCES: readonly AnchorResource[] = [
  {
    id: 'res_prod_payments_db',
    name: 'prod-payments-db',
    location: 'prod-eu-1',
    resourceTypeId: 'rt_postgresql_database',
    environment: 'prod',
  },
  {
    id: 'res_prod_orders_db',
    name: 'prod-orders-db',
    location: 'prod-eu-1',
    resourceTypeId: 'rt_postgresql_database',
    environment: 'prod',
  },
  {
    id: 'res_staging_payments_db',
    name: 'staging-payments-db',
    location: 'staging-eu-1',
    resourceTypeId: 'rt_postgresql_database',
    environment: 'staging',
  },
  {
    id: 'res_dev_orders_db',
    name: 'dev-orders-db',
    location: 'dev-eu-1',
    resourceTypeId: 'rt_postgresql_database',
    environment: 'dev',
  },
  {
    id: 'res_aws_1234',
    name: 'AWS production account 1234',
    location: 'prod accounts',
    resourceTypeId: 'rt_aws_account',
    environment: 'prod',
  },
  {
    id: 'res_aws_staging_5678',
    name: 'AWS staging account 5678',
    location: 'staging accounts',
    resourceTypeId: 'rt_aws_account',
    environment: 'staging',
  },
  {
    id: 'res_k8s_payments',
    name: 'payments',
    location: 'prod-eu-1',
    resourceTypeId: 'rt_k8s_namespace',
    environment: 'prod',
  },
  {
    id: 'res_k8s_payments_staging',
    name: 'payments-staging',
    location: 'staging-eu-1',
    resourceTypeId: 'rt_k8s_namespace',
    environment: 'staging',
  },
  {
    id: 'res_github_payments_api',
    name: 'payments-api',
    location: 'acme',
    resourceTypeId: 'rt_github_repository',
    environment: 'prod',
  },
  {
    id: 'res_snowflake_analytics_staging',
    name: 'STAGING_ANALYTICS',
    location: 'acme.eu-1',
    resourceTypeId: 'rt_snowflake_database',
    environment: 'staging',
  },
  {
    id: 'res_crm_prod_accounts',
    name: 'crm-prod-accounts',
    location: 'crm-prod',
    resourceTypeId: 'rt_legacy_crm_module',
    environment: 'prod',
  },
  {
    id: 'res_crm_staging_accounts',
    name: 'crm-staging-accounts',
    location: 'crm-staging',
    resourceTypeId: 'rt_legacy_crm_module',
    environment: 'staging',
  },
];

export interface Catalog {
  readonly apps: AppRecord[];
  readonly resourceTypes: ResourceTypeRecord[];
  readonly permissions: PermissionRecord[];
  readonly resources: ResourceRecord[];
}

const ENVIRONMENT_WEIGHTS: readonly { readonly environment: Environment; readonly weight: number }[] = [
  { environment: 'prod', weight: 4 },
  { environment: 'staging', weight: 3 },
  { environment: 'dev', weight: 3 },
];

/** The share of generated resources that cannot be requested with their type's most powerful permission. */
const WITHOUT_TOP_PERMISSION_SHARE = 0.25;

function appRecord(app: AppDefinition): AppRecord {
  return {
    id: app.id,
    name: app.name,
    category: app.category,
    description: app.description,
    permissionIds: app.resourceTypes.flatMap((type) => type.permissions.map((p) => p.id)),
    // A whole app spans every environment, so it falls under its production flow.
    flowId: flowIdFor(app.id, app.category, 'prod'),
    instructions: app.instructions,
  };
}

/** Gives repeated names a numeric suffix (`prod-payments-db-2`), so names tell resources apart. */
function uniqueNamer(taken: Iterable<string>): (base: string) => string {
  const counts = new Map<string, number>();
  for (const name of taken) counts.set(name, 1);
  return (base) => {
    const count = (counts.get(base) ?? 0) + 1;
    counts.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  };
}

export function generateCatalog(random: Random, catalogSize: number): Catalog {
  const apps = APP_DEFINITIONS.map(appRecord);
  const typeEntries = APP_DEFINITIONS.flatMap((app) => app.resourceTypes.map((type) => ({ app, type })));
  const resourceTypes: ResourceTypeRecord[] = typeEntries.map(({ app, type }) => ({
    id: type.id,
    name: type.name,
    appId: app.id,
    permissionIds: type.permissions.map((p) => p.id),
  }));
  const permissions: PermissionRecord[] = typeEntries.flatMap(({ type }) =>
    type.permissions.map((p) => ({ id: p.id, name: p.name, resourceTypeId: type.id })),
  );
  const entryByTypeId = new Map(typeEntries.map((entry) => [entry.type.id, entry]));
  const recordByTypeId = new Map(resourceTypes.map((record) => [record.id, record]));

  const resources: ResourceRecord[] = ANCHOR_RESOURCES.map((anchor) => {
    const entry = entryByTypeId.get(anchor.resourceTypeId);
    const record = recordByTypeId.get(anchor.resourceTypeId);
    if (!entry || !record) throw new Error(`Anchor ${anchor.id} names an unknown resource type`);
    return {
      id: anchor.id,
      name: anchor.name,
      path: `${entry.app.name} / ${anchor.location} / ${anchor.name}`,
      resourceTypeId: anchor.resourceTypeId,
      appId: entry.app.id,
      environment: anchor.environment,
      permissionIds: record.permissionIds,
      flowId: flowIdFor(entry.app.id, entry.app.category, anchor.environment),
    };
  });

  const nameOf = uniqueNamer(ANCHOR_RESOURCES.map((a) => a.name));
  const generatedCount = Math.max(0, catalogSize - ANCHOR_RESOURCES.length);
  const idWidth = Math.max(6, String(generatedCount).length);
  const pickType = weightedPicker(typeEntries, (entry) => entry.type.weight);
  const pickEnvironment = weightedPicker(ENVIRONMENT_WEIGHTS, (e) => e.weight);
  for (let i = 1; i <= generatedCount; i++) {
    const { app, type } = pickType(random.next());
    const { environment } = pickEnvironment(random.next());
    const parts: NameParts = {
      environment,
      service: random.pick(SERVICES),
      region: random.pick(REGIONS),
      accountNumber: String(random.int(100000, 999999)) + String(random.int(100000, 999999)),
    };
    const name = nameOf(type.makeName(parts));
    resources.push({
      id: `res_${String(i).padStart(idWidth, '0')}`,
      name,
      path: `${app.name} / ${type.makeLocation(parts)} / ${name}`,
      resourceTypeId: type.id,
      appId: app.id,
      environment,
      permissionIds: permissionsOf(type, random),
      flowId: flowIdFor(app.id, app.category, environment),
    });
  }
  return { apps, resourceTypes, permissions, resources };
}

const permissionListCache = new WeakMap<ResourceTypeDefinition, { all: string[]; withoutTop: string[] }>();

/** The permissions a generated resource offers; the lists are shared between resources to save memory. */
function permissionsOf(type: ResourceTypeDefinition, random: Random): readonly string[] {
  let lists = permissionListCache.get(type);
  if (!lists) {
    const all = type.permissions.map((p) => p.id);
    lists = { all, withoutTop: all.slice(0, -1) };
    permissionListCache.set(type, lists);
  }
  return random.chance(WITHOUT_TOP_PERMISSION_SHARE) ? lists.withoutTop : lists.all;
}
