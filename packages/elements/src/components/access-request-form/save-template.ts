// "Save as template" on the details step: the current request (selection with permissions, duration,
// justification, ticket type) saved under a name (`client.createTemplate`), sent once per intent (the
// same name and request reuse their Idempotency-Key), the server's field errors next to the name or in
// the panel's message, and the name the user typed kept whatever happens.
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { LIMITS } from '@access-requests/contract';
import { ApiError, type AccessClient, type Template } from '@access-requests/sdk';
import { msg, str } from '../../internal/locale.js';
import { IntentKey } from '../../internal/intent-key.js';
import { problemText } from '../../internal/problem.js';
import { requestBody, type Draft } from './draft.js';

type TemplateRequest = Template['request'];

/** What of the draft a template keeps: the selection, and the duration, justification and ticket type. */
export function templateRequestOf(draft: Draft): TemplateRequest | undefined {
  const body = requestBody(draft);
  if (!body) return undefined;
  const { grantee_id: _grantee, ticket: _ticket, duration_hours: hours, ...rest } = body;
  return {
    ...rest,
    ...(draft.durationTouched && hours >= 1 ? { duration_hours: hours } : {}),
    ...(draft.ticketTypeId ? { ticket_type_id: draft.ticketTypeId } : {}),
  };
}

export class TemplateSaver {
  open = false;
  name = '';
  saving = false;
  nameError = '';
  message = '';
  saved: Template | undefined;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #key = new IntentKey();
  readonly #announce: (text: string) => void;
  readonly #onSaved: (template: Template) => void;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    announce: (text: string) => void,
    onSaved: (template: Template) => void,
  ) {
    this.#host = host;
    this.#announce = announce;
    this.#onSaved = onSaved;
  }

  #set(patch: Partial<Pick<TemplateSaver, 'open' | 'name' | 'saving' | 'nameError' | 'message' | 'saved'>>) {
    Object.assign(this, patch);
    this.#host.requestUpdate();
  }

  async #focus(selector: string): Promise<void> {
    await this.#host.updateComplete;
    this.#host.shadowRoot?.querySelector<HTMLElement>(selector)?.focus();
  }

  toggle = (): void => {
    this.#set({ open: !this.open, message: '', saved: undefined });
    if (this.open) void this.#focus('#template-name');
    else void this.#focus('[part="save-template"]');
  };

  async save(client: AccessClient, draft: Draft): Promise<void> {
    if (this.saving) return;
    const name = this.name.trim();
    const request = templateRequestOf(draft);
    if (!name) {
      this.#set({ nameError: msg('Give the template a name.') });
      void this.#focus('#template-name');
      return;
    }
    if (!request) return;
    this.#set({ saving: true, nameError: '', message: '' });
    const body = { name, request };
    try {
      const template = await client.createTemplate(body, { idempotencyKey: this.#key.for(body) });
      this.#key.clear();
      this.#set({ saving: false, open: false, name: '', saved: template });
      this.#announce(msg(str`Saved as the template ${template.name}.`));
      this.#onSaved(template);
      void this.#focus('[part="save-template"]');
    } catch (error) {
      const errors = error instanceof ApiError ? error.fieldErrors : [];
      if (errors.some((e) => e.code === 'idempotency_mismatch')) this.#key.clear();
      const onName = errors.find((e) => e.field === 'name');
      const others = errors.filter((e) => e.field !== 'name').map((e) => e.message);
      this.#set({
        saving: false,
        nameError: onName?.message ?? '',
        message: onName && !others.length ? '' : others.length ? others.join(' ') : problemText(error),
      });
      void this.#focus(onName ? '#template-name' : '[part="template-error"]');
    }
  }

  render(client: AccessClient | undefined, draft: Draft) {
    const saved = this.saved
      ? html`<p part="template-saved" class="hint">${msg(str`Saved as the template ${this.saved.name}.`)}</p>`
      : nothing;
    const toggle = html`<button
      type="button"
      class="button"
      part="save-template"
      aria-expanded=${this.open ? 'true' : 'false'}
      aria-controls="template-panel"
      @click=${this.toggle}
    >
      ${msg('Save as template')}
    </button>`;
    if (!this.open) return html`<div class="template">${toggle} ${saved}</div>`;
    return html`<div class="template">
      ${toggle}
      <form
        id="template-panel"
        part="template-panel"
        class="template-panel"
        novalidate
        aria-label=${msg('Save as template')}
        @submit=${(event: Event) => {
          event.preventDefault();
          if (client) void this.save(client, draft);
        }}
      >
        <div class="field">
          <label for="template-name">${msg('Template name')}</label>
          <input
            id="template-name"
            part="template-name"
            maxlength=${LIMITS.templateName.maxLength}
            .value=${this.name}
            aria-invalid=${this.nameError ? 'true' : 'false'}
            aria-describedby="template-name-error"
            @input=${(event: Event) => (this.name = (event.target as HTMLInputElement).value)}
          />
          <p id="template-name-error" class="field-error" part="template-name-error">${this.nameError}</p>
        </div>
        <p part="template-error" class="field-error" role="alert" tabindex="-1" ?hidden=${!this.message}>
          ${this.message}
        </p>
        <div class="actions">
          <button type="button" class="button" @click=${this.toggle}>${msg('Cancel')}</button>
          <button type="submit" class="button primary" aria-disabled=${this.saving ? 'true' : 'false'}>
            ${this.saving ? msg('Saving…') : msg('Save template')}
          </button>
        </div>
      </form>
    </div>`;
  }
}
