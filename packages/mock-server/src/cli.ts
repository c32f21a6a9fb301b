/**
 * `pnpm mock`: the reference server on http://127.0.0.1:4010. See `--help` and
 * docs/reference-server.md.
 */
import { DEMO_USERS } from './fixtures.js';
import { CliError, parseCliOptions, USAGE } from './http/cli-options.js';
import { startHttpServer } from './http/server.js';

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    console.error(`mock: ${error.message}`);
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
    seed: options.seed,
    catalogSize: options.catalogSize,
    speed: options.speed,
    corsOrigins: options.corsOrigins,
    log: options.quiet ? false : (line) => console.log(line),
  }).catch((error: NodeJS.ErrnoException) => {
    const reason = error.code === 'EADDRINUSE' ? `port ${options.port} is in use (try --port or MOCK_PORT)` : error.message;
    console.error(`mock: cannot listen on ${options.host}:${options.port}: ${reason}`);
    process.exit(1);
  });

  const cors = options.corsOrigins.length ? options.corsOrigins.join(', ') : 'any localhost origin';
  console.log(
    [
      `Reference server: ${server.url}/v1 (ready in ${Date.now() - started} ms)`,
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
    console.log(`mock: ${signal}, stopping`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

await main();
