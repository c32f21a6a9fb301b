import { assert, beforeEach, describe, it } from '#harness';
import type { Page } from '../../src/index.js';
import { clientFor, control } from './support.js';

describe('SDK pagination', () => {
  beforeEach(() => control.reset());

  it('walks every page lazily, each item once, in order', async () => {
    const sent: string[] = [];
    const client = clientFor('demo-alice', {
      fetch: (request) => {
        sent.push(new URL(request.url).search);
        return globalThis.fetch(request);
      },
    });
    const whole = await client.resources({ search: 'payments' }).page({ limit: 500 });
    assert.ok(whole.items.length > 25, 'enough resources for several pages');
    assert.equal(whole.next_cursor, null, 'and all of them in one page of 500');
    sent.length = 0;

    const pages: Page<unknown>[] = [];
    for await (const page of client.resources({ search: 'payments' }).pages({ limit: 10 })) pages.push(page);
    assert.equal(pages.length, Math.ceil(whole.items.length / 10));
    assert.equal(sent.length, pages.length);
    assert.ok(
      sent.slice(1).every((query) => query.includes('cursor=')),
      'each next page asks for its cursor',
    );

    const ids: string[] = [];
    for await (const resource of client.resources({ search: 'payments' })) ids.push(resource.id);
    assert.deepEqual(
      ids,
      whole.items.map((r) => r.id),
    );
  });

  it('fetches only the pages a loop uses', async () => {
    let calls = 0;
    const client = clientFor('demo-alice', {
      fetch: (request) => {
        calls++;
        return globalThis.fetch(request);
      },
    });
    let seen = 0;
    for await (const resource of client.resources()) {
      void resource;
      if (++seen === 60) break; // the default page is 50: two pages
    }
    assert.equal(calls, 2);
  });

  it('continues from a cursor, and refuses a forged one', async () => {
    const client = clientFor();
    const first = await client.resources().page({ limit: 5 });
    const second = await client.resources().page({ limit: 5, cursor: first.next_cursor! });
    assert.equal(second.items.length, 5);
    assert.ok(second.items.every((r) => !first.items.some((f) => f.id === r.id)));
    await assert.rejects(
      client.resources().page({ cursor: 'not-a-cursor' }),
      (e) => (e as { status?: number }).status === 422,
    );
  });
});
