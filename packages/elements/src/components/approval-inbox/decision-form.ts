// Approve (with an optional reason) and Reject (with a required reason), each confirmed in a modal
// dialog. A reason is at most 123 characters ("under 124"): refused here before the server would.
import { html, nothing } from 'lit';
import { msg, str } from '../../internal/locale.js';
import { LIMITS } from '@access-requests/contract';
import type { AccessClient, AccessRequest } from '@access-requests/sdk';
import { describeTarget } from '../../internal/format.js';
import { IntentKey } from '../../internal/intent-key.js';
import { ModalForm, type ModalHost } from '../../internal/modal-form.js';

export const REASON_MAX = LIMITS.rejectionReason.maxLength;

export type Decision = 'approve' | 'reject';

interface Deps {
  client(): AccessClient | undefined;
  fallbackFocus(): HTMLElement | null | undefined;
  done(request: AccessRequest, decision: Decision): void;
}

export class DecisionForm extends ModalForm<'reason'> {
  decision: Decision = 'approve';
  request: AccessRequest | undefined;
  reason = '';
  readonly #intent = new IntentKey();

  constructor(
    host: ModalHost,
    id: string,
    private readonly deps: Deps,
  ) {
    super(host, id, deps.fallbackFocus, { reason: 'reason' });
  }

  async open(request: AccessRequest, decision: Decision): Promise<void> {
    if (this.request?.id !== request.id || this.decision !== decision) this.reason = '';
    this.request = request;
    this.decision = decision;
    await this.show();
  }

  submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const client = this.deps.client();
    const request = this.request;
    if (!client || !request || this.sending) return;
    const reason = this.reason.trim();
    if (this.decision === 'reject' && !reason)
      return this.refuse('reason', msg('Enter a reason for the rejection.'));
    if (reason.length > REASON_MAX)
      return this.refuse('reason', msg(str`Use fewer than ${REASON_MAX + 1} characters.`));
    // One key per decision: the user's retries of the same decision and reason reuse it.
    const body = reason ? { reason } : {};
    const idempotencyKey = this.#intent.for({ id: request.id, decision: this.decision, body });
    const decided = await this.send((options) =>
      this.decision === 'approve'
        ? client.approve(request.id, body, { idempotencyKey, ...options })
        : client.reject(request.id, { reason }, { idempotencyKey, ...options }),
    );
    if (!decided) return;
    this.#intent.clear();
    this.reason = '';
    this.close();
    this.deps.done(decided, this.decision);
  };

  render(locale: string) {
    const request = this.request;
    const approving = this.decision === 'approve';
    return html`<dialog id=${this.id} part="dialog decision-dialog" aria-labelledby=${`${this.id}-title`}>
      ${
        request
          ? html`<form novalidate @submit=${this.submit}>
              <h2 id=${`${this.id}-title`}>
                ${
                  request.extension?.pending
                    ? approving
                      ? msg('Approve this extension?')
                      : msg('Reject this extension?')
                    : approving
                      ? msg('Approve this request?')
                      : msg('Reject this request?')
                }
              </h2>
              <p class="muted">${describeTarget(request)} · ${request.grantee.name}</p>
              ${this.renderError()}
              ${this.textarea('reason', {
                label: html`${msg('Reason')}
                ${approving ? html`<span class="optional">${msg('(optional)')}</span>` : nothing}`,
                value: this.reason,
                max: REASON_MAX,
                required: !approving,
                rows: 3,
                locale,
                onInput: (value) => (this.reason = value),
              })}
              <div class="dialog-actions">
                <button type="button" class="button" @click=${this.close}>${msg('Cancel')}</button>
                <button
                  type="submit"
                  class=${approving ? 'button primary' : 'button danger'}
                  aria-disabled=${this.sending ? 'true' : 'false'}
                >
                  ${approving ? msg('Approve') : msg('Reject')}
                </button>
              </div>
            </form>`
          : nothing
      }
    </dialog>`;
  }
}
