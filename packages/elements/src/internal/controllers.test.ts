// The shared controllers on their own: LatestTask (loading through @lit/task), PagedList and the
// roving-focus key map, on a bare Lit host, with answers the test releases itself.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { LatestTask, type Outcome } from './latest-task.js';
import { PagedList, type Page } from './paged-list.js';
import { RovingRows } from './roving-rows.js';
import { PAGE_ROWS, rowAfterKey } from './row-keys.js';
import { LiveRequests } from './live-requests.js';
import { streamConnected } from './requests-hub.js';
import { clientFor } from './test-support.js';

class ControllerHost extends LitElement {
  rows = 0;
  readonly roving = new RovingRows(this, { list: '.list', count: () => this.rows });
  protected override render() {
    return html`<div class="list" @keydown=${this.roving.onKeydown} @focusin=${this.roving.onFocusIn}>
      ${Array.from(
        { length: this.rows },
        (_, row) =>
          html`<div data-row=${row}>
            <button data-col="open" tabindex=${this.roving.tabIndex(row)}>Open ${row}</button>
            <select data-col="choice" tabindex=${this.roving.tabIndex(row)}>
              <option>a</option>
              <option>b</option>
            </select>
          </div>`,
      )}
    </div>`;
  }
}
customElements.define('controller-test-host', ControllerHost);

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const host = () => fixture<ControllerHost>(html`<controller-test-host></controller-test-host>`);

describe('LatestTask', () => {
  it('applies only the newest answer and aborts the older call', async () => {
    const task = new LatestTask(await host());
    const first = deferred<string>();
    const second = deferred<string>();
    const applied: Outcome<string>[] = [];
    let firstSignal: AbortSignal | undefined;
    task.start(
      (signal) => {
        firstSignal = signal;
        return first.promise;
      },
      (o) => applied.push(o),
    );
    const done = deferred<undefined>();
    task.start(
      () => second.promise,
      (o) => {
        applied.push(o);
        done.resolve(undefined);
      },
    );
    expect(firstSignal?.aborted).to.equal(true);
    expect(task.pending).to.equal(true);
    second.resolve('new');
    first.resolve('stale');
    await done.promise;
    await task.settled();
    expect(applied).to.deep.equal([{ ok: true, value: 'new' }]);
    expect(task.pending).to.equal(false);
  });

  it('gives an error to apply as a failed outcome', async () => {
    const task = new LatestTask(await host());
    const outcome = deferred<Outcome<never>>();
    task.start(() => Promise.reject(new Error('nope')), outcome.resolve);
    const answer = await outcome.promise;
    expect(answer.ok).to.equal(false);
    expect(!answer.ok && (answer.error as Error).message).to.equal('nope');
  });

  it('cancel() aborts the call and drops its answer; settled() resolves', async () => {
    const task = new LatestTask(await host());
    const work = deferred<string>();
    let signal: AbortSignal | undefined;
    let applied = false;
    task.start(
      (s) => {
        signal = s;
        return work.promise;
      },
      () => {
        applied = true;
      },
    );
    task.cancel();
    expect(signal?.aborted).to.equal(true);
    expect(task.pending).to.equal(false);
    work.resolve('late');
    await task.settled();
    expect(applied).to.equal(false);
  });

  it('a debounced call replaced before its delay never runs', async () => {
    const task = new LatestTask(await host());
    let debouncedRan = false;
    task.start(
      () => {
        debouncedRan = true;
        return Promise.resolve('first');
      },
      () => undefined,
      60_000,
    );
    const done = deferred<Outcome<string>>();
    task.start(() => Promise.resolve('second'), done.resolve);
    expect(await done.promise).to.deep.equal({ ok: true, value: 'second' });
    expect(debouncedRan).to.equal(false);
  });
});

interface Item {
  readonly id: string;
  readonly n?: number;
}
const page = (ids: string[], next: string | null): Page<Item> => ({
  items: ids.map((id) => ({ id })),
  next_cursor: next,
});

