/**
 * The apps (integrations) of the catalog, one or two per category, with their resource types, the
 * permissions of each type, how generated resources of the type are named, and the app's access
 * instructions.
 */
import {
  firstResourceSlug,
  legacyCrmInstructions,
  permissionSlug,
  standardInstructions,
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

const regional = (p: NameParts): string => `${p.environment}-${p.region}`;

export const APP_DEFINITIONS: readonly AppDefinition[] = [
  {
    id: 'app_aws',
    name: 'AWS',
    category: 'cloud',
    description: 'Amazon Web Services accounts and S3 buckets of the organization.',
    resourceTypes: [
      {
        id: 'rt_aws_account',
        name: 'AWS account',
        permissions: [
          { id: 'perm_aws_readonly', name: 'ReadOnly' },
          { id: 'perm_aws_poweruser', name: 'PowerUser' },
          { id: 'perm_aws_admin', name: 'Admin' },
        ],
        weight: 5,
        makeName: (p) => `aws-${p.environment}-${p.service} (${p.accountNumber})`,
        makeLocation: (p) => `${p.environment} accounts`,
      },
      {
        id: 'rt_aws_s3_bucket',
        name: 'S3 bucket',
        permissions: [
          { id: 'perm_s3_read', name: 'Read' },
          { id: 'perm_s3_write', name: 'Write' },
        ],
        weight: 8,
        makeName: (p) => `${p.environment}-${p.service}-${p.region}-data`,
        makeLocation: regional,
      },
    ],
    instructions: standardInstructions({
      portal: 'AWS access portal',
      url: 'https://example.awsapps.com/start',
      linkLabel: 'Open the AWS console',
      docsUrl: 'https://docs.example.com/access/aws',
      cli: (c) => `aws sso login --profile ${firstResourceSlug(c)}-${permissionSlug(c)}`,
    }),
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
        permissions: [
          { id: 'perm_gcp_viewer', name: 'Viewer' },
          { id: 'perm_gcp_editor', name: 'Editor' },
          { id: 'perm_gcp_owner', name: 'Owner' },
        ],
        weight: 6,
        makeName: (p) => `${p.service}-${p.environment}-${p.accountNumber.slice(0, 4)}`,
        makeLocation: (p) => `acme.example / ${p.environment}`,
      },
    ],
    instructions: standardInstructions({
      portal: 'Google Cloud console',
      url: 'https://console.cloud.google.com/',
      linkLabel: 'Open the Google Cloud console',
      docsUrl: 'https://docs.example.com/access/gcp',
      cli: (c) => `gcloud config set project ${firstResourceSlug(c)} && gcloud auth login`,
    }),
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
        permissions: [
          { id: 'perm_pg_readonly', name: 'ReadOnly' },
          { id: 'perm_pg_readwrite', name: 'ReadWrite' },
          { id: 'perm_pg_admin', name: 'Admin' },
        ],
        weight: 12,
        makeName: (p) => `${p.environment}-${p.service}-db`,
        makeLocation: regional,
      },
    ],
    instructions: standardInstructions({
      portal: 'database proxy',
      url: 'https://db-proxy.example.com/',
      linkLabel: 'Open the database proxy',
      docsUrl: 'https://docs.example.com/access/postgresql',
      cli: (c) =>
        `psql "host=db-proxy.example.com dbname=${firstResourceSlug(c)} user=$USER sslmode=require"`,
    }),
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
        permissions: [
          { id: 'perm_mongo_read', name: 'read' },
          { id: 'perm_mongo_readwrite', name: 'readWrite' },
          { id: 'perm_mongo_dbadmin', name: 'dbAdmin' },
        ],
        weight: 7,
        makeName: (p) => `${p.environment}-${p.service}-mongo`,
        makeLocation: regional,
      },
    ],
    instructions: standardInstructions({
      portal: 'MongoDB Atlas console',
      url: 'https://cloud.mongodb.com/',
      linkLabel: 'Open MongoDB Atlas',
      docsUrl: 'https://docs.example.com/access/mongodb',
      cli: (c) => `mongosh "mongodb+srv://${firstResourceSlug(c)}.example.mongodb.net" --username $USER`,
    }),
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
        permissions: [
          { id: 'perm_snowflake_reader', name: 'Reader' },
          { id: 'perm_snowflake_analyst', name: 'Analyst' },
          { id: 'perm_snowflake_sysadmin', name: 'SysAdmin' },
        ],
        weight: 5,
        makeName: (p) => `${p.environment}_${p.service}`.toUpperCase().replace(/-/g, '_'),
        makeLocation: (p) => `acme.${p.region}`,
      },
    ],
    instructions: standardInstructions({
      portal: 'Snowflake web interface',
      url: 'https://acme.snowflakecomputing.com/',
      linkLabel: 'Open Snowflake',
      docsUrl: 'https://docs.example.com/access/snowflake',
      cli: (c) =>
        `snowsql -a acme -u $USER -d ${(c.resourceNames[0] ?? 'DB').toUpperCase()} --authenticator externalbrowser`,
    }),
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
        permissions: [
          { id: 'perm_k8s_view', name: 'view' },
          { id: 'perm_k8s_edit', name: 'edit' },
          { id: 'perm_k8s_admin', name: 'admin' },
        ],
        weight: 14,
        makeName: (p) => `${p.service}-${p.environment}`,
        makeLocation: regional,
      },
    ],
    instructions: standardInstructions({
      portal: 'Kubernetes dashboard',
      url: 'https://k8s.example.com/',
      linkLabel: 'Open the Kubernetes dashboard',
      docsUrl: 'https://docs.example.com/access/kubernetes',
      cli: (c) => `kubectl config use-context acme && kubectl get pods -n ${firstResourceSlug(c)}`,
    }),
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
        permissions: [
          { id: 'perm_github_read', name: 'Read' },
          { id: 'perm_github_write', name: 'Write' },
          { id: 'perm_github_admin', name: 'Admin' },
        ],
        weight: 12,
        // Deployment repositories, one per service and environment.
        makeName: (p) => `${p.service}-deploy-${p.environment}`,
        makeLocation: () => 'acme',
      },
    ],
    instructions: standardInstructions({
      portal: 'GitHub organization',
      url: 'https://github.com/acme',
      linkLabel: 'Open GitHub',
      docsUrl: 'https://docs.example.com/access/github',
      cli: (c) => `gh repo clone acme/${firstResourceSlug(c)}`,
    }),
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
        permissions: [
          { id: 'perm_sf_readonly', name: 'Read Only' },
          { id: 'perm_sf_standard', name: 'Standard User' },
          { id: 'perm_sf_sysadmin', name: 'System Administrator' },
        ],
        weight: 3,
        makeName: (p) => `salesforce-${p.environment}-${p.service}`,
        makeLocation: (p) => `${p.environment} orgs`,
      },
    ],
    instructions: standardInstructions({
      portal: 'Salesforce login page',
      url: 'https://acme.my.salesforce.com/',
      linkLabel: 'Open Salesforce',
      docsUrl: 'https://docs.example.com/access/salesforce',
      cli: (c) => `sf org login web --alias ${firstResourceSlug(c)}`,
    }),
  },
  {
    id: 'app_legacy_crm',
    name: 'Legacy CRM',
    category: 'saas',
    description: 'The old in-house CRM, being retired; its production connector is unreliable.',
    resourceTypes: [
      {
        id: 'rt_legacy_crm_module',
        name: 'Legacy CRM module',
        permissions: [
          { id: 'perm_crm_viewer', name: 'Viewer' },
          { id: 'perm_crm_editor', name: 'Editor' },
        ],
        weight: 2,
        makeName: (p) => `crm-${p.environment}-${p.service}`,
        makeLocation: (p) => `crm-${p.environment}`,
      },
    ],
    instructions: legacyCrmInstructions,
  },
];

/** Product services that resources are named after. */
export const SERVICES = [
  'payments',
  'orders',
  'billing',
  'checkout',
  'search',
  'identity',
  'inventory',
  'shipping',
  'catalog',
  'pricing',
  'notifications',
  'analytics',
  'reporting',
  'ledger',
  'fraud',
  'recommendations',
  'accounts',
  'auth',
  'gateway',
  'media',
  'messaging',
  'loyalty',
  'support',
  'invoicing',
  'warehouse',
  'logistics',
  'marketing',
  'crm-sync',
  'data-lake',
  'ml-features',
  'audit',
  'compliance',
  'onboarding',
  'risk',
  'tax',
  'subscriptions',
  'payouts',
  'refunds',
  'partners',
  'events',
] as const;

export const REGIONS = ['eu-1', 'eu-2', 'us-1', 'us-2', 'ap-1'] as const;
