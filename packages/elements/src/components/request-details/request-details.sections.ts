// The read-only sections of <request-details>: Access to, people and terms, Approvals, Timeline.
import { html, nothing } from 'lit';
import { msg, str } from '../../internal/locale.js';
import type { AccessRequest, components } from '@access-requests/sdk';
import { renderRetry } from '../../internal/retry.js';
import { formatDateTime, formatHours, formatNumber, upcomingStart } from '../../internal/format.js';
import { startTime } from '../../internal/start-time.js';

export type RequestResource = components['schemas']['RequestResource'];
type Approval = AccessRequest['approvals'][number];

const pair = (resource: string, permission: string) =>
  html`<li part="resource">
    <span class="resource">${resource}</span> <span class="permission">${permission}</span>
  </li>`;

export interface ResourcesView {
  readonly open: boolean;
  readonly items: readonly RequestResource[];
  readonly loading: boolean;
  readonly error: string;
  readonly hasMore: boolean;
  readonly onToggle: () => void;
  readonly onMore: () => void;
}

const pairsText = (locale: string, count: number) =>
  count === 1
    ? msg('1 resource and permission pair')
    : msg(str`${formatNumber(locale, count)} resource and permission pairs`);

export function renderAccessTo(request: AccessRequest, locale: string, view: ResourcesView) {
  const target = request.target;
  const summary =
    target.type === 'app'
      ? html`<ul class="pairs">
          ${pair(target.app.name, target.permission.name)}
        </ul>`
      : target.type === 'bundle'
        ? html`<p>${target.bundle.name}</p>`
        : html`<ul class="pairs">
            ${target.resources_summary.map((p) => pair(p.resource.name, p.permission.name))}
          </ul>`;
  const count = target.type === 'app' ? undefined : target.resource_count;
  return html`<section part="access-to" aria-labelledby="access-to-title">
    <h3 id="access-to-title" part="section-title">${msg('Access to')}</h3>
    ${summary} ${count === undefined ? nothing : html`<p class="muted">${pairsText(locale, count)}</p>`}
    <button
      class="button"
      part="resources-toggle"
      aria-expanded=${view.open ? 'true' : 'false'}
      aria-controls="resources"
      @click=${view.onToggle}
    >
      ${view.open ? msg('Hide resources') : msg('View resources')}
    </button>
    <div id="resources" part="resources" ?hidden=${!view.open} aria-busy=${view.loading ? 'true' : 'false'}>
      ${view.open ? renderResources(view) : nothing}
    </div>
  </section>`;
}

function renderResources(view: ResourcesView) {
  return html`<ul class="pairs resources" aria-label=${msg('Resources')}>
      ${view.items.map(
        (r) =>
          html`<li part="resource">
            <span class="resource">${r.resource.name}</span>
            <span class="permission">${r.permission.name}</span>
            <span class="muted path">${r.resource.resource_type.name} · ${r.resource.path}</span>
          </li>`,
      )}
    </ul>
    ${view.loading ? html`<p role="status">${msg('Loading resources…')}</p>` : nothing}
    ${
      view.error
        ? renderRetry({ message: view.error, onRetry: view.onMore, class: 'error-text', layout: 'inline' })
        : nothing
    }
    ${
      view.hasMore && !view.loading && !view.error
        ? html`<button class="button" part="resources-more" @click=${view.onMore}>
            ${msg('Load more resources')}
          </button>`
        : nothing
    }`;
}

const revocationText = (reason: AccessRequest['revocation_reason']) =>
  reason === 'user'
    ? msg('By the requester')
    : reason === 'admin'
      ? msg('By an admin')
      : reason === 'expired'
        ? msg('Expired')
        : '';

