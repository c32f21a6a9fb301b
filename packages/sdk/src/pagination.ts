/** One page of a list, as the API sends it. */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface PageOptions {
  /** Where to continue: a page's `next_cursor`. */
  cursor?: string | undefined;
  /** Items per page, 1–500 (the server's default is 50). */
  limit?: number | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * A list the API serves in pages. Iterate it (`for await … of`) to walk every item, fetching each page
 * only when the previous one is used up; or take one page with `page()`, or pages with `pages()`.
 */
export interface Paginated<T> extends AsyncIterable<T> {
  page(options?: PageOptions): Promise<Page<T>>;
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
