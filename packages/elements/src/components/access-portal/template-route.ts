// New Request started from a template by its id (`#/new-request/template/<id>`, a shared link, or
// `showTemplate()`): the template read with `client.template(id)` (again for another client), a
// loading state meanwhile, and a clear alert when it cannot be read — a 404 says it does not exist
// (or was deleted), anything else offers Retry; the form below stays usable either way.
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { ApiError, type AccessClient, type Template } from '@access-requests/sdk';
import { msg } from '../../internal/locale.js';
import { LatestTask } from '../../internal/latest-task.js';
import { problemText } from '../../internal/problem.js';
import { skeleton } from '../../internal/skeleton.js';

export class TemplateRoute {
  /** The template New Request was started from ('' for none). */
  id = '';
  loading = false;
  error: unknown;
  readonly #task: LatestTask;
  #readWith: AccessClient | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Gets the template read: New Request opens with it as the form's `prefill`. */
    private readonly apply: (template: Template) => void,
  ) {
    this.#task = new LatestTask(host);
  }

  /** Reads template `id` with `client` (once there is a client: `clientChanged` reads it then). */
  open(id: string, client: AccessClient | undefined): void {
    this.id = id;
    this.error = undefined;
    this.loading = true;
    this.#readWith = undefined;
    this.host.requestUpdate();
    if (client) this.#read(client);
  }

  /** The template is in hand already (My Access's Use template): nothing to read. */
  use(template: Template): void {
    this.#task.cancel();
    this.id = template.id;
    this.loading = false;
    this.error = undefined;
    this.host.requestUpdate();
    this.apply(template);
  }

  /** Another client (another user): a template being read, or shown, is read again as they see it. */
  clientChanged(client: AccessClient | undefined): void {
    if (this.id && client && client !== this.#readWith) {
      this.loading = true;
      this.error = undefined;
      this.#read(client);
    }
  }

  /** Drops the template's alert, and what is being read. */
  clear(): void {
    this.#task.cancel();
    this.id = '';
    this.loading = false;
    this.error = undefined;
    this.host.requestUpdate();
  }

  #read(client: AccessClient): void {
    this.#readWith = client;
    const id = this.id;
    this.#task.start(
      (signal) => client.template(id, { signal }),
      (outcome) => {
        this.loading = false;
        if (outcome.ok) this.apply(outcome.value);
        else this.error = outcome.error;
        this.host.requestUpdate();
      },
    );
  }

  retry = (client: AccessClient | undefined): void => this.open(this.id, client);

  /** The loading state, or the alert (with Retry, unless the template does not exist, and Dismiss). */
  render(client: AccessClient | undefined, dismiss: () => void) {
    if (this.loading)
      return html`<div part="template-loading" class="view-loading" role="status" aria-busy="true">
        <span class="visually-hidden">${msg('Loading the template…')}</span>
        ${skeleton}
      </div>`;
    if (this.error === undefined) return nothing;
    const missing = this.error instanceof ApiError && this.error.status === 404;
    return html`<div part="template-error" class="template-error" role="alert">
      <p>
        ${
          missing
            ? msg('This template does not exist, or it was deleted.')
            : msg('The template could not be loaded.')
        }
        ${missing ? nothing : problemText(this.error)} ${msg('You can still start a new request below.')}
      </p>
      ${
        missing
          ? nothing
          : html`<button
              type="button"
              part="template-retry"
              class="button primary"
              @click=${() => this.retry(client)}
            >
              ${msg('Retry')}
            </button>`
      }
      <button type="button" part="template-dismiss" class="button" @click=${dismiss}>
        ${msg('Dismiss')}
      </button>
    </div>`;
  }
}
