// `access-requests`: finds the command, parses its flags, runs it, and turns what it threw into
// an exit code (see EXIT_CODES).
import { readFileSync } from 'node:fs';
import { GLOBAL_FLAGS, parseCommandLine, stringFlag, type FlagSpecs } from './args.js';
import { sessionAccess, type Command, type Context } from './command.js';
import { approvals, approve, reject } from './commands/approvals.js';
import { login, logout, whoami } from './commands/auth.js';
import { request } from './commands/request.js';
import {
  access,
  again,
  extend,
  favorite,
  list,
  revoke,
  show,
  unfavorite,
  wait,
  watch,
} from './commands/requests.js';
import { SHELLS, completionScript, type Shell } from './completion.js';
import { EXIT_CODES, usageError, type ExitCode } from './exit-codes.js';
import { report } from './failures.js';
import { Output, colourAllowed } from './output.js';

const completion: Command = {
  name: 'completion',
  args: '<bash|zsh|fish>',
  summary: 'print the shell completion script',
  details: [
    'bash:  eval "$(access-requests completion bash)"   (in ~/.bashrc)',
    'zsh:   access-requests completion zsh > "${fpath[1]}/_access-requests"',
    'fish:  access-requests completion fish > ~/.config/fish/completions/access-requests.fish',
  ].join('\n'),
  flags: {},
  argChoices: SHELLS,
  async run({ out }, { positionals }) {
    const [shell] = positionals;
    if (!SHELLS.includes(shell as Shell))
      throw usageError('<shell>', `takes bash, zsh or fish, got "${shell ?? ''}"`);
    out.stdout.write(completionScript(shell as Shell, COMMANDS));
  },
};

/** Every command, in the order help lists them. */
export const COMMANDS: readonly Command[] = [
  login,
  logout,
  whoami,
  request,
  list,
  show,
  wait,
  watch,
  access,
  extend,
  revoke,
  again,
  favorite,
  unfavorite,
  approvals,
  approve,
  reject,
  completion,
];

/** The package's version, from its package.json (beside src/ and dist/). */
export function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

function flagLines(flags: FlagSpecs): string[] {
  const rows = Object.entries(flags).map(([name, spec]) => [
    `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` ${spec.value}` : ''}`,
    spec.help,
  ]);
  const width = Math.max(...rows.map(([left]) => left?.length ?? 0));
  return rows.map(([left = '', right = '']) => `  ${left.padEnd(width)}  ${right}`);
}

/** The help of the program, or of one command. */
export function helpText(command?: Command): string {
  if (command)
    return [
      `Usage: access-requests ${command.name}${command.args ? ` ${command.args}` : ''} [flags]`,
      '',
      `${command.summary[0]?.toUpperCase()}${command.summary.slice(1)}.`,
      ...(command.details ? ['', command.details] : []),
      '',
      'Flags:',
      ...flagLines({ ...command.flags, ...GLOBAL_FLAGS }),
    ].join('\n');
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: access-requests <command> [flags]',
    '',
    'Ask for, wait for, use, approve and revoke just-in-time access from a terminal or a script.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes:',
    ...flagLines(GLOBAL_FLAGS),
    '',
    'Environment: ACCESS_REQUESTS_URL, ACCESS_REQUESTS_TOKEN (override the login), NO_COLOR.',
    'Exit codes: 0 done, 1 failed, 2 bad usage, 3 timed out, 4 rejected or failed request.',
    'Run `access-requests <command> --help` for a command’s flags.',
  ].join('\n');
}

/**
 * Where `main` reads and writes, and what ends it; the process's own by default.
 *
 * @example
 * ```ts
 * import { main, type MainOptions } from '@access-requests/cli';
 *
 * const controller = new AbortController();
 * const options: MainOptions = { env: { ...process.env, NO_COLOR: '1' }, signal: controller.signal };
 * const code = await main(['watch'], options); // controller.abort() ends the watch
 * ```
 */
export interface MainOptions {
  /** The environment (`ACCESS_REQUESTS_URL`, `ACCESS_REQUESTS_TOKEN`, `NO_COLOR`, `XDG_CONFIG_HOME`, …). */
  readonly env?: NodeJS.ProcessEnv;
  /** Where a piped token and the prompts' keys come from. */
  readonly stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Where results go. */
  readonly stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Where progress, notes and errors go. */
  readonly stderr?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Ends a running command (the binary passes one aborted on Ctrl-C). */
  readonly signal?: AbortSignal;
}

/**
 * Runs `access-requests` with `argv` (without the node and script paths) and answers its exit code.
 *
 * @example
 * ```ts
 * import { main } from '@access-requests/cli';
 *
 * process.exitCode = await main(['list', '--status', 'active', '--json']);
 * ```
 */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<ExitCode> {
  const env = options.env ?? process.env;
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const [name, ...rest] = argv;
  const json = argv.includes('--json');
  const out = new Output(json, colourAllowed(env, argv.includes('--no-color')), stdout, stderr);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    if (name === 'help' && rest[0] && !topic)
      return report(out, usageError(rest[0], 'is not a command (see access-requests --help)'));
    // Without a command, the help is the usage error's message: on stderr, exit 2.
    (name === undefined ? stderr : stdout).write(`${helpText(topic)}\n`);
    return name === undefined ? EXIT_CODES.usage : EXIT_CODES.ok;
  }
  if (name === '--version' || name === '-v') {
    stdout.write(`${version()}\n`);
    return EXIT_CODES.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return report(out, usageError(name, 'is not a command (see access-requests --help)'));
  let context: Context | undefined;
  try {
    const parsed = parseCommandLine(name, rest, command.flags);
    if (parsed.values.help) {
      stdout.write(`${helpText(command)}\n`);
      return EXIT_CODES.ok;
    }
    const baseUrlFlag = stringFlag(parsed.values, 'base-url');
    context = {
      out,
      env,
      stdin,
      interactive: Boolean(stdin.isTTY && stderr.isTTY),
      signal: options.signal ?? new AbortController().signal,
      baseUrlFlag,
      given: {},
      ...sessionAccess(env, baseUrlFlag),
    };
    await command.run(context, parsed);
    return EXIT_CODES.ok;
  } catch (error) {
    return report(out, error, context?.given);
  }
}
