// The Access Details pop-up: how to use an active access — the instructions (Markdown,
// rendered and sanitised), a link (web addresses only), a CLI snippet with a Copy button, and a
// countdown to the expiry. A native modal <dialog>, with a live region of its own (the page behind
// a modal dialog is inert, so its live regions would not be heard).
import { html, nothing, type ReactiveController } from 'lit';
import { msg } from '../../internal/locale.js';
import type { AccessClient, AccessRequest, components } from '@access-requests/sdk';
import { renderRetry } from '../../internal/retry.js';
import { Announcer } from '../../internal/announcer.js';
import { Countdown, formatTimeLeft, type Clock } from '../../internal/countdown.js';
import { openModal } from '../../internal/dialog.js';
import { describeTarget, formatDateTime } from '../../internal/format.js';
import { closeIcon } from '../../internal/icons.js';
import { LatestTask } from '../../internal/latest-task.js';
import { safeHttpUrl } from '../../internal/urls.js';
import type { ModalHost } from '../../internal/modal-form.js';

type AccessDetails = components['schemas']['AccessDetails'];

interface Deps {
  client(): AccessClient | undefined;
  /** The host's clock for the countdown, if it has one; else the server's, from the answer. */
  clock(): Clock | undefined;
  fallbackFocus(): HTMLElement | null | undefined;
}

export class AccessDetailsDialog implements ReactiveController {
  request: AccessRequest | undefined;
  requestId = '';
  details: AccessDetails | undefined;
  instructions: DocumentFragment | undefined;
  error: unknown;
  /** The request stopped being active while the dialog was open. */
  ended = false;
  copied: 'idle' | 'copied' | 'selected' = 'idle';

  readonly countdown: Countdown;
  readonly #announcer: Announcer;
  readonly #load: LatestTask;
  #copiedTimer: ReturnType<typeof setTimeout> | undefined;
  /** The server's clock minus the browser's, from the last answer's `server_time`. */
  #skew = 0;
  readonly #serverClock: Clock = () => Date.now() + this.#skew;

