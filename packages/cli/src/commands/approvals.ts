// The approver's commands: approvals, approve, reject.
import { LIMITS } from '@access-requests/sdk';
import { choiceFlag, idArgument, requiredFlag, stringFlag, textFlag } from '../args.js';
import type { Command } from '../command.js';
import { requestLine, requestTable } from '../render.js';

const APPROVAL_STATUSES = ['pending', 'decided'] as const;

export const approvals: Command = {
  name: 'approvals',
  summary: 'requests waiting for your decision (or --status decided)',
  flags: {
    status: {
      type: 'string',
      value: 'STATUS',
      help: 'pending (default) or decided',
      choices: APPROVAL_STATUSES,
    },
  },
  async run(context, { values }) {
    const text = stringFlag(values, 'status');
    const status = text === undefined ? 'pending' : choiceFlag('--status', text, APPROVAL_STATUSES);
    const page = await context
      .client()
      .approvals({ status }, { signal: context.signal })
      .page({ limit: 100 });
    context.out.result(page, (safe) =>
      safe.items.length
        ? requestTable(context.out, safe.items, true)
        : `Nothing ${status === 'pending' ? 'waits for you' : 'decided yet'}.`,
    );
  },
};

export const approve: Command = {
  name: 'approve',
  args: '<id>',
  summary: 'approve a request waiting for you',
  flags: {
    reason: {
      type: 'string',
      value: 'TEXT',
      help: `an optional note (at most ${LIMITS.approvalReason.maxLength} characters)`,
    },
  },
  async run(context, { values, positionals }) {
    const id = idArgument('approve', positionals);
    const given = stringFlag(values, 'reason');
    const reason =
      given === undefined ? undefined : textFlag('--reason', given, 1, LIMITS.approvalReason.maxLength);
    const approved = await context.client().approve(id, reason ? { reason } : {}, { signal: context.signal });
    context.out.result(approved, (safe) => requestLine(context.out, safe));
  },
};

export const reject: Command = {
  name: 'reject',
  args: '<id>',
  summary: 'reject a request waiting for you, with a reason the requester sees',
  flags: {
    reason: {
      type: 'string',
      value: 'TEXT',
      help: `why (required, at most ${LIMITS.rejectionReason.maxLength} characters)`,
    },
  },
  async run(context, { values, positionals }) {
    const id = idArgument('reject', positionals);
    const reason = textFlag(
      '--reason',
      requiredFlag(values, 'reason', 'why, shown to the requester'),
      LIMITS.rejectionReason.minLength,
      LIMITS.rejectionReason.maxLength,
    );
    const rejected = await context.client().reject(id, { reason }, { signal: context.signal });
    context.out.result(rejected, (safe) => requestLine(context.out, safe));
  },
};
