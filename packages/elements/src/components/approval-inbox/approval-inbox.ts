import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '../../internal/locale.js';
import type { AccessRequest } from '@access-requests/sdk';
import { renderLoadMore, renderRetry } from '../../internal/retry.js';
import { statusLabel } from '../../internal/status-label.js';
import { startTime } from '../../internal/start-time.js';
import { Announcer } from '../../internal/announcer.js';
import { ClientElement } from '../../internal/client-element.js';
import { fire } from '../../internal/events.js';
import { describeTarget, formatDateTime, formatHours, formatNumber } from '../../internal/format.js';
import { PagedList } from '../../internal/paged-list.js';
import { LiveRequests } from '../../internal/live-requests.js';
import { publishRequests } from '../../internal/requests-hub.js';
import { RovingFocus } from '../../internal/roving-focus.js';
import { approvalInboxStyles } from './approval-inbox.styles.js';
import { DecisionForm, type Decision } from './decision-form.js';

type Approval = AccessRequest['approvals'][number];

/** Whether the request still waits for the caller's decision. */
const waitsForMe = (request: AccessRequest) =>
  (request.status === 'pending_approval' || !!request.extension?.pending) &&
  (request.can.approve || request.can.reject);

/** When it began to wait: a request's creation, or its pending extension's. */
const askedAt = (r: AccessRequest) => r.extension?.pending?.requested_at ?? r.created_at;
const byAge = (a: AccessRequest, b: AccessRequest) => Date.parse(askedAt(a)) - Date.parse(askedAt(b));

