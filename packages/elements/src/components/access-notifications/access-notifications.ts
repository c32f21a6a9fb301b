import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '../../internal/locale.js';
import {
  statusInfo,
  type AccessClient,
  type AccessRequest,
  type AccessRequestStatus,
} from '@access-requests/sdk';
import { statusLabel } from '../../internal/status-label.js';
import { ClientElement } from '../../internal/client-element.js';
import { StatusBadge } from '../status-badge/status-badge.js';
import { Announcer, statusKey } from '../../internal/announcer.js';
import { deepActiveElement } from '../../internal/dialog.js';
import { fire, type AccessNotification } from '../../internal/events.js';
import {
  describeTarget,
  formatDateTime,
  formatZonedDateTime,
  localeOf,
  moreUpdatesCount,
} from '../../internal/format.js';
import { closeIcon } from '../../internal/icons.js';
import { callerOf, subscribeToRequests } from '../../internal/requests-hub.js';
import { buttons, tokens } from '../../internal/styles.js';
import { accessNotificationsStyles } from './access-notifications.styles.js';

type ExtensionStatus = NonNullable<AccessNotification['extensionStatus']>;

/** What the user last heard of a request's extension: the one pending, or the last decided. */
const extensionNews = (request: AccessRequest): string => {
  const e = request.extension;
  return e?.pending
    ? `pending:${e.pending.requested_at}`
    : e?.last
      ? `${e.last.status}:${e.last.decided_at ?? ''}`
      : '';
};

interface Toast {
  readonly key: number;
  readonly items: readonly AccessNotification[];
}

/** Changes that arrive within this many ms of each other are shown together. */
const GROUP_WINDOW_MS = 400;
/** More changes than this in one burst become one grouped toast. */
const GROUP_THRESHOLD = 3;
/** Where the corner region may go, in order of preference (values of the host's `data-corner`). */
const CORNERS = ['', 'top', 'start', 'top start'] as const;

const overlaps = (a: DOMRect, b: DOMRect) =>
  a.width > 0 && a.height > 0 && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Every open `<dialog>` of the page, in shadow roots too. */
function openDialogs(root: Document | ShadowRoot, found: Element[] = []): Element[] {
  for (const el of root.querySelectorAll('*')) {
    if (el instanceof HTMLDialogElement && el.open) found.push(el);
    if (el.shadowRoot) openDialogs(el.shadowRoot, found);
  }
  return found;
}

/**
 * Fed by the SDK's event stream while the page is open. Toasts are announced politely and never
 * take focus; Active, Rejected and Failed stay until dismissed, the others go after `duration`; at
 * most `max-toasts` show at once, and a burst of changes becomes one grouped toast. Each change first
 * fires `access-notification-received` (cancelable: a host that routes it to its own UI calls
 * `preventDefault()` and no toast is shown). With `system-notifications`, the element also offers to
 * show browser notifications while the page is in the background — it asks the browser's permission
 * only when the user presses its button.
 *
 * Only the newest toast shows in full; the earlier ones wait behind a "2 more updates" button (the
 * `more` part) that shows them all, and hides them again, on demand. In the corner, the toasts never
 * cover what the user works on: when the focused element (in shadow roots too) or an open dialog is
 * where the toasts are, they move to the other end of the viewport, to its top, or to the other
 * corner at the top — and where none is free, only the `more` button stays. This is checked again as
 * focus moves, and when the page scrolls or the viewport resizes.
 *
 * @summary Tells the user, in the page, when one of their requests changes status: Active with a way to its
 * Access Details, Rejected with the reason, Failed with "Contact your admin"; and when an extension of an
 * active access waits for approval, is granted (the new expiry) or is not.
 * @tag access-notifications
 *
 * @event access-notification-received - A request of the user's changed status; `detail.notification` says
 * how. Cancelable: `preventDefault()` shows no toast.
 * @event access-details-requested - The user pressed Access Details on an Active toast; `detail.request` is
 * the request.
 *
 * @csspart region - The list of toasts.
 * @csspart toast - One toast.
 * @csspart toast-pending_approval - A toast about a request now Pending Approval (with `toast`).
 * @csspart toast-scheduled - A toast about a request now Scheduled, waiting for its start (with `toast`).
 * @csspart toast-granting - A toast about a request now Granting (with `toast`).
 * @csspart toast-active - A toast about a request now Active (with `toast`).
 * @csspart toast-rejected - A toast about a request now Rejected (with `toast`).
 * @csspart toast-revoking - A toast about a request now Revoking (with `toast`).
 * @csspart toast-revoked - A toast about a request now Revoked (with `toast`).
 * @csspart toast-failed - A toast about a request now Failed (with `toast`).
 * @csspart toast-extension - A toast about an active access's extension: waiting for approval, granted, or
 * not granted (with `toast` and `toast-active`).
 * @csspart toast-group - A toast for a burst of changes (with `toast`).
 * @csspart dismiss - A toast's dismiss button.
 * @csspart more - The button that shows the earlier toasts ("2 more updates"), or hides them again.
 * @csspart action - The Access Details button.
 * @csspart permission - The button that asks for browser notifications.
 * @csspart announcer - The polite live region.
 *
 * @cssproperty --ar-toast-offset - Distance from the viewport's end corner.
 * @cssproperty --ar-toast-z-index - Stacking of the toast region.
 * @cssproperty --ar-status-positive-fg - The edge of an Active toast.
 * @cssproperty --ar-shadow-popover - Elevation of a toast.
 * @cssproperty --ar-font-family - The font stack (default: the page's).
 */
