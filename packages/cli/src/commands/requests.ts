// The commands on one's requests: list, show, wait, watch, revoke, again, extend, access, favorite.
import { LIMITS, STATUS_IDS, TERMINAL_STATUSES, type AccessRequest } from '@access-requests/sdk';
import {
  choiceFlag,
  durationFlag,
  hoursFlag,
  idArgument,
  justificationFlag,
  listFlag,
  ticketFlag,
  requiredFlag,
  statusFlag,
  stringFlag,
  wholeNumberFlag,
} from '../args.js';
import type { Command, Context } from '../command.js';
import { CliError, usageError } from '../exit-codes.js';
import { printable } from '../output.js';
import { confirm } from '../prompts.js';
import { accessDetailsText, accessOf, requestDetails, requestLine, requestTable } from '../render.js';
import { WAIT_FLAGS, waitForAll, waitTarget } from '../waiting.js';

const SCOPES = ['mine', 'on_behalf'] as const;

export const list: Command = {
  name: 'list',
  summary: 'your requests (or those you made for others), newest first',
  flags: {
    status: {
      type: 'string',
      multiple: true,
      value: 'STATUS',
      help: 'only this status (repeatable)',
      choices: STATUS_IDS,
    },
    scope: { type: 'string', value: 'SCOPE', help: 'mine (default) or on_behalf', choices: SCOPES },
    favorites: { type: 'boolean', help: 'only favourites' },
    limit: { type: 'string', value: 'N', help: `how many (default 50, at most ${LIMITS.pageSize.maximum})` },
  },
  async run(context, { values }) {
    const status = listFlag(values, 'status').map((s) => statusFlag('--status', s));
    const scopeText = stringFlag(values, 'scope');
    const scope = scopeText === undefined ? 'mine' : choiceFlag('--scope', scopeText, SCOPES);
    const limitText = stringFlag(values, 'limit');
    const limit =
      limitText === undefined ? 50 : wholeNumberFlag('--limit', limitText, 1, LIMITS.pageSize.maximum);
    const page = await context
      .client()
      .requests(
        { scope, ...(status.length ? { status } : {}), ...(values.favorites ? { favorite: true } : {}) },
        { signal: context.signal },
      )
      .page({ limit });
    context.out.result(page, (safe) =>
      [
        requestTable(context.out, safe.items, scope === 'on_behalf'),
        ...(safe.next_cursor
          ? [
              context.out.dim(
                `More than ${limit}: add --limit ${Math.min(limit * 2, LIMITS.pageSize.maximum)}.`,
              ),
            ]
          : []),
      ].join('\n'),
    );
  },
};

export const show: Command = {
  name: 'show',
  args: '<id>',
  summary: 'one request: status, access, approvals, times, what you can do',
  flags: {},
  async run(context, { positionals }) {
    const request = await context
      .client()
      .request(idArgument('show', positionals), { signal: context.signal });
    context.out.result(request, (safe) => requestDetails(context.out, safe));
  },
};

export const wait: Command = {
  name: 'wait',
  args: '<id>',
  summary:
    'wait until a request is active (or --for another status); exit 3 on timeout, 4 if it ends otherwise',
  flags: {
    for: {
      type: 'string',
      value: 'STATUS',
      help: 'the status to wait for (default active)',
      choices: STATUS_IDS,
    },
    ...WAIT_FLAGS,
  },
  async run(context, { values, positionals }) {
    const id = idArgument('wait', positionals);
    const { status = 'active', timeoutMs } = waitTarget(values, 'for');
    const client = context.client();
    const [reached = undefined] = await waitForAll(
      context,
      client,
      [await client.request(id, { signal: context.signal })],
      status,
      timeoutMs,
    );
    if (reached) context.out.result(reached, (safe) => requestLine(context.out, safe));
  },
};

export const watch: Command = {
  name: 'watch',
  args: '[<id>]',
  summary:
    'live updates from the event stream (polling while it is unavailable); one request until it settles',
  details: 'With --json, one line per update: {"type":"request.updated","request":{…}}.',
  flags: {
    poll: {
      type: 'string',
      value: 'DURATION',
      help: 'how often to check while the stream is unavailable (default 5s)',
    },
  },
  async run(context, { values, positionals }) {
    const { out } = context;
    const pollText = stringFlag(values, 'poll');
    const pollIntervalMs = pollText === undefined ? undefined : durationFlag('--poll', pollText);
    if (pollIntervalMs === 0) throw usageError('--poll', 'must be longer than 0');
    const [id, extra] = positionals;
    if (extra !== undefined) throw usageError('watch', `takes at most one request id, got also "${extra}"`);
    const client = context.client();
    const stop = new AbortController();
    const signal = AbortSignal.any([context.signal, stop.signal]);
    let shown = '';
    /** Prints a request's news (once per version); with an id, stops once it has settled. */
    const print = (request: AccessRequest) => {
      const version = `${request.status} ${request.updated_at} ${request.favorite}`;
      if (id && (request.id !== id || version === shown)) return;
      shown = version;
      if (out.json) out.jsonLine({ type: 'request.updated', request });
      else out.stdout.write(`${new Date().toLocaleTimeString()}  ${requestLine(out, printable(request))}\n`);
      if (id && TERMINAL_STATUSES.includes(request.status)) stop.abort();
    };
    if (!id) out.note(out.dim('Watching your requests; Ctrl-C to stop.', out.stderr));
    const updates = client.watch({
      signal,
      pollIntervalMs,
      // The request as it is at each (re)connection: nothing that changed meanwhile is missed.
      onConnect: id ? async () => print(await client.request(id, { signal })) : undefined,
      onStateChange: (state) =>
        out.note(
          state.mode === 'live'
            ? out.dim('Live.', out.stderr)
            : `Live updates unavailable: checking every ${state.pollIntervalMs / 1000} s.`,
        ),
    });
    try {
      for await (const update of updates) print(update.request);
    } catch (error) {
      if (!signal.aborted) throw error;
    }
  },
};

