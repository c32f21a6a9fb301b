import { LitElement, html, nothing, svg, type SVGTemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocaleController, msg, str } from '../../internal/locale.js';
import { isStatus, statusInfo, type AccessRequestStatus, type StatusTone } from '@access-requests/sdk';
import { statusDescription, statusLabel } from '../../internal/status-label.js';
import { queryIn } from '../../internal/query.js';
import { statusBadgeStyles, tooltipStyles } from './status-badge.styles.js';

/** One distinct shape per status, so the badge never relies on colour alone. */
const ICONS: Record<AccessRequestStatus, SVGTemplateResult> = {
  // clock
  pending_approval: svg`<circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/>`,
  // calendar
  scheduled: svg`<rect x="1.75" y="2.75" width="12.5" height="11.5" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M1.75 6.5h12.5M5 1.25v3M11 1.25v3" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/>`,
  // arrow into a circle
  granting: svg`<path d="M8 1.75a6.25 6.25 0 1 1-6.25 6.25" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/><path d="M5 8h5.5M8.5 5.5 11 8l-2.5 2.5" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/>`,
  // check
  active: svg`<circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="m5 8.25 2 2 4-4.25" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/>`,
  // cross
  rejected: svg`<circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="m5.75 5.75 4.5 4.5m0-4.5-4.5 4.5" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/>`,
  // arrow out of a circle
  revoking: svg`<path d="M14.25 8A6.25 6.25 0 1 1 8 1.75" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/><path d="M11 8H5.5M7.5 5.5 5 8l2.5 2.5" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/>`,
  // minus
  revoked: svg`<circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M5 8h6" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/>`,
  // warning triangle
  failed: svg`<path d="M8 1.9 14.6 13.6H1.4Z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/><path d="M8 6.25v3.25" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/><circle cx="8" cy="11.6" r=".9" fill="currentColor"/>`,
};

/**
 * The documented meaning of the status is its tooltip. Given a `reason` (a Rejected request's
 * rejection reason), the badge becomes focusable and shows the reason on hover and on focus, in a
 * tooltip tied to it by `aria-describedby`.
 *
 * @summary Shows where an access request stands: the documented label, a tone and an icon of its own.
 * @tag status-badge
 *
 * @csspart base - The badge's pill.
 * @csspart icon - The status icon.
 * @csspart label - The status label.
 * @csspart tooltip - The tooltip with the rejection reason.
 *
 * @cssproperty --ar-status-neutral-bg - Background of Revoked (and of unknown statuses).
 * @cssproperty --ar-status-neutral-fg - Text of Revoked (and of unknown statuses).
 * @cssproperty --ar-status-attention-bg - Background of Pending Approval.
 * @cssproperty --ar-status-attention-fg - Text of Pending Approval.
 * @cssproperty --ar-status-progress-bg - Background of Scheduled, Granting and Revoking.
 * @cssproperty --ar-status-progress-fg - Text of Scheduled, Granting and Revoking.
 * @cssproperty --ar-status-positive-bg - Background of Active.
 * @cssproperty --ar-status-positive-fg - Text of Active.
 * @cssproperty --ar-status-negative-bg - Background of Rejected and Failed.
 * @cssproperty --ar-status-negative-fg - Text of Rejected and Failed.
 * @cssproperty --ar-status-font-size - Size of the label.
 * @cssproperty --ar-radius-pill - Corner radius of the pill.
 * @cssproperty --ar-tooltip-bg - Background of the reason tooltip.
 * @cssproperty --ar-tooltip-fg - Text of the reason tooltip.
 * @cssproperty --ar-color-border - Border of the reason tooltip.
 * @cssproperty --ar-color-focus - The focus ring of a badge with a reason.
 * @cssproperty --ar-focus-ring-width - Width of that focus ring (default 2px).
 * @cssproperty --ar-focus-ring-offset - Gap between the badge and that focus ring (default 2px).
 */
export class StatusBadge extends LitElement {
  static override styles = [statusBadgeStyles, tooltipStyles];

  readonly #locale = new LocaleController(this);

  // Renders in the badge's language, once its translations are in (no flash of English).
  protected override scheduleUpdate(): Promise<unknown> | undefined {
    const update = () => this.#locale.within(() => super.scheduleUpdate());
    const loading = this.#locale.ready();
    if (loading) return loading.then(update);
    void update();
    return undefined;
  }

