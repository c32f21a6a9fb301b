/**
 * `GET /v1/events`: a server-sent event stream. A plain handler returning a streaming `Response`
 * (not msw's `sse()`, which needs a global `EventSource` and an exact `Accept`), so the same code
 * streams in Node tests, in the service worker and over real HTTP.
 */
import type { Backend, Caller, StreamEvent } from '../backend/api.js';

/** How long a client waits before reconnecting, sent as the stream's `retry:` hint. */
const RETRY_MS = 3000;
export const DEFAULT_HEARTBEAT_MS = 15_000;

/** Each event's frame, encoded once for all the streams it goes to (the backend shares the object). */
const frames = new WeakMap<StreamEvent, string>();

function eventFrame(event: StreamEvent): string {
  let frame = frames.get(event);
  if (frame === undefined) {
    // JSON.stringify never emits a raw newline, so the data fits on one `data:` line.
    frame = `id: ${event.id}\nevent: ${event.data.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
    frames.set(event, frame);
  }
  return frame;
}

/** The caller's event stream: missed events after `Last-Event-ID` first, then each as it happens. */
export function eventStream({
  backend,
  caller,
  request,
  url,
  heartbeatMs,
}: {
  readonly backend: Backend;
  readonly caller: Caller;
  readonly request: Request;
  readonly url: URL;
  readonly heartbeatMs: number;
}): Response {
  const lastEventId =
    request.headers.get('last-event-id') ?? url.searchParams.get('last_event_id') ?? undefined;
  const encoder = new TextEncoder();
  let stop = (): void => {};

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (text: string): void => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      // Something goes out at once, so that clients (and proxies) see the stream has started.
      send(`retry: ${RETRY_MS}\n: connected\n\n`);
      const unsubscribe = backend.subscribe(caller, lastEventId || undefined, (event) =>
        send(eventFrame(event)),
      );
      const heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
      stop = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
      };
      const end = (): void => {
        stop();
        try {
          controller.close();
        } catch {
          // Already closed or errored by the reader.
        }
      };
      // A client that gave up before the stream began (during an injected delay, say) fires no
      // abort event any more: end at once, or the heartbeat would run for good.
      if (request.signal.aborted) end();
      else request.signal.addEventListener('abort', end, { once: true });
    },
    cancel() {
      stop();
    },
  });

  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      'x-accel-buffering': 'no',
    },
  });
}
