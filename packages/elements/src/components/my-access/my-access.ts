import { html, nothing, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '../../internal/locale.js';
import type { AccessRequest, Template, components } from '@access-requests/sdk';
import { renderRetry } from '../../internal/retry.js';
import { Announcer } from '../../internal/announcer.js';
import { ClientElement } from '../../internal/client-element.js';
import { StatusBadge } from '../status-badge/status-badge.js';
import type { Clock } from '../../internal/countdown.js';
import { fire } from '../../internal/events.js';
import { describeTarget, formatDateTime, upcomingStart } from '../../internal/format.js';
import { startTime } from '../../internal/start-time.js';
import { editIcon, requestAgainIcon } from '../../internal/icons.js';
import { LatestTask } from '../../internal/latest-task.js';
import { RequestAgainForm } from '../../internal/request-again-form.js';
import { LiveRequests } from '../../internal/live-requests.js';
import { publishRequests } from '../../internal/requests-hub.js';
import { RovingFocus } from '../../internal/roving-focus.js';
import { AccessDetailsDialog } from './access-details-dialog.js';
import { ExtendForm } from '../../internal/extend-form.js';
import { extendedText, renderPending } from '../../internal/extension.js';
import { TemplatesSection } from './templates-section.js';
import { myAccessStyles } from './my-access.styles.js';

export type MyAccessData = components['schemas']['MyAccess'];
type Section = 'active' | 'scheduled' | 'recent' | 'favorites';

/** Changes that arrive together cause one reload. */
const RELOAD_DEBOUNCE_MS = 120;

/**
 * Access Details opens a dialog with the access's instructions (Markdown, rendered and sanitised: no
 * markup from the server ever runs), a link (web addresses only), a CLI snippet with a Copy button and
 * a countdown to the expiry. Extend, beside an active access's expiry, asks for more hours (up to the
 * flow's limit) and why; under a flow with approvers the card says "Extension pending" while they
 * decide, and the access stays active. Request again asks only for a Justification and, optionally, a new
 * Duration in Hours, submits, and confirms what was created and how the user will be notified (the
 * org's Slack, Microsoft Teams or email); Edit and request again asks the host to open the New
 * Request form prefilled from the request instead. The page stays current as requests change (event stream).
 *
 * Templates lists the user's request templates by name (Load more past `templates-page-size`), each
 * with what it requests: Use template asks the host to open New Request from it
 * (`template-use-requested`; `<access-portal>` does), Rename and Delete (after a confirmation) change
 * it, and Copy link copies its link to share — `template-link` with `{id}` replaced, else this page's
 * address with `#/new-request/template/<id>`, the route of `<access-portal routing="hash">`. A template
 * saved in an `<access-request-form>` with the same client on the page shows at once.
 *
 * The countdown runs on the server's clock (Access Details carries `server_time`, so a browser whose
 * clock is off still counts right); a host can give its own with `now`.
 *
 * @summary The My Access page: the access the user holds now, each with its Access Details, what starts
 * later (Scheduled Access, each saying when it starts), then Recent Requests and Favorites, each with
 * Request again, and the user's request Templates.
 * @tag my-access
 *
 * @event request-again-submitted - Request again created requests; `detail` has the new `requests` and the
 * `source` request.
 * @event request-edit-requested - Edit and request again was pressed on a closed request: open the New
 * Request form with `detail.request` as its `prefill` (`<access-portal>` does).
 * @event template-use-requested - Use template was pressed: open the New Request form with
 * `detail.template` as its `prefill` (`<access-portal>` does).
 * @event request-extended - The user extended an active access; `detail.request` is the answer: its new
 * `expires_at`, or its `extension.pending` while the approvers decide.
 *
 * @csspart section - Each section.
 * @csspart section-active - Active Access (with `section`).
 * @csspart section-scheduled - Scheduled Access, approved requests waiting for their start; only when
 * there are some (with `section`).
 * @csspart section-recent - Recent Requests, the three most recent closed requests (with `section`).
 * @csspart section-favorites - Favorites (with `section`).
 * @csspart section-templates - Templates, the user's request templates (with `section`).
 * @csspart heading - A section's heading.
 * @csspart list - A section's list.
 * @csspart item - One request in a list.
 * @csspart item-title - What the request gives access to.
 * @csspart item-meta - Its start, expiry or closing date, and flow.
 * @csspart badge - An item's `<status-badge>`.
 * @csspart details-button - An Access Details button.
 * @csspart again-button - A Request again icon button.
 * @csspart edit-again-button - An Edit and request again icon button, beside Request again.
 * @csspart extend-button - An Extend button, beside an active access's expiry.
 * @csspart extension-pending - "Extension pending: 2 hours, waiting for …" on an active access.
 * @csspart template-item - One template in Templates (with `item`; its name is `item-title`, what it
 * requests `item-meta`).
 * @csspart use-template - A template's Use template button.
 * @csspart rename-template - A template's Rename button.
 * @csspart delete-template - A template's Delete button.
 * @csspart copy-link - A template's Copy link button.
 * @csspart template-link - The template's link, selected to copy by hand when the clipboard refused it.
 * @csspart templates-loading - Templates while they load.
 * @csspart skeleton - The placeholder blocks in `templates-loading`.
 * @csspart load-more - Load more templates.
 * @csspart empty - A section's empty state.
 * @csspart error - The load error (of the page, of Templates, or of more templates).
 * @csspart retry-wait - While a call waits to retry (a rate limit, say): when it goes again, and Cancel.
 * @csspart dialog - Every dialog.
 * @csspart details-dialog - The Access Details dialog (with `dialog`).
 * @csspart dialog-title - A dialog's heading.
 * @csspart close - Its X button.
 * @csspart request-again-dialog - The Request again dialog (with `dialog`).
 * @csspart extend-dialog - The Extend access dialog (with `dialog`).
 * @csspart rename-dialog - The Rename template dialog (with `dialog`).
 * @csspart template-name - Its Template name field.
 * @csspart delete-dialog - The Delete template confirmation (with `dialog`).
 * @csspart cancel - The Cancel button of the Rename and Delete dialogs.
 * @csspart confirm - Their Rename and Delete button.
 * @csspart ended - The note that the access is no longer active.
 * @csspart instructions - The rendered instructions.
 * @csspart link - The access link.
 * @csspart cli - The CLI snippet.
 * @csspart copy - Its Copy button.
 * @csspart countdown - The time left.
 * @csspart created - The Request again confirmation's list of new requests.
 * @csspart notification-channel - How the user will be notified.
 * @csspart announcer - The polite live region.
 * @csspart live-status - "Live updates paused — checking every 5 s" while polling (hidden otherwise).
 *
 * @cssproperty --ar-color-surface - Item background.
 * @cssproperty --ar-color-border - Item border.
 * @cssproperty --ar-color-accent - Primary buttons.
 * @cssproperty --ar-color-surface-alt - The CLI snippet's background.
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
export class MyAccess extends ClientElement {
  static override styles = myAccessStyles;
  static override dependencies = { 'status-badge': StatusBadge };

  /**
   * Where "now" comes from for the countdown (ms since the epoch). Default: the server's clock, from Access
   * Details.
   */
  @property({ attribute: false }) accessor now: Clock | undefined;
  /**
   * The link Copy link copies for a template: a URL (absolute, or relative to the page) in which `{id}`
   * stands for the template's id, e.g. `https://access.example.com/new?template={id}`. Default: this
   * page's address with the hash `#/new-request/template/{id}` (`<access-portal routing="hash">`).
   */
  @property({ attribute: 'template-link' }) accessor templateLink = '';
  /** How many templates Templates shows before Load more. */
  @property({ type: Number, attribute: 'templates-page-size' }) accessor templatesPageSize = 50;

  @state() private accessor data: MyAccessData | undefined;
  @state() private accessor loadError: unknown;

  readonly #announcer = new Announcer(this);
  readonly #templates = new TemplatesSection(this, this.#announcer);
  readonly #load = new LatestTask(this);
  readonly #details = new AccessDetailsDialog(this, 'details-dialog', {
    client: () => this.activeClient,
    clock: () => this.now,
    fallbackFocus: () => this.renderRoot.querySelector<HTMLElement>('[data-roving-item]'),
  });
  readonly #extend = new ExtendForm(this, 'extend', {
    client: () => this.activeClient,
    fallbackFocus: () => this.renderRoot.querySelector<HTMLElement>('[data-roving-item]'),
    done: (request) => {
      const client = this.activeClient;
      if (client) publishRequests(client, request);
      this.#patch(request);
      this.#announcer.announce(extendedText(request, this.#live.locale));
      fire(this, 'request-extended', { request });
    },
  });
  readonly #again = new RequestAgainForm(this, 'again', {
    client: () => this.activeClient,
    fallbackFocus: () => this.renderRoot.querySelector<HTMLElement>('[data-roving-item]'),
    done: (requests, source, sentence) => {
      const client = this.activeClient;
      if (client) publishRequests(client, ...requests);
      this.#announcer.announce(
        msg(str`Access to ${describeTarget(source)} requested again.`) + ' ' + sentence,
      );
      fire(this, 'request-again-submitted', { requests, source });
    },
  });
  readonly #live = new LiveRequests(
    this,
    () => this.activeClient,
    (request) => this.#onChange(request),
    {
      loading: () => this.#load.pending,
      run: () => {
        if (!this.loadError) this.reload(); // an error stays until Retry, which reads afresh
      },
    },
  );
  #pendingDetails: AccessRequest | string | undefined;

  constructor() {
    super();
    new RovingFocus(this);
  }

  /** What the page shows: `active`, `recent` and `favorites`, as the API gave them. */
  get myAccess(): MyAccessData | undefined {
    return this.data;
  }

  /** The templates Templates shows (the pages loaded so far). */
  get templates(): readonly Template[] {
    return this.#templates.list.items;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#load.cancel();
  }

  // Loads start here, not in updated(): what starting one changes is then part of this update, not
  // a second one.
  protected override willUpdate(changed: PropertyValues): void {
    if (this.clientChanged(changed)) {
      this.data = undefined;
      this.reload();
    }
    if (this.clientChanged(changed) || changed.has('templatesPageSize'))
      this.#templates.load(this.activeClient);
  }

  protected override updated(): void {
    const pending = this.#pendingDetails;
    if (pending !== undefined && this.activeClient) {
      this.#pendingDetails = undefined;
      void this.#details.open(pending);
    }
  }

  /** Loads the page again. */
  reload(delayMs = 0): void {
    const client = this.activeClient;
    if (!client) return;
    this.#load.start(
      (signal) => client.myAccess({ signal }),
      (outcome) => {
        if (outcome.ok) {
          this.data = outcome.value;
          this.loadError = undefined;
        } else {
          this.loadError = outcome.error;
        }
      },
      delayMs,
    );
  }

  /**
   * Opens the Access Details dialog of an active request (or request id) — for a host routing the
   * notifier's `access-details-requested` here. Waits for a client if there is none yet.
   */
  async showAccessDetails(request: AccessRequest | string): Promise<void> {
    if (!this.activeClient || !this.isConnected) {
      this.#pendingDetails = request;
      return;
    }
    await this.#details.open(request);
  }

  /** The answer of an action on a request shown, in place until the reload brings the page. */
  #patch(request: AccessRequest): void {
    const data = this.data;
    if (!data) return;
    const swap = (list: readonly AccessRequest[]) => list.map((r) => (r.id === request.id ? request : r));
    this.data = { ...data, active: swap(data.active), favorites: swap(data.favorites) };
  }

  #onChange(request: AccessRequest): void {
    this.#details.update(request);
    const shown =
      this.data &&
      [...this.data.active, ...this.data.scheduled, ...this.data.recent, ...this.data.favorites].some(
        (r) => r.id === request.id,
      );
    if (shown || request.grantee.id === this.#live.callerId) this.reload(RELOAD_DEBOUNCE_MS);
  }

  // ---- rendering

  protected override render() {
    return html`${this.#live.renderLiveStatus()} ${this.#renderBody()}
    ${this.#templates.render(this.#live.locale)} ${this.#details.render(this.#live.locale)}
    ${this.#again.render(this.#live.locale)} ${this.#extend.render(this.#live.locale)}
    ${this.#announcer.render()}`;
  }

  #renderBody() {
    const data = this.data;
    if (!data) {
      if (this.loadError !== undefined) {
        return renderRetry({
          message: msg('Your access could not be loaded.'),
          error: this.loadError,
          onRetry: () => this.reload(),
          part: 'error',
          class: 'state',
          primary: true,
        });
      }
      return html`<p class="state" role="status">${msg('Loading your access…')}</p>`;
    }
    return html`${this.#renderSection('active', msg('Active Access'), data.active, msg('You hold no access right now.'))}
    ${data.scheduled.length ? this.#renderSection('scheduled', msg('Scheduled Access'), data.scheduled, '') : nothing}
    ${this.#renderSection('recent', msg('Recent Requests'), data.recent, msg('No closed requests yet.'))}
    ${this.#renderSection('favorites', msg('Favorites'), data.favorites, msg('No favorites yet. Mark a request with the star on My Requests.'))}`;
  }

  #renderSection(section: Section, title: string, items: readonly AccessRequest[], empty: string) {
    const headingId = `${section}-heading`;
    return html`<section part=${`section section-${section}`} class="section" aria-labelledby=${headingId}>
      <h2 part="heading" id=${headingId}>${title}</h2>
      ${
        items.length
          ? html`<ul part="list" class="list" data-roving-group=${section} aria-labelledby=${headingId}>
              ${items.map((request) => this.#renderItem(section, request))}
            </ul>`
          : html`<p part="empty" class="empty">${empty}</p>`
      }
    </section>`;
  }

  #renderItem(section: Section, request: AccessRequest) {
    const titleId = `${section}-${request.id}`;
    const target = describeTarget(request);
    return html`<li part="item" class="item surface">
      <div class="item-main">
        <span part="item-title" class="item-title" id=${titleId}>${target}</span>
        <span part="item-meta" class="item-meta">${this.#meta(request)}</span>
      </div>
      <status-badge part="badge" status=${request.status} no-tab-stop></status-badge>
      ${this.#action(section, request, target)}
      ${
        section === 'active' && request.can.extend
          ? html`<button
              part="extend-button"
              class="button"
              data-roving-item
              data-key=${`${request.id}:extend`}
              aria-label=${msg(str`Extend access: ${target}`)}
              @click=${() => void this.#extend.open(request)}
            >
              ${msg('Extend')}
            </button>`
          : nothing
      }
    </li>`;
  }

  #meta(request: AccessRequest) {
    const locale = this.#live.locale;
    const at = (iso: string) => html`<time datetime=${iso}>${formatDateTime(locale, iso)}</time>`;
    const startsAt = upcomingStart(request);
    const when = startsAt
      ? html`${msg('Starts')} ${startTime(locale, startsAt)}`
      : request.status === 'active' && request.expires_at
        ? html`${msg('Expires')} ${at(request.expires_at)}`
        : request.status === 'rejected' || request.status === 'revoked' || request.status === 'failed'
          ? html`${msg('Closed')} ${at(request.revoked_at ?? request.updated_at)}`
          : html`${msg('Requested')} ${at(request.created_at)}`;
    const reason =
      request.status === 'rejected' && request.rejection_reason
        ? html` · <span class="reason">${msg('Rejection Reason:')} ${request.rejection_reason}</span>`
        : request.revocation_reason === 'expired'
          ? html` · ${msg('Expired')}`
          : nothing;
    const pending = request.status === 'active' ? renderPending(request, locale) : nothing;
    return html`${when}${reason} · ${request.access_flow.name} ${pending}`;
  }

  #action(section: Section, request: AccessRequest, target: string) {
    const button = (part: string, name: string, content: unknown, onClick: () => void, tooltip?: string) =>
      html`<button
        part=${part}
        class=${part === 'details-button' ? 'button' : 'icon-button'}
        data-roving-item
        data-key=${request.id}
        aria-label=${name}
        title=${ifDefined(tooltip)}
        @click=${onClick}
      >
        ${content}
      </button>`;
    if (section !== 'recent' && request.can.use_access) {
      return button(
        'details-button',
        msg(str`Access Details: ${target}`),
        msg('Access Details'),
        () => void this.#details.open(request),
      );
    }
    if (section !== 'active' && request.can.request_again) {
      const open = () => void this.#again.open(request);
      return html`<span class="item-actions"
        >${button('again-button', msg(str`Request again: ${target}`), requestAgainIcon(), open, msg('Request again'))}
        ${button(
          'edit-again-button',
          msg(str`Edit and request again: ${target}`),
          editIcon(),
          () => fire(this, 'request-edit-requested', { request }),
          msg('Edit and request again'),
        )}</span
      >`;
    }
    return html`<span class="no-action"></span>`;
  }
}
