// Serves a folder together with the reference server (`/v1/*` and `/_control/*`, same origin):
// the demo portal (`pnpm start`), the examples' smoke tests and the end-to-end test.
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { createDevServerMiddleware } from '@access-requests/mock-server/testing';

const workspaceRoot = new URL('..', import.meta.url).pathname;

/**
 * @param {{ rootDir: string, index: string, port?: number, hostname?: string,
 *   world?: { seed?: number, catalogSize?: number, speed?: number }, compile?: boolean }} options
 *   `index` is the path (under `rootDir`) served at `/`; `compile` serves TypeScript and bare imports
 *   from the workspace's sources (the portal); without it the folder is served as it is (a build).
 */
export async function serveWithReference({
  rootDir,
  index,
  port = 0,
  hostname = '127.0.0.1',
  world = {},
  compile = false,
}) {
  const reference = createDevServerMiddleware(world);
  const server = await startDevServer({
    config: {
      rootDir,
      port,
      hostname,
      appIndex: `${rootDir}${index}`,
      nodeResolve: compile ? { exportConditions: ['source', 'browser', 'development'] } : false,
      middleware: [
        (context, next) => {
          if (context.path === '/') context.path = `/${index}`;
          return next();
        },
        reference,
      ],
      plugins: compile
        ? [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: `${workspaceRoot}tsconfig.json` })]
        : [],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  const address = server.server?.address();
  const shownPort = typeof address === 'object' && address ? address.port : port;
  return { url: `http://${hostname}:${shownPort}/`, reference, stop: () => server.stop() };
}
