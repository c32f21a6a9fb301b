// Turns whatever a command threw into one line per problem on stderr (or one JSON object with
// --json) and the exit code; the server's field errors are named by the flags they came from.
import {
  ApiError,
  NetworkError,
  RequestSettledError,
  TimeoutError,
  isAbortError,
  statusInfo,
  type FieldError,
} from '@access-requests/sdk';
import { CliError, EXIT_CODES, type ExitCode, type FlagError } from './exit-codes.js';
import type { Output } from './output.js';

/** Which flag set each body field the server may name (first match wins). */
const FIELD_FLAGS: readonly [RegExp, (match: RegExpExecArray, given: FlagsGiven) => string][] = [
  [
    /^resources\[(\d+)\]/,
    (m, given) => `--resource ${given.resources?.[Number(m[1])] ?? `#${Number(m[1]) + 1}`}`,
  ],
  [/^resources\b/, () => '--resource'],
  [/^app\b/, () => '--app'],
  [/^bundle\b/, () => '--bundle'],
  [/^(duration_hours|hours)$/, () => '--hours'],
  [/^justification$/, () => '--justification'],
  [/^ticket\b/, () => '--ticket'],
  [/^custom_fields\.(.+)$/, (m) => `--field ${m[1] ?? ''}`],
  [/^custom_fields$/, () => '--field'],
  [/^grantee_id$/, () => '--for'],
  [/^reason$/, () => '--reason'],
];

/** What the user gave, to name a field error's flag by its value (`--resource res_db:perm_x`). */
export interface FlagsGiven {
  readonly resources?: readonly string[];
}

/** The flag a server field error is about, or the field itself when no flag sets it. */
export function flagOf(field: string, given: FlagsGiven = {}): string {
  for (const [pattern, name] of FIELD_FLAGS) {
    const match = pattern.exec(field);
    if (match) return name(match, given);
  }
  return field;
}

/** The server's field errors as flag errors. */
export function flagErrors(errors: readonly FieldError[], given: FlagsGiven = {}): FlagError[] {
  return errors.map((e) => ({
    flag: flagOf(e.field, given),
    message: e.message,
    field: e.field,
    code: e.code,
  }));
}

/** Field errors as a usage failure (exit 2): nothing was sent, or the server refused it whole. */
export function fieldFailure(errors: readonly FieldError[], given: FlagsGiven = {}): CliError {
  const flags = flagErrors(errors, given);
  return new CliError(flags.map((f) => `${f.flag}: ${f.message}`).join('\n'), EXIT_CODES.usage, flags);
}

interface Failure {
  readonly exitCode: ExitCode;
  readonly message: string;
  readonly json: Record<string, unknown>;
}

/** The exit code, message and JSON form of anything a command threw. */
export function describeFailure(error: unknown, given: FlagsGiven = {}): Failure {
  if (error instanceof CliError)
    return {
      exitCode: error.exitCode,
      message: error.message,
      json: { flag_errors: error.flagErrors, ...error.extra },
    };
  if (error instanceof ApiError) {
    if (error.status === 422 && error.fieldErrors.length) {
      const failure = fieldFailure(error.fieldErrors, given);
      return {
        exitCode: EXIT_CODES.usage,
        message: failure.message,
        json: { flag_errors: failure.flagErrors, problem: error.problem },
      };
    }
    const message =
      error.status === 401
        ? 'The server refused the token (401): run `access-requests login` again.'
        : `${error.message} (HTTP ${error.status})`;
    return { exitCode: EXIT_CODES.failed, message, json: { problem: error.problem } };
  }
  if (error instanceof RequestSettledError) {
    const { request } = error;
    const why = request.rejection_reason ?? request.status_reason;
    return {
      exitCode: EXIT_CODES.rejected,
      message: `${request.id} is ${statusInfo(request.status).label}${why ? `: ${why}` : ''}`,
      json: { request },
    };
  }
  if (error instanceof TimeoutError)
    return { exitCode: EXIT_CODES.timedOut, message: error.message, json: {} };
  if (error instanceof NetworkError)
    return { exitCode: EXIT_CODES.failed, message: error.message, json: { failure: error.failure } };
  if (isAbortError(error)) return { exitCode: EXIT_CODES.failed, message: 'Cancelled.', json: {} };
  // The prompts' Ctrl-C.
  if ((error as Error | undefined)?.name === 'ExitPromptError')
    return { exitCode: EXIT_CODES.failed, message: 'Cancelled: nothing was sent.', json: {} };
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT_CODES.failed, message, json: {} };
}

/** Reports a failure on stderr and answers its exit code. */
export function report(out: Output, error: unknown, given?: FlagsGiven): ExitCode {
  const failure = describeFailure(error, given);
  if (out.json) {
    out.stderr.write(
      `${JSON.stringify({ error: { message: failure.message, exit_code: failure.exitCode, ...failure.json } })}\n`,
    );
  } else {
    for (const line of failure.message.split('\n'))
      out.stderr.write(`${out.paint('red', 'error', out.stderr)}: ${line}\n`);
  }
  return failure.exitCode;
}
