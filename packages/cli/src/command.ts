// What a command is, and what it gets to run: its parsed flags, the output, the session's client.
import { createAccessClient, type AccessClient } from '@access-requests/sdk';
import type { FlagSpecs, Parsed } from './args.js';
import { resolveSession, type Session } from './config.js';
import { usageError } from './exit-codes.js';
import type { FlagsGiven } from './failures.js';
import type { Output } from './output.js';

/** Everything a command runs with. */
export interface Context {
  readonly out: Output;
  readonly env: NodeJS.ProcessEnv;
  /** Whether the user is there to answer prompts: stdin and stderr are terminals. */
  readonly interactive: boolean;
  /** Aborted on Ctrl-C (SIGINT). */
  readonly signal: AbortSignal;
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** The --base-url given, if any. */
  readonly baseUrlFlag: string | undefined;
  /** The session (server and token); throws "not logged in" when there is none. */
  session(): Session;
  /** An SDK client for the session. */
  client(): AccessClient;
  /** What the user gave, to name the server's field errors by flag. */
  given: FlagsGiven;
}

/** One command of `access-requests`. */
export interface Command {
  readonly name: string;
  /** The arguments after the name, for help (`<id>`, `[<id>]`). */
  readonly args?: string;
  /** One line for the command list. */
  readonly summary: string;
  /** More lines for the command's own help. */
  readonly details?: string;
  readonly flags: FlagSpecs;
  /** Values completion offers for the first argument. */
  readonly argChoices?: readonly string[];
  /** Runs the command to its end (exit 0); a failure throws, and its exit code comes from what it threw. */
  run(context: Context, parsed: Parsed): Promise<void>;
}

/** The client for a session; a bad --base-url is a usage error naming it. */
export function clientFor(session: Session): AccessClient {
  try {
    return createAccessClient({ baseUrl: session.baseUrl, token: session.token, timeoutMs: 30_000 });
  } catch (error) {
    const message = (error as Error).message.replace(/^createAccessClient: /, '');
    if (/baseUrl/.test(message))
      throw usageError('--base-url', message.replace(/^baseUrl /, '').replace(/'/g, '"'));
    throw usageError('--token', message.replace(/^token /, ''));
  }
}

/** Makes the context's lazy session and client. */
export function sessionAccess(env: NodeJS.ProcessEnv, baseUrlFlag: string | undefined) {
  let session: Session | undefined;
  let client: AccessClient | undefined;
  return {
    session: () => (session ??= resolveSession(env, baseUrlFlag)),
    client: () => (client ??= clientFor((session ??= resolveSession(env, baseUrlFlag)))),
  };
}
