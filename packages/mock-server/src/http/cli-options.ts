/**
 * The command line of `access-requests-mock` (src/cli.ts; `pnpm mock` in the workspace): flags,
 * then MOCK_* environment variables, then defaults.
 */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { WORLD_LIMITS } from '../backend/constants.js';
import { normalizeBasePath } from '../handlers/base.js';
import { parseCorsOrigin } from './cors.js';
import { parseAllowedHost } from './hosts.js';

/** The command's name, in its usage and at the start of its messages. */
export const COMMAND = 'access-requests-mock';

interface CliOptions {
  readonly port: number;
  readonly host: string;
  /** `''` (the root) or a path such as `/access`. */
  readonly basePath: string;
  /** A folder served beside the API (a built page), or undefined. */
  readonly staticDir: string | undefined;
  readonly seed: number;
  readonly catalogSize: number;
  readonly speed: number;
  /** Empty: any localhost origin. */
  readonly corsOrigins: string[];
  /** Host names answered besides IP addresses, localhost and `host` (DNS rebinding). */
  readonly allowedHosts: string[];
  readonly quiet: boolean;
  /** Stop when the process that started this one exits (npx passes no signals on to it). */
  readonly exitWithParent: boolean;
  readonly help: boolean;
}

export const USAGE = `Usage: ${COMMAND} [options]

Serves the access-requests reference server over HTTP: the API under /v1/, the control API
under /_control/. The first line printed is "Reference server: <base URL>/v1 (ready in <n> ms)".

Options (environment variable in brackets):
  --port <n>            TCP port, 0 for any free one [MOCK_PORT]            default 4010
  --host <address>      interface to listen on [MOCK_HOST]                 default 127.0.0.1
  --base-path <path>    serve the API under <path>/v1/ instead of /v1/,
                        such as /access [MOCK_BASE_PATH]                   default none
  --static <folder>     also serve the files of <folder> (a built page) at
                        every path outside the API, / as its index.html,
                        on the same origin [MOCK_STATIC]                   default none
  --seed <n>            seed of the generated world [MOCK_SEED]            default 1
  --catalog-size <n>    number of catalog resources [MOCK_CATALOG_SIZE]    default 2000
  --speed <x>           simulated seconds per real second; 0 freezes
                        the clock (drive it with /_control) [MOCK_SPEED]   default 1
  --cors-origin <url>   an origin browsers may call from; repeat for more,
                        * for any [MOCK_CORS_ORIGINS, comma-separated]     default any localhost origin
  --allowed-host <name> a host name requests may name, besides IP addresses,
                        localhost and --host; .example.com for subdomains
                        too, * for any; repeat for more
                        [MOCK_ALLOWED_HOSTS, comma-separated]             default none
  --quiet               no per-request log lines [MOCK_QUIET=1]
  --exit-with-parent    stop when the process that started it exits, e.g. a
                        test runner that ran it through npx, which passes no
                        signals on [MOCK_EXIT_WITH_PARENT=1]
  --help                this text
`;

/** A flag value that makes no sense; the message says which and why. */
export class CliError extends Error {
  override name = 'CliError';
}

function integer(value: string, name: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < min || number > max) {
    throw new CliError(`${name} must be a whole number from ${min} to ${max}, got "${value}".`);
  }
  return number;
}

function speed(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > WORLD_LIMITS.maxSpeed) {
    throw new CliError(
      `--speed must be a number from 0 to ${WORLD_LIMITS.maxSpeed} (0 freezes the clock, 1 is real time), got "${value}".`,
    );
  }
  return number;
}

function staticDir(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let isFolder = false;
  try {
    isFolder = statSync(value).isDirectory();
  } catch {
    // reported below
  }
  if (!isFolder) throw new CliError(`--static must name a folder, got "${value}" (build the page first?).`);
  return value;
}

export function parseCliOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'base-path': { type: 'string' },
        static: { type: 'string' },
        seed: { type: 'string' },
        'catalog-size': { type: 'string' },
        speed: { type: 'string' },
        'cors-origin': { type: 'string', multiple: true },
        'allowed-host': { type: 'string', multiple: true },
        quiet: { type: 'boolean' },
        'exit-with-parent': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const pick = (flag: string | undefined, variable: string) => flag ?? (env[variable] || undefined);
  const port = pick(values.port, 'MOCK_PORT');
  const seed = pick(values.seed, 'MOCK_SEED');
  const catalogSize = pick(values['catalog-size'], 'MOCK_CATALOG_SIZE');
  const speedValue = pick(values.speed, 'MOCK_SPEED');
  const origins =
    values['cors-origin'] ??
    (env.MOCK_CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
  let corsOrigins: string[];
  try {
    corsOrigins = origins.map(parseCorsOrigin);
  } catch (error) {
    throw new CliError(`--cors-origin: ${(error as Error).message}`);
  }
  let allowedHosts: string[];
  try {
    allowedHosts = (
      values['allowed-host'] ??
      (env.MOCK_ALLOWED_HOSTS ?? '')
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean)
    ).map(parseAllowedHost);
  } catch (error) {
    throw new CliError(`--allowed-host: ${(error as Error).message}`);
  }
  let basePath: string;
  try {
    basePath = normalizeBasePath(pick(values['base-path'], 'MOCK_BASE_PATH') ?? '', '--base-path');
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  return {
    port: port === undefined ? 4010 : integer(port, '--port', 0, 65_535),
    host: pick(values.host, 'MOCK_HOST') ?? '127.0.0.1',
    basePath,
    staticDir: staticDir(pick(values.static, 'MOCK_STATIC')),
    seed: seed === undefined ? 1 : integer(seed, '--seed', 0, WORLD_LIMITS.maxSeed),
    catalogSize:
      catalogSize === undefined
        ? 2000
        : integer(catalogSize, '--catalog-size', 1, WORLD_LIMITS.maxCatalogSize),
    speed: speedValue === undefined ? 1 : speed(speedValue),
    corsOrigins,
    allowedHosts,
    quiet: values.quiet ?? ['1', 'true'].includes(env.MOCK_QUIET ?? ''),
    exitWithParent: values['exit-with-parent'] ?? ['1', 'true'].includes(env.MOCK_EXIT_WITH_PARENT ?? ''),
    help: values.help ?? false,
  };
}
