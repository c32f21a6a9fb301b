/**
 * The apps (integrations) of the catalog, one or two per category, with their resource types, the
 * permissions of each type, how generated resources of the type are named, and the app's access
 * instructions.
 */
import {
  legacyCrmInstructions,
  slug,
  standardInstructions,
  type StandardInstructions,
} from './instructions.js';
import type { AccessInstructions, AppCategory, Environment, InstructionsContext } from './model.js';

/** The parts a generated resource's name and location are made of. */
export interface NameParts {
  readonly environment: Environment;
  readonly service: string;
  readonly region: string;
  /** A 12-digit number, for cloud account ids. */
  readonly accountNumber: string;
}

export interface ResourceTypeDefinition {
  readonly id: string;
  readonly name: string;
  readonly permissions: readonly { readonly id: string; readonly name: string }[];
  /** How often the type occurs in the generated catalog, relative to the others. */
  readonly weight: number;
  readonly makeName: (parts: NameParts) => string;
  /** The middle of the path, between the app's name and the resource's name. */
  readonly makeLocation: (parts: NameParts) => string;
}

export interface AppDefinition {
  readonly id: string;
  readonly name: string;
  readonly category: AppCategory;
  readonly description: string;
  readonly resourceTypes: readonly ResourceTypeDefinition[];
  readonly instructions: (context: InstructionsContext) => AccessInstructions;
}

/**
 * Permissions with ids `perm_<prefix>_<name in lower case, without spaces>`; a `[suffix, name]` pair
 * where the id is shorter than the name.
 */
function permissions(prefix: string, ...names: (string | readonly [string, string])[]) {
  return names.map((entry) => {
    const [suffix, name] = typeof entry === 'string' ? [entry.toLowerCase().replace(/ /g, ''), entry] : entry;
    return { id: `perm_${prefix}_${suffix}`, name };
  });
}

const regional = (p: NameParts): string => `${p.environment}-${p.region}`;

/**
 * An app with the standard instructions: what the user opens, its URL and the link's label, and the
 * CLI snippet. Its access guide is named after its id (`app_aws`: `aws`).
 */
interface StandardApp extends Omit<AppDefinition, 'instructions'> {
  readonly guide: readonly [portal: string, url: string, linkLabel: string];
  readonly cli: StandardInstructions['cli'];
}