  /**
   * The request's status, as the API sends it (`pending_approval`, `active`, …). A status this version
   * does not know yet is shown as its id, without tone or icon.
   * @type {AccessRequestStatus}
   */
  @property({ reflect: true }) accessor status = '';

  /** The tone of the current status, reflected so hosts can style by it. Set by the badge. */
  @property({ reflect: true }) accessor tone: StatusTone | undefined;

  /** Why the request was rejected: shown on hover and focus. Empty: nothing extra to say. */
  @property() accessor reason = '';

  /**
   * Keeps a badge that has a reason out of the tab order (it still shows the reason on hover and when
   * focused from script). For lists with roving focus, where only the current card is a tab stop.
   */
  @property({ type: Boolean, attribute: 'no-tab-stop' }) accessor noTabStop = false;

  @state() private accessor tipOpen = false;
  #hideTimer: ReturnType<typeof setTimeout> | undefined;

  protected override willUpdate(): void {
    this.tone = isStatus(this.status) ? statusInfo(this.status).tone : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#hideTimer);
    this.tipOpen = false;
  }

  protected override updated(): void {
    const tip = queryIn(this, '[part="tooltip"]');
    if (!tip?.isConnected || !('showPopover' in tip)) return;
    if (this.tipOpen && !tip.matches(':popover-open')) {
      tip.showPopover();
      this.#place(tip);
    } else if (!this.tipOpen && tip.matches(':popover-open')) {
      tip.hidePopover();
    }
  }

  /** The tooltip lives in the top layer (never clipped by a scrolling list): place it under the badge. */
  #place(tip: HTMLElement): void {
    const base = queryIn(this, '[part="base"]');
    if (!base) return;
    const rect = base.getBoundingClientRect();
    const rtl = getComputedStyle(this).direction === 'rtl';
    tip.style.setProperty('inset-block-start', `${rect.bottom + 6}px`);
    tip.style.setProperty('inset-inline-start', `${rtl ? innerWidth - rect.right : rect.left}px`);
  }

  #show = () => {
    clearTimeout(this.#hideTimer);
    this.tipOpen = true;
  };
  #hideSoon = () => {
    clearTimeout(this.#hideTimer);
    // A short delay lets the pointer move onto the tooltip (WCAG 1.4.13: hoverable).
    this.#hideTimer = setTimeout(() => (this.tipOpen = false), 150);
  };
  #onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.tipOpen) {
      event.stopPropagation();
      this.tipOpen = false;
    } else if (event.key === 'Enter' || event.key === ' ') {
      // A button shows what it has on activation too (the reason again, after Escape hid it).
      event.preventDefault();
      event.stopPropagation();
      clearTimeout(this.#hideTimer);
      this.tipOpen = !this.tipOpen;
    }
  };

  protected override render() {
    if (!isStatus(this.status)) {
      return this.status ? html`<span part="base"><span part="label">${this.status}</span></span>` : nothing;
    }
    const info = statusInfo(this.status);
    const label = statusLabel(info.id);
    const description = statusDescription(info.id);
    const icon = html`<svg part="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      ${ICONS[info.id]}
    </svg>`;
    if (!this.reason) {
      return html`<span part="base" title=${description}>${icon}<span part="label">${label}</span></span>`;
    }
    return html`<span
        part="base"
        class="has-tip"
        tabindex=${this.noTabStop ? -1 : 0}
        role="button"
        aria-label=${msg(str`${label}: rejection reason available`)}
        aria-describedby="tip"
        @mouseenter=${this.#show}
        @mouseleave=${this.#hideSoon}
        @focus=${this.#show}
        @blur=${this.#hideSoon}
        @keydown=${this.#onKeydown}
        >${icon}<span part="label">${label}</span></span
      ><span
        part="tooltip"
        id="tip"
        role="tooltip"
        popover="manual"
        @mouseenter=${this.#show}
        @mouseleave=${this.#hideSoon}
        ><span class="meaning">${description}</span> <strong>${msg('Rejection Reason')}</strong>
        <span class="reason">${this.reason}</span></span
      >`;
  }
}
