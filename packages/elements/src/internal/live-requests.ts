// An element's subscription to the requests hub, kept in step with the client it uses: subscribed
// while it is connected, moved to the new client when the client changes; and what the element's
// rendering needs around it: the caller's id, the page's language, and the line saying live updates
// are paused while the hub polls.
import { css, html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg, str } from './locale.js';
import type { AccessClient, WatchState } from '@access-requests/sdk';
import { formatNumber, localeOf } from './format.js';
import {
  callerOf,
  onFirstConnect,
  subscribeToLiveState,
  subscribeToRequests,
  type RequestListener,
} from './requests-hub.js';

/** The look of `renderLiveStatus()`'s line (the element's `live-status` part). */
export const liveStatusStyles = css`
  .live-status {
    margin: 0;
    padding: var(--_space-1) var(--_space-2);
    border-inline-start: 3px solid var(--_border);
    color: var(--_muted);
    font-size: var(--_font-small);
  }
`;

export class LiveRequests implements ReactiveController {
  #client: AccessClient | undefined;
  #stop: (() => void) | undefined;
  #callerId: string | undefined;
  #state: WatchState | undefined;
  /** The watch connected while the element's load was on its way: catch up once it is in. */
  #catchUpPending = false;
  #connected = false;
  /** The language of the page around the element (its closest `lang`), read when it connects. */
  locale = 'en';

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly client: () => AccessClient | undefined,
    private readonly listener: RequestListener,
    /**
     * What to read again when the shared watch connects for the first time after this element
     * subscribed (changes made before were not streamed): `run` at once, or, while the element's own
     * load is on its way (`loading`), once it is in.
     */
    private readonly catchUp?: { readonly loading: () => boolean; readonly run: () => void },
  ) {
    host.addController(this);
  }

  /** The id of the client's caller, once `GET /v1/me` has answered. */
  get callerId(): string | undefined {
    return this.#callerId;
  }

  hostUpdated(): void {
    if (this.#catchUpPending && !this.catchUp?.loading()) {
      this.#catchUpPending = false;
      this.catchUp?.run();
    }
    // A disconnected element can still update (a load that answers late): it must not subscribe again.
    if (!this.#connected) return;
    const client = this.client();
    if (client === this.#client) return;
    this.#unsubscribe();
    this.#client = client;
    if (!client) return;
    const stopRequests = subscribeToRequests(client, this.listener);
    const stopState = subscribeToLiveState(client, (state) => {
      if (this.#client !== client || state?.mode === this.#state?.mode) return;
      this.#state = state;
      this.host.requestUpdate();
    });
    const stopConnect = onFirstConnect(client, () => {
      if (this.#client !== client || !this.catchUp) return;
      if (this.catchUp.loading()) this.#catchUpPending = true;
      else this.catchUp.run();
    });
    this.#stop = () => {
      stopConnect();
      stopState();
      stopRequests();
    };
    callerOf(client).then(
      (me) => {
        if (this.#client === client) {
          this.#callerId = me.user.id;
          this.host.requestUpdate();
        }
      },
      () => undefined,
    );
  }

  hostConnected(): void {
    this.#connected = true;
    this.locale = localeOf(this.host);
    // (Re)connected: subscribe at the next update.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe();
  }

  #unsubscribe(): void {
    this.#stop?.();
    this.#stop = undefined;
    this.#client = undefined;
    this.#callerId = undefined;
    this.#state = undefined;
    this.#catchUpPending = false;
  }

  /** The poll interval while live updates are paused (the stream fails, or the server has none). */
  get pollIntervalMs(): number | undefined {
    return this.#state?.mode === 'polling' ? this.#state.pollIntervalMs : undefined;
  }

  /**
   * The `live-status` part: "Live updates paused — checking every 5 s" while the hub polls, empty
   * (and hidden) while updates are live. A polite status region, there from the start so that what
   * it says is announced.
   */
  renderLiveStatus() {
    const interval = this.pollIntervalMs;
    const text =
      interval === undefined
        ? ''
        : msg(str`Live updates paused — checking every ${formatNumber(this.locale, interval / 1000)} s`);
    return html`<p part="live-status" class=${text ? 'live-status' : 'visually-hidden'} role="status">
      ${text}
    </p>`;
  }
}
