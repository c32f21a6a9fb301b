/**
 * The seeded world's past, so every screen has something true to show on first start. It is played
 * through the same services a client uses (submit, approve, reject, revoke, favorite) at fixed times
 * before the start, so every timestamp, approval and scheduled transition is one the rules produce.
 * Transitions still pending at the start (granting, revoking, expiry, the simulated approver) stay
 * scheduled: advancing time completes them. History leaves no events.
 */
import { USER_IDS } from '../demo-data/people.js';
import { decide } from './approvals.js';
import { advanceTo } from './lifecycle.js';
import { markFavorite, revoke } from './requests.js';
import type { BackendState } from './state.js';
import { submit } from './submission.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const { alice, bob, carol, dave } = USER_IDS;

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
  | 'aliceGranting';

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

type Body = Record<string, unknown>;
type Step =
  | { readonly at: number; readonly submit: HistoryLabel; readonly by: string; readonly body: Body }
  | {
      readonly at: number;
      readonly act: 'approve' | 'reject' | 'revoke' | 'favorite';
      readonly on: HistoryLabel;
      readonly by: string;
      readonly reason?: string;
    };

/** A submission by `by` at `at` of `target` for `hours`, with `more` fields (justification, ticket…). */
const ask = (
  at: number,
  label: HistoryLabel,
  by: string,
  hours: number,
  target: Body,
  more: Body = {},
): Step => ({
  at,
  submit: label,
  by,
  body: { ...target, duration_hours: hours, ...more },
});
const act = (
  at: number,
  what: 'approve' | 'reject' | 'revoke' | 'favorite',
  on: HistoryLabel,
  by: string,
  reason?: string,
): Step => (reason === undefined ? { at, act: what, on, by } : { at, act: what, on, by, reason });
const pairs = (...list: [string, string][]) => ({
  resources: list.map(([resource_id, permission_id]) => ({ resource_id, permission_id })),
});
const why = (justification: string, ticket?: { type_id: string; id: string }) =>
  ticket ? { justification, ticket } : { justification };

