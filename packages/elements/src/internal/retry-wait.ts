// A user action whose call waits before a retry (a 429's Retry-After, a 503, a dropped connection)
// says so, counting down to the next attempt, with a Cancel that aborts the call: never a silent
// "Submitting…". The action's input stays; its Idempotency-Key too, so sending it again is safe.
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg, str } from './locale.js';
import { isAbortError, type CallOptions, type RetryNotice } from '@access-requests/sdk';
import { formatNumber } from './format.js';

export class RetryWait implements ReactiveController {
  #controller: AbortController | undefined;
  #notice: RetryNotice | undefined;
  /** When the next attempt goes (ms since the epoch). */
  #at = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** The options for one run of the action: Cancel aborts `signal`; `onRetry` starts the countdown. */
  begin(): Pick<CallOptions, 'signal' | 'onRetry'> & { signal: AbortSignal } {
    this.end();
    const controller = (this.#controller = new AbortController());
    return {
      signal: controller.signal,
      onRetry: (notice) => {
        if (controller !== this.#controller) return;
        this.#notice = notice;
        this.#at = Date.now() + notice.delayMs;
        clearInterval(this.#timer);
        this.#timer = setInterval(() => this.host.requestUpdate(), 1000);
        this.host.requestUpdate();
      },
    };
  }

  /** The run is over (answered, failed or cancelled). */
  end(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#notice = undefined;
    this.#controller = undefined;
    this.host.requestUpdate();
  }

  /** Whether `error` is the abort of a Cancel (the only abort of the call `begin` gave options to). */
  cancelled(error: unknown): boolean {
    return isAbortError(error);
  }

  cancel = (): void => {
    this.#controller?.abort(new DOMException('Cancelled by the user.', 'AbortError'));
  };

  // Leaving the page (or being moved in it) does not cancel the user's action: only the countdown stops.
  hostConnected(): void {
    if (this.#notice && !this.#timer) this.#timer = setInterval(() => this.host.requestUpdate(), 1000);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** "Too many requests right now. Trying again in 28 s." with Cancel, while a retry waits. */
  render(locale: string) {
    const notice = this.#notice;
    if (!notice) return nothing;
    const why =
      notice.reason === 'rate_limited'
        ? msg('Too many requests right now.')
        : notice.reason === 'unavailable'
          ? msg('The access service is unavailable right now.')
          : msg('The access service did not answer.');
    // Said once when the wait begins; the countdown ticks for the eyes only (a live region that
    // changes every second would talk over everything else).
    const said = formatNumber(locale, Math.ceil(notice.delayMs / 1000));
    const seconds = formatNumber(locale, Math.max(0, Math.ceil((this.#at - Date.now()) / 1000)));
    return html`<div class="retry-wait" part="retry-wait">
      <span role="status"
        >${why}<span class="visually-hidden"> ${msg(str`Trying again in ${said} s.`)}</span></span
      >
      <span aria-hidden="true">${msg(str`Trying again in ${seconds} s.`)}</span>
      <button type="button" class="button" @click=${this.cancel}>${msg('Cancel')}</button>
    </div>`;
  }
}
