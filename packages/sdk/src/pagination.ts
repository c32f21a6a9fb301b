/**
 * One page of a list, as the API sends it.
 *
 * @typeParam T - What the list holds.
 *
 * @example
 * ```ts
 * const page: Page<AccessRequest> = await client.requests().page({ limit: 20 });
 * const next = page.next_cursor && (await client.requests().page({ cursor: page.next_cursor }));
 * ```
 */
export interface Page<T> {
  /** The items of this page, in the list's order. */
  items: T[];
  /** Where the next page starts (give it back as `cursor`); `null` on the last page. */
  next_cursor: string | null;
}

/**
 * Which page to fetch, and how long it may be.
 *
 * @example
 * ```ts
 * const options: PageOptions = { limit: 100, signal: AbortSignal.timeout(5_000) };
 * const { items } = await client.resources({ search: 'db' }).page(options);
 * ```
 */
export interface PageOptions {
  /** Where to continue: a page's `next_cursor`. */
  cursor?: string | undefined;
  /** Items per page, 1–500 (the server's default is 50). */
  limit?: number | undefined;
  /** Cancels the page's fetch. */
  signal?: AbortSignal | undefined;
}

/**
 * A list the API serves in pages. Iterate it (`for await … of`) to walk every item, fetching each page
 * only when the previous one is used up; or take one page with `page()`, or pages with `pages()`.
 *
 * @typeParam T - What the list holds.
 *
 * @example
 * ```ts
 * const list: Paginated<AccessRequest> = client.requests({ scope: 'mine', status: ['active'] });
 * for await (const request of list) console.log(request.id); // every item, page by page
 * const first = await list.page({ limit: 10 }); // one page
 * for await (const page of list.pages({ limit: 100 })) console.log(page.items.length);
 * ```
 */
export interface Paginated<T> extends AsyncIterable<T> {
  /** Fetches one page: the first, or the one at `cursor`. */
  page(options?: PageOptions): Promise<Page<T>>;
  /** Walks the pages from `cursor` (or the first) to the last, fetching each when the loop asks for it. */
  pages(options?: PageOptions): AsyncGenerator<Page<T>>;
}

export function paginate<T>(fetchPage: (options: PageOptions) => Promise<Page<T>>): Paginated<T> {
  async function* pages(options: PageOptions = {}) {
    let cursor = options.cursor;
    do {
      const page = await fetchPage({ ...options, cursor });
      yield page;
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
  }
  return {
    page: (options = {}) => fetchPage(options),
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.items;
    },
  };
}
