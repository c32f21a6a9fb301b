/**
 * The reference server over real HTTP (`pnpm mock`): `node:http` in front of the same msw handlers,
 * answered through msw's public `getResponse`. Adds what a browser on another origin needs (CORS)
 * and one log line per request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assemble, type ReferenceOptions, type ReferenceParts } from '../handlers/assemble.js';
import { bearerToken, instanceOf } from '../handlers/input.js';
import { startTicker } from '../handlers/ticker.js';
import { problem } from '../handlers/responses.js';
import { corsHeaders, originAllowed, preflightHeaders, type CorsOrigins } from './cors.js';
import { answer, sendFetchResponse, toFetchRequest } from './node-bridge.js';

export interface HttpServerOptions extends Omit<ReferenceOptions, 'baseUrl'> {
  /** TCP port; 0 picks a free one. Default 4010. */
  readonly port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  readonly host?: string;
  /** Origins allowed by CORS (see `originAllowed`). Default: any localhost origin. */
  readonly corsOrigins?: CorsOrigins;
  /** Where the per-request lines go; `false` for none. Default: stdout. */
  readonly log?: ((line: string) => void) | false;
}

export interface RunningHttpServer extends ReferenceParts {
  /** `http://host:port`, the base URL of the API (append `/v1/...`). */
  readonly url: string;
  readonly server: Server;
  /** Stops listening and ends open connections (event streams included). */
  close(): Promise<void>;
}

/** `12:00:01.250 POST /v1/access-requests 201 3ms usr_alice` */
export function logLine(method: string, path: string, outcome: number | string, ms: number, user: string | undefined): string {
  const time = new Date().toISOString().slice(11, 23);
  return `${time} ${method} ${path} ${outcome} ${Math.round(ms)}ms ${user ?? '-'}`;
}

/** Starts the reference server on `node:http`. The simulated clock runs in real time unless `speed` says otherwise. */
export async function startHttpServer(options: HttpServerOptions = {}): Promise<RunningHttpServer> {
  const { port: wantedPort, host: wantedHost, corsOrigins, log: logOption, ...reference } = options;
  const parts = assemble(reference, { baseUrl: '*', speed: 1 });
  const { backend, handlers } = parts;
  const log = logOption === false ? () => {} : (logOption ?? ((line: string) => console.log(line)));
  const host = wantedHost ?? '127.0.0.1';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const origin = req.headers.origin;
    const allowed = origin !== undefined && originAllowed(origin, corsOrigins);
    const user = (token: string | undefined) => (token ? backend.authenticate(token)?.userId : undefined);

    if (method === 'OPTIONS' && origin !== undefined && req.headers['access-control-request-method']) {
      const response = allowed
        ? new Response(null, { status: 204, headers: preflightHeaders(origin) })
        : problem(403, 'forbidden', `Origin ${origin} may not call this server; start it with --cors-origin ${origin}.`, instanceOf(new URL(path, 'http://localhost')));
      log(logLine(method, path, response.status, performance.now() - started, undefined));
      await sendFetchResponse(res, response);
      return;
    }

    const request = await toFetchRequest(req, res, `http://${req.headers.host ?? host}`);
    const response = await answer(handlers, request);
    const outcome = response.type === 'error' ? 'dropped' : response.status;
    log(logLine(method, path, outcome, performance.now() - started, user(bearerToken(request))));
    await sendFetchResponse(res, response, allowed ? corsHeaders(origin) : {});
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[mock-server] could not answer', error);
      res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(wantedPort ?? 4010, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const stopTicker = startTicker(backend);
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;

  return {
    ...parts,
    url: `http://${shownHost}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        stopTicker();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
