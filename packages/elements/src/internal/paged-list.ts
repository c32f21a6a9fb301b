// A list loaded a cursor page at a time: the first page (which replaces what is shown), Load more
// (which appends the next page without the ids already shown: a page boundary can move while the user
// scrolls), and a live change patched in place. Both loads go through LatestTask, so a newer first
// page drops an older answer and cancels a Load more in flight.
import type { ReactiveControllerHost } from 'lit';
import { LatestTask } from './latest-task.js';

export interface Page<T> {
  readonly items: readonly T[];
  readonly next_cursor: string | null;
}

/** Loads one page: the first when `cursor` is undefined. */
export type PageSource<T> = (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>;

export type PagedListStatus = 'idle' | 'loading' | 'ready' | 'error';

export class PagedList<T extends { readonly id: string }> {
  /** What is shown, in the server's order (plus live changes). */
  items: readonly T[] = [];
  /** The cursor of the next page; null when the last page is in. */
  nextCursor: string | null = null;
  /** The first page's state: `ready` once it is in, `error` when it failed (`error` says why). */
  status: PagedListStatus = 'idle';
  /** Whether a first page arrived since the last `reset()` (a later reload keeps it true). */
  loaded = false;
  error: unknown;
  /** Why the last Load more failed (undefined: it did not). */
  moreError: unknown;

  readonly #first: LatestTask;
  readonly #more: LatestTask;
  #source: PageSource<T> | undefined;
  /**
   * Load more was pressed while the first page was loading again (a Retry, a catch-up after the
   * event stream connected): the press is kept and served once that page is in, never dropped.
   */
  #moreWanted: (() => void)[] = [];

  constructor(private readonly host: ReactiveControllerHost) {
    this.#first = new LatestTask(host);
    this.#more = new LatestTask(host);
  }

  /** Whether the next page is loading (or waits for the first page loading again). */
  get loadingMore(): boolean {
    return this.#more.pending || this.#moreWanted.length > 0;
  }

  /** Loads the first page from `source` (after `delayMs`), which later pages come from too. */
  load(source: PageSource<T>, delayMs = 0): void {
    this.#source = source;
    // A Load more in flight would append to the page being replaced: it goes again after it.
    if (this.#more.pending) this.#moreWanted.push(() => undefined);
    this.cancelMore();
    this.moreError = undefined;
    this.status = 'loading';
    this.host.requestUpdate();
    this.#first.start(
      (signal) => source(undefined, signal),
      (outcome) => {
        if (outcome.ok) {
          this.items = outcome.value.items;
          this.nextCursor = outcome.value.next_cursor;
          this.status = 'ready';
          this.loaded = true;
          this.error = undefined;
          const wanted = this.#moreWanted.splice(0);
          if (wanted.length) void this.loadMore().then(() => wanted.forEach((done) => done()));
        } else {
          this.error = outcome.error;
          this.status = 'error';
          this.#moreWanted.splice(0).forEach((done) => done());
        }
        this.host.requestUpdate();
      },
      delayMs,
    );
  }

  /** Loads the first page again from the same source (Retry, or to pick up what a stream missed). */
  reload(): void {
    if (this.#source) this.load(this.#source);
  }

  /** Loads the next page, if there is one and none is loading. Resolves when it is in (or failed). */
  loadMore(): Promise<void> {
    const source = this.#source;
    const cursor = this.nextCursor;
    if (source && this.loaded && this.status === 'loading') {
      return new Promise((resolve) => {
        this.#moreWanted.push(resolve);
        this.host.requestUpdate();
      });
    }
    if (!source || !cursor || this.loadingMore || this.status !== 'ready') return Promise.resolve();
    this.moreError = undefined;
    this.host.requestUpdate();
    return new Promise((resolve) => {
      this.#more.start(
        (signal) => source(cursor, signal),
        (outcome) => {
          if (outcome.ok) {
            const known = new Set(this.items.map((item) => item.id));
            this.items = [...this.items, ...outcome.value.items.filter((item) => !known.has(item.id))];
            this.nextCursor = outcome.value.next_cursor;
          } else {
            this.moreError = outcome.error;
          }
          this.host.requestUpdate();
          resolve();
        },
      );
    });
  }

  /** Drops what is shown and any load in flight: back to `idle`. */
  reset(): void {
    this.cancel();
    this.#source = undefined;
    this.items = [];
    this.nextCursor = null;
    this.status = 'idle';
    this.loaded = false;
    this.error = undefined;
    this.moreError = undefined;
    this.#moreWanted.splice(0).forEach((done) => done());
  }

  /** Cancels both loads; their answers will be ignored. */
  cancel(): void {
    this.#first.cancel();
    this.cancelMore();
  }

  /** Cancels a Load more in flight; its answer will be ignored. */
  cancelMore(): void {
    this.#more.cancel();
  }

  /** A live change: replaces the shown item with the same id and returns the one it replaced. */
  patch(item: T): T | undefined {
    const index = this.items.findIndex((shown) => shown.id === item.id);
    if (index < 0) return undefined;
    const previous = this.items[index];
    const items = [...this.items];
    items[index] = item;
    this.items = items;
    this.host.requestUpdate();
    return previous;
  }
}