/**
 * An active access whose extension waits for me is labelled "Extension:", with the hours asked, its
 * current expiry and the extension's justification; Approve and Reject decide the extension (the
 * access stays active either way). Approve asks for an optional reason; Reject for a required one,
 * under 124 characters (the dialog counts them and refuses more, as the server does). A decided
 * request leaves the list, and so does one that stops waiting for me while I look — approved or
 * rejected by another approver, withdrawn by its requester (the event stream); a new request (or
 * extension) that needs me joins it.
 *
 * @summary The approver's inbox: the requests waiting for my decision, oldest first, each with what it asks
 * for, for whom, by whom, for how long and why, and Approve and Reject.
 * @tag approval-inbox
 *
 * @event request-approved - The user approved a request; `detail.request` is the answer (`granting` once the
 * flow's approvals are met).
 * @event request-rejected - The user rejected a request; `detail.request` is now `rejected`, with the reason.
 *
 * @csspart count - How many requests wait.
 * @csspart list - The list of requests.
 * @csspart item - One request.
 * @csspart extension - An item that is an active access's extension (with `item`): its hours asked and
 * current expiry.
 * @csspart item-title - What it gives access to.
 * @csspart facts - Its requester, grantee, duration, justification, ticket, the answers to the access flow's
 * custom fields, and the access flow.
 * @csspart approvals - Its approvers and their decisions.
 * @csspart approval - One approver and their decision.
 * @csspart actions - The Approve and Reject buttons.
 * @csspart approve - An Approve button.
 * @csspart reject - A Reject button.
 * @csspart empty - The empty state.
 * @csspart error - The load error.
 * @csspart retry-wait - While a call waits to retry (a rate limit, say): when it goes again, and Cancel.
 * @csspart load-more - The Load more button.
 * @csspart dialog - The decision dialog.
 * @csspart decision-dialog - The decision dialog (with `dialog`).
 * @csspart announcer - The polite live region.
 * @csspart live-status - "Live updates paused — checking every 5 s" while polling (hidden otherwise).
 *
 * @cssproperty --ar-color-surface - Item background.
 * @cssproperty --ar-color-border - Item border.
 * @cssproperty --ar-color-accent - Approve.
 * @cssproperty --ar-color-danger - Reject.
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
export class ApprovalInbox extends ClientElement {
  static override styles = approvalInboxStyles;

  /** Requests per page (1–500). */
  @property({ type: Number, attribute: 'page-size' }) accessor pageSize = 50;

  readonly #announcer = new Announcer(this);
  readonly #list = new PagedList<AccessRequest>(this);
  readonly #decision = new DecisionForm(this, 'decision', {
    client: () => this.activeClient,
    fallbackFocus: () => this.#focusAfterRemoval(),
    done: (request, decision) => this.#decided(request, decision),
  });
  readonly #live = new LiveRequests(
    this,
    () => this.activeClient,
    (request) => this.#onChange(request),
    {
      loading: () => this.#list.status === 'loading',
      run: () => {
        if (this.#list.status === 'ready') this.reload(); // an error stays until Retry
      },
    },
  );
  #removedAt = 0;

  constructor() {
    super();
    new RovingFocus(this, 'button');
  }

  /** The requests on screen, oldest first. */
  get approvals(): readonly AccessRequest[] {
    return this.#list.items;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#list.cancel();
  }

  // Loads start here, not in updated(): what starting one changes is then part of this update, not
  // a second one.
  protected override willUpdate(changed: PropertyValues): void {
    if (this.clientChanged(changed)) this.#list.reset();
    if (this.clientChanged(changed) || changed.has('pageSize')) this.reload();
  }

  /** Loads the first page again. */
  reload(): void {
    const client = this.activeClient;
    if (!client) return;
    this.#list.load((cursor, signal) =>
      client.approvals({ status: 'pending' }).page({ cursor, limit: this.pageSize, signal }),
    );
  }

  /** A live change: a request leaves when it no longer waits for me, joins when it newly does. */
  #onChange(request: AccessRequest): void {
    const list = this.#list;
    if (list.items.some((r) => r.id === request.id)) {
      if (waitsForMe(request)) {
        list.patch(request);
      } else {
        this.#remove(request.id);
        const status = statusLabel(request.status);
        this.#announcer.announce(
          msg(str`${describeTarget(request)} no longer waits for your decision: it is now ${status}.`),
        );
      }
    } else if (list.loaded && waitsForMe(request) && (list.nextCursor === null || list.items.length === 0)) {
      list.items = [...list.items, request].sort(byAge);
      this.requestUpdate();
      const target = describeTarget(request);
      this.#announcer.announce(
        request.extension?.pending
          ? msg(str`New extension waiting for your decision: ${target}.`)
          : msg(str`New request waiting for your decision: ${target}.`),
      );
    }
  }

  #remove(id: string): void {
    const index = this.#list.items.findIndex((r) => r.id === id);
    if (index < 0) return;
    const hadFocus =
      this.shadowRoot?.activeElement?.closest('[data-roving-item]')?.getAttribute('data-key') === id;
    this.#removedAt = index;
    this.#list.items = this.#list.items.filter((r) => r.id !== id);
    this.requestUpdate();
    if (hadFocus) void this.updateComplete.then(() => this.#focusAfterRemoval()?.focus());
  }

  /** After an item left: the one that took its place, else the one before, else the empty state. */
  #focusAfterRemoval(): HTMLElement | null {
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('[data-roving-item]')];
    return (
      items[Math.min(this.#removedAt, items.length - 1)] ??
      this.renderRoot.querySelector<HTMLElement>('[part="empty"]')
    );
  }

  #decided(request: AccessRequest, decision: Decision): void {
    const client = this.activeClient;
    if (client) publishRequests(client, request);
    this.#remove(request.id);
    const target = describeTarget(request);
    const wasExtension = request.status === 'active';
    if (decision === 'approve') {
      this.#announcer.announce(
        wasExtension ? msg(str`Extension approved: ${target}.`) : msg(str`Approved: ${target}.`),
      );
      fire(this, 'request-approved', { request });
    } else {
      this.#announcer.announce(
        wasExtension ? msg(str`Extension rejected: ${target}.`) : msg(str`Rejected: ${target}.`),
      );
      fire(this, 'request-rejected', { request });
    }
  }

  // ---- rendering

  protected override render() {
    return html`${this.#live.renderLiveStatus()} ${this.#renderBody()}
    ${this.#decision.render(this.#live.locale)} ${this.#announcer.render()}`;
  }

  #renderBody() {
    const list = this.#list;
    if (!list.loaded) {
      if (list.error !== undefined) {
        return renderRetry({
          message: msg('The requests waiting for your decision could not be loaded.'),
          error: list.error,
          onRetry: () => this.reload(),
          part: 'error',
          class: 'state',
          primary: true,
        });
      }
      return html`<p class="state" role="status">
        ${msg('Loading the requests that wait for your decision…')}
      </p>`;
    }
    if (list.items.length === 0) {
      return html`<p part="empty" class="state empty" tabindex="-1">
        ${msg('Nothing waits for your decision')}
      </p>`;
    }
    const count = formatNumber(this.#live.locale, list.items.length);
    return html`<p part="count" class="count">
        ${
          list.nextCursor
            ? msg(str`${count}+ requests wait for your decision`)
            : list.items.length === 1
              ? msg('1 request waits for your decision')
              : msg(str`${count} requests wait for your decision`)
        }
      </p>
      <ul
        part="list"
        class="list"
        data-roving-group="approvals"
        aria-label=${msg('Requests waiting for your decision')}
      >
        ${list.items.map((request) => html`<li>${this.#renderItem(request)}</li>`)}
      </ul>
      ${this.#renderMore()}`;
  }

  #renderItem(request: AccessRequest) {
    const locale = this.#live.locale;
    const titleId = `title-${request.id}`;
    const target = describeTarget(request);
    const row = (term: string, value: unknown) =>
      html`<div>
        <dt>${term}</dt>
        <dd>${value}</dd>
      </div>`;
    const extension = request.extension?.pending;
    const approvals = extension ? extension.approvals : request.approvals;
    const at = (iso: string) => html`<time datetime=${iso}>${formatDateTime(locale, iso)}</time>`;
    return html`<article
      part=${extension ? 'item extension' : 'item'}
      class="item surface"
      data-roving-item
      data-key=${request.id}
      aria-labelledby=${titleId}
    >
      <h3 part="item-title" id=${titleId}>
        ${extension ? html`<span class="kind">${msg('Extension:')}</span> ` : nothing}${target}
      </h3>
      <dl part="facts" class="facts">
        ${row(msg('Requested by'), request.requester.name)} ${row(msg('For'), request.grantee.name)}
        ${
          extension
            ? html`${row(msg('Hours asked'), formatHours(locale, extension.hours))}
              ${request.expires_at ? row(msg('Current expiry'), at(request.expires_at)) : nothing}`
            : row(msg('Duration'), formatHours(locale, request.duration_hours))
        }
        ${request.starts_at && !extension ? row(msg('Start'), startTime(locale, request.starts_at)) : nothing}
        ${row(msg('Justification'), (extension ? extension.justification : request.justification) ?? msg('None given'))}
        ${request.ticket ? row(msg('Ticket'), `${request.ticket.type.name} ${request.ticket.id}`) : nothing}
        ${request.custom_fields.map((answer) => row(answer.label, answer.display))}
        ${row(msg('Access flow'), request.access_flow.name)} ${row(msg('Requested'), at(askedAt(request)))}
      </dl>
      ${
        approvals.length > 1
          ? html`<ul part="approvals" class="approvals" aria-label=${msg('Approvals')}>
              ${approvals.map((a) => html`<li part="approval">${a.approver.name}: ${this.#decisionText(a)}</li>`)}
            </ul>`
          : nothing
      }
      <div part="actions" class="actions">
        ${request.can.approve ? this.#decisionButton(request, 'approve', msg(str`Approve: ${target}`), msg('Approve')) : nothing}
        ${request.can.reject ? this.#decisionButton(request, 'reject', msg(str`Reject: ${target}`), msg('Reject')) : nothing}
      </div>
    </article>`;
  }

  #decisionButton(request: AccessRequest, decision: Decision, name: string, text: string) {
    return html`<button
      part=${decision}
      class=${decision === 'approve' ? 'button primary' : 'button danger'}
      aria-label=${name}
      @click=${() => void this.#decision.open(request, decision)}
    >
      ${text}
    </button>`;
  }

  #decisionText(approval: Approval) {
    return approval.status === 'approved'
      ? msg('Approved')
      : approval.status === 'rejected'
        ? msg('Rejected')
        : msg('Waiting for a decision');
  }

  #renderMore() {
    return renderLoadMore({
      list: this.#list,
      failed: msg('More requests could not be loaded:'),
      label: msg('Load more'),
    });
  }
}
