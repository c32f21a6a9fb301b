// Waiting for requests to reach a status, with progress on stderr: a line when the wait starts and
// when it ends, and on a terminal the time waited so far, updated each second.
import {
  TimeoutError,
  statusInfo,
  type AccessClient,
  type AccessRequest,
  type AccessRequestStatus,
} from '@access-requests/sdk';
import { durationFlag, statusFlag, stringFlag, type FlagSpec, type Values } from './args.js';
import type { Context } from './command.js';
import { CliError, EXIT_CODES } from './exit-codes.js';
import { printable, span } from './output.js';

/** The flags of a command that can wait. */
export const WAIT_FLAGS = {
  timeout: { type: 'string', value: 'DURATION', help: 'how long to wait (30s, 10m, 1h; default 10m)' },
} as const satisfies Record<string, FlagSpec>;

export const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/** The wait's target status and time limit from the flags (`--for`/`--wait` and `--timeout`). */
export function waitTarget(values: Values, statusFlagName: string) {
  const given = stringFlag(values, statusFlagName);
  const timeoutText = stringFlag(values, 'timeout');
  return {
    status: given === undefined ? undefined : statusFlag(`--${statusFlagName}`, given),
    timeoutMs: timeoutText === undefined ? DEFAULT_TIMEOUT_MS : durationFlag('--timeout', timeoutText),
  };
}

/**
 * Waits for each request to be `status`; resolves with them as they are then. Rejects with the
 * SDK's RequestSettledError (rejected, failed: exit 4) or TimeoutError (exit 3).
 */
export async function waitForAll(
  context: Context,
  client: AccessClient,
  requests: readonly AccessRequest[],
  status: AccessRequestStatus,
  timeoutMs: number,
): Promise<AccessRequest[]> {
  const { out } = context;
  const label = statusInfo(status).label;
  const started = Date.now();
  const ids = requests.map((r) => r.id).join(', ');
  out.note(`Waiting up to ${span(timeoutMs)} for ${ids} to be ${label}…`);
  const ticker =
    process.stderr.isTTY && !out.json
      ? setInterval(
          () => process.stderr.write(`\r${out.dim(`  ${span(Date.now() - started)} so far`, out.stderr)}`),
          1000,
        )
      : undefined;
  try {
    const done = await Promise.all(
      requests.map((r) =>
        client.waitFor(r.id, status, { timeout: timeoutMs, signal: context.signal }).then(
          (reached) => {
            if (ticker) process.stderr.write('\r\u001b[2K');
            out.note(
              `${printable(reached.id)} is ${out.status(reached.status, out.stderr)} after ${span(Date.now() - started)}.`,
            );
            return reached;
          },
          async (error: unknown) => {
            if (!(error instanceof TimeoutError)) throw error;
            const now = await client.request(r.id, { signal: context.signal }).catch(() => undefined);
            const still = now ? ` (still ${statusInfo(now.status).label})` : '';
            throw new CliError(
              `${r.id} is not ${label} after ${span(timeoutMs)}${still}: run access-requests wait ${r.id} to wait more.`,
              EXIT_CODES.timedOut,
              [],
              now ? { request: now } : {},
            );
          },
        ),
      ),
    );
    return done;
  } finally {
    if (ticker) {
      clearInterval(ticker);
      process.stderr.write('\r\u001b[2K');
    }
  }
}