describe('PagedList', () => {
  it('loads the first page, then the next without the ids already shown', async () => {
    const list = new PagedList<Item>(await host());
    const cursors: (string | undefined)[] = [];
    const source = (cursor: string | undefined) => {
      cursors.push(cursor);
      return Promise.resolve(cursor ? page(['b', 'c', 'd'], null) : page(['a', 'b'], 'p2'));
    };
    list.load(source);
    expect(list.status).to.equal('loading');
    await until(() => list.status === 'ready');
    expect(list.loaded).to.equal(true);
    await list.loadMore();
    expect(list.items.map((i) => i.id)).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(list.nextCursor).to.equal(null);
    expect(cursors).to.deep.equal([undefined, 'p2']);
  });

  it('drops a Load more answer when a new first page started, and keeps a failed Load more apart', async () => {
    const el = await host();
    const list = new PagedList<Item>(el);
    const more = deferred<Page<Item>>();
    const first = deferred<undefined>();
    list.load((cursor) => (cursor ? more.promise : Promise.resolve(page(['a'], 'p2'))));
    await el.updateComplete;
    await until(() => list.status === 'ready');
    void list.loadMore();
    expect(list.loadingMore).to.equal(true);
    list.load(() => {
      first.resolve(undefined);
      return Promise.resolve(page(['x'], 'q2'));
    });
    more.resolve(page(['stale'], null));
    await first.promise;
    await until(() => list.status === 'ready' && list.items[0]?.id === 'x');
    expect(list.items.map((i) => i.id)).to.deep.equal(['x']);
    expect(list.nextCursor).to.equal('q2');

    list.load((cursor) => (cursor ? Promise.reject(new Error('down')) : Promise.resolve(page(['y'], 'r2'))));
    await until(() => list.status === 'ready' && list.items[0]?.id === 'y');
    await list.loadMore();
    expect((list.moreError as Error).message).to.equal('down');
    expect(list.status).to.equal('ready');
    expect(list.items.map((i) => i.id)).to.deep.equal(['y']);
  });

  it('patches a shown item in place and returns the one it replaced', async () => {
    const list = new PagedList<Item>(await host());
    list.items = [{ id: 'a', n: 1 }, { id: 'b' }];
    expect(list.patch({ id: 'a', n: 2 })).to.deep.equal({ id: 'a', n: 1 });
    expect(list.items).to.deep.equal([{ id: 'a', n: 2 }, { id: 'b' }]);
    expect(list.patch({ id: 'z' })).to.equal(undefined);
  });
});

const until = (read: () => boolean) => waitUntil(read, 'the state was reached', { timeout: 4000 });

const key = (name: string, init: KeyboardEventInit = {}) =>
  new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true, cancelable: true, ...init });

describe('roving focus keys', () => {
  it('maps the same keys for every list, clamped, and leaves modified keys alone', () => {
    expect(rowAfterKey(key('ArrowDown'), 3, 20)).to.equal(4);
    expect(rowAfterKey(key('ArrowUp'), 0, 20)).to.equal(0);
    expect(rowAfterKey(key('PageDown'), 3, 20)).to.equal(3 + PAGE_ROWS);
    expect(rowAfterKey(key('PageDown'), 15, 20)).to.equal(19);
    expect(rowAfterKey(key('PageUp'), 5, 20)).to.equal(0);
    expect(rowAfterKey(key('Home'), 7, 20)).to.equal(0);
    expect(rowAfterKey(key('End'), 7, 20)).to.equal(19);
    expect(rowAfterKey(key('ArrowDown', { ctrlKey: true }), 3, 20)).to.equal(undefined);
    expect(rowAfterKey(key('a'), 3, 20)).to.equal(undefined);
  });

  it('moves focus to the same control of another row; a select keeps Up and Down', async () => {
    const el = await host();
    el.rows = 12;
    el.requestUpdate();
    await el.updateComplete;
    const control = (row: number, col: string) =>
      el.renderRoot.querySelector<HTMLElement>(`[data-row="${row}"] [data-col="${col}"]`)!;
    const focused = () => (el.renderRoot as ShadowRoot).activeElement;

    control(0, 'open').focus();
    control(0, 'open').dispatchEvent(key('PageDown'));
    await until(() => focused() === control(PAGE_ROWS, 'open'));
    expect(el.roving.active).to.equal(PAGE_ROWS);
    expect(control(PAGE_ROWS, 'open').tabIndex).to.equal(0);
    expect(control(0, 'open').tabIndex).to.equal(-1);

    control(PAGE_ROWS, 'choice').focus();
    const down = key('ArrowDown');
    control(PAGE_ROWS, 'choice').dispatchEvent(down);
    expect(down.defaultPrevented).to.equal(false);
    control(PAGE_ROWS, 'choice').dispatchEvent(key('End'));
    await until(() => focused() === control(11, 'choice'));
  });
});

describe('LiveRequests', () => {
  it('subscribes while its element is connected, and an update after it left does not subscribe again', async () => {
    const client = clientFor('alice');
    const el = await host();
    new LiveRequests(
      el,
      () => client,
      () => {},
    );
    await el.updateComplete;
    await streamConnected(client);
    el.remove();
    // A disconnected element still updates (a load that answers late, say).
    el.requestUpdate();
    await el.updateComplete;
    const stream = await streamConnected(client).then(
      () => 'an event stream runs',
      (error: unknown) => (error instanceof Error ? error.message : 'rejected'),
    );
    expect(stream).to.equal('No event stream runs for this client.');
  });
});
