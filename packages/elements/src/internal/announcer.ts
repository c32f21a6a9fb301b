import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';

/**
 * A polite live region: `announce()` tells screen readers about a change (a status that moved, an
 * action done) without moving focus. The region is rendered from the start, as live regions must be.
 */
export class Announcer implements ReactiveController {
  #message = '';
  #pending: string[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get message(): string {
    return this.#message;
  }

  announce(text: string): void {
    // Changes that arrive together are said together; the region is cleared first, so that the same
    // words said twice are announced twice.
    this.#pending.push(text);
    if (this.#timer !== undefined) return;
    this.#message = '';
    this.host.requestUpdate();
    this.#timer = setTimeout(() => {
      this.#message = this.#pending.join(' ');
      this.#pending = [];
      this.#timer = undefined;
      this.host.requestUpdate();
    }, 50);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = [];
  }

  render() {
    return html`<div
      part="announcer"
      class="visually-hidden"
      role="status"
      aria-live="polite"
      aria-atomic="true"
    >
      ${this.#message}
    </div>`;
  }
}