/** Without a terminal to confirm in, --yes is required (checked before anything is sent). */
function requireYesOrTerminal(context: Context, yes: boolean, command: string): void {
  if (!yes && !context.interactive)
    throw usageError('--yes', `is required to ${command} without a terminal to confirm in`);
}

/** Asks before an action that cannot be undone, unless --yes. */
async function confirmed(context: Context, yes: boolean, question: string): Promise<void> {
  if (!yes && !(await confirm(context, question))) throw new CliError('Cancelled: nothing was sent.');
}

const YES = { yes: { type: 'boolean', short: 'y', help: 'do not ask for confirmation' } } as const;

export const revoke: Command = {
  name: 'revoke',
  args: '<id>',
  summary: 'revoke an access (or withdraw a pending request), after confirming',
  flags: YES,
  async run(context, { values, positionals }) {
    const id = idArgument('revoke', positionals);
    requireYesOrTerminal(context, values.yes === true, 'revoke');
    const client = context.client();
    const request = await client.request(id, { signal: context.signal });
    if (!request.can.revoke)
      throw new CliError(
        `${id} cannot be revoked now (it is ${request.status}${request.requester.id !== request.grantee.id ? '; only its requester may revoke it' : ''}).`,
      );
    await confirmed(context, values.yes === true, `Revoke ${id}, ${accessOf(printable(request))}?`);
    const revoked = await client.revoke(id, { signal: context.signal });
    context.out.result(revoked, (safe) => requestLine(context.out, safe));
  },
};

const JUSTIFICATION = {
  type: 'string',
  value: 'TEXT',
  help: `why (1–${LIMITS.justification.maxLength} characters)`,
} as const;
const TICKET = { type: 'string', value: 'TYPE:ID', help: 'a ticket, like tt_jira:SEC-12' } as const;

export const again: Command = {
  name: 'again',
  args: '<id>',
  summary: 'request a closed request’s access again (its justification unless --justification)',
  flags: {
    justification: JUSTIFICATION,
    hours: { type: 'string', value: 'N', help: 'duration in whole hours (default: as before)' },
    ticket: TICKET,
    wait: {
      type: 'string',
      value: 'STATUS',
      help: 'then wait for this status (active)',
      choices: STATUS_IDS,
    },
    ...WAIT_FLAGS,
  },
  async run(context, { values, positionals }) {
    const id = idArgument('again', positionals);
    const { status, timeoutMs } = waitTarget(values, 'wait');
    const client = context.client();
    const justification =
      justificationFlag(values) ?? (await client.request(id, { signal: context.signal })).justification;
    if (!justification) throw usageError('--justification', 'is required: the first request had none');
    const hours = hoursFlag(values);
    const ticket = ticketFlag(values);
    const requests = await client.requestAgain(
      id,
      {
        justification,
        ...(hours === undefined ? {} : { duration_hours: hours }),
        ...(ticket ? { ticket } : {}),
      },
      { signal: context.signal },
    );
    const final = status ? await waitForAll(context, client, requests, status, timeoutMs) : requests;
    context.out.result({ requests: final }, (safe) =>
      safe.requests.map((r) => requestLine(context.out, r)).join('\n'),
    );
  },
};

export const extend: Command = {
  name: 'extend',
  args: '<id>',
  summary: 'ask for more hours of an active access',
  flags: {
    hours: { type: 'string', value: 'N', help: 'how many more hours' },
    justification: JUSTIFICATION,
  },
  async run(context, { values, positionals }) {
    const id = idArgument('extend', positionals);
    const hours = wholeNumberFlag(
      '--hours',
      requiredFlag(values, 'hours', 'how many more hours'),
      1,
      LIMITS.durationHours.maximum,
    );
    requiredFlag(values, 'justification', 'why you need more time');
    const justification = justificationFlag(values) ?? '';
    const extended = await context.client().extend(id, { hours, justification }, { signal: context.signal });
    context.out.result(extended, (safe) => {
      const pending = safe.extension?.pending;
      return pending
        ? `${requestLine(context.out, safe)}\n${pending.hours} h more asked: waiting for approval (the access stays active meanwhile).`
        : `${requestLine(context.out, safe)}\nNow expires ${safe.expires_at ? new Date(safe.expires_at).toLocaleString() : 'later'}.`;
    });
  },
};

export const access: Command = {
  name: 'access',
  args: '<id>',
  summary: 'how to use an active access: instructions, the command to run, the link, the time left',
  flags: {},
  async run(context, { positionals }) {
    const details = await context
      .client()
      .accessDetails(idArgument('access', positionals), { signal: context.signal });
    context.out.result(details, (safe) => accessDetailsText(context.out, safe));
  },
};

function favoriteCommand(name: 'favorite' | 'unfavorite'): Command {
  return {
    name,
    args: '<id>',
    summary: name === 'favorite' ? 'star a request you made for yourself' : 'remove the star',
    flags: {},
    async run(context, { positionals }) {
      const id = idArgument(name, positionals);
      const client = context.client();
      const request = await (name === 'favorite' ? client.favorite : client.unfavorite)(id, {
        signal: context.signal,
      });
      context.out.result(request, (safe) => `${requestLine(context.out, safe)}${safe.favorite ? '  ★' : ''}`);
    },
  };
}

export const favorite = favoriteCommand('favorite');
export const unfavorite = favoriteCommand('unfavorite');
