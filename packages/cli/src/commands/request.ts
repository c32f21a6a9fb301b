// `request`: ask for access. Scriptable with flags; in a terminal with no selection flag, by
// prompts (see interactive.ts). Either way the preview comes first: its field errors are reported by
// flag before anything is sent, and its split by access flow is shown before confirming.
import {
  LIMITS,
  NetworkError,
  STATUS_IDS,
  TimeoutError,
  type AccessClient,
  type components,
} from '@access-requests/sdk';
import {
  fieldFlags,
  hoursFlag,
  justificationFlag,
  listFlag,
  pairFlag,
  stringFlag,
  ticketFlag,
  type Values,
} from '../args.js';
import type { Command, Context } from '../command.js';
import { CliError, EXIT_CODES, usageError } from '../exit-codes.js';
import { fieldFailure } from '../failures.js';
import { printable } from '../output.js';
import { confirm } from '../prompts.js';
import { previewSplit, requestLine } from '../render.js';
import { WAIT_FLAGS, waitForAll, waitTarget } from '../waiting.js';

type Input = components['schemas']['AccessRequestInput'];
type PreviewGroup = components['schemas']['PreviewGroup'];
/** A request body before its duration is known. */
export type Draft = Omit<Input, 'duration_hours'> & { duration_hours?: number };

/** The body the flags describe (what to request, for whom, how long, why, the ticket). */
async function draftFromFlags(
  context: Context,
  client: AccessClient,
  values: Values,
): Promise<Draft | undefined> {
  const resources = listFlag(values, 'resource').map((text) => {
    const [resource_id, permission_id] = pairFlag('--resource', text, 'ID:PERMISSION (res_db:perm_read)');
    return { resource_id, permission_id };
  });
  const appText = stringFlag(values, 'app');
  const bundle = stringFlag(values, 'bundle')?.trim();
  const kinds = [resources.length > 0, appText !== undefined, bundle !== undefined].filter(Boolean).length;
  if (kinds === 0) return undefined;
  if (kinds > 1)
    throw usageError('--resource', 'cannot be combined with --app or --bundle: request one kind at a time');
  if (resources.length > LIMITS.resourcesPerRequest.maxItems)
    throw usageError(
      '--resource',
      `is given ${resources.length} times: at most ${LIMITS.resourcesPerRequest.maxItems}`,
    );
  if (bundle === '') throw usageError('--bundle', 'needs a bundle id');
  context.given = { resources: listFlag(values, 'resource') };
  const draft: Draft = resources.length
    ? { resources }
    : appText !== undefined
      ? (([app_id, permission_id]) => ({ app: { app_id, permission_id } }))(
          pairFlag('--app', appText, 'ID:PERMISSION'),
        )
      : { bundle: { bundle_id: bundle ?? '' } };
  return { ...draft, ...(await detailsFromFlags(context, client, values)) };
}

/** --for, --hours, --justification, --ticket and --field, as body fields. */
export async function detailsFromFlags(
  context: Context,
  client: AccessClient,
  values: Values,
): Promise<Partial<Draft>> {
  const forText = stringFlag(values, 'for')?.trim();
  const hours = hoursFlag(values);
  const justification = justificationFlag(values);
  const ticket = ticketFlag(values);
  const customFields = fieldFlags(values);
  return {
    ...(forText ? { grantee_id: await granteeId(context, client, forText) } : {}),
    ...(hours === undefined ? {} : { duration_hours: hours }),
    ...(justification === undefined ? {} : { justification }),
    ...(ticket ? { ticket } : {}),
    ...(customFields ? { custom_fields: customFields } : {}),
  };
}

/** --for as a grantee id: an id as it is, an email looked up among the people one may request for. */
async function granteeId(context: Context, client: AccessClient, text: string): Promise<string> {
  if (!text.includes('@')) return text;
  const { items } = await client.grantees({ search: text }, { signal: context.signal }).page({ limit: 20 });
  const found = items.find((g) => g.email.toLowerCase() === text.toLowerCase());
  if (!found) throw usageError('--for', `"${text}" is nobody you may request access for`);
  return found.id;
}

/** A decimal number as typed on a command line (`12`, `-3.5`, `1e3`). */
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * The --field answers with the types the groups' flows declare: a number field's answer as a number
 * when it reads as one. Anything else is sent as typed, for the server to refuse by field (an
 * unknown id, a number field given words).
 */
export function typedAnswers(
  answers: Readonly<Record<string, string | number>>,
  groups: readonly PreviewGroup[],
): Record<string, string | number> {
  const numbers = new Set(
    groups.flatMap((g) => g.custom_fields.filter((f) => f.type === 'number').map((f) => f.id)),
  );
  return Object.fromEntries(
    Object.entries(answers).map(([id, value]) => [
      id,
      typeof value === 'string' && numbers.has(id) && NUMBER.test(value.trim()) ? Number(value) : value,
    ]),
  );
}

/**
 * The duration: the one given, else the org's default held to the shortest maximum among the flows
 * the preview found; --field answers typed as those flows declare; then the preview again for that
 * body. Answers the body and its preview.
 */
