// What the CLI's tests share: the reference server over HTTP in this process (clock frozen, every
// answer checked against the contract), and the BUILT binary, run as a user would run it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startHttpServer, type RunningHttpServer } from '@access-requests/mock-server/http';
import { contractCheck, loadContractValidator } from '@access-requests/mock-server/testing';

export { describe, it, before, after, beforeEach, afterEach } from 'node:test';
export { assert };

/** The built binary. */
export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

const check = contractCheck();
let running: RunningHttpServer | undefined;
let home: string | undefined;

before(async () => {
  running = await startHttpServer({
    port: 0,
    log: false,
    speed: 0,
    heartbeatMs: 60_000,
    onResponse: check.hook,
  });
  home = mkdtempSync(join(tmpdir(), 'ar-cli-'));
});
after(async () => {
  await running?.close();
  if (home) rmSync(home, { recursive: true, force: true });
  check.assertNoViolations();
});

/** The running reference server. */
export function server(): RunningHttpServer {
  if (!running) throw new Error('The reference server has not started yet (call server() inside a test).');
  return running;
}

/** A fresh config folder (XDG_CONFIG_HOME) for one test. */
export function configHome(): string {
  return mkdtempSync(join(home ?? tmpdir(), 'config-'));
}

/**
 * An environment for the binary: the server, a token (ACCESS_REQUESTS_TOKEN; `null` for none) and
 * its own config folder.
 */
export function envFor(
  token: string | null = 'demo-alice',
  extra: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: configHome(),
    ACCESS_REQUESTS_URL: server().url,
    ...extra,
  };
  if (token) env.ACCESS_REQUESTS_TOKEN = token;
  return env;
}

/** What one run of the binary did. */
export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A running binary: its output so far, a wait for its stderr to say something, and its end. */
export interface Running {
  readonly done: Promise<Run>;
  /** Resolves once stderr has matched `pattern` (rejects if the process ends first). */
  stderrMatches(pattern: RegExp): Promise<void>;
  /** Resolves once stdout has matched `pattern` (rejects if the process ends first). */
  stdoutMatches(pattern: RegExp): Promise<void>;
  /** Sends SIGINT, as Ctrl-C in a terminal does. */
  interrupt(): void;
}

/** Starts the binary with `args` in `env`, `input` on stdin (closed after it). */
export function start(args: readonly string[], env: NodeJS.ProcessEnv, input = ''): Running {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  const text = { stdout: '', stderr: '' };
  const waiters: { stream: keyof typeof text; pattern: RegExp; resolve: () => void }[] = [];
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream].on('data', (chunk: Buffer) => {
      text[stream] += chunk.toString();
      for (const w of waiters.filter((w) => w.stream === stream && w.pattern.test(text[stream]))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    });
  }
  child.stdin.end(input);
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, ...text }));
  });
  const matches = (stream: keyof typeof text, pattern: RegExp) =>
    pattern.test(text[stream])
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          waiters.push({ stream, pattern, resolve });
          void done.then((run) =>
            reject(new Error(`exited ${run.code} before ${stream} matched ${pattern}:\n${run.stderr}`)),
          );
        });
  return {
    done,
    interrupt: () => child.kill('SIGINT'),
    stderrMatches: (pattern) => matches('stderr', pattern),
    stdoutMatches: (pattern) => matches('stdout', pattern),
  };
}

/** Runs the binary to its end. */
export function run(args: readonly string[], env: NodeJS.ProcessEnv = envFor(), input = ''): Promise<Run> {
  return start(args, env, input).done;
}

/** Asserts the run's exit code, showing its output when it is another. */
export function assertExit(result: Run, code: number): void {
  assert.equal(
    result.code,
    code,
    `exit ${result.code}, expected ${code}:\n${result.stdout}\n${result.stderr}`,
  );
}

const validator = loadContractValidator();

/**
 * Asserts that `--json` output is what the contract says the operation answers (`method` and
 * `path` as the contract names them, `/v1/...`): the CLI prints the API's own objects.
 */
export function assertContract(stdout: string, method: string, path: string, status = 200): unknown {
  const problems = validator.validate({
    method,
    url: path,
    status,
    headers: { 'content-type': 'application/json' },
    body: stdout,
  });
  assert.deepEqual(problems, [], `${method} ${path} ${status}:\n${stdout}`);
  return JSON.parse(stdout);
}

/** Asserts one `watch --json` line is the event stream's own event. */
export function assertEvent(line: string): void {
  assert.deepEqual(validator.validateEvent('GET', '/v1/events', line), [], line);
}

/** Catalog items of the seeded world. */
export const fixtures = {
  /** Staging database: automatic. */
  stagingDb: 'res_staging_payments_db:perm_pg_readonly',
  /** Production database: Bob approves; justification required, up to 12 h. */
  prodDb: 'res_prod_payments_db:perm_pg_readonly',
  /** Legacy CRM production: automatic, and provisioning always fails. */
  legacyCrm: 'res_crm_prod_accounts:perm_crm_viewer',
};
