import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readEvents, SseParser } from './sse.js';

describe('SseParser', () => {
  it('parses events split across chunks, with comments, ids and retry', () => {
    const parser = new SseParser();
    assert.deepEqual(parser.push('retry: 3000\n: connected\n\nid: e1\nevent: request.up'), []);
    const events = parser.push('dated\ndata: {"a":1}\n\r\ndata: x\ndata: y\n\n');
    assert.deepEqual(events, [
      { id: 'e1', event: 'request.updated', data: '{"a":1}', retry: 3000 },
      { id: 'e1', event: 'message', data: 'x\ny', retry: 3000 },
    ]);
    assert.deepEqual(parser.comments, ['connected']);
  });

  it('readEvents stops once enough events arrived, and times out otherwise', async () => {
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('id: 1\ndata: a\n\n'));
      },
    });
    assert.deepEqual(
      (await readEvents(stream, 1)).map((e) => e.data),
      ['a'],
    );
    await assert.rejects(readEvents(stream, 1, { timeoutMs: 20 }), /Got 0 of 1 events/);
    await stream.cancel();
  });
});