const STANDARD_APPS: readonly StandardApp[] = [
  {
    id: 'app_aws',
    name: 'AWS',
    category: 'cloud',
    description: 'Amazon Web Services accounts and S3 buckets of the organization.',
    resourceTypes: [
      {
        id: 'rt_aws_account',
        name: 'AWS account',
        permissions: permissions('aws', 'ReadOnly', 'PowerUser', 'Admin'),
        weight: 5,
        makeName: (p) => `aws-${p.environment}-${p.service} (${p.accountNumber})`,
        makeLocation: (p) => `${p.environment} accounts`,
      },
      {
        id: 'rt_aws_s3_bucket',
        name: 'S3 bucket',
        permissions: permissions('s3', 'Read', 'Write'),
        weight: 8,
        makeName: (p) => `${p.environment}-${p.service}-${p.region}-data`,
        makeLocation: regional,
      },
    ],
    guide: ['AWS access portal', 'https://example.awsapps.com/start', 'Open the AWS console'],
    cli: (resource, c) => `aws sso login --profile ${resource}-${slug(c.permissionName)}`,
  },
  {
    id: 'app_gcp',
    name: 'Google Cloud',
    category: 'cloud',
    description: 'Google Cloud projects of the organization.',
    resourceTypes: [
      {
        id: 'rt_gcp_project',
        name: 'Google Cloud project',
        permissions: permissions('gcp', 'Viewer', 'Editor', 'Owner'),
        weight: 6,
        makeName: (p) => `${p.service}-${p.environment}-${p.accountNumber.slice(0, 4)}`,
        makeLocation: (p) => `acme.example / ${p.environment}`,
      },
    ],
    guide: ['Google Cloud console', 'https://console.cloud.google.com/', 'Open the Google Cloud console'],
    cli: (resource) => `gcloud config set project ${resource} && gcloud auth login`,
  },
  {
    id: 'app_postgresql',
    name: 'PostgreSQL',
    category: 'database',
    description: 'PostgreSQL databases of the product services.',
    resourceTypes: [
      {
        id: 'rt_postgresql_database',
        name: 'PostgreSQL database',
        permissions: permissions('pg', 'ReadOnly', 'ReadWrite', 'Admin'),
        weight: 12,
        makeName: (p) => `${p.environment}-${p.service}-db`,
        makeLocation: regional,
      },
    ],
    guide: ['database proxy', 'https://db-proxy.example.com/', 'Open the database proxy'],
    cli: (resource) => `psql "host=db-proxy.example.com dbname=${resource} user=$USER sslmode=require"`,
  },
  {
    id: 'app_mongodb',
    name: 'MongoDB',
    category: 'database',
    description: 'MongoDB Atlas clusters.',
    resourceTypes: [
      {
        id: 'rt_mongodb_cluster',
        name: 'MongoDB cluster',
        permissions: permissions('mongo', 'read', 'readWrite', 'dbAdmin'),
        weight: 7,
        makeName: (p) => `${p.environment}-${p.service}-mongo`,
        makeLocation: regional,
      },
    ],
    guide: ['MongoDB Atlas console', 'https://cloud.mongodb.com/', 'Open MongoDB Atlas'],
    cli: (resource) => `mongosh "mongodb+srv://${resource}.example.mongodb.net" --username $USER`,
  },
  {
    id: 'app_snowflake',
    name: 'Snowflake',
    category: 'database',
    description: 'The Snowflake data warehouse.',
    resourceTypes: [
      {
        id: 'rt_snowflake_database',
        name: 'Snowflake database',
        permissions: permissions('snowflake', 'Reader', 'Analyst', 'SysAdmin'),
        weight: 5,
        makeName: (p) => `${p.environment}_${p.service}`.toUpperCase().replace(/-/g, '_'),
        makeLocation: (p) => `acme.${p.region}`,
      },
    ],
    guide: ['Snowflake web interface', 'https://acme.snowflakecomputing.com/', 'Open Snowflake'],
    cli: (_, c) =>
      `snowsql -a acme -u $USER -d ${(c.resourceNames[0] ?? 'DB').toUpperCase()} --authenticator externalbrowser`,
  },
  {
    id: 'app_kubernetes',
    name: 'Kubernetes',
    category: 'kubernetes',
    description: 'Namespaces of the Kubernetes clusters.',
    resourceTypes: [
      {
        id: 'rt_k8s_namespace',
        name: 'Kubernetes namespace',
        permissions: permissions('k8s', 'view', 'edit', 'admin'),
        weight: 14,
        makeName: (p) => `${p.service}-${p.environment}`,
        makeLocation: regional,
      },
    ],
    guide: ['Kubernetes dashboard', 'https://k8s.example.com/', 'Open the Kubernetes dashboard'],
    cli: (resource) => `kubectl config use-context acme && kubectl get pods -n ${resource}`,
  },
  {
    id: 'app_github',
    name: 'GitHub',
    category: 'saas',
    description: "The company's GitHub organizations.",
    resourceTypes: [
      {
        id: 'rt_github_repository',
        name: 'GitHub repository',
        permissions: permissions('github', 'Read', 'Write', 'Admin'),
        weight: 12,
        // Deployment repositories, one per service and environment.
        makeName: (p) => `${p.service}-deploy-${p.environment}`,
        makeLocation: () => 'acme',
      },
    ],
    guide: ['GitHub organization', 'https://github.com/acme', 'Open GitHub'],
    cli: (resource) => `gh repo clone acme/${resource}`,
  },
  {
    id: 'app_salesforce',
    name: 'Salesforce',
    category: 'saas',
    description: 'Salesforce orgs of the sales and support teams.',
    resourceTypes: [
      {
        id: 'rt_salesforce_org',
        name: 'Salesforce org',
        permissions: permissions(
          'sf',
          'Read Only',
          ['standard', 'Standard User'],
          ['sysadmin', 'System Administrator'],
        ),
        weight: 3,
        makeName: (p) => `salesforce-${p.environment}-${p.service}`,
        makeLocation: (p) => `${p.environment} orgs`,
      },
    ],
    guide: ['Salesforce login page', 'https://acme.my.salesforce.com/', 'Open Salesforce'],
    cli: (resource) => `sf org login web --alias ${resource}`,
  },
];

export const APP_DEFINITIONS: readonly AppDefinition[] = [
  ...STANDARD_APPS.map(({ guide: [portal, url, linkLabel], cli, ...app }) => ({
    ...app,
    instructions: standardInstructions(
      { portal, url, linkLabel, cli },
      `https://docs.example.com/access/${app.id.slice(4)}`,
    ),
  })),
  {
    id: 'app_legacy_crm',
    name: 'Legacy CRM',
    category: 'saas',
    description: 'The old in-house CRM, being retired; its production connector is unreliable.',
    resourceTypes: [
      {
        id: 'rt_legacy_crm_module',
        name: 'Legacy CRM module',
        permissions: permissions('crm', 'Viewer', 'Editor'),
        weight: 2,
        makeName: (p) => `crm-${p.environment}-${p.service}`,
        makeLocation: (p) => `crm-${p.environment}`,
      },
    ],
    instructions: legacyCrmInstructions,
  },
];

/** Product services that resources are named after. */
export const SERVICES = (
  'payments orders billing checkout search identity inventory shipping catalog pricing notifications ' +
  'analytics reporting ledger fraud recommendations accounts auth gateway media messaging loyalty support ' +
  'invoicing warehouse logistics marketing crm-sync data-lake ml-features audit compliance onboarding risk ' +
  'tax subscriptions payouts refunds partners events'
).split(' ');

export const REGIONS = ['eu-1', 'eu-2', 'us-1', 'us-2', 'ap-1'] as const;
