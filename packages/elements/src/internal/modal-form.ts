// A form in a native modal <dialog>, as a controller of the element that renders it: opened with
// showModal() (focus stays inside, Escape cancels, focus returns to the opener), one submission at a
// time, and the server's field errors placed next to their fields.
import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import { msg, str } from './locale.js';
import { ApiError, type CallOptions } from '@access-requests/sdk';
import { openModal } from './dialog.js';
import { formatNumber, localeOf } from './format.js';
import { problemText } from './problem.js';
import { RetryWait } from './retry-wait.js';

export interface ModalHost extends ReactiveElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export abstract class ModalForm<Field extends string> implements ReactiveController {
  /** A submission is on its way: the submit button does nothing until it returns. */
  sending = false;
  /** A problem that belongs to no field. */
  error = '';
  fieldErrors: Partial<Record<Field, string[]>> = {};
  /** While the call waits to retry (a 429's Retry-After, say): when, and Cancel. */
  readonly #retryWait: RetryWait;

  constructor(
    protected readonly host: ModalHost,
    /** The dialog's id in the host's shadow root (also the prefix of its fields' ids). */
    readonly id: string,
    /** Where focus goes when the opener is gone once the dialog closes. */
    protected readonly fallbackFocus: () => HTMLElement | null | undefined,
    /**
     * The API's body path of each field (`justification`, `duration_hours`, `reason`), or its paths
     * (`''`, the body as a whole, shown next to the field it concerns).
     */
    private readonly apiFields: Readonly<Record<Field, string | readonly string[]>>,
  ) {
    host.addController(this);
    this.#retryWait = new RetryWait(host);
  }

  hostUpdate(): void {}

  get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>(`#${this.id}`);
  }

  get isOpen(): boolean {
    return this.dialog?.open ?? false;
  }

  close = (): void => this.dialog?.close();

  protected async show(): Promise<void> {
    this.error = '';
    this.sending = false;
    this.fieldErrors = {};
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog;
    if (dialog) openModal(dialog, this.fallbackFocus);
  }

  /** The id of a field's control. */
  fieldId(field: Field): string {
    return `${this.id}-${field}`;
  }

  /** Refuses the submission with a message next to a field, and focuses it. */
  protected refuse(field: Field, message: string): void {
    this.fieldErrors = { [field]: [message] } as Partial<Record<Field, string[]>>;
    this.error = '';
    this.host.requestUpdate();
    void this.host.updateComplete.then(() =>
      this.dialog?.querySelector<HTMLElement>(`#${this.fieldId(field)}`)?.focus(),
    );
  }

  /**
   * Runs the call once at a time; a failure stays in the dialog, next to its field where it has one.
   * Give `options` (a signal and a retry hook) to the client call: a wait before a retry is shown,
   * with Cancel.
   */
  protected async send<T>(
    call: (options: Pick<CallOptions, 'signal' | 'onRetry'>) => Promise<T>,
  ): Promise<T | undefined> {
    if (this.sending) return undefined;
    this.sending = true;
    this.error = '';
    this.fieldErrors = {};
    this.host.requestUpdate();
    try {
      return await call(this.#retryWait.begin());
    } catch (error) {
      if (this.#retryWait.cancelled(error)) {
        this.error = msg('Cancelled. What you entered is kept; send it again when you are ready.');
        this.#focusError();
      } else {
        this.#failed(error);
      }
      return undefined;
    } finally {
      this.#retryWait.end();
      this.sending = false;
      this.host.requestUpdate();
    }
  }

  #focusError(): void {
    // `error` and `fieldErrors` are plain fields: without an update asked for first, `updateComplete`
    // is already settled and the focus would look for the message before it is rendered.
    this.host.requestUpdate();
    void this.host.updateComplete.then(() =>
      this.dialog?.querySelector<HTMLElement>('[aria-invalid="true"], [data-error]')?.focus(),
    );
  }

  #failed(error: unknown): void {
    const placed: Partial<Record<Field, string[]>> = {};
    let count = 0;
    if (error instanceof ApiError) {
      for (const [field, paths] of Object.entries(this.apiFields) as [Field, string | string[]][]) {
        const messages = [paths].flat().flatMap((path) => error.errorsFor(path).map((e) => e.message));
        if (messages.length) placed[field] = messages;
        count += messages.length;
      }
    }
    this.fieldErrors = placed;
    this.error =
      error instanceof ApiError && count > 0 && count === error.fieldErrors.length ? '' : problemText(error);
    this.#focusError();
  }

  /** A field's ARIA state and its error message, to spread over its control. */
  protected describe(field: Field) {
    const id = this.fieldId(field);
    const errors = this.fieldErrors[field] ?? [];
    const invalid: 'true' | 'false' = errors.length ? 'true' : 'false';
    return {
      id,
      invalid,
      describedBy: [`${id}-hint`, errors.length ? `${id}-error` : ''].filter(Boolean).join(' '),
      error: errors.length
        ? html`<p class="field-error" id=${`${id}-error`}>${errors.join(' ')}</p>`
        : nothing,
    };
  }

  /** "12 of 1,000 characters", tied to the field as its hint. */
  protected counter(field: Field, locale: string, length: number, max: number) {
    return html`<span class="counter" id=${`${this.fieldId(field)}-hint`}
      >${msg(str`${formatNumber(locale, length)} of ${formatNumber(locale, max)} characters`)}</span
    >`;
  }

  /** A labelled textarea with its character counter and its errors. */
  protected textarea(
    field: Field,
    o: {
      label: unknown;
      value: string;
      max: number;
      required: boolean;
      rows: number;
      locale: string;
      onInput(value: string): void;
    },
  ) {
    const f = this.describe(field);
    return html`<div class="field">
      <label for=${f.id}>${o.label}</label>
      <textarea
        id=${f.id}
        rows=${o.rows}
        maxlength=${o.max}
        ?required=${o.required}
        aria-invalid=${f.invalid}
        aria-describedby=${f.describedBy}
        .value=${o.value}
        @input=${(e: Event) => {
          o.onInput((e.target as HTMLTextAreaElement).value);
          this.host.requestUpdate();
        }}
      ></textarea>
      ${this.counter(field, o.locale, o.value.length, o.max)} ${f.error}
    </div>`;
  }

  /** The dialog's own message (a failure that belongs to no field), and a retry's wait. */
  protected renderError() {
    return html`${
      this.error
        ? html`<p class="error-text" role="alert" tabindex="-1" data-error>${this.error}</p>`
        : nothing
    }${this.#retryWait.render(localeOf(this.host))}`;
  }
}
