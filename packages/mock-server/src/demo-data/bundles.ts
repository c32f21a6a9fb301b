/**
 * Bundles: named sets of resource and permission pairs. A bundle falls under ONE access flow as a
 * whole (the contract's `BundleTarget` carries one bundle and its `resource_count`, and its preview
 * item is the bundle itself), so a bundle request is always a single request.
 */
import { ANCHOR_RESOURCES } from './catalog.js';
import { FLOW_IDS } from './flows.js';
import type { BundleItemRecord, BundleRecord, Environment, ResourceRecord } from './model.js';
import type { Random } from './random.js';

const ANCHOR_IDS = new Set<string>(ANCHOR_RESOURCES.map((a) => a.id));

interface Pick {
  readonly resourceTypeId: string;
  readonly environment: Environment;
  readonly count: number;
  /** Which of the resource's permissions (by position; the first ones every resource offers). */
  readonly permissionIndex: number;
}

/** A few seeded resources of one type and environment, each with one of its permissions. */
function pickItems(random: Random, resources: readonly ResourceRecord[], pick: Pick): BundleItemRecord[] {
  const candidates = resources.filter(
    (r) =>
      r.resourceTypeId === pick.resourceTypeId && r.environment === pick.environment && !ANCHOR_IDS.has(r.id),
  );
  return random
    .shuffle(candidates)
    .slice(0, pick.count)
    .flatMap((r) => {
      const permissionId = r.permissionIds[Math.min(pick.permissionIndex, r.permissionIds.length - 1)];
      return permissionId ? [{ resourceId: r.id, permissionId }] : [];
    });
}

export function generateBundles(random: Random, resources: readonly ResourceRecord[]): BundleRecord[] {
  const items = (...picks: Pick[]): BundleItemRecord[] =>
    picks.flatMap((pick) => pickItems(random, resources, pick));
  return [
    {
      id: 'bun_oncall_payments',
      name: 'On-call – payments',
      description: 'Everything the payments on-call engineer needs during an incident.',
      items: [
        { resourceId: 'res_prod_payments_db', permissionId: 'perm_pg_readonly' },
        { resourceId: 'res_aws_1234', permissionId: 'perm_aws_readonly' },
        { resourceId: 'res_k8s_payments', permissionId: 'perm_k8s_edit' },
      ],
      flowId: FLOW_IDS.onCall,
    },
    {
      id: 'bun_oncall_production',
      name: 'On-call production',
      description:
        'Read access to production databases and edit access to production namespaces, for an on-call shift.',
      items: [
        { resourceId: 'res_prod_orders_db', permissionId: 'perm_pg_readonly' },
        ...items(
          { resourceTypeId: 'rt_postgresql_database', environment: 'prod', count: 3, permissionIndex: 0 },
          { resourceTypeId: 'rt_k8s_namespace', environment: 'prod', count: 3, permissionIndex: 1 },
          { resourceTypeId: 'rt_aws_account', environment: 'prod', count: 1, permissionIndex: 0 },
        ),
      ],
      flowId: FLOW_IDS.onCall,
    },
    {
      id: 'bun_new_joiner_engineering',
      name: 'New joiner – engineering',
      description: 'What a new engineer needs in the first weeks: staging and development only.',
      items: [
        { resourceId: 'res_staging_payments_db', permissionId: 'perm_pg_readonly' },
        { resourceId: 'res_dev_orders_db', permissionId: 'perm_pg_readwrite' },
        { resourceId: 'res_k8s_payments_staging', permissionId: 'perm_k8s_edit' },
        { resourceId: 'res_aws_staging_5678', permissionId: 'perm_aws_readonly' },
        ...items({
          resourceTypeId: 'rt_github_repository',
          environment: 'dev',
          count: 4,
          permissionIndex: 1,
        }),
      ],
      flowId: FLOW_IDS.nonProduction,
    },
    {
      id: 'bun_data_analyst',
      name: 'Data analyst – read-only',
      description: 'Read access to the staging warehouse and analytics databases.',
      items: [
        { resourceId: 'res_snowflake_analytics_staging', permissionId: 'perm_snowflake_reader' },
        ...items(
          { resourceTypeId: 'rt_snowflake_database', environment: 'staging', count: 3, permissionIndex: 0 },
          { resourceTypeId: 'rt_postgresql_database', environment: 'staging', count: 2, permissionIndex: 0 },
        ),
      ],
      flowId: FLOW_IDS.nonProduction,
    },
  ];
}
