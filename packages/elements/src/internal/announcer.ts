import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';

/** How long a keyed announcement keeps others on the page from saying the same thing, in ms. */
const DEDUPE_MS = 3000;
/** Keys said lately anywhere on the page: when, and by which announcer (still on the page). */
const said = new Map<string, { readonly at: number; readonly by: Announcer }>();

/** Whether `key` was announced lately on this page; if not, `by` takes it now. */
function takenAlready(key: string, by: Announcer): boolean {
  const now = Date.now();
  for (const [k, { at }] of said) if (now - at > DEDUPE_MS) said.delete(k);
  if (said.has(key)) return true;
  said.set(key, { at: now, by });
  return false;
}

/** The dedupe key of a request's status change: the same for every element that hears of it. */
export const statusKey = (request: { id: string; status: string; updated_at: string }): string =>
  `${request.id}:${request.status}:${request.updated_at}`;

export interface AnnounceOptions {
  /**
   * What the text is about (a status change: `statusKey(request)`): when another element of the page
   * announced the same key a moment ago, this one stays silent, so a change is said once.
   */
  readonly key?: string;
}

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

  announce(text: string, { key }: AnnounceOptions = {}): void {
    if (key !== undefined && takenAlready(key, this)) return;
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
    for (const [k, { by }] of said) if (by === this) said.delete(k);
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
