// One request card of <request-list>: a template, not an element, so that a long list stays cheap.
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '../../internal/locale.js';
import type { AccessRequest } from '@access-requests/sdk';
import { describeTarget, formatDateTime, formatHours, upcomingStart } from '../../internal/format.js';
import { startTime } from '../../internal/start-time.js';
import { starIcon } from '../../internal/icons.js';

export interface CardOptions {
  readonly index: number;
  /** `aria-setsize`: the total, or -1 while more pages may follow. */
  readonly setSize: number;
  /** The card that is the list's tab stop (roving focus). */
  readonly active: boolean;
  readonly selected: boolean;
  readonly locale: string;
  /** Host content for the card's footer (fallback of the `card-footer-<id>` slot). */
  readonly footer: unknown;
  /** The star's change is on its way to the server. */
  readonly busy: boolean;
  /** Why the star's last change failed, with Retry (or `nothing`). */
  readonly failure: unknown;
}

export const cardTitleId = (request: AccessRequest) => `title-${request.id}`;

export function renderCard(request: AccessRequest, o: CardOptions) {
  const onBehalf = request.requester.id !== request.grantee.id;
  const startsAt = upcomingStart(request);
  return html`<article
    part=${o.selected ? 'card card-selected' : 'card'}
    class="card surface"
    data-index=${o.index}
    data-row=${o.index}
    tabindex=${o.active ? 0 : -1}
    aria-labelledby=${cardTitleId(request)}
    aria-posinset=${o.index + 1}
    aria-setsize=${o.setSize}
    aria-current=${ifDefined(o.selected ? 'true' : undefined)}
  >
    <div class="card-head">
      <span part="card-title" class="card-title" id=${cardTitleId(request)}>${describeTarget(request)}</span>
      <status-badge
        part="badge"
        status=${request.status}
        reason=${request.status === 'rejected' ? (request.rejection_reason ?? '') : ''}
        ?no-tab-stop=${!o.active}
      ></status-badge>
      ${
        request.can.favorite
          ? html`<button
              part="star"
              class="icon-button star"
              data-action="favorite"
              aria-pressed=${request.favorite ? 'true' : 'false'}
              aria-disabled=${o.busy ? 'true' : 'false'}
              aria-label=${msg(str`Favorite ${describeTarget(request)}`)}
              tabindex=${o.active ? 0 : -1}
            >
              ${starIcon(request.favorite)}
            </button>`
          : nothing
      }
    </div>
    <dl part="card-meta" class="meta">
      <div>
        <dt>${msg('For')}</dt>
        <dd>${request.grantee.name}</dd>
      </div>
      ${
        onBehalf
          ? html`<div>
              <dt>${msg('Requested by')}</dt>
              <dd>${request.requester.name}</dd>
            </div>`
          : nothing
      }
      <div>
        <dt>${msg('Duration')}</dt>
        <dd>${formatHours(o.locale, request.duration_hours)}</dd>
      </div>
      ${
        startsAt
          ? html`<div class="starts">
              <dt>${msg('Starts')}</dt>
              <dd>${startTime(o.locale, startsAt)}</dd>
            </div>`
          : nothing
      }
      <div>
        <dt>${msg('Created')}</dt>
        <dd><time datetime=${request.created_at}>${formatDateTime(o.locale, request.created_at)}</time></dd>
      </div>
    </dl>
    ${o.failure}
    <div part="card-footer" class="card-footer">
      <slot name=${`card-footer-${request.id}`}>${o.footer}</slot>
    </div>
  </article>`;
}
