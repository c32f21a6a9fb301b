import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '../../internal/locale.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import { STATUSES, isStatus, type AccessRequest, type AccessRequestStatus } from '@access-requests/sdk';
import { renderRetry } from '../../internal/retry.js';
import { statusLabel } from '../../internal/status-label.js';
import { Announcer, statusKey } from '../../internal/announcer.js';
import { MultiSelect } from '../../internal/multi-select.js';
import { ClientElement } from '../../internal/client-element.js';
import { StatusBadge } from '../status-badge/status-badge.js';
import { fire } from '../../internal/events.js';
import { describeTarget, formatNumber, requestsCount } from '../../internal/format.js';
import { LiveRequests } from '../../internal/live-requests.js';
import { PagedList } from '../../internal/paged-list.js';
import { queryIn } from '../../internal/query.js';
import { RovingRows } from '../../internal/roving-rows.js';
import { isNewer, publishRequests } from '../../internal/requests-hub.js';
import { renderCard } from './request-card.js';
import { skeleton } from '../../internal/skeleton.js';
import { requestListStyles } from './request-list.styles.js';
import { renderScope, type Scope } from './scope-toggle.js';

/** Load the next page when the rendered range comes this close to the end. */
const PREFETCH_DISTANCE = 10;

const statusesConverter = {
  fromAttribute: (value: string | null) => (value ?? '').split(/[\s,]+/).filter(isStatus),
  toAttribute: (value: readonly string[]) => value.join(' '),
};

/**
 * Click a card, or press Enter or Space on it, to open it (`request-selected`). Arrow keys, Page
 * Up/Down, Home and End move between cards (one tab stop). A request that changes while the list is
 * open is patched in place and the change is announced politely; one that stops matching the Status
 * filter stays until the filter changes, so nothing jumps away under the user.
 *
 * @summary "My Requests": request cards with a Status filter, a scope, virtualised infinite scrolling and
 * live status changes.
 * @tag request-list
 *
 * @slot empty - Shown when there are no requests (replaces the default message).
 * @slot card-footer-<id> - Host content at the foot of the card of the request with that id; or set
 * `renderCardFooter`.
 *
 * @event request-selected - A card was opened (click, Enter or Space); `detail.request` is the request.
 * @event request-favorite-changed - The star of a card was toggled; `detail.request` is the updated request.
 * @event filter-changed - The user changed the Status filter or the scope; `detail` has `statuses` and
 * `scope`.
 *
 * @csspart toolbar - The bar with the scope, the Status filter and the count.
 * @csspart scope - The my requests / on behalf of others toggle.
 * @csspart filter - The Status filter.
 * @csspart filter-button - The Status filter's button.
 * @csspart filter-panel - The Status filter's checkboxes.
 * @csspart count - How many requests are loaded ("50+ requests").
 * @csspart feed - The scrolling list of cards.
 * @csspart card - A request card.
 * @csspart card-selected - The card of the open request (with `card`).
 * @csspart card-title - What the request gives access to.
 * @csspart card-meta - For whom, duration, creation date.
 * @csspart card-footer - The foot of a card, where host content goes.
 * @csspart badge - A card's `<status-badge>`.
 * @csspart star - A card's favourite button.
 * @csspart card-error - On a card, why its favourite could not be changed, with Retry.
 * @csspart skeleton - The placeholder cards while the first page loads.
 * @csspart empty - The empty state.
 * @csspart error - The error state (the first page, or a later one).
 * @csspart load-more - The Load more button.
 * @csspart announcer - The polite live region.
 * @csspart live-status - "Live updates paused — checking every 5 s" while polling (hidden otherwise).
 *
 * @cssproperty --ar-color-surface - Card background.
 * @cssproperty --ar-color-border - Card border.
 * @cssproperty --ar-color-accent - Selection and primary buttons.
 * @cssproperty --ar-color-selected - The open card.
 * @cssproperty --ar-color-star - A favourite's star.
 * @cssproperty --ar-radius - Corner radius.
 * @cssproperty --ar-font-family - The font stack (default: the page's).
 * @cssproperty --ar-focus-ring-width - Width of the focus outline (default 2px).
 * @cssproperty --ar-focus-ring-offset - Gap between a control and its focus outline (default 2px).
 * @cssproperty --ar-shadow-popover - Elevation of pop-up lists and panels.
 * @cssproperty --ar-space-1 - Spacing, smallest step.
 * @cssproperty --ar-space-2 - Spacing, second step.
 * @cssproperty --ar-space-3 - Spacing, third step.
 * @cssproperty --ar-space-4 - Spacing, largest step.
 * @cssproperty --ar-request-list-block-size - Height of the scrolling feed.
 */
