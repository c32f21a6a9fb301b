// `pnpm start`: serves the demo portal on http://127.0.0.1:4173 (PORT overrides).
import { fileURLToPath } from 'node:url';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 4173);
const hostname = process.env.HOST ?? '127.0.0.1';
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`PORT must be a TCP port number, got ${process.env.PORT}.`);
  process.exit(1);
}

await startDevServer({
  config: {
    rootDir,
    port,
    hostname,
    appIndex: `${rootDir}examples/portal/index.html`,
    nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
    plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: `${rootDir}tsconfig.json` })],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
console.log(`Demo portal: http://${hostname}:${port}/examples/portal/`);
