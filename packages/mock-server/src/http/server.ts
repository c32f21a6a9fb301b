/**
 * `@access-requests/mock-server/http`: the reference server over real HTTP (what the
 * `access-requests-mock` command runs). `node:http` in front of the same msw handlers, answered
 * through msw's public `getResponse`, with what a browser on another origin needs (CORS) and one
 * log line per request. It answers only under its base path: the API at `/v1/...` and the control
 * API at `/_control/...` (or under `basePath`); any other path is a 404 problem.
 *
 * @example
 * ```ts
 * import { startHttpServer } from '@access-requests/mock-server/http';
 *
 * const server = await startHttpServer({ port: 0, speed: 0, log: false });
 * const me = await fetch(`${server.url}/v1/me`, { headers: { authorization: 'Bearer demo-alice' } });
 * await server.close();
 * ```
 *
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assemble, type ReferenceOptions, type ReferenceParts } from '../handlers/assemble.js';
import { isApiPath, normalizeBasePath } from '../handlers/base.js';
import { bearerToken, instanceOf } from '../handlers/input.js';
import { problem } from '../handlers/responses.js';
import { corsHeaders, originAllowed, preflightHeaders, type CorsOrigins } from './cors.js';
import { hostAllowed, hostName, type AllowedHosts } from './hosts.js';

export type { CorsOrigins } from './cors.js';
export { hostAllowed, type AllowedHosts } from './hosts.js';
import {
  answer,
  answerClientError,
  answerConnect,
  sendFetchResponse,
  toFetchRequest,
  wellFormedHost,
} from './node-bridge.js';
import { staticFiles } from './static-files.js';

/**
 * How to start the HTTP server: where it listens, its base path, CORS, logging, and the world
 * options of `ReferenceOptions` (seed, catalog size, clock speed — default 1, real time — or a
 * ready backend).
 *
 * @example
 * ```ts
 * const options: HttpServerOptions = { port: 0, basePath: '/access', speed: 0, log: false };
 * const server = await startHttpServer(options); // server.url ends in /access: fetch(`${server.url}/v1/me`)
 * ```
 */
export interface HttpServerOptions extends Omit<ReferenceOptions, 'baseUrl'> {
  /** TCP port; 0 picks a free one (read it from `url`). Default 4010. */
  readonly port?: number;
  /**
   * The path the API lives under, for a client whose real API has a prefix: `/access` serves
   * `/access/v1/...` and `/access/_control/...`, and nothing else. Default `''`: the root.
   */
  readonly basePath?: string;
  /**
   * A folder whose files are served beside the API, for GET and HEAD of any path outside it (`/`
   * serves its `index.html`): a built page and the reference server on one origin.
   */
  readonly staticDir?: string;
  /** Interface to listen on. Default 127.0.0.1. */
  readonly host?: string;
  /** Origins allowed by CORS (see `originAllowed`). Default: any localhost origin. */
  readonly corsOrigins?: CorsOrigins;
  /**
   * Host names answered besides IP addresses, `localhost`, `*.localhost` and `host` (see
   * `hostAllowed`); a request naming any other host is refused with a 403 problem, so a page
   * cannot reach the server through DNS rebinding. Default: none.
   */
  readonly allowedHosts?: AllowedHosts;
  /** Where the per-request lines go; `false` for none. Default: stdout. */
  readonly log?: ((line: string) => void) | false;
}

/**
 * A started HTTP server: its base URL, the Node `Server`, the parts it runs (`backend`, `control`,
 * `faults`, `handlers`) for Node-side setup, and `close()`.
 *
 * @example
 * ```ts
 * const server: RunningHttpServer = await startHttpServer({ port: 0, log: false });
 * server.control.faults.add({ path: '/v1/me', kind: 'error', status: 503 });
 * await fetch(`${server.url}/v1/me`, { headers: { authorization: 'Bearer demo-alice' } }); // 503
 * await server.close();
 * ```
 */
export interface RunningHttpServer extends ReferenceParts {
  /**
   * The API's base URL, what an SDK client's `baseUrl` takes: `http://127.0.0.1:<port>` followed by
   * the base path, without `/v1` (append `/v1/...` for the API, `/_control/...` for the control API).
   */
  readonly url: string;
  /** The underlying `node:http` server. */
  readonly server: Server;
  /** Stops listening and ends open connections (event streams included). */
  close(): Promise<void>;
}

