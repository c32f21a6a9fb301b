// The split before submit: the server's preview of how the submission divides into requests, one
// per access flow — each flow's approval (automatic, or by whom), longest duration and requirements.
import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import { msg, str } from '../../internal/locale.js';
import type { AccessClient, components } from '@access-requests/sdk';
import { LatestTask } from '../../internal/latest-task.js';
import { formatHours, formatList, formatNumber, requestsCount } from '../../internal/format.js';
import { problemText } from '../../internal/problem.js';
import {
  requestBody,
  type CustomField,
  type Draft,
  type Preview,
  type PreviewGroup,
  type RequestInput,
} from './draft.js';

const PREVIEW_DELAY_MS = 300;
/** Items named per flow before "and N more". */
const NAMED_ITEMS = 5;

/**
 * What the preview asks the server about. A duration the user has not set is the form's own pick, the
 * org's default within the flows' maximum, and that maximum is what the preview answers: previewing the
 * pick would change it with every answer and send the preview again. So it is previewed as 1 hour, which
 * every flow allows (the split and the other fields' errors do not depend on it); a duration the user
 * typed is previewed as typed, for the server's word on it. The custom fields' answers go with it
 * for the `fields` the last preview asked (a change of flows that asks others previews again).
 */
export function previewBody(draft: Draft, fields: readonly CustomField[] = []): RequestInput | undefined {
  const body = requestBody(draft, 'preview', fields);
  return body && !draft.durationTouched ? { ...body, duration_hours: 1 } : body;
}

export class PreviewRunner implements ReactiveController {
  preview: Preview | undefined;
  /** The body the preview answered. */
  body: RequestInput | undefined;
  error: unknown;
  /** The server's clock minus this page's when the preview arrived (its `server_time`). */
  serverOffset = 0;
  readonly #call: LatestTask;
  #key = '';

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
    this.#call = new LatestTask(host);
  }

  hostDisconnected(): void {
    this.reset();
  }

  get loading(): boolean {
    return this.#call.pending;
  }

  /** Previews `body` unless it is the one previewed; soon after a change, at once the first time. */
  sync(client: AccessClient | undefined, body: RequestInput | undefined): void {
    const key = body ? JSON.stringify(body) : '';
    if (!client || !body || key === this.#key) return;
    const first = this.#key === '';
    this.#key = key;
    this.#call.start(
      (signal) => client.preview(body, { signal }),
      (outcome) => {
        if (outcome.ok) {
          this.preview = outcome.value;
          this.serverOffset = Date.parse(outcome.value.server_time) - Date.now();
          this.body = body;
          this.error = undefined;
        } else {
          this.error = outcome.error;
          this.#key = ''; // try again on the next change
        }
        this.host.requestUpdate();
      },
      first ? 0 : PREVIEW_DELAY_MS,
    );
    this.host.requestUpdate();
  }

  /** Waits for the preview in flight, if any. */
  settled(): Promise<void> {
    return this.#call.settled();
  }

  /** The server's now, as the last preview counts it; undefined before one arrived. */
  serverNow(): number | undefined {
    return this.preview ? Date.now() + this.serverOffset : undefined;
  }

  reset(): void {
    this.#call.cancel();
    this.#key = '';
    this.preview = undefined;
    this.body = undefined;
    this.error = undefined;
  }
}

type PreviewItem = components['schemas']['PreviewItem'];

export function itemName(item: PreviewItem): string {
  if (item.kind === 'bundle') return item.bundle?.name ?? '';
  const target = item.kind === 'app' ? item.app : item.resource;
  return `${target?.name ?? ''} (${item.permission?.name ?? ''})`;
}

export function approvalText(group: PreviewGroup, locale: string): string {
  const flow = group.access_flow;
  if (flow.approval === 'automatic' || flow.approvers.length === 0) return msg('Approved automatically');
  const names = formatList(
    locale,
    flow.approvers.map((a) => a.name),
  );
  return msg(str`Approval by ${names}`);
}

function renderGroup(group: PreviewGroup, index: number, locale: string) {
  const named = group.items.slice(0, NAMED_ITEMS).map(itemName);
  const more = group.items.length - named.length;
  const requirements = [
    msg(str`Up to ${formatHours(locale, group.max_duration_hours)}`),
    group.justification_required ? msg('Justification required') : '',
    group.ticket_required ? msg('Ticket required') : '',
    group.custom_fields.length
      ? msg(
          str`Asks for ${formatList(
            locale,
            group.custom_fields.map((f) => f.label),
          )}`,
        )
      : '',
  ].filter(Boolean);
  return html`<li
    class="flow"
    part="flow"
    data-flow=${group.access_flow.id}
    aria-labelledby=${`flow-${index}`}
  >
    <span class="flow-name" id=${`flow-${index}`}>${group.access_flow.name}</span>
    <span class="flow-approval" part="flow-approval" data-approval=${group.access_flow.approval}
      >${approvalText(group, locale)}</span
    >
    <ul class="flow-requirements" part="flow-requirements" aria-label=${msg('Requirements')}>
      ${requirements.map((text) => html`<li>${text}</li>`)}
    </ul>
    <p class="flow-items">
      ${named.join(', ')}${more > 0 ? msg(str` and ${formatNumber(locale, more)} more`) : nothing}
    </p>
  </li>`;
}

export function renderSplit(runner: PreviewRunner, locale: string) {
  const groups = runner.preview?.groups ?? [];
  let summary: unknown = nothing;
  if (runner.error && !runner.preview) {
    summary = html`<p class="error-text">
      ${msg('The routing could not be previewed:')} ${problemText(runner.error)}
    </p>`;
  } else if (!runner.preview) {
    summary = html`<p class="hint">${msg('Working out how your request will be routed…')}</p>`;
  } else if (groups.length > 1) {
    summary = html`<p class="hint">
      ${msg(str`It will be sent as ${requestsCount(groups.length)}, one per access flow.`)}
    </p>`;
  } else if (groups.length === 1) {
    summary = html`<p class="hint">${msg('It will be sent as one request.')}</p>`;
  }
  return html`<section
    class="split"
    part="split"
    aria-labelledby="split-title"
    aria-busy=${runner.loading ? 'true' : 'false'}
  >
    <h3 id="split-title">${msg('How your request will be routed')}</h3>
    ${summary}
    ${
      groups.length
        ? html`<ol class="flows" part="flows">
            ${groups.map((g, i) => renderGroup(g, i, locale))}
          </ol>`
        : nothing
    }
  </section>`;
}
