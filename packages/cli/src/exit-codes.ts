/**
 * The exit codes of `access-requests`, the same for every command, so that a script can tell what
 * happened without reading the output.
 *
 * @example
 * ```ts
 * import { EXIT_CODES } from '@access-requests/cli';
 *
 * if (status === EXIT_CODES.timedOut) console.log('Still not active: try again later.');
 * ```
 */
export const EXIT_CODES = {
  /** Done. */
  ok: 0,
  /** Failed: the server refused, could not be reached, or the user cancelled. */
  failed: 1,
  /** Bad usage: an unknown command or flag, a bad value, or input the server refused field by field. */
  usage: 2,
  /** Timed out: `wait` (or `request --wait`) ran out of time. */
  timedOut: 3,
  /** The request was rejected, or its access failed. */
  rejected: 4,
} as const;

/**
 * One of {@link EXIT_CODES}: what `main` answers and the binary exits with.
 *
 * @example
 * ```ts
 * import { main, type ExitCode } from '@access-requests/cli';
 *
 * const code: ExitCode = await main(['whoami']);
 * ```
 */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** One problem with one flag, from the command line or from the server's field errors. */
export interface FlagError {
  /** The flag it is about (`--hours`), or the argument (`<id>`). */
  readonly flag: string;
  /** What is wrong, for a person. */
  readonly message: string;
  /** The body path the server named (`resources[1].permission_id`), when it came from the server. */
  readonly field?: string | undefined;
  /** The server's code (`out_of_range`, `required`, …), when it came from the server. */
  readonly code?: string | undefined;
}

/** A failure the command reports on one line per problem and exits with `exitCode`. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT_CODES.failed,
    readonly flagErrors: readonly FlagError[] = [],
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** Bad usage (exit 2): the message names the flag and what is wrong with it. */
export function usageError(flag: string, message: string): CliError {
  return new CliError(`${flag} ${message}`, EXIT_CODES.usage, [{ flag, message }]);
}
