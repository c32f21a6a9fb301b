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

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    console.error(`${COMMAND}: ${error.message}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const started = Date.now();
  const server = await startHttpServer({
    port: options.port,
    host: options.host,
    basePath: options.basePath,
    seed: options.seed,
    catalogSize: options.catalogSize,
    speed: options.speed,
    corsOrigins: options.corsOrigins,
    log: options.quiet ? false : (line) => console.log(line),
  }).catch((error: NodeJS.ErrnoException) => {
    const reason = error.code === 'EADDRINUSE' ? `port ${options.port} is in use (try --port 0 for any free one, or MOCK_PORT)` : error.message;
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
}

await main();
