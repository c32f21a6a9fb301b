// The one "could not be loaded, Retry" template: an alert with what failed, why (the problem's text),
// and a Retry button. Its part and class are the element's, so each element styles it as before.
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from './locale.js';
import { problemText } from './problem.js';

export interface RetryView {
  /** What could not be done, in one sentence. */
  readonly message: string;
  /** Why: a thrown problem, shown as its text (undefined: the message says it all). */
  readonly error?: unknown;
  readonly onRetry: () => void;
  /** The `part` of the alert (none when undefined). */
  readonly part?: string | undefined;
  /** Its class. Default: `state error`. */
  readonly class?: string;
  /** A primary Retry button (a whole area failed), else a plain one (one line under a list). */
  readonly primary?: boolean;
  /** How the words are laid out: a paragraph (default), a title above the reason, or one inline line. */
  readonly layout?: 'paragraph' | 'titled' | 'inline';
}

export function renderRetry(view: RetryView) {
  const why = view.error === undefined ? nothing : problemText(view.error);
  const words =
    view.layout === 'titled'
      ? html`<p class="state-title">${view.message}</p>
          <p>${why}</p>`
      : view.layout === 'inline'
        ? html`<span>${view.message} ${why}</span>`
        : html`<p>${view.message} ${why}</p>`;
  return html`<div part=${ifDefined(view.part)} class=${view.class ?? 'state error'} role="alert">
    ${words}
    <button type="button" class=${view.primary ? 'button primary' : 'button'} @click=${view.onRetry}>
      ${msg('Retry')}
    </button>
  </div>`;
}

/** A list's footer: its Load more button (Loading… while a page comes), or why the last one failed. */
export interface LoadMoreView {
  readonly list: {
    readonly moreError: unknown;
    readonly nextCursor: string | null;
    readonly loadingMore: boolean;
    loadMore(): Promise<void>;
  };
  /** What failed, e.g. "More requests could not be loaded:". */
  readonly failed: string;
  /** The button's words. */
  readonly label: string;
  /** What pressing it does. Default: `list.loadMore()`. */
  readonly onLoadMore?: () => void;
}

export function renderLoadMore({ list, failed, label, onLoadMore }: LoadMoreView) {
  if (list.moreError !== undefined)
    return renderRetry({
      message: failed,
      error: list.moreError,
      onRetry: () => void list.loadMore(),
      part: 'error',
      class: 'more',
      layout: 'inline',
    });
  if (!list.nextCursor) return nothing;
  return html`<div class="more">
    <button
      part="load-more"
      class="button"
      aria-disabled=${list.loadingMore ? 'true' : 'false'}
      @click=${onLoadMore ?? (() => void list.loadMore())}
    >
      ${list.loadingMore ? msg('Loading…') : label}
    </button>
  </div>`;
}
