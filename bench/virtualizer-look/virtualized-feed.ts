// (a) of the ways the look weighs: @lit-labs/virtualizer, as <request-list> uses it (apart from ./feeds.ts,
// so that the other ways' bytes do not count it).
import { html } from 'lit';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { CardTemplate, Keyed } from './feeds.js';

/** (a) One contiguous range of cards around the view, the others recycled. */
export function virtualizedFeed<T extends Keyed>(items: readonly T[], card: CardTemplate<T>) {
  return html`<div part="feed" class="feed" role="feed" aria-label="Requests">
    ${virtualize({ scroller: true, items: items as T[], keyFunction: (item) => item.id, renderItem: card })}
  </div>`;
}
