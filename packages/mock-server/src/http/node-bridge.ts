/**
 * Between Node's `http` and Fetch: an `IncomingMessage` becomes a `Request`; a `Response` is written
 * to a `ServerResponse` as its body arrives (so an event stream flushes per event), and a network
 * error (`Response.error()`, an injected drop) destroys the socket.
 *
 * Why not `@mswjs/http-middleware` (which also serves msw handlers over Node HTTP): dropped
 * connections and streams. It sets `statusCode` from a `Response.error()` (status 0) instead of
 * destroying the socket, so the `drop` fault cannot be shown; it `pipe()`s the body, and `pipe()`
 * does not pass a body's error on, so `commit_then_drop` leaves the connection hanging instead of
 * cutting it; and its `Request` has no `signal`, so a client that goes away never ends its event
 * stream's subscription. The bridge below writes the body by hand, waiting for `drain` when
 * `write()` says the socket is full (backpressure), destroying the socket on a body error.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getResponse, type HttpHandler } from 'msw';
import { instanceOf } from '../handlers/input.js';
import { problem } from '../handlers/responses.js';

/** Reads the whole request body (API bodies are small). */
async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The Fetch `Request` for an incoming request. Its `signal` aborts when the client goes away before
 * the response is complete (that ends an event stream's subscription).
 */
export async function toFetchRequest(
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
): Promise<Request> {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    body: body && body.length > 0 ? new Uint8Array(body) : undefined,
    signal: controller.signal,
  });
}

/**
 * Writes `response` to `res`, streaming its body. Resolves `'dropped'` when the response was a
 * network error and the socket was destroyed, else `'sent'` once the body is done (or the client left).
 */
export async function sendFetchResponse(
  res: ServerResponse,
  response: Response,
  extraHeaders: Record<string, string> = {},
): Promise<'sent' | 'dropped'> {
  if (response.type === 'error') {
    res.socket?.destroy();
    res.destroy();
    return 'dropped';
  }
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const setCookies = response.headers.getSetCookie();
  if (setCookies.length) headers['set-cookie'] = setCookies;
  res.writeHead(response.status, { ...headers, ...extraHeaders });
  if (!response.body) {
    res.end();
    return 'sent';
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  const stop = () => void reader.cancel().catch(() => {});
  res.once('close', stop);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          res.once('drain', resolve);
          res.once('close', resolve);
        });
      }
    }
    if (!res.destroyed) res.end();
  } catch {
    // The stream errored (e.g. a contract violation in an event) or the client left: cut the connection.
    res.destroy();
  } finally {
    res.off('close', stop);
  }
  return 'sent';
}

/**
 * The 404 for a path outside the API (`/`, `/api/v1/me`; an unknown path under `/v1/` gets the
 * handlers' own 404): it says where the API and the control API are, and what a client's base URL is.
 */
function outsideTheApi(url: URL, basePath = ''): Response {
  return problem(
    404,
    'not-found',
    `There is no ${url.pathname} on this server. The API is under ${basePath}/v1/ (such as ${basePath}/v1/me) and the control ` +
      `API under ${basePath}/_control/; a client's base URL is ${url.origin}${basePath} (without /v1).`,
    instanceOf(url),
  );
}

/**
 * The handlers' response to `request`: the 404 of `outsideTheApi` when none answers, a 500 problem
 * when one throws.
 */
export async function answer(handlers: HttpHandler[], request: Request, basePath = ''): Promise<Response> {
  const url = new URL(request.url);
  const instance = instanceOf(url);
  try {
    return (await getResponse(handlers, request)) ?? outsideTheApi(url, basePath);
  } catch (error) {
    console.error('[mock-server] unexpected error', error);
    return problem(500, 'internal-error', `The reference server failed: ${String(error)}`, instance);
  }
}
