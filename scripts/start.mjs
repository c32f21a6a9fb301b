// `pnpm start`: the demo portal on http://127.0.0.1:4173 (PORT overrides), answered by the reference
// server in the same process (`/v1/*` and `/_control/*`, same origin). MOCK_SEED, MOCK_CATALOG_SIZE
// and MOCK_SPEED set the simulated world, as for `pnpm mock`.
import { fileURLToPath } from 'node:url';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { createDevServerMiddleware } from '@access-requests/mock-server/testing';

const rootDir = fileURLToPath(new URL('..', import.meta.url));

/** @param {string} name @param {number} fallback @param {(n: number) => boolean} valid */
function numberFromEnv(name, fallback, valid) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!valid(value)) {
    console.error(`${name} is not valid: ${raw}.`);
    process.exit(1);
  }
  return value;
}

const port = numberFromEnv('PORT', 4173, (n) => Number.isInteger(n) && n >= 0 && n <= 65535);
const hostname = process.env.HOST ?? '127.0.0.1';
const seed = numberFromEnv('MOCK_SEED', 1, Number.isInteger);
const catalogSize = numberFromEnv('MOCK_CATALOG_SIZE', 2000, (n) => Number.isInteger(n) && n >= 1);
const speed = numberFromEnv('MOCK_SPEED', 1, (n) => Number.isFinite(n) && n >= 0);

const reference = createDevServerMiddleware({ seed, catalogSize, speed });

const server = await startDevServer({
  config: {
    rootDir,
    port,
    hostname,
    appIndex: `${rootDir}examples/portal/index.html`,
    nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
    middleware: [
      // The portal lives at /; everything else is served from the workspace root.
      (context, next) => {
        if (context.path === '/') context.path = '/examples/portal/index.html';
        return next();
      },
      reference,
    ],
    plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: `${rootDir}tsconfig.json` })],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const address = server.server?.address();
const shownPort = typeof address === 'object' && address ? address.port : port;
console.log(`Demo portal: http://${hostname}:${shownPort}/`);
console.log(`Reference server: same origin (/v1), seed ${seed}, ${catalogSize} resources, speed ${speed}×.`);
console.log('Demo users: demo-alice (requester), demo-bob (approver), demo-carol (approver), demo-dave (teammate).');