/**
 * One line of the request log: time (UTC), method, path and query, status (or `dropped`), duration,
 * and the caller's user id (`-` when there is none).
 *
 * @example
 * ```ts
 * logLine('POST', '/v1/access-requests', 201, 3.2, 'usr_alice');
 * // '12:00:01.250 POST /v1/access-requests 201 3ms usr_alice'
 * ```
 */
export function logLine(
  method: string,
  path: string,
  outcome: number | string,
  ms: number,
  user: string | undefined,
): string {
  const time = new Date().toISOString().slice(11, 23);
  return `${time} ${method} ${path} ${outcome} ${Math.round(ms)}ms ${user ?? '-'}`;
}

/** The problem's `instance` for a request target, or `/` when the target is no path at all. */
function safeInstance(target: string): string {
  try {
    return instanceOf(new URL(target, 'http://localhost'));
  } catch {
    return '/';
  }
}

/**
 * Starts the reference server on `node:http` and resolves once it listens. The simulated clock runs
 * in real time unless `speed` says otherwise. Rejects with the listen error (`EADDRINUSE`, …), and
 * with a `TypeError` for a bad `basePath`.
 *
 * @example
 * ```ts
 * import { startHttpServer } from '@access-requests/mock-server/http';
 * import { createAccessClient } from '@access-requests/sdk';
 *
 * const server = await startHttpServer({ port: 0, speed: 0, log: false });
 * const client = createAccessClient({ baseUrl: server.url, token: 'demo-alice' });
 * console.log((await client.me()).user.name); // Alice Example
 * await server.close();
 * ```
 */
export async function startHttpServer(options: HttpServerOptions = {}): Promise<RunningHttpServer> {
  const {
    port: wantedPort,
    host: wantedHost,
    corsOrigins,
    allowedHosts,
    log: logOption,
    basePath: wantedBasePath,
    staticDir,
    ...reference
  } = options;
  const files = staticDir === undefined ? undefined : staticFiles(staticDir);
  const basePath = normalizeBasePath(wantedBasePath ?? '');
  const parts = assemble(reference, {
    baseUrl: basePath || '*',
    speed: 1,
    controlOrigins: (origin) => originAllowed(origin, corsOrigins),
  });
  const { backend, handlers } = parts;
  const log = logOption === false ? undefined : (logOption ?? ((line: string) => console.log(line)));
  const host = wantedHost ?? '127.0.0.1';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const origin = req.headers.origin;
    const allowed = origin !== undefined && originAllowed(origin, corsOrigins);
    const user = (token: string | undefined) => (token ? backend.authenticate(token)?.userId : undefined);
    // Without a log, nothing is spent on its lines.
    const note = (outcome: number | string, request?: Request) =>
      log?.(
        logLine(method, path, outcome, performance.now() - started, request && user(bearerToken(request))),
      );

    const hostHeader = req.headers.host;
    if (
      hostHeader !== undefined &&
      wellFormedHost(hostHeader) &&
      !hostAllowed(hostHeader, allowedHosts, host)
    ) {
      const name = hostName(hostHeader);
      const response = problem(
        403,
        'forbidden',
        `This server does not answer for the host "${name}" (a page reaching it through DNS rebinding would); start it with --allowed-host ${name} to serve that name.`,
        safeInstance(path),
      );
      note(response.status);
      await sendFetchResponse(res, response);
      return;
    }

    if (method === 'OPTIONS' && origin !== undefined && req.headers['access-control-request-method']) {
      const response = allowed
        ? new Response(null, { status: 204, headers: preflightHeaders(origin) })
        : problem(
            403,
            'forbidden',
            `Origin ${origin} may not call this server; start it with --cors-origin ${origin}.`,
            instanceOf(new URL(path, 'http://localhost')),
          );
      note(response.status);
      await sendFetchResponse(res, response);
      return;
    }

    const request = await toFetchRequest(req, res, host);
    const refused = request instanceof Response;
    const inApi = !refused && isApiPath(new URL(request.url).pathname, basePath);
    const response = refused
      ? request
      : (!inApi && (await files?.(request))) || (await answer(handlers, request, basePath));
    note(response.type === 'error' ? 'dropped' : response.status, refused ? undefined : request);
    await sendFetchResponse(res, response, allowed ? corsHeaders(origin) : {});
  }

  // Node checks the Host header itself with a bare 400; `toFetchRequest` answers it as a problem.
  const server = createServer({ requireHostHeader: false }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[mock-server] could not answer', error);
      res.destroy();
    });
  });
  server.on('clientError', answerClientError);
  server.on('connect', answerConnect);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(wantedPort ?? 4010, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;

  return {
    ...parts,
    url: `http://${shownHost}:${port}${basePath}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