export async function previewed(context: Context, client: AccessClient, draft: Draft) {
  const call = { signal: context.signal };
  const defaultHours = draft.duration_hours ?? (await client.me(call)).org.default_duration_hours;
  let body: Input = { ...draft, duration_hours: defaultHours };
  let preview = await client.preview(body, call);
  if (!preview.groups.length) return { body, preview };
  let next = body;
  if (draft.duration_hours === undefined) {
    const hours = Math.min(defaultHours, ...preview.groups.map((g) => g.max_duration_hours));
    if (hours !== defaultHours) next = { ...next, duration_hours: hours };
  }
  if (body.custom_fields) {
    const typed = typedAnswers(body.custom_fields, preview.groups);
    if (JSON.stringify(typed) !== JSON.stringify(body.custom_fields))
      next = { ...next, custom_fields: typed };
  }
  if (next !== body) {
    body = next;
    preview = await client.preview(body, call);
  }
  return { body, preview };
}

export const request: Command = {
  name: 'request',
  summary: 'ask for access (by flags; interactively in a terminal without them)',
  details: [
    'One request is created per access flow the items fall under; the preview shows the split first.',
    'Examples:',
    '  access-requests request --resource res_staging_payments_db:perm_pg_readonly --hours 2 \\',
    '    --justification "Investigating INC-4211" --wait active',
    '  access-requests request --app app_aws:perm_aws_readonly --hours 1 --justification "Audit" \\',
    '    --ticket tt_jira:SEC-12 --field change_type=investigation --field accounts_affected=3 --yes',
    'Flows may ask questions of their own (custom fields); the preview lists them, --field answers them.',
  ].join('\n'),
  flags: {
    resource: {
      type: 'string',
      multiple: true,
      value: 'ID:PERMISSION',
      help: 'a resource and permission (repeatable)',
    },
    app: { type: 'string', value: 'ID:PERMISSION', help: 'a whole app (integration) with one permission' },
    bundle: { type: 'string', value: 'ID', help: 'a bundle' },
    hours: {
      type: 'string',
      value: 'N',
      help: 'duration in whole hours (default: the org’s, within the flows’ maximum)',
    },
    justification: {
      type: 'string',
      value: 'TEXT',
      help: `why (1–${LIMITS.justification.maxLength} characters; some flows require it)`,
    },
    ticket: {
      type: 'string',
      value: 'TYPE:ID',
      help: 'a ticket, like tt_jira:SEC-12 (some flows require one)',
    },
    field: {
      type: 'string',
      multiple: true,
      value: 'ID=VALUE',
      help: 'answer a question of the access flow, like change_type=emergency (repeatable)',
    },
    for: { type: 'string', value: 'USER', help: 'request for someone else: a user id or email' },
    wait: {
      type: 'string',
      value: 'STATUS',
      help: 'then wait for this status (active); exit 3 on timeout, 4 if rejected or failed',
      choices: STATUS_IDS,
    },
    ...WAIT_FLAGS,
    yes: { type: 'boolean', short: 'y', help: 'submit without showing the split and asking' },
    'idempotency-key': {
      type: 'string',
      value: 'KEY',
      help: 'send the same submission again without creating it twice',
    },
  },
  async run(context, { values, positionals }) {
    if (positionals.length)
      throw usageError(
        'request',
        `takes no arguments, got "${positionals[0]}" (use --resource ID:PERMISSION)`,
      );
    const { out } = context;
    const client = context.client();
    const { status: waitFor, timeoutMs } = waitTarget(values, 'wait');
    let draft = await draftFromFlags(context, client, values);
    if (!draft) {
      if (!context.interactive)
        throw usageError(
          '--resource',
          'is required (or --app or --bundle): what to request; run in a terminal to choose',
        );
      const { draftInteractively } = await import('./interactive.js');
      draft = await draftInteractively(context, client, values);
    }
    const { body, preview } = await previewed(context, client, draft);
    if (preview.errors.length) throw fieldFailure(preview.errors, context.given);
    if (context.interactive && values.yes !== true) {
      out.note(previewSplit(out, printable(preview), body.duration_hours));
      const count = preview.groups.length;
      if (
        !(await confirm(context, `Submit ${count === 1 ? 'this request' : `these ${count} requests`}?`, true))
      )
        throw new CliError('Cancelled: nothing was sent.');
    }
    const idempotencyKey = stringFlag(values, 'idempotency-key')?.trim() || crypto.randomUUID();
    const requests = await client
      .submit(body, { signal: context.signal, idempotencyKey })
      .catch((error: unknown) => {
        if (error instanceof NetworkError || error instanceof TimeoutError)
          throw new CliError(
            `${error.message} The server may have created it: run the same command with --idempotency-key ${idempotencyKey} to get its answer without creating it twice.`,
            EXIT_CODES.failed,
            [],
            { idempotency_key: idempotencyKey },
          );
        throw error;
      });
    if (!out.json) for (const r of requests) out.note(`Created ${requestLine(out, printable(r))}`);
    const final = waitFor ? await waitForAll(context, client, requests, waitFor, timeoutMs) : requests;
    // The ids alone on stdout, one a line, for `id=$(access-requests request …)`.
    out.result({ requests: final }, (safe) => safe.requests.map((r) => r.id).join('\n'));
  },
};
