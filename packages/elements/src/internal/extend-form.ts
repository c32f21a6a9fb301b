// Extend access: a dialog asking how many more hours (up to the flow's `extension.max_hours`, saying
// how many extensions are left) and why, for the details panel and My Access.
// The server's field errors go next to their fields (`hours` out of range; the body's own errors, no
// extension left, next to Hours); what the user typed stays through a failure, and the user's own
// retries of the same extension reuse its Idempotency-Key.
import { html, nothing } from 'lit';
import { msg, str } from './locale.js';
import type { AccessRequest } from '@access-requests/sdk';
import { describeTarget, formatDateTime, formatHours } from './format.js';
import { IntentKey } from './intent-key.js';
import { ModalForm, type ModalHost } from './modal-form.js';
import { JUSTIFICATION_MAX } from './request-again-form.js';
import type { ExtendDeps } from './extension.js';

export class ExtendForm extends ModalForm<'hours' | 'justification'> {
  hours = '';
  justification = '';
  request: AccessRequest | undefined;
  readonly #intent = new IntentKey();

  constructor(
    host: ModalHost,
    id: string,
    private readonly deps: ExtendDeps,
  ) {
    super(host, id, deps.fallbackFocus, { hours: ['hours', ''], justification: 'justification' });
  }

  async open(request: AccessRequest): Promise<void> {
    if (this.request?.id !== request.id) {
      this.hours = '';
      this.justification = '';
    }
    this.request = request;
    await this.show();
  }

  submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const client = this.deps.client();
    const request = this.request;
    if (!client || !request || this.sending) return;
    const hours = Number(this.hours.trim() || NaN);
    if (!(Number.isInteger(hours) && hours >= 1)) {
      return this.refuse('hours', msg('Enter a whole number of hours, 1 or more.'));
    }
    const justification = this.justification.trim();
    if (!justification) return this.refuse('justification', msg('Enter a justification.'));
    if (justification.length > JUSTIFICATION_MAX) {
      return this.refuse('justification', msg(str`Use at most ${JUSTIFICATION_MAX} characters.`));
    }
    const body = { hours, justification };
    const idempotencyKey = this.#intent.for({ extend: request.id, body });
    const extended = await this.send((options) =>
      client.extend(request.id, body, { idempotencyKey, ...options }),
    );
    if (!extended) return;
    this.#intent.clear();
    this.hours = '';
    this.justification = '';
    // The host shows the outcome first, so that focus goes back to what is still there.
    this.deps.done(extended);
    await this.host.updateComplete;
    this.close();
  };

  render(locale: string) {
    const request = this.request;
    return html`<dialog id=${this.id} part="dialog extend-dialog" aria-labelledby=${`${this.id}-title`}>
      ${request ? this.#renderForm(request, locale) : nothing}
    </dialog>`;
  }

  #renderForm(request: AccessRequest, locale: string) {
    const policy = request.extension;
    const h = this.describe('hours');
    const left = policy?.remaining ?? 0;
    return html`<form novalidate @submit=${this.submit}>
      <h2 id=${`${this.id}-title`}>${msg('Extend access')}</h2>
      <p class="muted">
        ${describeTarget(request)}
        ${
          request.expires_at
            ? html`· ${msg('Expires')}
                <time datetime=${request.expires_at}>${formatDateTime(locale, request.expires_at)}</time>`
            : nothing
        }
      </p>
      ${
        policy?.requires_approval
          ? html`<p>
              ${msg('The extension waits for the approvers; meanwhile your access stays active until its current expiry.')}
            </p>`
          : nothing
      }
      ${this.renderError()}
      <div class="field">
        <label for=${h.id}>${msg('Hours to add')}</label>
        <input
          id=${h.id}
          type="number"
          min="1"
          max=${policy?.max_hours ?? 1}
          step="1"
          inputmode="numeric"
          required
          aria-invalid=${h.invalid}
          aria-describedby=${h.describedBy}
          .value=${this.hours}
          @input=${(e: Event) => (this.hours = (e.target as HTMLInputElement).value)}
        />
        <span class="hint" id=${`${h.id}-hint`}>
          ${msg(str`Up to ${formatHours(locale, policy?.max_hours ?? 1)}.`)}
          ${left === 1 ? msg('1 extension left.') : msg(str`${left} extensions left.`)}
        </span>
        ${h.error}
      </div>
      ${this.textarea('justification', {
        label: msg('Justification'),
        value: this.justification,
        max: JUSTIFICATION_MAX,
        required: true,
        rows: 3,
        locale,
        onInput: (value) => (this.justification = value),
      })}
      <div class="dialog-actions">
        <button type="button" class="button" @click=${this.close}>${msg('Cancel')}</button>
        <button type="submit" class="button primary" aria-disabled=${this.sending ? 'true' : 'false'}>
          ${this.sending ? msg('Sending…') : msg('Extend')}
        </button>
      </div>
    </form>`;
  }
}
