import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '../../internal/locale.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { AccessRequest } from '@access-requests/sdk';
import { renderRetry } from '../../internal/retry.js';
import { statusLabel } from '../../internal/status-label.js';
import { Announcer } from '../../internal/announcer.js';
import { ClientElement } from '../../internal/client-element.js';
import { StatusBadge } from '../status-badge/status-badge.js';
import { fire } from '../../internal/events.js';
import { describeTarget, formatDateTime } from '../../internal/format.js';
import { closeIcon, starIcon } from '../../internal/icons.js';
import { problemText } from '../../internal/problem.js';
import { queryIn } from '../../internal/query.js';
import { LiveRequests } from '../../internal/live-requests.js';
import { isNewer, publishRequests } from '../../internal/requests-hub.js';
import { RequestAgainForm } from '../../internal/request-again-form.js';
import { RevokeDialog } from './revoke-dialog.js';
import { ExtendForm } from '../../internal/extend-form.js';
import { extendedText, renderPending } from '../../internal/extension.js';
import {
  renderAccessTo,
  renderApprovals,
  renderFacts,
  renderTimeline,
  type RequestResource,
} from './request-details.sections.js';
import { requestDetailsStyles } from './request-details.styles.js';

/**
 * The actions follow the request's `can` flags, decided by the server: Use Access, Extend access (a
 * dialog asking for more hours, up to the flow's limit, and why), Request again (a dialog asking for a
 * justification and, optionally, a new duration), Edit and request again (asks the host to open the New
 * Request form prefilled from the request), Revoke access (a confirmation
 * dialog), and the favourite star (only for requests you submitted for yourself). A request made on
 * your behalf by someone else has no Revoke: the panel says that only the requester can revoke it.
 * It stays current as the request changes (the SDK's event stream).
 *
 * @summary The panel that opens from a request card: what it gives access to, for whom and why, its approvals
 * and timeline, and what can be done now.
 * @tag request-details
 *
 * @slot placeholder - Shown when no request is open.
 *
 * @event access-use-requested - Use Access was pressed: route the user to My Access; `detail.request` is the
 * request.
 * @event request-revoked - The user confirmed Revoke; `detail.request` is now `revoking` (or `revoked` if it
 * was pending).
 * @event request-extended - The user extended the access; `detail.request` is the answer: its new
 * `expires_at`, or its `extension.pending` while the approvers decide.
 * @event request-again-submitted - Request again created requests; `detail` has the new `requests` and the
 * `source` request.
 * @event request-edit-requested - Edit and request again was pressed on a closed request: open the New
 * Request form with `detail.request` as its `prefill` (`<access-portal>` does), for the user to change
 * the permissions, duration or ticket before submitting.
 * @event request-favorite-changed - The star was toggled; `detail.request` is the updated request.
 * @event details-closed - The X button (or Escape inside the panel) closed the panel; `detail.request` is the
 * request that was open. Focus moves to the empty panel unless a listener moves it on (to the list, say).
 *
 * @csspart panel - The panel (also while a request loads or fails to).
 * @csspart placeholder - The empty panel.
 * @csspart header - The panel's header.
 * @csspart title - The request's title.
 * @csspart badge - The `<status-badge>`.
 * @csspart star - The favourite button.
 * @csspart close - The X button.
 * @csspart notice - The "only the requester can revoke" note.
 * @csspart section-title - The heading of a section (Access to, Approvals, Timeline).
 * @csspart access-to - The "Access to" section.
 * @csspart resource - A resource and its permission, in the summary or the resource list.
 * @csspart resources-toggle - The View resources / Hide resources button.
 * @csspart resources - The paged resource list.
 * @csspart resources-more - The Load more resources button.
 * @csspart facts - People, duration, justification, ticket, the answers to the access flow's custom fields.
 * @csspart approvals - The "Approvals" section.
 * @csspart approval - One approver and their decision.
 * @csspart rejection-reason - The Rejection Reason.
 * @csspart timeline - The "Timeline" section.
 * @csspart timeline-item - One event of the timeline.
 * @csspart actions - The action buttons.
 * @csspart use-access - The Use Access button.
 * @csspart request-again - The Request again button.
 * @csspart edit-again - The Edit and request again button.
 * @csspart revoke - The Revoke access button.
 * @csspart extend - The Extend access button.
 * @csspart expiry - When an active access expires, and its pending extension.
 * @csspart extension-pending - "Extension pending: 2 hours, waiting for …" while approvers decide.
 * @csspart dialog - Every dialog.
 * @csspart revoke-dialog - The Revoke confirmation (with `dialog`).
 * @csspart dialog-title - The Revoke confirmation's heading.
 * @csspart cancel - Its Cancel button.
 * @csspart confirm - Its Yes button.
 * @csspart request-again-dialog - The Request again dialog (with `dialog`).
 * @csspart extend-dialog - The Extend access dialog (with `dialog`).
 * @csspart created - The Request again confirmation's list of new requests.
 * @csspart notification-channel - How the user will be notified of the new requests.
 * @csspart announcer - The polite live region.
 * @csspart retry-wait - While a call waits to retry (a rate limit, say): when it goes again, and Cancel.
 * @csspart live-status - "Live updates paused — checking every 5 s" while polling (hidden otherwise).
 *
 * @cssproperty --ar-color-surface - Panel background.
 * @cssproperty --ar-color-border - Panel border.
 * @cssproperty --ar-color-danger - The Revoke button.
 * @cssproperty --ar-color-accent - Primary buttons.
 * @cssproperty --ar-color-star - A favourite's star.
 * @cssproperty --ar-radius - Corner radius.
 * @cssproperty --ar-font-family - The font stack (default: the page's).
 * @cssproperty --ar-focus-ring-width - Width of the focus outline (default 2px).
 * @cssproperty --ar-focus-ring-offset - Gap between a control and its focus outline (default 2px).
 * @cssproperty --ar-shadow-overlay - Elevation of dialogs.
 * @cssproperty --ar-space-1 - Spacing, smallest step.
 * @cssproperty --ar-space-2 - Spacing, second step.
 * @cssproperty --ar-space-3 - Spacing, third step.
 * @cssproperty --ar-space-4 - Spacing, largest step.
 */