export function renderFacts(request: AccessRequest, locale: string) {
  const row = (term: string, value: unknown) =>
    html`<div>
      <dt>${term}</dt>
      <dd>${value}</dd>
    </div>`;
  const person = (p: AccessRequest['grantee']) => html`${p.name} <span class="muted">${p.email}</span>`;
  return html`<dl part="facts" class="facts">
    ${row(msg('Requested for'), person(request.grantee))}
    ${row(msg('Requested by'), person(request.requester))}
    ${row(msg('Duration'), formatHours(locale, request.duration_hours))}
    ${request.starts_at ? row(msg('Start'), startTime(locale, request.starts_at)) : nothing}
    ${row(msg('Justification'), request.justification ?? msg('None given'))}
    ${request.ticket ? row(msg('Ticket'), `${request.ticket.type.name} ${request.ticket.id}`) : nothing}
    ${request.custom_fields.map((answer) => row(answer.label, answer.display))}
    ${row(msg('Access flow'), request.access_flow.name)}
    ${request.status_reason ? row(msg('Failure reason'), request.status_reason) : nothing}
    ${request.revocation_reason ? row(msg('Revoked'), revocationText(request.revocation_reason)) : nothing}
  </dl>`;
}

const decision = (a: Approval) =>
  a.status === 'approved'
    ? msg('Approved')
    : a.status === 'rejected'
      ? msg('Rejected')
      : msg('Waiting for a decision');

export function renderApprovals(request: AccessRequest, locale: string) {
  return html`<section part="approvals" aria-labelledby="approvals-title">
    <h3 id="approvals-title" part="section-title">${msg('Approvals')}</h3>
    ${
      request.approvals.length === 0
        ? html`<p class="muted">${msg('No approval needed: this access flow approves automatically.')}</p>`
        : html`<ul class="approvals">
            ${request.approvals.map(
              (a) =>
                html`<li part="approval" class=${`approval ${a.status}`}>
                  <span class="approver">${a.approver.name}</span>
                  <span class="decision">${decision(a)}</span>
                  ${a.decided_at ? html`<time class="muted" datetime=${a.decided_at}>${formatDateTime(locale, a.decided_at)}</time>` : nothing}
                  ${a.reason && a.status !== 'rejected' ? html`<p class="approval-reason">${a.reason}</p>` : nothing}
                </li>`,
            )}
          </ul>`
    }
    ${
      request.status === 'rejected'
        ? html`<div part="rejection-reason" class="rejection">
            <h4>${msg('Rejection Reason')}</h4>
            <p>${request.rejection_reason ?? msg('No reason was given.')}</p>
          </div>`
        : nothing
    }
  </section>`;
}

interface Moment {
  readonly at: string;
  readonly text: string;
}

function moments(request: AccessRequest): Moment[] {
  const list: Moment[] = [{ at: request.created_at, text: msg(str`Requested by ${request.requester.name}`) }];
  for (const a of request.approvals) {
    if (!a.decided_at) continue;
    list.push({
      at: a.decided_at,
      text:
        a.status === 'rejected'
          ? msg(str`Rejected by ${a.approver.name}`)
          : msg(str`Approved by ${a.approver.name}`),
    });
  }
  const startsAt = upcomingStart(request);
  if (startsAt) {
    list.push({ at: startsAt, text: msg('Starts') });
    const ends = Date.parse(startsAt) + request.duration_hours * 3_600_000;
    list.push({ at: new Date(ends).toISOString(), text: msg('Expires') });
  }
  if (request.granted_at) list.push({ at: request.granted_at, text: msg('Access granted') });
  if (request.status === 'revoking') list.push({ at: request.updated_at, text: msg('Revocation started') });
  if (request.status === 'failed') list.push({ at: request.updated_at, text: msg('Failed') });
  if (request.expires_at && (request.status === 'active' || request.status === 'granting')) {
    list.push({ at: request.expires_at, text: msg('Expires') });
  } else if (request.expires_at && request.revocation_reason === 'expired') {
    list.push({ at: request.expires_at, text: msg('Expired') });
  }
  if (request.revoked_at) list.push({ at: request.revoked_at, text: msg('Access revoked') });
  return list.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

export function renderTimeline(request: AccessRequest, locale: string) {
  return html`<section part="timeline" aria-labelledby="timeline-title">
    <h3 id="timeline-title" part="section-title">${msg('Timeline')}</h3>
    <ol class="timeline">
      ${moments(request).map(
        (m) =>
          html`<li part="timeline-item">
            <time datetime=${m.at}>${formatDateTime(locale, m.at)}</time> <span>${m.text}</span>
          </li>`,
      )}
    </ol>
  </section>`;
}
