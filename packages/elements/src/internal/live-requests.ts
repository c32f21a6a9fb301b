// An element's subscription to the requests hub, kept in step with the client it uses: subscribed
// while it is connected, moved to the new client when the client changes; and what the element's
// rendering needs around it: the caller's id and the page's language.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AccessClient } from '@access-requests/sdk';
import { localeOf } from './format.js';
import { callerOf, subscribeToRequests, type RequestListener } from './requests-hub.js';

export class LiveRequests implements ReactiveController {
  #client: AccessClient | undefined;
  #stop: (() => void) | undefined;
  #callerId: string | undefined;
  #connected = false;
  /** The language of the page around the element (its closest `lang`), read when it connects. */
  locale = 'en';

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly client: () => AccessClient | undefined,
    private readonly listener: RequestListener,
  ) {
    host.addController(this);
  }

  /** The id of the client's caller, once `GET /v1/me` has answered. */
  get callerId(): string | undefined {
    return this.#callerId;
  }

  hostUpdated(): void {
    // A disconnected element can still update (a load that answers late): it must not subscribe again.
    if (!this.#connected) return;
    const client = this.client();
    if (client === this.#client) return;
    this.#unsubscribe();
    this.#client = client;
    if (!client) return;
    this.#stop = subscribeToRequests(client, this.listener);
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
  }
}
