// Serves the demo portal together with the reference server (`/v1/*` and `/_control/*`, same
// origin): `pnpm start` and the portal's end-to-end test.
//
// It listens on exactly the host it is given (its own HTTP server: the dev server alone would listen on
// every interface for 127.0.0.1 and localhost), and serves only what the portal needs: its page, its
// stylesheet, and the modules its entry point reaches (found by esbuild, as the browser will ask for
// them). Anything else — the repository's files, dot-files, `..` in any spelling — is a 404.
// A request naming a host other than an IP address, localhost, the host it listens on or one of
// `allowedHosts` is a 403, so a page cannot reach it through DNS rebinding (see the reference
// server's `hostAllowed`).
import { createServer } from 'node:http';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { context as esbuildContext } from 'esbuild';
import { createDevServerMiddleware } from '@access-requests/mock-server/testing';
import { hostAllowed } from '@access-requests/mock-server/http';

const workspaceRoot = new URL('..', import.meta.url).pathname;
const EXPORT_CONDITIONS = ['source', 'browser', 'development'];

/**
 * The URL paths of the modules `entry` reaches, static and dynamic imports alike, as the dev server
 * serves them (paths under `rootDir`, symlinks resolved). `refresh()` looks again (a source changed).
 * @param {string} rootDir @param {string} entry
 */
async function moduleGraph(rootDir, entry) {
  const build = await esbuildContext({
    absWorkingDir: rootDir,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: EXPORT_CONDITIONS,
    tsconfig: `${workspaceRoot}tsconfig.json`,
    logLevel: 'silent',
  });
  /** @type {Set<string>} */
  let paths = new Set();
  /** @type {Promise<void> | undefined} */
  let running;
  const refresh = () =>
    (running ??= build
      .rebuild()
      .then(
        (result) => {
          paths = new Set(Object.keys(result.metafile?.inputs ?? {}).map((input) => `/${input}`));
        },
        () => undefined, // a source that does not compile: the graph stays as it was
      )
      .finally(() => (running = undefined)));
  await refresh();
  return { has: (/** @type {string} */ path) => paths.has(path), refresh, dispose: () => build.dispose() };
}

/**
 * The request's path, decoded, when it is a plain one (no dot segment or dot-file, no backslash, no
 * NUL, no malformed encoding); otherwise undefined.
 * @param {string} rawPath
 */
function plainPath(rawPath) {
  let path;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (!path.startsWith('/') || /[\\\0]/.test(path)) return undefined;
  return path.split('/').some((segment) => segment.startsWith('.') && segment !== '.pnpm') ? undefined : path;
}

/**
 * @param {{ rootDir: string, index: string, entry: string, stylesheets?: string[], pages?: string[],
 *   port?: number, hostname?: string, allowedHosts?: string[],
 *   world?: { seed?: number, catalogSize?: number, speed?: number } }} options
 *   `index` is the page (under `rootDir`) served at `/`, `entry` its module script, `stylesheets` the
 *   CSS files it links, `pages` other pages beside it (same entry). TypeScript and bare imports are
 *   served from the workspace's sources.
 */
export async function serveWithReference({
  rootDir,
  index,
  entry,
  stylesheets = [],
  pages: otherPages = [],
  port = 0,
  hostname = '127.0.0.1',
  allowedHosts = [],
  world = {},
}) {
  const reference = createDevServerMiddleware(world);
  const graph = await moduleGraph(rootDir, entry);
  const pages = new Set([index, ...otherPages, ...stylesheets].map((file) => `/${file}`));
  const devServer = await startDevServer({
    config: {
      rootDir,
      middlewareMode: true,
      appIndex: `${rootDir}${index}`,
      nodeResolve: { exportConditions: EXPORT_CONDITIONS },
      middleware: [
        (context, next) => {
          if (context.path === '/') context.path = `/${index}`;
          return next();
        },
        reference,
        async (context, next) => {
          const path = plainPath(context.path);
          if (path !== undefined && (pages.has(path) || graph.has(path))) return next();
          // A module added since the graph was read (someone is editing the sources): look again once.
          if (path !== undefined && /\.(?:[cm]?[jt]s|tsx?)$/.test(path)) {
            await graph.refresh();
            if (graph.has(path)) return next();
          }
          context.status = 404;
          context.type = 'text/plain';
          context.body = 'Not found';
        },
      ],
      plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: `${workspaceRoot}tsconfig.json` })],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
    autoExitProcess: false,
  });
  const handle = devServer.koaApp.callback();
  const server = createServer((request, response) => {
    const host = request.headers.host;
    if (host !== undefined && !hostAllowed(host, allowedHosts, hostname)) {
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
      response.end(
        `Not served for the host ${JSON.stringify(host)}; start with ALLOWED_HOSTS=<name> to serve it.\n`,
      );
      return;
    }
    void handle(request, response);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: hostname, port }, () => resolve(undefined));
  });
  const address = server.address();
  const shownPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = hostname.includes(':') ? `[${hostname}]` : hostname;
  return {
    url: `http://${shownHost}:${shownPort}/`,
    address,
    reference,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
      await devServer.stop();
      await graph.dispose();
    },
  };
}
