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
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { getResponse, type HttpHandler } from 'msw';
import { contentTooLarge, declaredTooLarge, instanceOf, MAX_BODY_BYTES } from '../handlers/input.js';
import { apiProblem } from '../backend/problems.js';
import { routeTableOf } from '../handlers/index.js';
import { bodyText, problem } from '../handlers/responses.js';
import { ALLOWED_METHODS } from './cors.js';

/** Methods a Fetch `Request` cannot carry (Node's parser knows no `TRACK`; `CONNECT` comes apart). */
const UNSERVED_METHODS: readonly string[] = ['TRACE'];

/** A `Host` header: a name or an IPv4 or bracketed IPv6 address, with an optional port. */
const HOST = /^(?:[\w.~!$&'()*+,;=%-]+|\[[\dA-Fa-f:.]+\])(?::\d{1,5})?$/;

/** Whether `host` is a well-formed `Host` header value (`toFetchRequest` answers any other with a 400). */
export const wellFormedHost = (host: string): boolean => HOST.test(host);

/**
 * Reads the request body, up to `MAX_BODY_BYTES`: undefined (and the rest left unread) as soon as
 * the declared `Content-Length`, or the bytes counted as they arrive, pass it.
 */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  if (declaredTooLarge(req.headers['content-length'])) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      resolve(undefined);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** A refusal sent before the request was read to its end: the connection closes after it. */
function refusal(status: number, kind: string, detail: string, instance: string, headers = {}): Response {
  return problem(status, kind, detail, instance, { headers: { connection: 'close', ...headers } });
}

/**
 * The Fetch `Request` for an incoming request, or the problem to answer instead: `400` for a
 * missing or malformed `Host` (or request target), `405` for `TRACE` (which Fetch cannot carry),
 * `413` for a body over `MAX_BODY_BYTES`. The request's `signal` aborts when the client
 * goes away before the response is complete (that ends an event stream's subscription).
 * `fallbackHost` stands in for the `Host` an HTTP/1.0 client may leave out.
 */
export async function toFetchRequest(
  req: IncomingMessage,
  res: ServerResponse,
  fallbackHost: string,
  protocol = 'http',
): Promise<Request | Response> {
  const target = req.url ?? '/';
  let instance = '/';
  try {
    instance = instanceOf(new URL(target, 'http://localhost'));
  } catch {
    // A target that is no URL at all: the problem names the root.
  }
  const host = req.headers.host ?? (req.httpVersion === '1.0' ? fallbackHost : undefined);
  if (host === undefined || !HOST.test(host)) {
    const what = host === undefined ? 'is missing' : `"${host}" is not a host name or address`;
    return refusal(400, 'malformed-request', `The Host header ${what}.`, instance);
  }
  let url: URL;
  try {
    url = new URL(target, `${protocol}://${host}`);
  } catch {
    return refusal(400, 'malformed-request', 'The request target is not a path.', instance);
  }
  const method = req.method ?? 'GET';
  if (UNSERVED_METHODS.includes(method)) {
    const detail = `${method} is not served here; use ${ALLOWED_METHODS}.`;
    return refusal(405, 'method-not-allowed', detail, instance, { allow: ALLOWED_METHODS });
  }
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
  if (body === undefined && method !== 'GET' && method !== 'HEAD') {
    const tooLarge = contentTooLarge(instance);
    tooLarge.headers.set('connection', 'close');
    return tooLarge;
  }
  return new Request(url, {
    method,
    headers,
    body: body && body.length > 0 ? new Uint8Array(body) : undefined,
    signal: controller.signal,
  });
}

/**
 * Writes `response` to `res`: a body made by the handlers' response helpers in one write with its
 * `Content-Length`, any other streamed as it arrives. Resolves `'dropped'` when the response was a
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
  const text = bodyText(response);
  if (text !== undefined) {
    // A whole body known up front: one write, with its length, instead of a chunked stream.
    res.writeHead(response.status, {
      ...headers,
      ...extraHeaders,
      'content-length': String(Buffer.byteLength(text)),
    });
    res.end(text);
    return 'sent';
  }
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
 * when one throws. Found through the handlers' route table while they are the list `handlersFor`
 * made (the same answers as msw's `getResponse`, a fraction of the work), else through msw.
 */
export async function answer(handlers: HttpHandler[], request: Request, basePath = ''): Promise<Response> {
  const url = new URL(request.url);
  const instance = instanceOf(url);
  try {
    const dispatch = routeTableOf(handlers);
    const response = dispatch ? await dispatch(request) : await getResponse(handlers, request);
    return response ?? outsideTheApi(url, basePath);
  } catch (error) {
    console.error('[mock-server] unexpected error', error);
    return problem(500, 'internal-error', `The reference server failed: ${String(error)}`, instance);
  }
}

/** Node's parser errors that have a status of their own; any other is a `400`. */
const PARSER_STATUSES: Readonly<Record<string, [number, string, string]>> = {
  HPE_INVALID_METHOD: [501, 'not-implemented', 'The request method is not one this server knows.'],
  HPE_HEADER_OVERFLOW: [431, 'headers-too-large', 'The request headers are too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request-timeout', 'The request took too long to arrive.'],
};

/** Writes a problem+json straight to a socket Node gave up on (no `ServerResponse`), then closes it. */
function endWithProblem(socket: Duplex, status: number, kind: string, detail: string, headers = ''): void {
  const body = JSON.stringify(apiProblem(status, kind, detail).problem);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\ncontent-type: application/problem+json\r\n${headers}` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/**
 * Answers a request Node could not parse (an unknown method, a malformed request line or header)
 * with a problem+json instead of Node's bare `400`, then closes the connection: a server's
 * `clientError` listener.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, kind, detail] = PARSER_STATUSES[error.code ?? ''] ?? [
    400,
    'malformed-request',
    'The request is not valid HTTP.',
  ];
  endWithProblem(socket, status, kind, detail);
}

/** Answers `CONNECT` (which Node hands to a server's `connect` listener, not its request handler): 405. */
export function answerConnect(_req: IncomingMessage, socket: Duplex): void {
  const detail = `CONNECT is not served here; use ${ALLOWED_METHODS}.`;
  endWithProblem(socket, 405, 'method-not-allowed', detail, `allow: ${ALLOWED_METHODS}\r\n`);
}
