/**
 * Waits the transport's tests use instead of sleeping: each resolves on the event it names (a
 * stream chunk, a subscriber count) and fails after a generous timeout only if it never comes.
 * Test code only: not exported, not published.
 */
import type { SseParser } from './sse.js';

/** Reads `body` through `parser` until a comment line `comment` (`heartbeat`) has arrived. */
export async function readUntilComment(
  body: ReadableStream<Uint8Array>,
  parser: SseParser,
  comment: string,
  timeoutMs = 5000,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const deadline = AbortSignal.timeout(timeoutMs);
  const timedOut = new Promise<never>((_, reject) =>
    deadline.addEventListener('abort', () => reject(new Error(`no "${comment}" comment in ${timeoutMs} ms`))),
  );
  try {
    while (!parser.comments.includes(comment)) {
      const { done, value } = await Promise.race([reader.read(), timedOut]);
      if (done) throw new Error(`the stream ended without a "${comment}" comment`);
      parser.push(decoder.decode(value, { stream: true }));
    }
  } finally {
    reader.releaseLock();
  }
}

/** A promise for the moment `check()` holds, re-checked each time `onChange` reports a change. */
export function when(
  check: () => boolean,
  onChange: (listener: () => void) => () => void,
  what: string,
  timeoutMs = 5000,
) {
  return new Promise<void>((resolve, reject) => {
    if (check()) return resolve();
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out: ${what}`));
    }, timeoutMs);
    const stop = onChange(() => {
      if (!check()) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}
