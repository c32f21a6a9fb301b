import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readEvents } from '../../src/sse.js';

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>) {
  const events = [];
  for await (const event of readEvents(stream)) events.push(event);
  return events;
}

describe('event-stream reader', () => {
  it('frames events on blank lines, with id, event and multi-line data', async () => {
    const events = await collect(
      streamOf(
        'retry: 3000\n: heartbeat\n\nid: 7\nevent: request.updated\ndata: {"a":\ndata: 1}\n\n',
        'data: plain\n\n',
      ),
    );
    assert.deepEqual(events, [
      { id: '7', event: 'request.updated', data: '{"a":\n1}' },
      { id: '7', event: 'message', data: 'plain' },
    ]);
  });

  it('joins events split anywhere across chunks, including inside a CRLF', async () => {
    const events = await collect(
      streamOf('id: 1\r', '\nevent: request.up', 'dated\r\ndata: x\r', '\n\r', '\nid: 2\ndata: y\n\n'),
    );
    assert.deepEqual(events, [
      { id: '1', event: 'request.updated', data: 'x' },
      { id: '2', event: 'message', data: 'y' },
    ]);
  });

  it('drops an event the stream ended in the middle of', async () => {
    assert.deepEqual(await collect(streamOf('id: 1\ndata: complete\n\nid: 2\ndata: cut')), [
      { id: '1', event: 'message', data: 'complete' },
    ]);
  });

  it('decodes multi-byte characters split between chunks', async () => {
    const bytes = new TextEncoder().encode('data: Zoë ⭐\n\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 9));
        controller.enqueue(bytes.slice(9));
        controller.close();
      },
    });
    assert.deepEqual(await collect(stream), [{ id: undefined, event: 'message', data: 'Zoë ⭐' }]);
  });
});
