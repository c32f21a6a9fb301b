// The dialogs of My Access's Templates: Rename (the name field: required, at most LIMITS templateName,
// the server's field errors under it, what the user typed kept through a failure) and the Delete
// confirmation (Cancel first).
import { html, nothing } from 'lit';
import { LIMITS } from '@access-requests/contract';
import { ApiError, type AccessClient, type Template } from '@access-requests/sdk';
import { msg, str } from '../../internal/locale.js';
import { ModalForm, type ModalHost } from '../../internal/modal-form.js';

export interface TemplateDialogDeps {
  client(): AccessClient | undefined;
  /** Where focus goes when the opener is gone once the dialog closes (the Delete button, say). */
  fallbackFocus(): HTMLElement | null | undefined;
}

const NAME_MAX = LIMITS.templateName.maxLength;

/** Rename template: the new name, checked here first (blank, too long), then by the server (taken). */
export class RenameTemplateForm extends ModalForm<'name'> {
  name = '';
  template: Template | undefined;

  constructor(
    host: ModalHost,
    id: string,
    private readonly deps: TemplateDialogDeps & { done(template: Template): void },
  ) {
    super(host, id, deps.fallbackFocus, { name: ['name', ''] });
  }

  async open(template: Template): Promise<void> {
    // The name typed for this template before a Cancel is kept; another template starts from its own.
    if (this.template?.id !== template.id) this.name = template.name;
    this.template = template;
    await this.show();
    this.dialog?.querySelector<HTMLInputElement>(`#${this.fieldId('name')}`)?.select();
  }

  submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const client = this.deps.client();
    const template = this.template;
    if (!client || !template || this.sending) return;
    const name = this.name.trim();
    if (!name) return this.refuse('name', msg('Give the template a name.'));
    if (name.length > NAME_MAX) return this.refuse('name', msg(str`Use at most ${NAME_MAX} characters.`));
    const renamed = await this.send((options) => client.renameTemplate(template.id, { name }, options));
    if (!renamed) return;
    this.template = renamed;
    this.name = renamed.name;
    this.deps.done(renamed);
    await this.host.updateComplete;
    this.close();
  };

  render() {
    const f = this.describe('name');
    return html`<dialog id=${this.id} part="dialog rename-dialog" aria-labelledby=${`${this.id}-title`}>
      ${
        this.template
          ? html`<form novalidate @submit=${this.submit}>
              <h2 id=${`${this.id}-title`} part="dialog-title">${msg('Rename template')}</h2>
              ${this.renderError()}
              <div class="field">
                <label for=${f.id}>${msg('Template name')}</label>
                <input
                  id=${f.id}
                  part="template-name"
                  maxlength=${NAME_MAX}
                  required
                  autocomplete="off"
                  aria-invalid=${f.invalid}
                  aria-describedby=${f.describedBy}
                  .value=${this.name}
                  @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)}
                />
                <span class="hint" id=${`${f.id}-hint`}>${msg(str`Up to ${NAME_MAX} characters.`)}</span>
                ${f.error}
              </div>
              <div class="dialog-actions">
                <button type="button" class="button" part="cancel" @click=${this.close}>
                  ${msg('Cancel')}
                </button>
                <button
                  type="submit"
                  part="confirm"
                  class="button primary"
                  aria-disabled=${this.sending ? 'true' : 'false'}
                >
                  ${this.sending ? msg('Saving…') : msg('Rename')}
                </button>
              </div>
            </form>`
          : nothing
      }
    </dialog>`;
  }
}

/** "Delete template?" — Delete deletes it (DELETE is idempotent: a retry is safe), Cancel keeps it. */
export class DeleteTemplateDialog extends ModalForm<never> {
  template: Template | undefined;

  constructor(
    host: ModalHost,
    id: string,
    private readonly deps: TemplateDialogDeps & { done(template: Template): void },
  ) {
    super(host, id, deps.fallbackFocus, {});
  }

  async open(template: Template): Promise<void> {
    this.template = template;
    await this.show();
  }

  confirm = async (): Promise<void> => {
    const client = this.deps.client();
    const template = this.template;
    if (!client || !template) return;
    // Deleted already (in another tab, say): gone all the same.
    const gone = (error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return true;
      throw error;
    };
    const deleted = await this.send((options) =>
      client.deleteTemplate(template.id, options).then(() => true, gone),
    );
    if (!deleted) return;
    this.deps.done(template);
    await this.host.updateComplete;
    this.close();
  };

  render() {
    const template = this.template;
    return html`<dialog
      id=${this.id}
      part="dialog delete-dialog"
      aria-labelledby=${`${this.id}-title`}
      aria-describedby=${`${this.id}-text`}
    >
      <h2 id=${`${this.id}-title`} part="dialog-title">${msg('Delete template?')}</h2>
      <p id=${`${this.id}-text`}>
        ${template ? msg(str`${template.name} will be deleted, and links to it will stop working.`) : nothing}
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
          ${msg('Delete')}
        </button>
      </div>
    </dialog>`;
  }
}
