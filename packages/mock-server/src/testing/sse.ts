/**
 * A small server-sent events reader for tests (the WHATWG parsing rules, minus reconnection):
 * frames in, events out. Runs in Node and in browsers.
 *
 * Why not the SDK's parser (`@access-requests/sdk`, `src/sse.ts`): this file is public API of the
 * `./testing` entry, and the mock-server deliberately has no runtime dependency on the SDK (a host
 * testing another client must not install it); the SDK does not export its parser; and the SDK's
 * drops what these tests must see — comment lines (`: heartbeat`), the `retry:` hint — and cancels
 * the stream when it stops reading, where a test reads on later with the same parser.
 */

/**
 * One server-sent event: its `id:`, `event:` name (`message` when none), `data:` (lines joined by
 * newlines) and `retry:` hint.
 *
 * @example
 * ```ts
 * const [event]: SseEvent[] = await readEvents(stream.body!, 1);
 * const { request } = JSON.parse(event!.data);
 * ```
 */
export interface SseEvent {
  /** The `id:` field (what `Last-Event-ID` sends back), if any. */
  readonly id: string | undefined;
  /** The `event:` field; `message` when there was none. */
  readonly event: string;
  /** The `data:` lines, joined by newlines. */
  readonly data: string;
  /** The `retry:` hint in milliseconds, if any. */
  readonly retry: number | undefined;
}

/**
 * An incremental server-sent events parser: `push()` text as it arrives, get the complete events
 * back. Keep one per stream (pass it to `readEvents` as `parser`) so that an event split across
 * reads is not lost.
 *
 * @example
 * ```ts
 * import { SseParser } from '@access-requests/mock-server/testing';
 *
 * const parser = new SseParser();
 * parser.push('id: evt_1\nevent: request.upd'); // []
 * // [{ id: 'evt_1', event: 'request.updated', data: '{}', retry: undefined }]
 * parser.push('ated\ndata: {}\n\n');
 * ```
 */
export class SseParser {
  #buffer = '';
  #id: string | undefined;
  #event = '';
  #data: string[] = [];
  #retry: number | undefined;
  /** Comment lines seen (`: heartbeat`), without the colon. */
  readonly comments: string[] = [];

  /** Takes the next piece of the stream's text; gives the events it completed. */
  push(text: string): SseEvent[] {
    this.#buffer += text;
    const events: SseEvent[] = [];
    let newline: number;
    while ((newline = this.#buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.#buffer.slice(0, newline);
      const width = this.#buffer.startsWith('\r\n', newline) ? 2 : 1;
      this.#buffer = this.#buffer.slice(newline + width);
      const event = this.#line(line);
      if (event) events.push(event);
    }
    return events;
  }

  #line(line: string): SseEvent | undefined {
    if (line === '') {
      if (this.#data.length === 0) {
        this.#event = '';
        return undefined;
      }
      const event = {
        id: this.#id,
        event: this.#event || 'message',
        data: this.#data.join('\n'),
        retry: this.#retry,
      };
      this.#event = '';
      this.#data = [];
      return event;
    }
    if (line.startsWith(':')) {
      this.comments.push(line.slice(1).trim());
      return undefined;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') this.#data.push(value);
    else if (field === 'event') this.#event = value;
    else if (field === 'id' && !value.includes('\0')) this.#id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.#retry = Number(value);
    return undefined;
  }
}

/**
 * Reads events from a streaming body until `count` have arrived (or the stream ends); rejects when
 * `timeoutMs` (default 5,000) passes first. The reader is released, not cancelled: read on later
 * with the same `parser`, and abort the request to close the stream.
 *
 * @example
 * ```ts
 * import { readEvents, SseParser } from '@access-requests/mock-server/testing';
 *
 * const abort = new AbortController();
 * const stream = await fetch(`${baseUrl}/v1/events`, {
 *   headers: { authorization: 'Bearer demo-alice' },
 *   signal: abort.signal,
 * });
 * const parser = new SseParser();
 * const [first] = await readEvents(stream.body!, 1, { parser, timeoutMs: 2000 });
 * abort.abort();
 * ```
 */
export async function readEvents(
  body: ReadableStream<Uint8Array>,
  count: number,
  options: { timeoutMs?: number; parser?: SseParser } = {},
): Promise<SseEvent[]> {
  const parser = options.parser ?? new SseParser();
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  const timeoutMs = options.timeoutMs ?? 5000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Got ${events.length} of ${count} events in ${timeoutMs} ms.`)),
      timeoutMs,
    );
  });
  try {
    while (events.length < count) {
      const { done, value } = await Promise.race([reader.read(), timeout]);
      if (done) break;
      events.push(...parser.push(decoder.decode(value, { stream: true })));
    }
    return events;
  } finally {
    clearTimeout(timer);
    try {
      reader.releaseLock();
    } catch {
      // A read still pending (after a timeout): the stream stays locked; the caller cancels it.
    }
  }
}
