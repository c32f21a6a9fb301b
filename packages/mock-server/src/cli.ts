#!/usr/bin/env node
/**
 * `access-requests-mock` (`pnpm mock` in the workspace): the reference server over HTTP, on
 * http://127.0.0.1:4010 unless told otherwise. See `--help` and docs/reference-server.md.
 *
 * The first line it prints is `Reference server: <base URL>/v1 (ready in <n> ms)`, so that a script
 * that started it with `--port 0` can read where it listens.
 */
import { DEMO_USERS } from './fixtures.js';
import { CliError, COMMAND, parseCliOptions, USAGE } from './http/cli-options.js';
import { startHttpServer } from './http/server.js';

// Whoever read the output may be gone (a killed test runner): a write to the closed pipe is no error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

async function main(): Promise<void> {
  const parent = process.ppid;
  let options;
  try {
    options = parseCliOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    console.error(`${COMMAND}: ${error.message}`);
    process.exit(2);
  }
  const { quiet, exitWithParent, help, ...serverOptions } = options;
  if (help) {
    console.log(USAGE);
    return;
  }
  const started = Date.now();
  const server = await startHttpServer({
    ...serverOptions,
    log: quiet ? false : (line) => console.log(line),
  }).catch((error: NodeJS.ErrnoException) => {
    const reason =
      error.code === 'EADDRINUSE'
        ? `port ${options.port} is in use (try --port 0 for any free one, or MOCK_PORT)`
        : error.message;
    console.error(`${COMMAND}: cannot listen on ${options.host}:${options.port}: ${reason}`);
    process.exit(1);
  });

  const cors = options.corsOrigins.length ? options.corsOrigins.join(', ') : 'any localhost origin';
  console.log(
    [
      `Reference server: ${server.url}/v1 (ready in ${Date.now() - started} ms)`,
      `  base URL for clients: ${server.url}`,
      `  world: seed ${options.seed}, ${options.catalogSize} catalog resources, clock speed ${options.speed}`,
      `  CORS: ${cors}; control API: ${server.url}/_control`,
      ...(options.staticDir === undefined
        ? []
        : [`  page: ${new URL(server.url).origin}/ (the files of ${options.staticDir})`]),
      `  tokens: ${Object.entries(DEMO_USERS)
        .map(([name, user]) => `${user.token} (${name}, ${user.role})`)
        .join(', ')}`,
      `  try: curl -H 'Authorization: Bearer demo-alice' ${server.url}/v1/me`,
    ].join('\n'),
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${COMMAND}: ${signal}, stopping`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  if (exitWithParent) watchParent(parent, () => stop('parent exited'));
}

/**
 * Calls `onGone` once `parent`, the process that started this one, has exited (polled: no signal says so).
 */
function watchParent(parent: number, onGone: () => void): void {
  const alive = () => {
    try {
      process.kill(parent, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  };
  // On POSIX an orphan is adopted by another process at once; on Windows the parent's pid just stops
  // existing.
  const timer = setInterval(() => {
    if (process.ppid !== parent || !alive()) {
      clearInterval(timer);
      onGone();
    }
  }, 200);
  timer.unref();
}

await main();
