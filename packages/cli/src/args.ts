// The command line: node:util's parseArgs per command (strict: an unknown flag is an error), and the
// parsers of the values flags take, each failing with a one-line usage error that names the flag.
import { parseArgs } from 'node:util';
import { LIMITS, STATUS_IDS, type AccessRequestStatus } from '@access-requests/sdk';
import { usageError } from './exit-codes.js';

/** A flag of a command: parseArgs' own description plus what help and completion show. */
export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  /** The value's name in help (`ID:PERMISSION`); only for string flags. */
  readonly value?: string;
  /** One line for `--help`. */
  readonly help: string;
  /** Values completion offers. */
  readonly choices?: readonly string[];
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

/** The flags every command takes. */
export const GLOBAL_FLAGS = {
  json: { type: 'boolean', help: 'print the result as JSON (the API’s own objects) on stdout' },
  'base-url': {
    type: 'string',
    value: 'URL',
    help: 'the server (default: ACCESS_REQUESTS_URL, then login’s)',
  },
  'no-color': { type: 'boolean', help: 'no colours (NO_COLOR=1 does the same)' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
} as const satisfies FlagSpecs;

export type Values = Record<string, string | boolean | string[] | undefined>;

/** What parseArgs found: flag values by name, and the positional arguments. */
export interface Parsed {
  readonly values: Values;
  readonly positionals: readonly string[];
}

/**
 * Parses one command's arguments, strictly; parseArgs' errors become usage errors naming the flag.
 *
 * @param command - The command's name, for the messages.
 */
export function parseCommandLine(command: string, args: readonly string[], flags: FlagSpecs): Parsed {
  const options = Object.fromEntries(
    Object.entries({ ...GLOBAL_FLAGS, ...flags } as FlagSpecs).map(([name, spec]) => [
      name,
      {
        type: spec.type,
        ...(spec.short ? { short: spec.short } : {}),
        ...(spec.multiple ? { multiple: true } : {}),
      },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true });
    return { values: values as Values, positionals };
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const flag = /'(-[^' ]+)/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag)
      throw usageError(flag, `is not a flag of ${command} (see access-requests ${command} --help)`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
      const name = flag.replace(/^-+/, '');
      const spec = (flags as Record<string, FlagSpec>)[name] ?? (GLOBAL_FLAGS as FlagSpecs)[name];
      throw spec?.type === 'boolean'
        ? usageError(`--${name}`, 'takes no value')
        : usageError(`--${name}`, `needs a value${spec?.value ? `: ${spec.value}` : ''}`);
    }
    throw usageError(command, message.split('\n', 1)[0] ?? message);
  }
}

/** The one value of a string flag, or undefined; repeated, the last one counts. */
export function stringFlag(values: Values, name: string): string | undefined {
  const value = values[name];
  if (Array.isArray(value)) return value.at(-1);
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a repeatable flag (`--resource a:b --resource c:d`). */
export function listFlag(values: Values, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

/** A required string flag. */
export function requiredFlag(values: Values, name: string, what: string): string {
  const value = stringFlag(values, name)?.trim();
  if (!value) throw usageError(`--${name}`, `is required: ${what}`);
  return value;
}

/** `A:B` split at its first colon, both sides non-empty (`res_db:perm_read`, `tt_jira:SEC-12`). */
export function pairFlag(flag: string, text: string, shape: string): [string, string] {
  const at = text.indexOf(':');
  const left = text.slice(0, at).trim();
  const right = text.slice(at + 1).trim();
  if (at < 0 || !left || !right) throw usageError(flag, `takes ${shape}, got "${text}"`);
  return [left, right];
}

/** A whole number from `min` to `max`. */
export function wholeNumberFlag(flag: string, text: string, min: number, max: number): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max)
    throw usageError(flag, `takes a whole number from ${min} to ${max}, got "${text}"`);
  return value;
}

const UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A duration: `90s`, `10m`, `1h30m`, `500ms`, or plain seconds (`30`). */
export function durationFlag(flag: string, text: string): number {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const parts = [...trimmed.matchAll(/(\d+)(ms|s|m|h)/g)];
  if (!parts.length || parts.map((p) => p[0]).join('') !== trimmed)
    throw usageError(flag, `takes a duration like 30s, 10m or 1h30m, got "${text}"`);
  return parts.reduce((total, [, n, unit]) => total + Number(n) * (UNITS_MS[unit ?? 's'] ?? 1000), 0);
}

/** One of the contract's statuses. */
export function statusFlag(flag: string, text: string): AccessRequestStatus {
  const status = text.trim() as AccessRequestStatus;
  if (!STATUS_IDS.includes(status))
    throw usageError(flag, `takes a status (${STATUS_IDS.join(', ')}), got "${text}"`);
  return status;
}

/** One of `choices`. */
export function choiceFlag<T extends string>(flag: string, text: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(text))
    throw usageError(flag, `takes ${choices.join(' or ')}, got "${text}"`);
  return text as T;
}

/** A text of `min` to `max` characters. */
export function textFlag(flag: string, text: string, min: number, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length < min) throw usageError(flag, 'must not be empty');
  if (trimmed.length > max) throw usageError(flag, `takes at most ${max} characters, got ${trimmed.length}`);
  return trimmed;
}

/** The `<id>` argument of a command on one request. */
export function idArgument(command: string, positionals: readonly string[]): string {
  const [id, extra] = positionals;
  if (!id?.trim()) throw usageError('<id>', `is required: access-requests ${command} <id>`);
  if (extra !== undefined) throw usageError(command, `takes one request id, got also "${extra}"`);
  return id.trim();
}

/** --hours as whole hours within the contract's bounds; undefined when not given. */
export function hoursFlag(values: Values): number | undefined {
  const text = stringFlag(values, 'hours');
  const { minimum, maximum } = LIMITS.durationHours;
  return text === undefined ? undefined : wholeNumberFlag('--hours', text, minimum, maximum);
}

/** --justification within the contract's bounds; undefined when not given. */
export function justificationFlag(values: Values): string | undefined {
  const text = stringFlag(values, 'justification');
  const { minLength, maxLength } = LIMITS.justification;
  return text === undefined ? undefined : textFlag('--justification', text, minLength, maxLength);
}

/** --ticket TYPE:ID as the API takes it; undefined when not given. */
export function ticketFlag(values: Values): { type_id: string; id: string } | undefined {
  const text = stringFlag(values, 'ticket');
  if (text === undefined) return undefined;
  const [type_id, id] = pairFlag('--ticket', text, 'TYPE:ID (tt_jira:SEC-12)');
  return { type_id, id: textFlag('--ticket', id, LIMITS.ticketId.minLength, LIMITS.ticketId.maxLength) };
}

/**
 * Every --field ID=VALUE as answers by field id, the values as typed (the flows' declared types,
 * known from the preview, turn numbers into numbers: see `typedAnswers`). Undefined when none given.
 */
export function fieldFlags(values: Values): Record<string, string> | undefined {
  const texts = listFlag(values, 'field');
  if (!texts.length) return undefined;
  const answers: Record<string, string> = {};
  for (const text of texts) {
    const at = text.indexOf('=');
    const id = text.slice(0, at).trim();
    if (at < 0 || !id) throw usageError('--field', `takes ID=VALUE (change_type=emergency), got "${text}"`);
    if (Object.hasOwn(answers, id)) throw usageError('--field', `answers ${id} twice: give each field once`);
    answers[id] = text.slice(at + 1);
  }
  return answers;
}
