/**
 * The seeded world as plain, immutable data: people, the organization's settings, the catalog and
 * the access flows. The backend indexes it and never changes it (requests live in the backend).
 */

export type AppCategory = 'cloud' | 'database' | 'kubernetes' | 'saas';
export type Environment = 'prod' | 'staging' | 'dev';

export interface UserRecord {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

interface TicketTypeRecord {
  readonly id: string;
  readonly name: string;
  /** An ECMAScript pattern ticket ids must match; absent: any id of 1–100 characters. */
  readonly idPattern?: string;
  /** A valid id, to show in error messages. */
  readonly example: string;
}

export interface OrgSettingsRecord {
  readonly maxResourcesPerRequest: number;
  readonly ticketTypes: readonly TicketTypeRecord[];
  readonly notificationChannel: 'slack' | 'teams' | 'email';
  readonly defaultDurationHours: number;
}

export interface PermissionRecord {
  readonly id: string;
  readonly name: string;
  readonly resourceTypeId: string;
}

export interface ResourceTypeRecord {
  readonly id: string;
  readonly name: string;
  readonly appId: string;
  readonly permissionIds: readonly string[];
}

/** How to use an access of one app, as the "Access Details" pop-up shows it. */
export interface AccessInstructions {
  readonly markdown: string;
  readonly text: string;
  readonly link: { readonly url: string; readonly label: string } | null;
  readonly cli: string | null;
}

/** What the instructions of one app are written about: the resources and the permission granted. */
export interface InstructionsContext {
  readonly resourceNames: readonly string[];
  readonly permissionName: string;
}

export interface AppRecord {
  readonly id: string;
  readonly name: string;
  readonly category: AppCategory;
  readonly description: string;
  /** What an app request may ask for: the permissions of the app's resource types. */
  readonly permissionIds: readonly string[];
  /** The flow a request for the app as a whole falls under (a whole app counts as production). */
  readonly flowId: string;
  readonly instructions: (context: InstructionsContext) => AccessInstructions;
}

export interface ResourceRecord {
  readonly id: string;
  readonly name: string;
  /** A human-readable location, e.g. `PostgreSQL / prod-eu-1 / prod-payments-db`. */
  readonly path: string;
  readonly resourceTypeId: string;
  readonly appId: string;
  readonly environment: Environment;
  readonly permissionIds: readonly string[];
  readonly flowId: string;
}

export interface BundleItemRecord {
  readonly resourceId: string;
  readonly permissionId: string;
}

/** A bundle falls under one access flow as a whole: it is requested, approved and granted together. */
export interface BundleRecord {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly items: readonly BundleItemRecord[];
  readonly flowId: string;
}

/**
 * How a flow's requests may be extended while active: at most `maxHours` per extension, at most
 * `allowed` extensions per request. Whether they need approval follows the flow's `approval`.
 */
export interface ExtensionPolicyRecord {
  readonly maxHours: number;
  readonly allowed: number;
}

/** An approver the reference server plays by itself, deciding after a delay. */
interface SimulatedApprover {
  readonly userId: string;
  readonly delayMs: number;
}

/** What every kind of custom field has (see the contract's `CustomField`). */
interface CustomFieldBase {
  /** `^[a-z][a-z0-9_]{0,39}$`; the same id in two flows is the same question. */
  readonly id: string;
  readonly label: string;
  /** Help text; null when none. */
  readonly description: string | null;
  readonly required: boolean;
}

/** A question an access flow asks on every request under it, beside the justification and the ticket. */
export type CustomFieldRecord =
  | (CustomFieldBase & {
      readonly type: 'text';
      /** An ECMAScript regular expression the whole trimmed value must match; null when any text goes. */
      readonly pattern: string | null;
      /** What the pattern means in words, for help and errors; null when none. */
      readonly patternHint: string | null;
      /** At most `LIMITS.customFieldTextMaxLength.maximum`. */
      readonly maxLength: number;
    })
  | (CustomFieldBase & {
      readonly type: 'choice';
      readonly choices: readonly { readonly id: string; readonly label: string }[];
    })
  | (CustomFieldBase & {
      readonly type: 'number';
      readonly integer: boolean;
      readonly min: number | null;
      readonly max: number | null;
    });

export interface AccessFlowRecord {
  readonly id: string;
  readonly name: string;
  readonly approval: 'automatic' | 'manual';
  /** Who approves; empty when automatic. */
  readonly approverIds: readonly string[];
  /** Stand-ins when an approver is the requester or the grantee (nobody approves their own access). */
  readonly backupApproverIds: readonly string[];
  /** How many approvals grant a request (1 or 2); 0 when automatic. */
  readonly requiredApprovals: number;
  readonly maxDurationHours: number;
  readonly justificationRequired: boolean;
  readonly ticketRequired: boolean;
  readonly simulatedApprover: SimulatedApprover | null;
  /** The provisioning of this flow always fails; `failureReason` becomes the request's `status_reason`. */
  readonly failsAtGranting: boolean;
  readonly failureReason: string | null;
  /** Who may not receive access through the flow (e.g. a contractor kept out of production cloud). */
  readonly excludedGranteeIds: readonly string[];
  /** How an active request may be extended; null when it may not. */
  readonly extension: ExtensionPolicyRecord | null;
  /** How many hours ahead a request may schedule its start (`starts_at`); 0 when it may not. */
  readonly maxStartAheadHours: number;
  /** The questions the flow asks on every request, in the order a form shows them (at most 10). */
  readonly customFields: readonly CustomFieldRecord[];
}

export interface World {
  readonly seed: number;
  readonly catalogSize: number;
  readonly users: readonly UserRecord[];
  /** Who each user may request access for (themself first). */
  readonly granteesOf: ReadonlyMap<string, readonly string[]>;
  readonly org: OrgSettingsRecord;
  readonly apps: readonly AppRecord[];
  readonly resourceTypes: readonly ResourceTypeRecord[];
  readonly permissions: readonly PermissionRecord[];
  readonly resources: readonly ResourceRecord[];
  readonly bundles: readonly BundleRecord[];
  readonly flows: readonly AccessFlowRecord[];
}