export class AccessNotifications extends ClientElement {
  static override styles = [tokens, buttons, accessNotificationsStyles];
  static override dependencies = { 'status-badge': StatusBadge };

  /** `corner` (fixed to the viewport's end corner, the default) or `inline` (in the page's flow). */
  @property({ reflect: true }) accessor placement: 'corner' | 'inline' = 'corner';

  /**
   * How long a toast that needs nothing from the user (Granting, Revoking, Revoked…) stays, in ms;
   * 0 keeps it. Active, Rejected and Failed always stay until dismissed. Paused while the pointer or
   * focus is on the region.
   */
  @property({ type: Number }) accessor duration = 8000;

  /** At most this many toasts at once; the oldest give way (they were announced already). */
  @property({ type: Number, attribute: 'max-toasts' }) accessor maxToasts = 4;

  /** Offer browser notifications for changes that happen while the page is hidden. */
  @property({ type: Boolean, attribute: 'system-notifications' }) accessor systemNotifications = false;

  @state() private accessor toasts: readonly Toast[] = [];
  @state() private accessor permission: NotificationPermission | 'unsupported' = 'default';
  /** The user asked to see the earlier toasts too. */
  @state() private accessor expanded = false;
  /** No corner is free of the focused element and dialogs: only the `more` button shows. */
  @state() private accessor crowded = false;

