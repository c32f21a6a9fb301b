// The wait between retries (and between the event stream's reconnects) ends with its signal.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sleep } from '../../src/transport.js';

describe('the wait between retries', () => {
  it('stops at once when its signal was aborted before it began', async () => {
    const reason = new Error('the caller gave up');
    await assert.rejects(sleep(60_000, AbortSignal.abort(reason)), (error) => error === reason);
  });

  it('stops when its signal is aborted while it waits', async () => {
    const controller = new AbortController();
    const reason = new Error('the caller gave up');
    const waiting = sleep(60_000, controller.signal);
    controller.abort(reason);
    await assert.rejects(waiting, (error) => error === reason);
  });

  it('ends after the delay when nothing aborts it', async () => {
    await sleep(1, new AbortController().signal);
  });
});