  constructor(
    private readonly host: ModalHost,
    readonly id: string,
    private readonly deps: Deps,
  ) {
    host.addController(this);
    this.#load = new LatestTask(host);
    this.countdown = new Countdown(host, () => deps.clock() ?? this.#serverClock);
    this.#announcer = new Announcer(host);
  }

  hostDisconnected(): void {
    this.#load.cancel();
    clearTimeout(this.#copiedTimer);
  }

  get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>(`#${this.id}`);
  }

  get isOpen(): boolean {
    return this.dialog?.open ?? false;
  }

  close = (): void => this.dialog?.close();

  /** Opens the dialog for an active request (or its id) and loads its access details. */
  async open(request: AccessRequest | string): Promise<void> {
    const id = typeof request === 'string' ? request : request.id;
    if (id !== this.requestId) {
      this.details = undefined;
      this.instructions = undefined;
      this.countdown.set(undefined);
    }
    this.requestId = id;
    this.request =
      typeof request === 'string' ? (this.request?.id === id ? this.request : undefined) : request;
    this.ended = false;
    this.copied = 'idle';
    this.#fetch();
    await this.host.updateComplete;
    const dialog = this.dialog;
    if (dialog) openModal(dialog, this.deps.fallbackFocus);
  }

  /** A change of a request: the open one may have ended (revoked, expired). */
  update(request: AccessRequest): void {
    if (request.id !== this.requestId) return;
    this.request = request;
    if (request.status !== 'active' && !this.ended) {
      this.ended = true;
      if (this.isOpen) this.#announcer.announce(msg('This access is no longer active.'));
    }
    this.host.requestUpdate();
  }

  #fetch(): void {
    const client = this.deps.client();
    const id = this.requestId;
    this.error = undefined;
    this.host.requestUpdate();
    if (!client || !id) return;
    this.#load.start(
      (signal) =>
        Promise.all([
          this.request ?? client.request(id, { signal }),
          client.accessDetails(id, { signal }),
          // The Markdown renderer and the sanitiser load only when someone opens Access Details.
          import('../../internal/markdown.js'),
        ]),
      (outcome) => {
        if (outcome.ok) {
          const [request, details, { renderMarkdown }] = outcome.value;
          this.request = request;
          this.details = details;
          this.instructions = renderMarkdown(details.instructions_markdown);
          this.#skew = Date.parse(details.server_time) - Date.now();
          this.countdown.set(details.expires_at);
        } else {
          this.error = outcome.error;
        }
        this.host.requestUpdate();
      },
    );
  }

  #copy = async (): Promise<void> => {
    const cli = this.details?.cli;
    if (!cli) return;
    clearTimeout(this.#copiedTimer);
    try {
      await navigator.clipboard.writeText(cli);
      this.copied = 'copied';
      this.#announcer.announce(msg('Copied'));
    } catch {
      // No clipboard here (refused, or not a secure context): select the command for the user to copy.
      const code = this.dialog?.querySelector('[part~="cli"] code');
      const selection = document.getSelection();
      if (code && selection) {
        const range = document.createRange();
        range.selectNodeContents(code);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      this.copied = 'selected';
      this.#announcer.announce(
        msg('The command could not be copied. It is selected: copy it with your keyboard.'),
      );
    }
    this.host.requestUpdate();
    this.#copiedTimer = setTimeout(() => {
      this.copied = 'idle';
      this.host.requestUpdate();
    }, 3000);
  };

  render(locale: string) {
    const title = this.request ? describeTarget(this.request) : '';
    return html`<dialog
      id=${this.id}
      part="dialog details-dialog"
      aria-labelledby=${`${this.id}-title`}
      aria-describedby=${`${this.id}-subtitle`}
      @close=${() => {
        // The event comes a task after the dialog closed: if it was opened again since, the new
        // loading stays.
        if (!this.isOpen) this.#load.cancel();
      }}
    >
      <div class="dialog-header">
        <h2 id=${`${this.id}-title`} part="dialog-title">${msg('Access Details')}</h2>
        <button class="icon-button" part="close" aria-label=${msg('Close')} autofocus @click=${this.close}>
          ${closeIcon()}
        </button>
      </div>
      <p id=${`${this.id}-subtitle`} class="muted">${title}</p>
      ${this.#renderBody(locale)} ${this.#announcer.render()}
    </dialog>`;
  }

  #renderBody(locale: string) {
    if (this.error !== undefined) {
      return renderRetry({
        message: msg('The access details could not be loaded.'),
        error: this.error,
        onRetry: () => this.#fetch(),
        class: 'state',
      });
    }
    const details = this.details;
    if (!details) return html`<p class="state" role="status">${msg('Loading the access details…')}</p>`;
    return html`${this.#renderCountdown(details, locale)}
      ${this.ended ? html`<p part="ended" class="notice">${msg('This access is no longer active.')}</p>` : nothing}
      <div part="instructions" class="instructions">${this.instructions}</div>
      ${this.#renderLink(details)} ${this.#renderCli(details)}`;
  }

  #renderCountdown(details: AccessDetails, locale: string) {
    const left = this.countdown.remaining ?? 0;
    return html`<p part="countdown" class="countdown">
      <span role="timer">${formatTimeLeft(locale, left)}</span>
      <span class="muted"
        >(<time datetime=${details.expires_at}>${formatDateTime(locale, details.expires_at)}</time>)</span
      >
    </p>`;
  }

  #renderLink(details: AccessDetails) {
    if (!details.link) return nothing;
    const href = safeHttpUrl(details.link.url);
    if (!href)
      return html`<p class="muted">${msg('The access link is not a web address, so it is not shown.')}</p>`;
    return html`<p>
      <a part="link" class="button primary" href=${href} target="_blank" rel="noopener noreferrer"
        >${details.link.label}<span class="visually-hidden"> ${msg('(opens in a new tab)')}</span></a
      >
    </p>`;
  }

  #renderCli(details: AccessDetails) {
    if (!details.cli) return nothing;
    return html`<div part="cli" class="cli">
      <div class="cli-head">
        <span id=${`${this.id}-cli`}>${msg('Command line')}</span>
        <button part="copy" class="button" aria-describedby=${`${this.id}-cli`} @click=${this.#copy}>
          ${this.copied === 'copied' ? msg('Copied') : msg('Copy')}
        </button>
      </div>
      <pre><code>${details.cli}</code></pre>
    </div>`;
  }
}
