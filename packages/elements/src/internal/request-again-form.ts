// Request again, as the My Access page offers it: a dialog that asks only for a Justification
// (and, optionally, a new Duration in Hours), submits, and then confirms what was created and how the
// user will be told about it (the org's notification channel).
import { html, nothing } from 'lit';
import { msg, str } from './locale.js';
import { LIMITS } from '@access-requests/contract';
import type { AccessClient, AccessRequest } from '@access-requests/sdk';
import { describeTarget, formatHours } from './format.js';
import { IntentKey } from './intent-key.js';
import { ModalForm, type ModalHost } from './modal-form.js';
import type { Me } from './requests-hub.js';

export const JUSTIFICATION_MAX = LIMITS.justification.maxLength;

type Channel = Me['org']['notification_channel'];

/** How the user will hear about the new request, in the sentence the portal uses everywhere. */
export function notificationSentence(channel: Channel | undefined): string {
  switch (channel) {
    case 'slack':
      return msg('You will receive a notification via Slack.');
    case 'teams':
      return msg('You will receive a notification via Microsoft Teams.');
    case 'email':
      return msg('You will receive a notification by email.');
    default:
      return msg(
        'If enabled by your admin, you will receive a notification via Slack or Microsoft Teams. Otherwise, the notification will be delivered by email.',
      );
  }
}

export interface RequestAgainDeps {
  client(): AccessClient | undefined;
  fallbackFocus(): HTMLElement | null | undefined;
  /** The new requests, once created; `sentence` says how the user will be notified. */
  done(requests: AccessRequest[], source: AccessRequest, sentence: string): void;
}

export class RequestAgainForm extends ModalForm<'justification' | 'duration'> {
  justification = '';
  duration = '';
  source: AccessRequest | undefined;
  /** The requests the submission created: the dialog shows its confirmation. */
  created: AccessRequest[] = [];
  sentence = '';
  #channel: Promise<Channel | undefined> = Promise.resolve(undefined);
  /** Submitting the same again after a lost answer replays it: one request, not two. */
  readonly #intent = new IntentKey();

  constructor(
    host: ModalHost,
    id: string,
    private readonly deps: RequestAgainDeps,
  ) {
    super(host, id, deps.fallbackFocus, { justification: 'justification', duration: 'duration_hours' });
  }

  async open(request: AccessRequest): Promise<void> {
    if (this.source?.id !== request.id || this.created.length) {
      this.justification = '';
      this.duration = '';
    }
    this.source = request;
    this.created = [];
    // Asked afresh each time: an admin may have switched the channel since the page loaded.
    this.#channel =
      this.deps
        .client()
        ?.me()
        .then(
          (me) => me.org.notification_channel,
          () => undefined,
        ) ?? Promise.resolve(undefined);
    await this.show();
  }

  submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const client = this.deps.client();
    const source = this.source;
    if (!client || !source || this.sending) return;
    const justification = this.justification.trim();
    if (!justification) return this.refuse('justification', msg('Enter a justification.'));
    if (justification.length > JUSTIFICATION_MAX) {
      return this.refuse('justification', msg(str`Use at most ${JUSTIFICATION_MAX} characters.`));
    }
    const hours = this.duration.trim() === '' ? undefined : Number(this.duration);
    if (hours !== undefined && !(Number.isInteger(hours) && hours >= 1)) {
      return this.refuse('duration', msg('Enter a whole number of hours, 1 or more.'));
    }
    const body = { justification, ...(hours === undefined ? {} : { duration_hours: hours }) };
    const idempotencyKey = this.#intent.for({ id: source.id, body });
    const created = await this.send((options) =>
      client.requestAgain(source.id, body, { idempotencyKey, ...options }),
    );
    if (!created) return;
    this.#intent.clear();
    this.sentence = notificationSentence(await this.#channel);
    this.created = created;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.dialog?.querySelector<HTMLElement>(`#${this.id}-done`)?.focus();
    this.deps.done(created, source, this.sentence);
  };

  render(locale: string) {
    const source = this.source;
    return html`<dialog
      id=${this.id}
      part="dialog request-again-dialog"
      aria-labelledby=${this.created.length ? `${this.id}-done` : `${this.id}-title`}
    >
      ${source ? (this.created.length ? this.#renderDone() : this.#renderForm(source, locale)) : nothing}
    </dialog>`;
  }

  #renderForm(source: AccessRequest, locale: string) {
    const d = this.describe('duration');
    return html`<form novalidate @submit=${this.submit}>
      <h2 id=${`${this.id}-title`}>${msg('Request again')}</h2>
      <p class="muted">${describeTarget(source)}</p>
      ${this.renderError()}
      ${this.textarea('justification', {
        label: msg('Justification'),
        value: this.justification,
        max: JUSTIFICATION_MAX,
        required: true,
        rows: 4,
        locale,
        onInput: (value) => (this.justification = value),
      })}
      <div class="field">
        <label for=${d.id}
          >${msg('Duration in Hours')} <span class="optional">${msg('(optional)')}</span></label
        >
        <input
          id=${d.id}
          type="number"
          min="1"
          step="1"
          inputmode="numeric"
          placeholder=${String(source.duration_hours)}
          aria-invalid=${d.invalid}
          aria-describedby=${d.describedBy}
          .value=${this.duration}
          @input=${(e: Event) => (this.duration = (e.target as HTMLInputElement).value)}
        />
        <span class="hint" id=${`${d.id}-hint`}
          >${msg(str`Leave empty to ask for ${formatHours(locale, source.duration_hours)} again.`)}</span
        >
        ${d.error}
      </div>
      <div class="dialog-actions">
        <button type="button" class="button" @click=${this.close}>${msg('Cancel')}</button>
        <button type="submit" class="button primary" aria-disabled=${this.sending ? 'true' : 'false'}>
          ${this.sending ? msg('Sending…') : msg('Submit Request')}
        </button>
      </div>
    </form>`;
  }

  #renderDone() {
    return html`<h2 id=${`${this.id}-done`} tabindex="-1">${msg('Request submitted')}</h2>
      <ul part="created" class="created">
        ${this.created.map(
          (request) =>
            html`<li>
              <status-badge status=${request.status}></status-badge>
              <span>${describeTarget(request)}</span>
              <span class="muted">${request.access_flow.name}</span>
            </li>`,
        )}
      </ul>
      <p part="notification-channel">${this.sentence}</p>
      <div class="dialog-actions">
        <button type="button" class="button primary" @click=${this.close}>${msg('Close')}</button>
      </div>`;
  }
}
