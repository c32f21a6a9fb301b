/**
 * The access flows of the demo organization, and the rule that picks the flow of a resource. Between
 * them every status is reachable: automatic and manual approval, one and two approvers, a simulated
 * approver, a short maximum duration, a required ticket, and a flow whose provisioning fails. Some
 * allow extensions of an active request (automatic ones at once, the others after approval), some none.
 * Every flow but production Kubernetes lets a request schedule its start up to seven days ahead
 * (production cloud: three days). Production databases ask an optional incident id; production cloud
 * asks the kind of change (required) and how many accounts it affects (optional): custom fields.
 */
import type { AccessFlowRecord, AppCategory, CustomFieldRecord, Environment } from './model.js';
import { USER_IDS } from './people.js';

export const FLOW_IDS = {
  /** Development and staging: automatic, up to 24 h, nothing required; 2 extensions of up to 8 h. */
  nonProduction: 'flow_nonprod',
  /**
   * Production databases: Bob approves (Carol stands in for him); a justification is required; one
   * extension of up to 4 h, approved like the request; an optional `incident_id` (INC-1234).
   */
  productionDatabases: 'flow_prod_db',
  /**
   * Production cloud accounts: Bob AND Carol approve; justification and ticket required; not for Dave;
   * no extensions; a required `change_type` choice and an optional `accounts_affected` number.
   */
  productionCloud: 'flow_prod_cloud',
  /** Production Kubernetes: automatic but at most 1 hour, no extensions, and no scheduled start. */
  kubernetesProduction: 'flow_k8s_prod',
  /** Production SaaS admin: Carol approves, and the reference server plays her after 2 minutes. */
  saasProduction: 'flow_saas_admin',
  /** Production Legacy CRM: automatic, and provisioning always fails. */
  legacyCrm: 'flow_legacy_crm',
  /** On-call bundles: automatic, up to 12 h, a justification is required; 2 extensions of up to 4 h. */
  onCall: 'flow_oncall',
} as const;

/** How long the simulated approver of `flow_saas_admin` takes to approve. */
const SIMULATED_APPROVAL_DELAY_MS = 2 * 60 * 1000;

const automatic = {
  approval: 'automatic',
  approverIds: [],
  backupApproverIds: [],
  requiredApprovals: 0,
  simulatedApprover: null,
  failsAtGranting: false,
  failureReason: null,
  excludedGranteeIds: [],
  extension: null,
  maxStartAheadHours: 168,
  customFields: [],
} as const satisfies Partial<AccessFlowRecord>;

/** The custom fields of the demo flows, by id. */
export const CUSTOM_FIELDS = {
  incidentId: {
    id: 'incident_id',
    label: 'Incident ID',
    description: 'The incident this access is for, if any.',
    type: 'text',
    required: false,
    pattern: 'INC-[0-9]{4,8}',
    patternHint: 'INC- followed by 4 to 8 digits',
    maxLength: 200,
  },
  changeType: {
    id: 'change_type',
    label: 'Change type',
    description: null,
    type: 'choice',
    required: true,
    choices: [
      { id: 'standard', label: 'Standard change' },
      { id: 'emergency', label: 'Emergency change' },
      { id: 'investigation', label: 'Investigation only' },
    ],
  },
  accountsAffected: {
    id: 'accounts_affected',
    label: 'Accounts affected',
    description: null,
    type: 'number',
    required: false,
    integer: true,
    min: 1,
    max: 10_000,
  },
} as const satisfies Record<string, CustomFieldRecord>;

export const ACCESS_FLOWS: readonly AccessFlowRecord[] = [
  {
    ...automatic,
    id: FLOW_IDS.nonProduction,
    name: 'Development and staging – automatic',
    maxDurationHours: 24,
    extension: { maxHours: 8, allowed: 2 },
    justificationRequired: false,
    ticketRequired: false,
  },
  {
    ...automatic,
    id: FLOW_IDS.productionDatabases,
    name: 'Production databases – manager approval',
    approval: 'manual',
    approverIds: [USER_IDS.bob],
    backupApproverIds: [USER_IDS.carol],
    requiredApprovals: 1,
    maxDurationHours: 12,
    extension: { maxHours: 4, allowed: 1 },
    justificationRequired: true,
    ticketRequired: false,
    customFields: [CUSTOM_FIELDS.incidentId],
  },
  {
    ...automatic,
    id: FLOW_IDS.productionCloud,
    name: 'Production cloud – manager and security approval',
    approval: 'manual',
    approverIds: [USER_IDS.bob, USER_IDS.carol],
    requiredApprovals: 2,
    maxDurationHours: 8,
    justificationRequired: true,
    ticketRequired: true,
    excludedGranteeIds: [USER_IDS.dave],
    maxStartAheadHours: 72,
    customFields: [CUSTOM_FIELDS.changeType, CUSTOM_FIELDS.accountsAffected],
  },
  {
    ...automatic,
    id: FLOW_IDS.kubernetesProduction,
    name: 'Kubernetes production – automatic, 1 hour',
    maxDurationHours: 1,
    maxStartAheadHours: 0,
    justificationRequired: true,
    ticketRequired: false,
  },
  {
    ...automatic,
    id: FLOW_IDS.saasProduction,
    name: 'SaaS admin – security approval',
    approval: 'manual',
    approverIds: [USER_IDS.carol],
    backupApproverIds: [USER_IDS.bob],
    requiredApprovals: 1,
    simulatedApprover: { userId: USER_IDS.carol, delayMs: SIMULATED_APPROVAL_DELAY_MS },
    maxDurationHours: 24,
    extension: { maxHours: 4, allowed: 1 },
    justificationRequired: true,
    ticketRequired: false,
  },
  {
    ...automatic,
    id: FLOW_IDS.legacyCrm,
    name: 'Legacy CRM production – automatic',
    maxDurationHours: 8,
    justificationRequired: false,
    ticketRequired: false,
    failsAtGranting: true,
    failureReason:
      'The Legacy CRM connector timed out while creating the account (error CRM-504); no access was granted. Contact your admin.',
  },
  {
    ...automatic,
    id: FLOW_IDS.onCall,
    name: 'On-call – automatic',
    maxDurationHours: 12,
    extension: { maxHours: 4, allowed: 2 },
    justificationRequired: true,
    ticketRequired: false,
  },
];

const PRODUCTION_FLOWS: Readonly<Record<AppCategory, string>> = {
  cloud: FLOW_IDS.productionCloud,
  database: FLOW_IDS.productionDatabases,
  kubernetes: FLOW_IDS.kubernetesProduction,
  saas: FLOW_IDS.saasProduction,
};

/**
 * The flow a resource falls under, from its app and environment: everything outside production is
 * automatic; production follows the app's kind. Legacy CRM production has its own (failing) flow.
 */
export function flowIdFor(appId: string, category: AppCategory, environment: Environment): string {
  if (environment !== 'prod') return FLOW_IDS.nonProduction;
  return appId === 'app_legacy_crm' ? FLOW_IDS.legacyCrm : PRODUCTION_FLOWS[category];
}
