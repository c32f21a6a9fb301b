/**
 * The catalog: apps, resource types, permissions and resources. A dozen hand-named "anchor"
 * resources (the ids the contract's examples use) are always present; the rest are generated from
 * the seed, `catalogSize` in all.
 */
import { APP_DEFINITIONS, REGIONS, SERVICES, type NameParts } from './apps.js';
import { flowIdFor } from './flows.js';
import type {
  AppRecord,
  Environment,
  PermissionRecord,
  ResourceRecord,
  ResourceTypeRecord,
} from './model.js';
import { weightedPicker, type Random } from './random.js';

/** Resources with fixed ids and names, whatever the seed: the history, bundles and tests rely on them. */
export const ANCHOR_RESOURCES = (
  [
    ['res_prod_payments_db', 'prod-payments-db', 'prod-eu-1', 'rt_postgresql_database', 'prod'],
    ['res_prod_orders_db', 'prod-orders-db', 'prod-eu-1', 'rt_postgresql_database', 'prod'],
    ['res_staging_payments_db', 'staging-payments-db', 'staging-eu-1', 'rt_postgresql_database', 'staging'],
    ['res_dev_orders_db', 'dev-orders-db', 'dev-eu-1', 'rt_postgresql_database', 'dev'],
    ['res_aws_1234', 'AWS production account 1234', 'prod accounts', 'rt_aws_account', 'prod'],
    ['res_aws_staging_5678', 'AWS staging account 5678', 'staging accounts', 'rt_aws_account', 'staging'],
    ['res_k8s_payments', 'payments', 'prod-eu-1', 'rt_k8s_namespace', 'prod'],
    ['res_k8s_payments_staging', 'payments-staging', 'staging-eu-1', 'rt_k8s_namespace', 'staging'],
    ['res_github_payments_api', 'payments-api', 'acme', 'rt_github_repository', 'prod'],
    ['res_snowflake_analytics_staging', 'STAGING_ANALYTICS', 'acme.eu-1', 'rt_snowflake_database', 'staging'],
    ['res_crm_prod_accounts', 'crm-prod-accounts', 'crm-prod', 'rt_legacy_crm_module', 'prod'],
    ['res_crm_staging_accounts', 'crm-staging-accounts', 'crm-staging', 'rt_legacy_crm_module', 'staging'],
  ] as const
).map(([id, name, location, resourceTypeId, environment]) => ({
  id,
  name,
  location,
  resourceTypeId,
  environment,
}));

const ENVIRONMENT_WEIGHTS: readonly { readonly environment: Environment; readonly weight: number }[] = [
  { environment: 'prod', weight: 4 },
  { environment: 'staging', weight: 3 },
  { environment: 'dev', weight: 3 },
];

/** The share of generated resources that cannot be requested with their type's most powerful permission. */
const WITHOUT_TOP_PERMISSION_SHARE = 0.25;

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

export function generateCatalog(random: Random, catalogSize: number) {
  const apps: AppRecord[] = APP_DEFINITIONS.map(({ resourceTypes, instructions, ...app }) => ({
    ...app,
    permissionIds: resourceTypes.flatMap((type) => type.permissions.map((p) => p.id)),
    // A whole app spans every environment, so it falls under its production flow.
    flowId: flowIdFor(app.id, app.category, 'prod'),
    instructions,
  }));
  // The permission lists are shared by every resource of a type, to save memory.
  const types = APP_DEFINITIONS.flatMap((app) =>
    app.resourceTypes.map((type) => {
      const permissionIds = type.permissions.map((p) => p.id);
      return { app, type, permissionIds, withoutTop: permissionIds.slice(0, -1) };
    }),
  );
  const resourceTypes: ResourceTypeRecord[] = types.map(({ app, type, permissionIds }) => {
    return { id: type.id, name: type.name, appId: app.id, permissionIds };
  });
  const permissions: PermissionRecord[] = types.flatMap(({ type }) =>
    type.permissions.map((p) => ({ id: p.id, name: p.name, resourceTypeId: type.id })),
  );
  const resource = (
    id: string,
    name: string,
    location: string,
    { app, type }: (typeof types)[number],
    environment: Environment,
    permissionIds: readonly string[],
  ): ResourceRecord => ({
    id,
    name,
    path: `${app.name} / ${location} / ${name}`,
    resourceTypeId: type.id,
    appId: app.id,
    environment,
    permissionIds,
    flowId: flowIdFor(app.id, app.category, environment),
  });

  const typeById = new Map(types.map((entry) => [entry.type.id, entry]));
  const resources = ANCHOR_RESOURCES.map((anchor) => {
    const entry = typeById.get(anchor.resourceTypeId);
    if (!entry) throw new Error(`Anchor ${anchor.id} names an unknown resource type`);
    return resource(anchor.id, anchor.name, anchor.location, entry, anchor.environment, entry.permissionIds);
  });

  const nameOf = uniqueNamer(ANCHOR_RESOURCES.map((a) => a.name));
  const generatedCount = Math.max(0, catalogSize - ANCHOR_RESOURCES.length);
  const idWidth = Math.max(6, String(generatedCount).length);
  const pickType = weightedPicker(types, (entry) => entry.type.weight);
  const pickEnvironment = weightedPicker(ENVIRONMENT_WEIGHTS, (e) => e.weight);
  for (let i = 1; i <= generatedCount; i++) {
    const entry = pickType(random.next());
    const { environment } = pickEnvironment(random.next());
    const parts: NameParts = {
      environment,
      service: random.pick(SERVICES),
      region: random.pick(REGIONS),
      accountNumber: String(random.int(100000, 999999)) + String(random.int(100000, 999999)),
    };
    const name = nameOf(entry.type.makeName(parts));
    const location = entry.type.makeLocation(parts);
    const permissionIds = random.chance(WITHOUT_TOP_PERMISSION_SHARE)
      ? entry.withoutTop
      : entry.permissionIds;
    const id = `res_${String(i).padStart(idWidth, '0')}`;
    resources.push(resource(id, name, location, entry, environment, permissionIds));
  }
  return { apps, resourceTypes, permissions, resources };
}
