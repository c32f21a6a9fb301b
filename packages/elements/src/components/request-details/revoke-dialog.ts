// The Revoke confirmation of <request-details>: a native <dialog> opened with showModal() (focus stays
// inside, Escape cancels, focus goes back to the opener), Cancel first, Yes revokes once: the user's
// own retries (after "Could not reach …") reuse the first Idempotency-Key.
import { html } from 'lit';
import { msg, str } from '../../internal/locale.js';
import type { AccessClient, AccessRequest } from '@access-requests/sdk';
import { describeTarget } from '../../internal/format.js';
import { IntentKey } from '../../internal/intent-key.js';
import { ModalForm, type ModalHost } from '../../internal/modal-form.js';

export interface RevokeDeps {
  client(): AccessClient | undefined;
  /** Where focus goes when the opener is gone once the dialog closes (the Revoke button, once revoking). */
  fallbackFocus(): HTMLElement | null | undefined;
  done(request: AccessRequest): void;
}

/** "Revoke access?" — Yes revokes, Cancel (the initial focus) keeps it. */
export class RevokeDialog extends ModalForm<never> {
  #request: AccessRequest | undefined;
  readonly #intent = new IntentKey();

  constructor(
    host: ModalHost,
    id: string,
    private readonly deps: RevokeDeps,
  ) {
    super(host, id, deps.fallbackFocus, {});
  }

  async open(request: AccessRequest): Promise<void> {
    this.#request = request;
    await this.show();
  }

  confirm = async (): Promise<void> => {
    const client = this.deps.client();
    const request = this.#request;
    if (!client || !request) return;
    const idempotencyKey = this.#intent.for({ revoke: request.id });
    const revoked = await this.send((options) => client.revoke(request.id, { idempotencyKey, ...options }));
    if (!revoked) return;
    this.#intent.clear();
    // The panel shows the outcome first, so that focus goes back to what is still there.
    this.deps.done(revoked);
    await this.host.updateComplete;
    this.close();
  };

  render(request: AccessRequest) {
    return html`<dialog
      id=${this.id}
      part="dialog revoke-dialog"
      aria-labelledby="revoke-title"
      aria-describedby="revoke-text"
    >
      <h2 id="revoke-title" part="dialog-title">${msg('Revoke access?')}</h2>
      <p id="revoke-text">
        ${msg(str`${request.grantee.name} will lose access to ${describeTarget(request)}.`)}
      </p>
      ${this.renderError()}
      <div class="dialog-actions">
        <button class="button" part="cancel" autofocus @click=${this.close}>${msg('Cancel')}</button>
        <button
          class="button danger"
          part="confirm"
          aria-disabled=${this.sending ? 'true' : 'false'}
          @click=${this.confirm}
        >
          ${msg('Yes')}
        </button>
      </div>
    </dialog>`;
  }
}