export class RequestList extends ClientElement {
  static override styles = requestListStyles;
  static override dependencies = { 'status-badge': StatusBadge };

  /** `mine` (requests where you are the grantee) or `on_behalf` (those you made for others). */
  @property({ reflect: true }) accessor scope: Scope = 'mine';
  /**
   * The Status filter: no status means all. Attribute: space-separated ids (`statuses="active rejected"`).
   */
  @property({ converter: statusesConverter }) accessor statuses: AccessRequestStatus[] = [];
  /** Requests per page (1–500). */
  @property({ type: Number, attribute: 'page-size' }) accessor pageSize = 50;
  /** The id of the open request, highlighted. Set on `request-selected`. */
  @property({ attribute: 'selected-id' }) accessor selectedId = '';
  /** The list's accessible name. Default: "My Requests". */
  @property() accessor label = '';
  /** Renders host content into each card's footer (the fallback of its `card-footer-<id>` slot). */
  @property({ attribute: false }) accessor renderCardFooter:
    ((request: AccessRequest) => unknown) | undefined;

  private get statusButton(): HTMLButtonElement | null {
    return queryIn(this, '#status-button');
  }

  readonly #announcer = new Announcer(this);
  readonly #statusFilter = new MultiSelect(this, { id: 'status', label: () => msg('Status') });
  readonly #list = new PagedList<AccessRequest>(this);
  readonly #rows = new RovingRows(this, {
    list: '[part="feed"]',
    count: () => this.#list.items.length,
    key: (row) => this.#list.items[row]?.id,
    onMove: (row) => {
      if (row >= this.#list.items.length - PREFETCH_DISTANCE) void this.#list.loadMore();
    },
  });
  /** The cards whose star is on its way to the server. */
  readonly #favoriteBusy = new Set<string>();
  /** The cards whose last star change failed: the change to retry, and why it failed. */
  readonly #favoriteFailures = new Map<string, { readonly favorite: boolean; readonly error: unknown }>();
  /** The query of the first page on screen (client, scope, statuses, page size). */
  #shown: readonly unknown[] = [];
  readonly #live = new LiveRequests(
    this,
    () => this.activeClient,
    (request, source) => this.#onRequestChanged(request, source),
    { loading: () => this.#list.status === 'loading', run: () => this.#catchUp() },
  );

  /** The loaded requests, newest first. */
  get items(): readonly AccessRequest[] {
    return this.#list.items;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#list.cancelMore();
  }

  protected override willUpdate(changed: PropertyValues): void {
    const list = this.#list;
    if (this.hasUpdated) {
      if (changed.has('scope') || this.clientChanged(changed)) {
        list.items = [];
      } else if (changed.has('statuses') && this.statuses.length) {
        // Show at once what already-loaded cards match; the server's first page replaces them.
        list.items = list.items.filter((r) => this.statuses.includes(r.status));
      }
      if (changed.has('scope') || changed.has('statuses') || this.clientChanged(changed)) {
        list.nextCursor = null;
        list.moreError = undefined;
        this.#rows.active = 0;
      }
    }
    const query = [this.activeClient, this.scope, this.statuses.join(' '), this.pageSize];
    if (query.some((value, i) => value !== this.#shown[i])) {
      this.#shown = query;
      this.#loadFirstPage();
    }
  }

  #loadFirstPage(): void {
    const client = this.activeClient;
    if (!client) {
      this.#list.cancel();
      this.#list.status = 'idle';
      return;
    }
    const { scope, pageSize: limit } = this;
    const status = this.statuses.length ? [...this.statuses] : undefined;
    this.#list.load((cursor, signal) => client.requests({ scope, status }).page({ cursor, limit, signal }));
  }

  /** Focuses the current card (the list's tab stop), or the Status filter when there is none. */
  override focus(options?: FocusOptions): void {
    (this.#rows.rowElement(this.#rows.active) ?? this.statusButton)?.focus(options);
  }

  /**
   * Focuses the card of a request, scrolled into view (after its details close, say), and makes it the
   * list's tab stop; when the list does not hold the request, focuses the current card as `focus()` does.
   */
  async focusRequest(id: string): Promise<void> {
    const index = this.items.findIndex((r) => r.id === id);
    if (index < 0 || !(await this.#rows.focusRow(index))) this.focus();
  }

  /** Loads the first page again (after an error, or to pick up what the stream could not tell). */
  reload(): void {
    this.#list.reload();
  }

  /**
   * The stream began after the first page was read: read it again and merge what changed meanwhile
   * (patched in place, announced; new requests on top) without replacing what the user sees.
   */
  #catchUp(): void {
    const client = this.activeClient;
    if (!client || this.#list.status !== 'ready') return; // an error stays until Retry, which reads afresh
    const { scope, pageSize: limit } = this;
    const status = this.statuses.length ? [...this.statuses] : undefined;
    const query = this.#shown;
    client
      .requests({ scope, status })
      .page({ limit })
      .then(
        (page) => {
          if (query !== this.#shown) return; // another query is on screen now
          for (const request of [...page.items].reverse()) this.#onRequestChanged(request, 'stream');
        },
        () => undefined, // the list stays as it is; the stream tells what changes from now on
      );
  }

  #inScope(request: AccessRequest): boolean {
    const me = this.#live.callerId;
    if (!me) return false;
    return this.scope === 'mine'
      ? request.grantee.id === me
      : request.requester.id === me && request.grantee.id !== me;
  }

  /** A live change: patch the card in place, or add a new request that belongs here. */
  #onRequestChanged(request: AccessRequest, source: 'stream' | 'action'): void {
    const list = this.#list;
    const current = list.items.find((r) => r.id === request.id);
    if (current) {
      if (!isNewer(request, current)) return;
      list.patch(request);
      if (current.status !== request.status) this.#announceStatus(request);
      return;
    }
    if (list.status !== 'ready' || !this.#inScope(request)) return;
    if (this.statuses.length && !this.statuses.includes(request.status)) return;
    list.items = [request, ...list.items]; // the tab stop stays with its request (RovingRows' `key`)
    this.requestUpdate();
    if (source === 'stream') this.#announceStatus(request);
  }

  #announceStatus(request: AccessRequest): void {
    const status = statusLabel(request.status);
    this.#announcer.announce(msg(str`Request for ${describeTarget(request)} is now ${status}.`), {
      key: statusKey(request),
    });
  }

  // ---- user actions

  #setFilter(statuses: AccessRequestStatus[], scope: Scope): void {
    this.statuses = statuses;
    this.scope = scope;
    fire(this, 'filter-changed', { statuses, scope });
  }

  #open(index: number): void {
    const request = this.items[index];
    if (!request) return;
    this.#rows.active = index;
    this.selectedId = request.id;
    fire(this, 'request-selected', { request });
  }

  /**
   * Stars or unstars a card. One call per card at a time (a press while one is on its way does
   * nothing); a failure stays on the card, saying what failed, with a Retry of the same change.
   * (PUT and DELETE are idempotent: sending one again cannot act twice.)
   */
  async #setFavorite(id: string, favorite: boolean): Promise<void> {
    const request = this.items.find((r) => r.id === id);
    const client = this.activeClient;
    if (!request || !client || this.#favoriteBusy.has(id)) return;
    this.#favoriteBusy.add(id);
    this.#favoriteFailures.delete(id);
    this.requestUpdate();
    try {
      const updated = favorite ? await client.favorite(id) : await client.unfavorite(id);
      publishRequests(client, updated);
      this.#onRequestChanged(updated, 'action');
      this.#announcer.announce(updated.favorite ? msg('Added to favorites') : msg('Removed from favorites'));
      fire(this, 'request-favorite-changed', { request: updated });
    } catch (error) {
      this.#favoriteFailures.set(id, { favorite, error });
    } finally {
      this.#favoriteBusy.delete(id);
      this.requestUpdate();
    }
  }

  #renderFavoriteFailure(request: AccessRequest) {
    const failure = this.#favoriteFailures.get(request.id);
    if (!failure) return nothing;
    return renderRetry({
      message: failure.favorite
        ? msg('Could not add to favorites:')
        : msg('Could not remove from favorites:'),
      error: failure.error,
      onRetry: () => void this.#setFavorite(request.id, failure.favorite),
      part: 'card-error',
      class: 'card-error',
      layout: 'inline',
    });
  }

  #cardIndexOf(
    event: Event,
  ): { index: number; action: string | undefined; interactive: boolean } | undefined {
    let action: string | undefined;
    let interactive = false;
    for (const node of event.composedPath()) {
      if (!(node instanceof HTMLElement)) continue;
      if (node.dataset['action']) action ??= node.dataset['action'];
      if (node.matches('article.card')) return { index: Number(node.dataset['index']), action, interactive };
      if (node.matches('a, button, input, select, textarea, label')) interactive = true;
    }
    return undefined;
  }

  #onFeedClick = (event: MouseEvent): void => {
    const hit = this.#cardIndexOf(event);
    if (!hit) return;
    const request = this.items[hit.index];
    if (hit.action === 'favorite' && request) void this.#setFavorite(request.id, !request.favorite);
    else if (!hit.interactive) this.#open(hit.index);
  };

  #onFeedKeydown = (event: KeyboardEvent): void => {
    const hit = this.#cardIndexOf(event);
    const onCard = (event.composedPath()[0] as HTMLElement).matches?.('article.card');
    if (hit && onCard && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      this.#open(hit.index);
    } else {
      this.#rows.onKeydown(event);
    }
  };

  #onRangeChanged = (event: RangeChangedEvent): void => {
    this.#rows.onRangeChanged(event);
    if (event.last >= this.#list.items.length - PREFETCH_DISTANCE) void this.#list.loadMore();
  };

  // ---- rendering

  protected override render() {
    const statusOptions = STATUSES.map((s) => ({
      value: s.id,
      label: statusLabel(s.id),
    }));
    return html`<div part="toolbar" class="toolbar">
        ${renderScope(this.scope, (scope) => this.#setFilter(this.statuses, scope))}
        ${this.#statusFilter.render(statusOptions, this.statuses, (values) =>
          this.#setFilter(values.filter(isStatus), this.scope),
        )}
        <span part="count" class="count">${this.#countText()}</span>
      </div>
      ${this.#live.renderLiveStatus()} ${this.#renderBody()} ${this.#announcer.render()}`;
  }

  #countText() {
    if (this.#list.status !== 'ready') return nothing;
    const count = formatNumber(this.#live.locale, this.items.length);
    if (this.#list.nextCursor) return msg(str`${count}+ requests`);
    return requestsCount(this.items.length);
  }

  #renderBody() {
    const { status } = this.#list;
    const loading = status === 'loading' || status === 'idle';
    if (status === 'error') {
      return renderRetry({
        message: msg('Your requests could not be loaded.'),
        error: this.#list.error,
        onRetry: () => this.reload(),
        part: 'error',
        primary: true,
        layout: 'titled',
      });
    }
    if (status === 'ready' && this.items.length === 0) {
      return html`<div part="empty" class="state empty">
        <slot name="empty"
          ><p>
            ${this.statuses.length ? msg('No requests match the selected statuses.') : msg('There are no requests here yet.')}
          </p></slot
        >
      </div>`;
    }
    if (loading && this.items.length === 0) {
      return html`<div class="state loading" aria-busy="true">
        <p role="status">${msg('Loading requests…')}</p>
        ${skeleton}
      </div>`;
    }
    return html`${this.#renderFeed(loading)} ${this.#renderFooter()}`;
  }

  #renderFeed(busy: boolean) {
    const setSize = this.#list.nextCursor ? -1 : this.items.length;
    const card = (request: AccessRequest, index: number) =>
      renderCard(request, {
        index,
        setSize,
        active: this.#rows.tabIndex(index) === 0,
        selected: request.id === this.selectedId,
        locale: this.#live.locale,
        footer: this.renderCardFooter?.(request),
        busy: this.#favoriteBusy.has(request.id),
        failure: this.#renderFavoriteFailure(request),
      });
    // The virtualizer renders one contiguous range of cards around the view and recycles the others;
    // it has no way to keep one outside that range (lit/lit#4945), and its `pin` only frames a card
    // until the user scrolls. So the tab stop's card, when it is not in the range (scrolled far away
    // with focus, or the whole list out of view), is rendered apart, out of sight, in the feed: the
    // feed keeps its tab stop, focus, and an article that tells its place and the list's size. Its
    // container carries `virtualizer-sizer`, which the virtualizer reads as "not one of my rows"
    // (it sizes only the first such element, the real sizer): unmarked, it would be measured as the
    // row after the range (or before the first), and that wrong size would move the rows around it.
    const pinned = this.#rows.pinnedRow;
    const pinnedRequest = pinned === undefined ? undefined : this.items[pinned];
    return html`<div
      part="feed"
      class="feed"
      role="feed"
      aria-label=${this.label || msg('My Requests')}
      aria-busy=${busy || this.#list.loadingMore ? 'true' : 'false'}
      @click=${this.#onFeedClick}
      @keydown=${this.#onFeedKeydown}
      @rangeChanged=${this.#onRangeChanged}
      @focusin=${this.#rows.onFocusIn}
      @focusout=${this.#rows.onFocusOut}
      @visibilityChanged=${this.#rows.onVisibilityChanged}
    >
      <div virtualizer-sizer aria-hidden="true"></div>
      ${virtualize({
        scroller: true,
        items: this.items as AccessRequest[],
        keyFunction: (request) => request.id,
        renderItem: card,
      })}
      ${
        pinnedRequest && pinned !== undefined
          ? html`<div virtualizer-sizer data-pinned class="pinned visually-hidden">
              ${keyed(pinnedRequest.id, card(pinnedRequest, pinned))}
            </div>`
          : nothing
      }
    </div>`;
  }

  #renderFooter() {
    const list = this.#list;
    if (list.moreError) {
      return renderRetry({
        message: msg('More requests could not be loaded:'),
        error: list.moreError,
        onRetry: () => void list.loadMore(),
        part: 'error',
        class: 'more error',
        layout: 'inline',
      });
    }
    if (list.loadingMore) return html`<div class="more" role="status">${msg('Loading more requests…')}</div>`;
    if (!list.nextCursor) return nothing;
    return html`<div class="more">
      <button part="load-more" class="button" @click=${() => void list.loadMore()}>
        ${msg('Load more requests')}
      </button>
    </div>`;
  }
}