/** `colleagues` are the generated users (the seed picks who they are). */
function script(colleagues: readonly string[]): Step[] {
  const [first = alice, second = alice, third = alice] = colleagues;
  const jira = { type_id: 'tt_jira', id: 'PAY-4821' };
  return [
    ask(-50 * HOUR, 'daveExpired', dave, 4, pairs(['res_dev_orders_db', 'perm_pg_readonly'])),
    ask(
      -48 * HOUR,
      'aliceOnCallExpired',
      alice,
      12,
      { bundle: { bundle_id: 'bun_oncall_payments' } },
      why('Payments on-call shift.'),
    ),
    act(-47 * HOUR, 'favorite', 'aliceOnCallExpired', alice),
    ask(
      -30 * HOUR,
      'aliceRevokedByUser',
      alice,
      8,
      pairs(['res_staging_payments_db', 'perm_pg_readwrite']),
      why('Load test data for the checkout redesign.'),
    ),
    act(-29 * HOUR, 'revoke', 'aliceRevokedByUser', alice),
    act(-29 * HOUR + MINUTE, 'favorite', 'aliceRevokedByUser', alice),
    ask(
      -26 * HOUR,
      'aliceRejected',
      alice,
      2,
      pairs(['res_prod_payments_db', 'perm_pg_admin']),
      why('Run the ledger backfill migration.'),
    ),
    act(
      -25.5 * HOUR,
      'reject',
      'aliceRejected',
      bob,
      'Admin on production is for the DBA team; request ReadWrite with a change ticket.',
    ),
    ask(
      -6 * HOUR,
      'colleagueApprovedByBob',
      first,
      8,
      pairs(['res_prod_orders_db', 'perm_pg_readonly']),
      why('Quarterly audit of order exports.'),
    ),
    act(-5.75 * HOUR, 'approve', 'colleagueApprovedByBob', bob, 'OK for the quarterly audit.'),
    ask(
      -3 * HOUR,
      'aliceFailed',
      alice,
      4,
      pairs(['res_crm_prod_accounts', 'perm_crm_editor']),
      why('Fix the duplicated customer accounts.'),
    ),
    ask(-3 * HOUR, 'aliceRevoking', alice, 8, pairs(['res_k8s_payments_staging', 'perm_k8s_view'])),
    ask(
      -2 * HOUR,
      'aliceActiveLegacyCrm',
      alice,
      8,
      pairs(['res_crm_staging_accounts', 'perm_crm_viewer'], ['res_staging_payments_db', 'perm_pg_readonly']),
      why('Compare staging customer records with the payments data.'),
    ),
    ask(
      -2 * HOUR,
      'bobForAliceActive',
      bob,
      8,
      { grantee_id: alice, ...pairs(['res_k8s_payments_staging', 'perm_k8s_edit']) },
      why('Alice is pairing with me on the payments release.'),
    ),
    ask(
      -1.5 * HOUR,
      'colleagueWaitingForBobAndCarol',
      second,
      4,
      pairs(['res_aws_1234', 'perm_aws_readonly']),
      why('Check the cost anomaly on the production account.', {
        type_id: 'tt_servicenow',
        id: 'INC0012345',
      }),
    ),
    ask(-1 * HOUR, 'aliceForDaveActive', alice, 4, {
      grantee_id: dave,
      ...pairs(['res_dev_orders_db', 'perm_pg_readonly']),
    }),
    ask(
      -55 * MINUTE,
      'aliceActiveExpiringSoon',
      alice,
      1,
      pairs(['res_k8s_payments', 'perm_k8s_edit']),
      why('Roll back the payments deployment.'),
    ),
    act(-50 * MINUTE, 'favorite', 'aliceActiveExpiringSoon', alice),
    ask(
      -45 * MINUTE,
      'alicePendingTwoApprovers',
      alice,
      4,
      pairs(['res_aws_1234', 'perm_aws_admin']),
      why('Rotate the payments KMS keys.', jira),
    ),
    ask(
      -40 * MINUTE,
      'aliceForDavePending',
      alice,
      4,
      { grantee_id: dave, ...pairs(['res_prod_orders_db', 'perm_pg_readonly']) },
      why('Dave is checking order exports for the Q2 audit.'),
    ),
    ask(
      -25 * MINUTE,
      'alicePendingManager',
      alice,
      8,
      pairs(['res_prod_payments_db', 'perm_pg_readonly'], ['res_prod_orders_db', 'perm_pg_readonly']),
      why('Investigating INC-4821: duplicated payouts in the EU region.', jira),
    ),
    ask(
      -20 * MINUTE,
      'carolActive',
      carol,
      8,
      pairs(['res_snowflake_analytics_staging', 'perm_snowflake_reader']),
    ),
    ask(-10 * MINUTE, 'bobActive', bob, 4, pairs(['res_aws_staging_5678', 'perm_aws_readonly'])),
    ask(
      -1 * MINUTE,
      'colleagueWaitingForSimulatedCarol',
      third,
      2,
      pairs(['res_github_payments_api', 'perm_github_admin']),
      why('Update the branch protection rules.'),
    ),
    ask(-2_000, 'aliceGranting', alice, 2, pairs(['res_dev_orders_db', 'perm_pg_readwrite'])),
    act(-2_000, 'revoke', 'aliceRevoking', alice),
  ];
}

/** How long before the start the history begins; the clock starts there and plays forward. */
export const HISTORY_SPAN_MS = 50 * HOUR;

/** Plays the history up to `start`. The clock must stand at or before `start - HISTORY_SPAN_MS`. */
export function playHistory(state: BackendState, start: number): HistoryIds {
  const colleagues = state.catalog.world.users.slice(4).map((u) => u.id);
  const ids: Partial<Record<HistoryLabel, string>> = {};
  const idOf = (label: HistoryLabel): string => {
    const id = ids[label];
    if (!id) throw new Error(`History step refers to ${label} before it exists`);
    return id;
  };
  state.quiet = true;
  try {
    for (const step of script(colleagues).sort((a, b) => a.at - b.at)) {
      advanceTo(state, start + step.at);
      if ('submit' in step) {
        const [created] = submit(state, step.by, step.body, undefined).body.requests;
        if (!created) throw new Error(`History step ${step.submit} created nothing`);
        ids[step.submit] = created.id;
        continue;
      }
      const id = idOf(step.on);
      if (step.act === 'approve' || step.act === 'reject')
        decide(state, step.by, id, { reason: step.reason }, step.act);
      else if (step.act === 'revoke') revoke(state, step.by, id);
      else markFavorite(state, step.by, id, true);
    }
    advanceTo(state, start);
  } finally {
    state.quiet = false;
  }
  return ids as HistoryIds;
}