export class RequestDetails extends ClientElement {
  static override styles = requestDetailsStyles;
  static override dependencies = { 'status-badge': StatusBadge };

  /** The request to show (as a list's `request-selected` gives it). */
  @property({ attribute: false }) accessor request: AccessRequest | undefined;
  /** Or the id of the request to load. */
  @property({ attribute: 'request-id' }) accessor requestId = '';
  /** How many resource and permission pairs View resources loads at a time. */
  @property({ type: Number, attribute: 'resources-page-size' }) accessor resourcesPageSize = 50;

  /** The request on screen: the one given, kept current by the actions and the event stream. */
  @state() private accessor current: AccessRequest | undefined;
  @state() private accessor resourcesOpen = false;
  @state() private accessor resources: readonly RequestResource[] = [];
  @state() private accessor resourcesCursor: string | null = null;
  @state() private accessor actionError = '';
  @state() private accessor favoriteBusy = false;

  private get titleElement(): HTMLElement | null {
    return queryIn(this, '#title');
  }
  private get placeholderElement(): HTMLElement | null {
    return queryIn(this, '.placeholder');
  }

  readonly #announcer = new Announcer(this);
  readonly #revoke = new RevokeDialog(this, 'revoke-dialog', {
    client: () => this.activeClient,
    fallbackFocus: () => this.titleElement,
    done: (request) => {
      this.#apply(request);
      this.#announcer.announce(
        request.status === 'revoked' ? msg('The request was withdrawn.') : msg('Access is being revoked.'),
      );
      fire(this, 'request-revoked', { request });
    },
  });
  readonly #extend = new ExtendForm(this, 'extend', {
    client: () => this.activeClient,
    fallbackFocus: () => this.titleElement,
    done: (request) => {
      this.#apply(request);
      const client = this.activeClient;
      if (client) publishRequests(client, request);
      this.#announcer.announce(extendedText(request, this.#live.locale));
      fire(this, 'request-extended', { request });
    },
  });
  readonly #again = new RequestAgainForm(this, 'again', {
    client: () => this.activeClient,
    fallbackFocus: () => this.titleElement,
    done: (requests, source, sentence) => {
      const client = this.activeClient;
      if (client) publishRequests(client, ...requests);
      const labels = requests.map((r) => statusLabel(r.status)).join(', ');
      this.#announcer.announce(`${msg(str`Access requested again: ${labels}.`)} ${sentence}`);
      fire(this, 'request-again-submitted', { requests, source });
    },
  });
  readonly #live = new LiveRequests(
    this,
    () => this.activeClient,
    (request) => this.#apply(request),
    { loading: () => this.#byId.status === TaskStatus.PENDING, run: () => this.#catchUp() },
  );

  readonly #byId = new Task(this, {
    args: () => [this.activeClient, this.request ? '' : this.requestId] as const,
    task: async ([client, id], { signal }) => (client && id ? client.request(id, { signal }) : initialState),
    onComplete: (request) => this.#show(request),
  });

  readonly #resourcesTask = new Task(this, {
    autoRun: false,
    args: () => [this.activeClient, this.current?.id, this.resourcesCursor] as const,
    task: async ([client, id, cursor], { signal }) => {
      if (!client || !id) return initialState;
      return client
        .requestResources(id)
        .page({ cursor: cursor ?? undefined, limit: this.resourcesPageSize, signal });
    },
    onComplete: (page) => {
      this.resources = [...this.resources, ...page.items];
      this.resourcesCursor = page.next_cursor;
    },
  });

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('request')) {
      if (this.request) this.#show(this.request);
      else if (!this.requestId) this.current = undefined;
    }
    if (changed.has('requestId') && !this.requestId && !this.request) this.current = undefined;
  }

  /** Moves focus to the panel's title (after opening it from a card, say). */
  override focus(options?: FocusOptions): void {
    this.titleElement?.focus(options);
  }

  #show(request: AccessRequest): void {
    if (request.id !== this.current?.id) {
      this.resourcesOpen = false;
      this.resources = [];
      this.resourcesCursor = null;
      this.actionError = '';
      this.#resourcesTask.abort();
    }
    this.current = request;
  }

  /** The stream began after the request on screen was read: read it again (a change may be missed). */
  #catchUp(): void {
    const client = this.activeClient;
    const id = this.current?.id;
    if (client && id)
      client.request(id).then(
        (request) => this.#apply(request),
        () => undefined,
      );
  }

  /** A newer version of the request on screen (an action's answer, or the stream). */
  #apply(request: AccessRequest): void {
    const current = this.current;
    if (current && request.id === current.id && isNewer(request, current)) this.current = request;
  }

  // ---- user actions

  #close = (): void => {
    const request = this.current;
    const hadFocus = this.renderRoot.contains((this.renderRoot as ShadowRoot).activeElement);
    this.request = undefined;
    this.requestId = '';
    this.current = undefined;
    fire(this, 'details-closed', { request });
    // The focused button goes away with the panel: unless the page has moved focus on (a list, say), it
    // stays here, on the empty panel, rather than falling to the page's body.
    if (hadFocus)
      void this.updateComplete.then(() => {
        const active = document.activeElement;
        if (!active || active === document.body) this.placeholderElement?.focus();
      });
  };

  /** Escape inside the panel closes it like its X button, unless something inside it handled Escape first. */
  #onPanelKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (this.renderRoot.querySelector('dialog[open]')) return;
    event.preventDefault();
    this.#close();
  };

  #toggleFavorite = async (): Promise<void> => {
    const request = this.current;
    const client = this.activeClient;
    if (!request || !client || this.favoriteBusy) return;
    this.favoriteBusy = true;
    this.actionError = '';
    try {
      const updated = request.favorite
        ? await client.unfavorite(request.id)
        : await client.favorite(request.id);
      this.#apply(updated);
      publishRequests(client, updated);
      this.#announcer.announce(updated.favorite ? msg('Added to favorites') : msg('Removed from favorites'));
      fire(this, 'request-favorite-changed', { request: updated });
    } catch (error) {
      this.actionError = problemText(error);
    } finally {
      this.favoriteBusy = false;
    }
  };

  #toggleResources = (): void => {
    this.resourcesOpen = !this.resourcesOpen;
    if (
      this.resourcesOpen &&
      this.resources.length === 0 &&
      this.#resourcesTask.status !== TaskStatus.PENDING
    ) {
      void this.#resourcesTask.run();
    }
  };

  // ---- rendering

  protected override render() {
    const request = this.current;
    if (!request) {
      const status = this.#byId.status;
      if (this.requestId && status === TaskStatus.ERROR) {
        return renderRetry({
          message: msg('The request could not be loaded.'),
          error: this.#byId.error,
          onRetry: () => void this.#byId.run(),
          part: 'panel',
          class: 'panel surface state',
        });
      }
      if (this.requestId)
        return html`<div part="panel" class="panel surface state" role="status">
          ${msg('Loading the request…')}
        </div>`;
      return html`<div part="placeholder" class="placeholder" tabindex="-1">
          <slot name="placeholder">${msg('Select a request to see its details.')}</slot>
        </div>
        ${this.#announcer.render()}`;
    }
    return html`<section
        part="panel"
        class="panel surface"
        aria-labelledby="title"
        @keydown=${this.#onPanelKeydown}
      >
        ${this.#renderHeader(request)} ${this.#live.renderLiveStatus()} ${this.#renderNotice(request)}
        ${renderAccessTo(request, this.#live.locale, {
          open: this.resourcesOpen,
          items: this.resources,
          loading: this.#resourcesTask.status === TaskStatus.PENDING,
          error:
            this.#resourcesTask.status === TaskStatus.ERROR ? problemText(this.#resourcesTask.error) : '',
          hasMore: this.resourcesCursor !== null,
          onToggle: this.#toggleResources,
          onMore: () => void this.#resourcesTask.run(),
        })}
        ${renderFacts(request, this.#live.locale)} ${renderApprovals(request, this.#live.locale)}
        ${renderTimeline(request, this.#live.locale)} ${this.#renderActions(request)}
      </section>
      ${this.#revoke.render(request)} ${this.#again.render(this.#live.locale)}
      ${this.#extend.render(this.#live.locale)} ${this.#announcer.render()}`;
  }

  #renderHeader(request: AccessRequest) {
    return html`<header part="header" class="header">
      <h2 id="title" part="title" tabindex="-1">${describeTarget(request)}</h2>
      <status-badge
        part="badge"
        status=${request.status}
        reason=${request.status === 'rejected' ? (request.rejection_reason ?? '') : ''}
      ></status-badge>
      ${
        request.can.favorite
          ? html`<button
              part="star"
              class="icon-button star"
              aria-pressed=${request.favorite ? 'true' : 'false'}
              aria-label=${msg(str`Favorite ${describeTarget(request)}`)}
              aria-disabled=${this.favoriteBusy ? 'true' : 'false'}
              @click=${this.#toggleFavorite}
            >
              ${starIcon(request.favorite)}
            </button>`
          : nothing
      }
      <button part="close" class="icon-button close" aria-label=${msg('Close')} @click=${this.#close}>
        ${closeIcon()}
      </button>
    </header>`;
  }

  #renderNotice(request: AccessRequest) {
    const onMyBehalf =
      this.#live.callerId === request.grantee.id && request.requester.id !== request.grantee.id;
    if (!onMyBehalf) return nothing;
    return html`<p part="notice" class="notice">
      ${msg(str`${request.requester.name} made this request on your behalf. Only the requester can revoke the request.`)}
    </p>`;
  }

  #renderActions(request: AccessRequest) {
    const can = request.can;
    const locale = this.#live.locale;
    const expiry =
      request.status === 'active' && request.expires_at
        ? html`<p part="expiry" class="expiry">
            ${msg('Expires')}
            <time datetime=${request.expires_at}>${formatDateTime(locale, request.expires_at)}</time>
            ${renderPending(request, locale)}
          </p>`
        : nothing;
    if (!can.use_access && !can.request_again && !can.revoke && !can.extend && !this.actionError)
      return nothing;
    return html`<div part="actions" class="actions">
      ${expiry}
      ${this.actionError ? html`<p class="error-text" role="alert">${this.actionError}</p>` : nothing}
      ${
        can.use_access
          ? html`<button
              class="button primary"
              part="use-access"
              @click=${() => fire(this, 'access-use-requested', { request })}
            >
              ${msg('Use Access')}
            </button>`
          : nothing
      }
      ${
        can.extend
          ? html`<button class="button" part="extend" @click=${() => void this.#extend.open(request)}>
              ${msg('Extend access')}
            </button>`
          : nothing
      }
      ${
        can.request_again
          ? html`<button class="button" part="request-again" @click=${() => void this.#again.open(request)}>
                ${msg('Request again')}
              </button>
              <button
                class="button"
                part="edit-again"
                @click=${() => fire(this, 'request-edit-requested', { request })}
              >
                ${msg('Edit and request again')}
              </button>`
          : nothing
      }
      ${
        can.revoke
          ? html`<button class="button danger" part="revoke" @click=${() => void this.#revoke.open(request)}>
              ${msg('Revoke access')}
            </button>`
          : nothing
      }
    </div>`;
  }
}
