// Two of the three ways of showing a long list of request cards that the look weighs, each as small as
// it can be, so that their bytes (bench/virtualizer-look.mjs) are the code the page measures: (b) every
// card in the DOM, the browser skipping the rendering of those out of view (`content-visibility: auto`);
// (c) (b), 200 cards at a time, the next 200 added as the end of the list comes near. (a), the
// virtualizer, is in ./virtualized-feed.ts.
import { css, html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ref } from 'lit/directives/ref.js';

export interface Keyed {
  readonly id: string;
}
export type CardTemplate<T> = (item: T, index: number) => TemplateResult;

export const key = (item: Keyed) => item.id;

/** (b) and (c): the feed scrolls itself; a card out of view is laid out at its last size, never rendered. */
export const skippedCardStyles = css`
  .feed.skip {
    overflow: auto;
  }
  .feed.skip > .card {
    content-visibility: auto;
    contain-intrinsic-size: auto 7rem;
  }
`;

/** (b) Every card. */
export function allCardsFeed<T extends Keyed>(items: readonly T[], card: CardTemplate<T>) {
  return html`<div part="feed" class="feed skip" role="feed" aria-label="Requests">
    ${repeat(items, key, card)}
  </div>`;
}

/** (c) The first `shown` cards; the next page is added when the end of those comes within a view. */
export class PagedFeed {
  shown: number;
  #observer: IntersectionObserver | undefined;
  #sentinel: Element | undefined;

  constructor(
    readonly pageSize: number,
    /** Re-renders the feed (after `shown` grew). */
    readonly onMore: () => void,
  ) {
    this.shown = pageSize;
  }

  reset(): void {
    this.shown = this.pageSize;
  }

  render<T extends Keyed>(items: readonly T[], card: CardTemplate<T>) {
    const more = this.shown < items.length;
    return html`<div part="feed" class="feed skip" role="feed" aria-label="Requests" aria-busy="false">
      ${repeat(items.slice(0, this.shown), key, card)}
      ${more ? html`<div class="more" ${ref(this.#watch)}>Loading more requests…</div>` : nothing}
    </div>`;
  }

  /** After a render: if the end is still near (a fast scroll), the observer says so again. */
  recheck(): void {
    if (!this.#observer || !this.#sentinel) return;
    this.#observer.unobserve(this.#sentinel);
    this.#observer.observe(this.#sentinel);
  }

  #watch = (sentinel: Element | undefined) => {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#sentinel = sentinel;
    if (!sentinel) return;
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.shown += this.pageSize;
        this.onMore();
      },
      { root: sentinel.parentElement, rootMargin: '0px 0px 100% 0px' },
    );
    this.#observer.observe(sentinel);
  };
}
