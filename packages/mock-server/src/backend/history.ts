/**
 * The seeded world's past, so every screen has something true to show on first start. It is played
 * through the same services a client uses (submit, approve, reject, revoke, favorite) at fixed times
 * before the start, so every timestamp, approval and scheduled transition is one the rules produce.
 * Transitions still pending at the start (a scheduled start, granting, revoking, expiry, the
 * simulated approver) stay scheduled: advancing time completes them. History leaves no events.
 */
import { USER_IDS } from '../demo-data/people.js';
import { createRandom, deriveSeed } from '../demo-data/random.js';
import { advanceTo } from './lifecycle.js';
import { decide, markFavorite, revoke } from './requests.js';
import { createRequestIds, type BackendState } from './state.js';
import { submit } from './submission.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A demo user, or the first, second or third generated user (the seed picks who they are). */
type Actor = keyof typeof USER_IDS | 0 | 1 | 2;
type Submission = readonly [
  at: number,
  label: HistoryLabel,
  by: Actor,
  hours: number,
  items: string,
  grantee?: Actor,
];

/**
 * The fixtures added after the first ones: their ids come from a stream of their own, so that the ids
 * of the others (drawn in creation order) stay what they were.
 */
const ADDED_LATER: ReadonlySet<HistoryLabel> = new Set(['aliceActiveApprovedByBob', 'aliceScheduled']);

/**
 * The submissions, in time order: when (before the start), what the request shows, who asks, for how
 * many hours, and what for: `resource permission` pairs (comma-separated) or a bundle id. An actor
 * after the target is the grantee, when not the requester.
 */
const SUBMISSIONS: readonly Submission[] = [
  [-50 * HOUR, 'daveExpired', 'dave', 4, 'res_dev_orders_db perm_pg_readonly'],
  [-48 * HOUR, 'aliceOnCallExpired', 'alice', 12, 'bun_oncall_payments'],
  [-30 * HOUR, 'aliceRevokedByUser', 'alice', 8, 'res_staging_payments_db perm_pg_readwrite'],
  [-26 * HOUR, 'aliceRejected', 'alice', 2, 'res_prod_payments_db perm_pg_admin'],
  [-6 * HOUR, 'colleagueApprovedByBob', 0, 8, 'res_prod_orders_db perm_pg_readonly'],
  [-3 * HOUR, 'aliceFailed', 'alice', 4, 'res_crm_prod_accounts perm_crm_editor'],
  [-3 * HOUR, 'aliceRevoking', 'alice', 8, 'res_k8s_payments_staging perm_k8s_view'],
  [-3 * HOUR, 'aliceActiveApprovedByBob', 'alice', 8, 'res_prod_payments_db perm_pg_readonly'],
  [
    -2 * HOUR,
    'aliceActiveLegacyCrm',
    'alice',
    8,
    'res_crm_staging_accounts perm_crm_viewer, res_staging_payments_db perm_pg_readonly',
  ],
  [-2 * HOUR, 'bobForAliceActive', 'bob', 8, 'res_k8s_payments_staging perm_k8s_edit', 'alice'],
  [-1.5 * HOUR, 'colleagueWaitingForBobAndCarol', 1, 4, 'res_aws_1234 perm_aws_readonly'],
  [-1 * HOUR, 'aliceForDaveActive', 'alice', 4, 'res_dev_orders_db perm_pg_readonly', 'dave'],
  [-55 * MINUTE, 'aliceActiveExpiringSoon', 'alice', 1, 'res_k8s_payments perm_k8s_edit'],
  [-45 * MINUTE, 'alicePendingTwoApprovers', 'alice', 4, 'res_aws_1234 perm_aws_admin'],
  [-40 * MINUTE, 'aliceForDavePending', 'alice', 4, 'res_prod_orders_db perm_pg_readonly', 'dave'],
  [
    -25 * MINUTE,
    'alicePendingManager',
    'alice',
    8,
    'res_prod_payments_db perm_pg_readonly, res_prod_orders_db perm_pg_readonly',
  ],
  [-20 * MINUTE, 'carolActive', 'carol', 8, 'res_snowflake_analytics_staging perm_snowflake_reader'],
  [-10 * MINUTE, 'bobActive', 'bob', 4, 'res_aws_staging_5678 perm_aws_readonly'],
  [-30 * MINUTE, 'aliceScheduled', 'alice', 4, 'res_prod_orders_db perm_pg_readwrite'],
  [-1 * MINUTE, 'colleagueWaitingForSimulatedCarol', 2, 2, 'res_github_payments_api perm_github_admin'],
  [-2_000, 'aliceGranting', 'alice', 2, 'res_dev_orders_db perm_pg_readwrite'],
];

