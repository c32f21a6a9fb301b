/**
 * The seeded world's past, so every screen has something true to show on first start. It is played
 * through the same services a client uses (submit, approve, reject, revoke, favorite) at fixed times
 * before the start, so every timestamp, approval and scheduled transition is one the rules produce.
 * Transitions still pending at the start (granting, revoking, expiry, the simulated approver) stay
 * scheduled: advancing time completes them. History leaves no events.
 */
import { USER_IDS } from '../demo-data/people.js';
import { approve, reject } from './approvals.js';
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

type Step =
  | {
      readonly at: number;
      readonly submit: HistoryLabel;
      readonly by: string;
      readonly body: Record<string, unknown>;
    }
  | {
      readonly at: number;
      readonly act: 'approve' | 'reject' | 'revoke' | 'favorite';
      readonly on: HistoryLabel;
      readonly by: string;
      readonly reason?: string;
    };

const pairs = (...list: [string, string][]) =>
  list.map(([resource_id, permission_id]) => ({ resource_id, permission_id }));

/** `colleagues` are the generated users (the seed picks who they are). */
function script(colleagues: readonly string[]): Step[] {
  const [first = alice, second = alice, third = alice] = colleagues;
  return [
    {
      at: -50 * HOUR,
      submit: 'daveExpired',
      by: dave,
      body: { resources: pairs(['res_dev_orders_db', 'perm_pg_readonly']), duration_hours: 4 },
    },
    {
      at: -48 * HOUR,
      submit: 'aliceOnCallExpired',
      by: alice,
      body: {
        bundle: { bundle_id: 'bun_oncall_payments' },
        duration_hours: 12,
        justification: 'Payments on-call shift.',
      },
    },
    { at: -47 * HOUR, act: 'favorite', on: 'aliceOnCallExpired', by: alice },
    {
      at: -30 * HOUR,
      submit: 'aliceRevokedByUser',
      by: alice,
      body: {
        resources: pairs(['res_staging_payments_db', 'perm_pg_readwrite']),
        duration_hours: 8,
        justification: 'Load test data for the checkout redesign.',
      },
    },
    { at: -29 * HOUR, act: 'revoke', on: 'aliceRevokedByUser', by: alice },
    { at: -29 * HOUR + MINUTE, act: 'favorite', on: 'aliceRevokedByUser', by: alice },
    {
      at: -26 * HOUR,
      submit: 'aliceRejected',
      by: alice,
      body: {
        resources: pairs(['res_prod_payments_db', 'perm_pg_admin']),
        duration_hours: 2,
        justification: 'Run the ledger backfill migration.',
      },
    },
    {
      at: -25.5 * HOUR,
      act: 'reject',
      on: 'aliceRejected',
      by: bob,
      reason: 'Admin on production is for the DBA team; request ReadWrite with a change ticket.',
    },
    {
      at: -6 * HOUR,
      submit: 'colleagueApprovedByBob',
      by: first,
      body: {
        resources: pairs(['res_prod_orders_db', 'perm_pg_readonly']),
        duration_hours: 8,
        justification: 'Quarterly audit of order exports.',
      },
    },
    {
      at: -5.75 * HOUR,
      act: 'approve',
      on: 'colleagueApprovedByBob',
      by: bob,
      reason: 'OK for the quarterly audit.',
    },
    {
      at: -3 * HOUR,
      submit: 'aliceFailed',
      by: alice,
      body: {
        resources: pairs(['res_crm_prod_accounts', 'perm_crm_editor']),
        duration_hours: 4,
        justification: 'Fix the duplicated customer accounts.',
      },
    },
    {
      at: -3 * HOUR,
      submit: 'aliceRevoking',
      by: alice,
      body: { resources: pairs(['res_k8s_payments_staging', 'perm_k8s_view']), duration_hours: 8 },
    },
    {
      at: -2 * HOUR,
      submit: 'aliceActiveLegacyCrm',
      by: alice,
      body: {
        resources: pairs(
          ['res_crm_staging_accounts', 'perm_crm_viewer'],
          ['res_staging_payments_db', 'perm_pg_readonly'],
        ),
        duration_hours: 8,
        justification: 'Compare staging customer records with the payments data.',
      },
    },
    {
      at: -2 * HOUR,
      submit: 'bobForAliceActive',
      by: bob,
      body: {
        grantee_id: alice,
        resources: pairs(['res_k8s_payments_staging', 'perm_k8s_edit']),
        duration_hours: 8,
        justification: 'Alice is pairing with me on the payments release.',
      },
    },
    {
      at: -1.5 * HOUR,
      submit: 'colleagueWaitingForBobAndCarol',
      by: second,
      body: {
        resources: pairs(['res_aws_1234', 'perm_aws_readonly']),
        duration_hours: 4,
        justification: 'Check the cost anomaly on the production account.',
        ticket: { type_id: 'tt_servicenow', id: 'INC0012345' },
      },
    },
    {
      at: -1 * HOUR,
      submit: 'aliceForDaveActive',
      by: alice,
      body: {
        grantee_id: dave,
        resources: pairs(['res_dev_orders_db', 'perm_pg_readonly']),
        duration_hours: 4,
      },
    },
    {
      at: -55 * MINUTE,
      submit: 'aliceActiveExpiringSoon',
      by: alice,
      body: {
        resources: pairs(['res_k8s_payments', 'perm_k8s_edit']),
        duration_hours: 1,
        justification: 'Roll back the payments deployment.',
      },
    },
    { at: -50 * MINUTE, act: 'favorite', on: 'aliceActiveExpiringSoon', by: alice },
    {
      at: -45 * MINUTE,
      submit: 'alicePendingTwoApprovers',
      by: alice,
      body: {
        resources: pairs(['res_aws_1234', 'perm_aws_admin']),
        duration_hours: 4,
        justification: 'Rotate the payments KMS keys.',
        ticket: { type_id: 'tt_jira', id: 'PAY-4821' },
      },
    },
    {
      at: -40 * MINUTE,
      submit: 'aliceForDavePending',
      by: alice,
      body: {
        grantee_id: dave,
        resources: pairs(['res_prod_orders_db', 'perm_pg_readonly']),
        duration_hours: 4,
        justification: 'Dave is checking order exports for the Q2 audit.',
      },
    },
    {
      at: -25 * MINUTE,
      submit: 'alicePendingManager',
      by: alice,
      body: {
        resources: pairs(
          ['res_prod_payments_db', 'perm_pg_readonly'],
          ['res_prod_orders_db', 'perm_pg_readonly'],
        ),
        duration_hours: 8,
        justification: 'Investigating INC-4821: duplicated payouts in the EU region.',
        ticket: { type_id: 'tt_jira', id: 'PAY-4821' },
      },
    },
    {
      at: -20 * MINUTE,
      submit: 'carolActive',
      by: carol,
      body: {
        resources: pairs(['res_snowflake_analytics_staging', 'perm_snowflake_reader']),
        duration_hours: 8,
      },
    },
    {
      at: -10 * MINUTE,
      submit: 'bobActive',
      by: bob,
      body: { resources: pairs(['res_aws_staging_5678', 'perm_aws_readonly']), duration_hours: 4 },
    },
    {
      at: -1 * MINUTE,
      submit: 'colleagueWaitingForSimulatedCarol',
      by: third,
      body: {
        resources: pairs(['res_github_payments_api', 'perm_github_admin']),
        duration_hours: 2,
        justification: 'Update the branch protection rules.',
      },
    },
    {
      at: -2_000,
      submit: 'aliceGranting',
      by: alice,
      body: { resources: pairs(['res_dev_orders_db', 'perm_pg_readwrite']), duration_hours: 2 },
    },
    { at: -2_000, act: 'revoke', on: 'aliceRevoking', by: alice },
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
      if (step.act === 'approve') approve(state, step.by, id, { reason: step.reason });
      else if (step.act === 'reject') reject(state, step.by, id, { reason: step.reason });
      else if (step.act === 'revoke') revoke(state, step.by, id);
      else markFavorite(state, step.by, id, true);
    }
    advanceTo(state, start);
  } finally {
    state.quiet = false;
  }
  return ids as HistoryIds;
}
