// `access-requests-mock` (`pnpm mock`) as a process: starts, prints its URL and the tokens, answers,
// logs a line per request, allows a localhost preflight, stops cleanly on SIGTERM; refuses bad flags
// with a clear message; serves under a base path.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { when } from '../testing/test-waits.js';

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));
/** The first line's documented form: a script reads the base URL from it. */
const BANNER = /^Reference server: (http:\/\/\S+)\/v1 \(ready in \d+ ms\)$/m;

function start(args: string[]) {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CLI, ...args], {
    env: { ...process.env, MOCK_PORT: '', PORT: '4173' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const outputChanged = new Set<() => void>();
  const changed = () => outputChanged.forEach((listener) => listener());
  child.stdout.on('data', (chunk: Buffer) => ((stdout += chunk.toString()), changed()));
  child.stderr.on('data', (chunk: Buffer) => ((stderr += chunk.toString()), changed()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.once('exit', changed);
  return {
    child,
    exited,
    output: () => ({ stdout, stderr }),
    onOutput: (listener: () => void) => (outputChanged.add(listener), () => outputChanged.delete(listener)),
  };
}

type Cli = ReturnType<typeof start>;

/** Resolves once the process's output satisfies `condition` (checked on each chunk it writes). */
async function until(cli: Cli, condition: () => boolean, what: () => string): Promise<void> {
  await when(condition, cli.onOutput, 'the output', 20_000).catch(() =>
    assert.fail(`timed out waiting: ${what()}`),
  );
}

describe('access-requests-mock (the CLI)', () => {
  it('serves, logs one line per request, answers a localhost preflight, and stops on SIGTERM', async () => {
    const cli = start(['--port', '0', '--speed', '0', '--catalog-size', '300', '--seed', '3']);
    try {
      await until(
        cli,
        () => cli.output().stdout.includes('\n'),
        () => JSON.stringify(cli.output()),
      );
      const { stdout } = cli.output();
      const [firstLine] = stdout.split('\n');
      const url = BANNER.exec(firstLine!)?.[1];
      assert.ok(url, `the first line gives the URL: ${firstLine}`);
      assert.notEqual(new URL(url).port, '4010');
      assert.match(stdout, /demo-alice \(alice, requester\)/);
      assert.match(stdout, /seed 3, 300 catalog resources, clock speed 0/);

      const me = await fetch(`${url}/v1/me`, { headers: { authorization: 'Bearer demo-alice' } });
      assert.equal(me.status, 200);
      assert.equal(((await me.json()) as { user: { id: string } }).user.id, 'usr_alice');
      const preflight = await fetch(`${url}/v1/me`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:5173',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), 'http://localhost:5173');

      await until(
        cli,
        () => cli.output().stdout.includes(' OPTIONS /v1/me 204 '),
        () => cli.output().stdout,
      );
      assert.match(cli.output().stdout, /\n\S+ GET \/v1\/me 200 \d+ms usr_alice\n/);
    } finally {
      cli.child.kill('SIGTERM');
    }
    assert.equal(await cli.exited, 0);
    assert.match(cli.output().stdout, /\naccess-requests-mock: SIGTERM, stopping\n/);
  });

  it('serves under --base-path, and answers 404 at the root', async () => {
    const cli = start([
      '--port',
      '0',
      '--speed',
      '0',
      '--catalog-size',
      '50',
      '--base-path',
      '/access',
      '--quiet',
    ]);
    try {
      await until(
        cli,
        () => BANNER.test(cli.output().stdout),
        () => JSON.stringify(cli.output()),
      );
      const url = BANNER.exec(cli.output().stdout)![1]!;
      assert.match(url, /:\d+\/access$/);
      const me = await fetch(`${url}/v1/me`, { headers: { authorization: 'Bearer demo-alice' } });
      assert.equal(me.status, 200);
      await me.text();
      const root = await fetch(`${new URL(url).origin}/v1/me`, {
        headers: { authorization: 'Bearer demo-alice' },
      });
      assert.equal(root.status, 404);
      await root.text();
    } finally {
      cli.child.kill('SIGTERM');
    }
    assert.equal(await cli.exited, 0);
  });

  it('names itself access-requests-mock in --help and in its errors; a bad flag exits with code 2', async () => {
    const help = start(['--help']);
    assert.equal(await help.exited, 0);
    assert.match(help.output().stdout, /^Usage: access-requests-mock \[options\]/);
    assert.doesNotMatch(help.output().stdout, /pnpm/);
    const cli = start(['--port', 'eighty']);
    assert.equal(await cli.exited, 2);
    assert.match(
      cli.output().stderr,
      /^access-requests-mock: --port must be a whole number from 0 to 65535, got "eighty"/,
    );
  });

  it('--exit-with-parent: stops once the process that started it is gone (npx passes no signals on)', async () => {
    // A stand-in for npx: starts the CLI, relays its output, and is then killed without a chance to clean up.
    // The CLI also holds fd 3, a pipe to this test: it closes when the last process holding it (the CLI) is
    // gone.
    const relay = `
      const child = require('node:child_process').spawn(process.execPath, JSON.parse(process.argv[1]), { stdio: ['ignore', 'pipe', 'inherit', 3] });
      console.log('cli pid ' + child.pid);
      child.stdout.pipe(process.stdout);`;
    const args = [
      '--conditions=source',
      '--import',
      'tsx',
      CLI,
      '--port',
      '0',
      '--catalog-size',
      '50',
      '--quiet',
      '--exit-with-parent',
    ];
    const parent = spawn(process.execPath, ['-e', relay, JSON.stringify(args)], {
      stdio: ['ignore', 'pipe', 'inherit', 'pipe'],
    });
    const fd3 = parent.stdio[3] as Readable;
    const cliGone = new Promise((resolve) => fd3.once('close', resolve));
    fd3.resume();
    let stdout = '';
    const outputChanged = new Set<() => void>();
    parent.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      outputChanged.forEach((listener) => listener());
    });
    await when(
      () => BANNER.test(stdout),
      (listener) => (outputChanged.add(listener), () => outputChanged.delete(listener)),
      'the banner',
      20_000,
    );
    const pid = Number(/cli pid (\d+)/.exec(stdout)![1]);
    // Exited, even if not yet reaped by whoever adopted it (a zombie, state Z, has exited).
    const running = () => {
      try {
        process.kill(pid, 0);
      } catch {
        return false;
      }
      const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
      return !/^\d+ \(.*\) Z /.test(stat);
    };
    try {
      assert.ok(running());
      parent.kill('SIGKILL');
      await cliGone;
      assert.ok(!running(), `the CLI (pid ${pid}) is still running after its parent was killed`);
    } finally {
      if (running()) process.kill(pid, 'SIGTERM');
    }
  });
});