/**
 * The seeded requests, by what they show: the keys of `HistoryIds`.
 *
 * @example
 * ```ts
 * const label: HistoryLabel = 'alicePendingManager';
 * const id = createBackend().history[label];
 * ```
 */
export type HistoryLabel =
  | 'daveExpired'
  | 'aliceOnCallExpired'
  | 'aliceRevokedByUser'
  | 'aliceRejected'
  | 'colleagueApprovedByBob'
  | 'aliceFailed'
  | 'aliceRevoking'
  | 'aliceActiveApprovedByBob'
  | 'aliceActiveLegacyCrm'
  | 'bobForAliceActive'
  | 'colleagueWaitingForBobAndCarol'
  | 'aliceForDaveActive'
  | 'aliceActiveExpiringSoon'
  | 'alicePendingTwoApprovers'
  | 'aliceForDavePending'
  | 'alicePendingManager'
  | 'carolActive'
  | 'bobActive'
  | 'colleagueWaitingForSimulatedCarol'
  | 'aliceGranting'
  | 'aliceScheduled';

/**
 * The ids of the seeded history's requests, by what each shows (`backend.history`): the same for
 * the same seed.
 *
 * @example
 * ```ts
 * const history: HistoryIds = createBackend().history;
 * const waiting = await client.request(history.alicePendingManager); // pending_approval, waiting for Bob
 * ```
 */
export type HistoryIds = Readonly<Record<HistoryLabel, string>>;

const JIRA = { type_id: 'tt_jira', id: 'PAY-4821' };

/** What the submissions say beyond their items. */
const DETAILS: Partial<
  Record<
    HistoryLabel,
    { justification: string; ticket?: typeof JIRA; custom_fields?: Record<string, string | number> }
  >
> = {
  aliceOnCallExpired: { justification: 'Payments on-call shift.' },
  aliceRevokedByUser: { justification: 'Load test data for the checkout redesign.' },
  aliceRejected: { justification: 'Run the ledger backfill migration.' },
  colleagueApprovedByBob: { justification: 'Quarterly audit of order exports.' },
  aliceFailed: { justification: 'Fix the duplicated customer accounts.' },
  aliceActiveApprovedByBob: { justification: 'Reconcile the EU payouts with the finance ledger.' },
  aliceActiveLegacyCrm: { justification: 'Compare staging customer records with the payments data.' },
  bobForAliceActive: { justification: 'Alice is pairing with me on the payments release.' },
  colleagueWaitingForBobAndCarol: {
    justification: 'Check the cost anomaly on the production account.',
    ticket: { type_id: 'tt_servicenow', id: 'INC0012345' },
    custom_fields: { change_type: 'investigation', accounts_affected: 1 },
  },
  aliceActiveExpiringSoon: { justification: 'Roll back the payments deployment.' },
  alicePendingTwoApprovers: {
    justification: 'Rotate the payments KMS keys.',
    ticket: JIRA,
    custom_fields: { change_type: 'standard' },
  },
  aliceForDavePending: { justification: 'Dave is checking order exports for the Q2 audit.' },
  alicePendingManager: {
    justification: 'Investigating INC-4821: duplicated payouts in the EU region.',
    ticket: JIRA,
    custom_fields: { incident_id: 'INC-4821' },
  },
  colleagueWaitingForSimulatedCarol: { justification: 'Update the branch protection rules.' },
  aliceScheduled: { justification: 'Run the orders archive migration in the maintenance window.' },
};

/** Scheduled starts: how many hours after the start (rounded up to a whole hour) the access begins. */
const STARTS_AFTER_HOURS: Partial<Record<HistoryLabel, number>> = { aliceScheduled: 3 };

type Action = 'approve' | 'reject' | 'revoke' | 'favorite';