  readonly #announcer = new Announcer(this);
  /** Where each of the user's requests stands: its status, and its extension's news (`extensionNews`). */
  readonly #known = new Map<string, { status: AccessRequestStatus; extension: string }>();
  #unsubscribe: (() => void) | undefined;
  #userId: string | undefined;
  #burst: AccessNotification[] = [];
  #burstTimer: ReturnType<typeof setTimeout> | undefined;
  #nextKey = 1;
  readonly #expiry = new Map<number, ReturnType<typeof setTimeout>>();
  #paused = false;
  #frame = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.permission = typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
    document.addEventListener('focusin', this.#placeSoon, true);
    window.addEventListener('scroll', this.#placeSoon, { capture: true, passive: true });
    window.addEventListener('resize', this.#placeSoon);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop();
    document.removeEventListener('focusin', this.#placeSoon, true);
    window.removeEventListener('scroll', this.#placeSoon, { capture: true });
    window.removeEventListener('resize', this.#placeSoon);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  protected override updated(): void {
    this.#placeSoon();
  }

  /** Places the region at the next frame (once, however many times it is asked for meanwhile). */
  readonly #placeSoon = () => {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#place();
    });
  };

  /** What the corner region must not cover: the focused element, and open dialogs. */
  #obstacles(): DOMRect[] {
    const owned = (el: Element) => this.contains(el) || !!this.shadowRoot?.contains(el);
    const active = deepActiveElement();
    const found = active && active !== document.body && !owned(active) ? [active] : [];
    found.push(...openDialogs(document).filter((d) => !owned(d)));
    return found.map((el) => el.getBoundingClientRect());
  }

  /** Moves the corner region off the focused element and open dialogs (see the class' doc). */
  #place(): void {
    const obstacles = this.placement === 'corner' && this.toasts.length > 0 ? this.#obstacles() : [];
    const free = () => {
      const rect = this.getBoundingClientRect();
      return obstacles.every((o) => !overlaps(rect, o) && !overlaps(o, rect));
    };
    for (const crowded of [false, true]) {
      this.toggleAttribute('data-crowded', crowded);
      for (const corner of CORNERS) {
        this.setAttribute('data-corner', corner);
        if (free()) {
          this.crowded = crowded;
          return;
        }
      }
    }
    this.setAttribute('data-corner', '');
    this.crowded = true;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.clientChanged(changed)) this.#start();
  }

  /** The toasts on screen, oldest first (for hosts and tests). */
  get notifications(): readonly AccessNotification[] {
    return this.toasts.flatMap((t) => t.items);
  }

  /** Removes every toast. */
  dismissAll(): void {
    this.toasts = [];
  }

  #stop(): void {
    for (const timer of this.#expiry.values()) clearTimeout(timer);
    this.#expiry.clear();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    clearTimeout(this.#burstTimer);
    this.#burst = [];
  }

  #start(): void {
    this.#stop();
    this.#known.clear();
    this.toasts = [];
    const client = this.activeClient;
    if (!client) return;
    this.#userId = undefined;
    callerOf(client).then(
      (me) => {
        if (client === this.activeClient) this.#userId = me.user.id;
      },
      () => {},
    );
    this.#unsubscribe = subscribeToRequests(client, (request) => this.#onUpdate(request));
    void this.#learnStatuses(client);
  }

  /**
   * Learns where the user's recent requests stand, so that an event about one of them that changes
   * nothing (a favourite, say) is not taken for news. What the stream said meanwhile wins.
   */
  async #learnStatuses(client: AccessClient): Promise<void> {
    const scopes = ['mine', 'on_behalf'] as const;
    const pages = await Promise.allSettled(
      scopes.map((scope) => client.requests({ scope }).page({ limit: 200 })),
    );
    if (client !== this.activeClient) return;
    for (const page of pages) {
      if (page.status !== 'fulfilled') continue;
      for (const request of page.value.items)
        if (!this.#known.has(request.id))
          this.#known.set(request.id, { status: request.status, extension: extensionNews(request) });
    }
  }

  #onUpdate(request: AccessRequest): void {
    const userId = this.#userId;
    // Only the user's own requests: held by them, or asked for by them.
    if (!userId || (request.grantee.id !== userId && request.requester.id !== userId)) return;
    const known = this.#known.get(request.id);
    const extension = extensionNews(request);
    this.#known.set(request.id, { status: request.status, extension });
    // An extension asked for, granted or rejected while the access stays active is news too.
    const extended =
      request.status === 'active' && known?.status === 'active' && extension !== known.extension
        ? (request.extension?.pending?.status ?? request.extension?.last?.status)
        : undefined;
    if (known?.status === request.status && !extended) return;
    // A request first seen at its creation is news of nothing (its requester just made it).
    if (known === undefined && request.created_at === request.updated_at) return;
    const notification: AccessNotification = {
      id: `${request.id}:${request.status}:${request.updated_at}`,
      request,
      previousStatus: known?.status,
      ...(extended ? { extensionStatus: extended } : {}),
      message: extended ? this.#extensionMessage(request, extended) : this.#message(request),
    };
    if (
      !fire(
        this,
        'access-notification-received',
        { notification },
        {
          cancelable: true,
        },
      )
    )
      return;
    this.#showSystemNotification(notification);
    this.#burst.push(notification);
    clearTimeout(this.#burstTimer);
    this.#burstTimer = setTimeout(() => this.#flush(), GROUP_WINDOW_MS);
  }

  #flush(): void {
    const burst = this.#burst;
    this.#burst = [];
    if (burst.length === 0) return;
    const fresh: Toast[] =
      burst.length > GROUP_THRESHOLD
        ? [{ key: this.#nextKey++, items: burst }]
        : burst.map((item) => ({ key: this.#nextKey++, items: [item] }));
    const kept = [...this.toasts, ...fresh];
    for (const gone of kept.slice(0, Math.max(0, kept.length - Math.max(1, this.maxToasts))))
      this.#forget(gone.key);
    this.toasts = kept.slice(-Math.max(1, this.maxToasts));
    for (const toast of fresh) this.#expireLater(toast);
    // A change another element of the page announced already (a list's row, say) is not said again.
    if (burst.length > GROUP_THRESHOLD)
      this.#announcer.announce(msg(str`${burst.length} of your requests changed status.`));
    else for (const n of burst) this.#announcer.announce(n.message, { key: statusKey(n.request) });
  }

  /** Toasts that ask nothing of the user go after `duration` (unless the user is on the region). */
  #expireLater(toast: Toast): void {
    const needsTheUser = toast.items.some((n) => ['active', 'rejected', 'failed'].includes(n.request.status));
    if (needsTheUser || this.duration <= 0) return;
    const expire = () => {
      if (this.#paused) this.#expiry.set(toast.key, setTimeout(expire, 1000));
      else this.#dismiss(toast.key);
    };
    this.#expiry.set(toast.key, setTimeout(expire, this.duration));
  }

  #forget(key: number): void {
    clearTimeout(this.#expiry.get(key));
    this.#expiry.delete(key);
  }

  #message(request: AccessRequest): string {
    const access = describeTarget(request);
    const label = statusLabel(request.status);
    switch (request.status) {
      case 'active':
        return msg(str`Your access to ${access} is now Active.`);
      case 'scheduled':
        return request.starts_at
          ? msg(
              str`Your request for ${access} is now Scheduled: it starts ${formatZonedDateTime(localeOf(this), request.starts_at)}.`,
            )
          : msg(str`Your request for ${access} is now ${label}.`);
      case 'rejected':
        return request.rejection_reason
          ? msg(str`Your request for ${access} was Rejected: ${request.rejection_reason}`)
          : msg(str`Your request for ${access} was Rejected.`);
      case 'failed':
        return msg(str`Your request for ${access} Failed. Contact your admin.`);
      default:
        return msg(str`Your request for ${access} is now ${label}.`);
    }
  }

  #extensionMessage(request: AccessRequest, status: ExtensionStatus): string {
    const access = describeTarget(request);
    const locale = localeOf(this);
    const until = request.expires_at ? formatDateTime(locale, request.expires_at) : '';
    const reason = request.extension?.last?.reason;
    switch (status) {
      case 'pending':
        return `${msg(str`Your extension of ${access} waits for approval.`)} ${msg(str`Your access stays active until ${until}.`)}`;
      case 'approved':
        return msg(str`Your access to ${access} was extended: it now expires ${until}.`);
      default:
        return reason
          ? msg(str`Your extension of ${access} was not granted: ${reason}`)
          : msg(str`Your extension of ${access} was not granted.`);
    }
  }

  #showSystemNotification(notification: AccessNotification): void {
    if (!this.systemNotifications || this.permission !== 'granted' || document.visibilityState === 'visible')
      return;
    try {
      new Notification(msg('Access requests'), { body: notification.message, tag: notification.id });
    } catch {
      // Some browsers only allow notifications from a service worker: the toast is still there.
    }
  }

  async #askPermission(): Promise<void> {
    if (typeof Notification === 'undefined') return;
    this.permission = await Notification.requestPermission();
  }

  #dismiss(key: number): void {
    const index = this.toasts.findIndex((t) => t.key === key);
    if (index < 0) return;
    // Keep focus in the region when the focused toast goes away (never drop it on the body).
    const hadFocus =
      this.shadowRoot?.activeElement?.closest('[part~="toast"]')?.getAttribute('data-key') === String(key);
    this.#forget(key);
    this.toasts = this.toasts.filter((t) => t.key !== key);
    if (hadFocus) {
      void this.updateComplete.then(() => {
        const next = this.toasts[Math.min(index, this.toasts.length - 1)];
        (
          next && this.shadowRoot?.querySelector<HTMLElement>(`[data-key="${next.key}"] [part="dismiss"]`)
        )?.focus();
      });
    }
  }

  #onKeydown(event: KeyboardEvent, key: number): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.#dismiss(key);
    }
  }

  #renderOne(toast: Toast, notification: AccessNotification, shown: boolean) {
    const { request } = notification;
    const tone = statusInfo(request.status).tone;
    const part = `toast toast-${request.status}${notification.extensionStatus ? ' toast-extension' : ''}`;
    return html`<li
      part=${part}
      data-key=${toast.key}
      ?hidden=${!shown}
      data-tone=${tone}
      @keydown=${(e: KeyboardEvent) => this.#onKeydown(e, toast.key)}
    >
      <p class="title"><status-badge status=${request.status}></status-badge> ${describeTarget(request)}</p>
      ${this.#dismissButton(toast)}
      <p class="body">${this.#body(notification)}</p>
      ${
        request.status === 'active'
          ? html`<div class="actions">
              <button
                part="action"
                class="button"
                @click=${() => fire(this, 'access-details-requested', { request })}
              >
                ${msg('Access Details')}
              </button>
            </div>`
          : nothing
      }
    </li>`;
  }

  #body({ request, message }: AccessNotification) {
    if (request.status === 'rejected' && request.rejection_reason) {
      return html`${msg('Rejected.')}
        <span class="reason">${msg('Reason:')} ${request.rejection_reason}</span>`;
    }
    if (request.status === 'failed') {
      return html`${request.status_reason ?? msg('An error has occurred with your request.')}
      ${msg('Contact your admin.')}`;
    }
    return message;
  }

  #dismissButton(toast: Toast) {
    return html`<button
      part="dismiss"
      class="icon-button dismiss"
      aria-label=${msg('Dismiss')}
      @click=${() => this.#dismiss(toast.key)}
    >
      ${closeIcon()}
    </button>`;
  }

  #renderGroup(toast: Toast, shown: boolean) {
    return html`<li
      part="toast toast-group"
      data-key=${toast.key}
      ?hidden=${!shown}
      @keydown=${(e: KeyboardEvent) => this.#onKeydown(e, toast.key)}
    >
      <p class="title">${msg(str`${toast.items.length} of your requests changed status`)}</p>
      ${this.#dismissButton(toast)}
      <ul class="group-list">
        ${toast.items.map((n) => html`<li>${n.message}</li>`)}
      </ul>
    </li>`;
  }

  /** The newest toast shows, and the one with focus; the others when the user asked for them. */
  #isShown(toast: Toast): boolean {
    const focused = this.shadowRoot?.activeElement?.closest('[part~="toast"]')?.getAttribute('data-key');
    return this.expanded || toast === this.toasts.at(-1) || focused === String(toast.key);
  }

  #renderMore() {
    const updates = (toasts: readonly Toast[]) => toasts.reduce((sum, t) => sum + t.items.length, 0);
    const count = this.crowded
      ? updates(this.toasts)
      : this.expanded
        ? updates(this.toasts.slice(0, -1))
        : updates(this.toasts.filter((t) => !this.#isShown(t)));
    if (count === 0 && !this.crowded) return nothing;
    return html`<button
      part="more"
      class="button more"
      aria-controls="region"
      aria-expanded=${this.expanded && !this.crowded ? 'true' : 'false'}
      @click=${() => (this.expanded = !this.expanded)}
    >
      ${moreUpdatesCount(count)}
    </button>`;
  }

  protected override render() {
    return html`
      ${
        this.systemNotifications && this.permission === 'default'
          ? html`<button part="permission" class="button" @click=${() => this.#askPermission()}>
              ${msg('Notify me in the background')}
            </button>`
          : nothing
      }
      ${this.#renderMore()}
      <ul
        id="region"
        part="region"
        aria-label=${msg('Request notifications')}
        @pointerenter=${() => (this.#paused = true)}
        @pointerleave=${() => (this.#paused = false)}
        @focusin=${() => (this.#paused = true)}
        @focusout=${() => (this.#paused = false)}
      >
        ${this.toasts.map((toast) => {
          const [only] = toast.items;
          const shown = this.#isShown(toast);
          return toast.items.length === 1 && only
            ? this.#renderOne(toast, only, shown)
            : this.#renderGroup(toast, shown);
        })}
      </ul>
      ${this.#announcer.render()}
    `;
  }
}
