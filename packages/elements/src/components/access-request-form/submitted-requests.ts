// After Submit Request: the requests the submission created (one per access flow) with live status
// badges, how the user will be notified (the org's channel, in the guide's words), and the way on —
// My Requests, or a New Request.
import { html, type ReactiveController, type ReactiveElement } from 'lit';
import { msg, str } from '../../internal/locale.js';
import { isStatus, type AccessClient, type AccessRequest } from '@access-requests/sdk';
import { statusLabel } from '../../internal/status-label.js';
import { describeTarget, requestsCount } from '../../internal/format.js';
import { notificationSentence } from '../../internal/request-again-form.js';
import { isNewer, subscribeToRequests } from '../../internal/requests-hub.js';
import { statusKey, type AnnounceOptions } from '../../internal/announcer.js';
import type { OrgSettings } from './draft.js';

export type Channel = OrgSettings['notification_channel'];

/** Only http(s) and same-site relative URLs become links. */
export function safeHref(href: string): string | undefined {
  if (!href.trim()) return undefined;
  try {
    const url = new URL(href, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export interface SuccessView {
  readonly locale: string;
  readonly myRequestsHref: string;
  readonly onMyRequests: (event: Event) => void;
  readonly onNewRequest: () => void;
}

export class SubmittedRequests implements ReactiveController {
  requests: readonly AccessRequest[] = [];
  channel: Channel | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveElement,
    private readonly announce: (text: string, options?: AnnounceOptions) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.clear();
  }

  /** Shows the created requests and keeps their statuses current from the event stream. */
  show(client: AccessClient, requests: readonly AccessRequest[], channel: Channel | undefined): void {
    this.clear();
    this.requests = requests;
    this.channel = channel;
    this.#unsubscribe = subscribeToRequests(client, (update) => {
      const index = this.requests.findIndex((r) => r.id === update.id);
      const current = this.requests[index];
      if (!current || !isNewer(update, current)) return;
      this.requests = this.requests.map((r, i) => (i === index ? update : r));
      if (current.status !== update.status && isStatus(update.status)) {
        const label = statusLabel(update.status);
        this.announce(msg(str`Request for ${describeTarget(update)} is now ${label}.`), {
          key: statusKey(update),
        });
      }
      this.host.requestUpdate();
    });
    this.host.requestUpdate();
  }

  clear(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.requests = [];
  }

  render(view: SuccessView) {
    const count = this.requests.length;
    const href = safeHref(view.myRequestsHref);
    return html`<section class="done" part="done" aria-labelledby="step-title">
      <h2 id="step-title" class="step-title" part="step-title" tabindex="-1">${msg('Request submitted')}</h2>
      <p part="done-summary">
        ${
          count === 1
            ? msg('One request was created.')
            : msg(str`${requestsCount(count)} were created, one per access flow.`)
        }
      </p>
      <ul class="created" part="created" aria-label=${msg('Created requests')}>
        ${this.requests.map(
          (request) =>
            html`<li class="created-request" part="created-request" data-request-id=${request.id}>
              <span class="row-text">
                <span class="row-name">${describeTarget(request)}</span>
                <span class="row-path"
                  >${request.access_flow.name} · ${msg(str`For ${request.grantee.name}`)}</span
                >
              </span>
              <status-badge part="badge" status=${request.status}></status-badge>
            </li>`,
        )}
      </ul>
      <p class="notification" part="notification">${notificationSentence(this.channel)}</p>
      <div class="actions" part="actions">
        ${
          href
            ? html`<a class="button primary" part="my-requests" href=${href} @click=${view.onMyRequests}
                >${msg('My Requests')}</a
              >`
            : html`<button
                type="button"
                class="button primary"
                part="my-requests"
                @click=${view.onMyRequests}
              >
                ${msg('My Requests')}
              </button>`
        }
        <button type="button" class="button" part="new-request" @click=${view.onNewRequest}>
          ${msg('New Request')}
        </button>
      </div>
    </section>`;
  }
}