/** What happens to the requests afterwards: when, what, on which, by whom, with what reason. */
const ACTIONS: readonly (readonly [number, Action, HistoryLabel, Actor, string?])[] = [
  [-47 * HOUR, 'favorite', 'aliceOnCallExpired', 'alice'],
  [-29 * HOUR, 'revoke', 'aliceRevokedByUser', 'alice'],
  [-29 * HOUR + MINUTE, 'favorite', 'aliceRevokedByUser', 'alice'],
  [
    -25.5 * HOUR,
    'reject',
    'aliceRejected',
    'bob',
    'Admin on production is for the DBA team; request ReadWrite with a change ticket.',
  ],
  [-5.75 * HOUR, 'approve', 'colleagueApprovedByBob', 'bob', 'OK for the quarterly audit.'],
  [-2.75 * HOUR, 'approve', 'aliceActiveApprovedByBob', 'bob', 'OK for the reconciliation.'],
  [-50 * MINUTE, 'favorite', 'aliceActiveExpiringSoon', 'alice'],
  [-20 * MINUTE, 'approve', 'aliceScheduled', 'bob', 'OK for the maintenance window.'],
  [-2_000, 'revoke', 'aliceRevoking', 'alice'],
];

function target(items: string): Record<string, unknown> {
  if (items.startsWith('bun_')) return { bundle: { bundle_id: items } };
  const pairs = items.split(', ').map((pair) => pair.split(' '));
  return { resources: pairs.map(([resource_id, permission_id]) => ({ resource_id, permission_id })) };
}

/** How long before the start the history begins; the clock starts there and plays forward. */
export const HISTORY_SPAN_MS = 50 * HOUR;

/** Plays the history up to `start`. The clock must stand at or before `start - HISTORY_SPAN_MS`. */
export function playHistory(state: BackendState, start: number): HistoryIds {
  const colleagues = state.catalog.world.users.slice(4).map((u) => u.id);
  const idOf = (actor: Actor): string =>
    typeof actor === 'number' ? (colleagues[actor] ?? USER_IDS.alice) : USER_IDS[actor];
  const ids: Partial<Record<HistoryLabel, string>> = {};
  const addedLaterIds = createRequestIds(
    createRandom(deriveSeed(state.catalog.world.seed, 'request-ids-added')),
  );
  const startOf = (label: HistoryLabel): { starts_at?: string } => {
    const after = STARTS_AFTER_HOURS[label];
    if (after === undefined) return {};
    return { starts_at: new Date(Math.ceil((start + after * HOUR) / HOUR) * HOUR).toISOString() };
  };
  // Submissions first where an action falls at the same time (a stable sort keeps that order).
  const steps = [
    ...SUBMISSIONS.map((s) => ({ at: s[0], run: () => ask(s) })),
    ...ACTIONS.map((a) => ({ at: a[0], run: () => act(a) })),
  ].sort((a, b) => a.at - b.at);
  const ask = ([, label, by, hours, items, grantee]: Submission): void => {
    const body = {
      ...(grantee === undefined ? {} : { grantee_id: idOf(grantee) }),
      ...target(items),
      duration_hours: hours,
      ...DETAILS[label],
      ...startOf(label),
    };
    const firstIds = state.newRequestId;
    if (ADDED_LATER.has(label)) state.newRequestId = addedLaterIds;
    let created;
    try {
      [created] = submit(state, idOf(by), body, undefined).body.requests;
    } finally {
      state.newRequestId = firstIds;
    }
    if (!created) throw new Error(`History step ${label} created nothing`);
    ids[label] = created.id;
  };
  const act = ([, action, label, by, reason]: (typeof ACTIONS)[number]): void => {
    const id = ids[label];
    if (!id) throw new Error(`History step refers to ${label} before it exists`);
    if (action === 'approve' || action === 'reject') decide(state, idOf(by), id, { reason }, action);
    else if (action === 'revoke') revoke(state, idOf(by), id);
    else markFavorite(state, idOf(by), id, true);
  };
  state.quiet = true;
  try {
    for (const step of steps) {
      advanceTo(state, start + step.at);
      step.run();
    }
    advanceTo(state, start);
  } finally {
    state.quiet = false;
  }
  return ids as HistoryIds;
}
