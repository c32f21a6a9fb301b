// A filter that takes several values: a disclosure button that says what is chosen, and a panel of
// checkboxes (a fieldset named by the label). Escape (from the button or anywhere in the panel) or a
// click outside closes it, and focus goes back to the button; Tab out of the button and panel closes it
// too, leaving focus where Tab took it. Up and Down move between the checkboxes.
import { css, html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import { msg, str } from './locale.js';
import { selectedCount } from './format.js';
import { chevronIcon } from './icons.js';
import { renderRetry } from './retry.js';

export interface MultiSelectOption {
  readonly value: string;
  readonly label: string;
}

export interface MultiSelectConfig {
  /** Unique within the host's shadow root: the button is `${id}-button`, the panel `${id}-panel`. */
  readonly id: string;
  /** The visible label ("Resource Type", "Permission"). */
  readonly label: () => string;
}

/** Where the options come from a server: whether they are still loading, or why they failed. */
export interface OptionsSource {
  readonly status: 'loading' | 'ready' | 'error';
  readonly error?: unknown;
  /** What failed, in one sentence ("The resource types could not be loaded:"). */
  readonly failed: string;
  readonly onRetry: () => void;
}

type Host = ReactiveElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export class MultiSelect implements ReactiveController {
  #open = false;

  constructor(
    private readonly host: Host,
    private readonly config: MultiSelectConfig,
  ) {
    host.addController(this);
  }

  get open(): boolean {
    return this.#open;
  }

  set open(value: boolean) {
    if (value === this.#open) return;
    this.#open = value;
    if (value) document.addEventListener('pointerdown', this.#onOutsidePointer, true);
    else document.removeEventListener('pointerdown', this.#onOutsidePointer, true);
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.open = false;
  }

  /** A filter that is no longer shown (another tab, another step) closes. */
  hostUpdated(): void {
    if (this.#open && !this.host.renderRoot.querySelector(`#${this.config.id}`)) this.open = false;
  }

  get #button(): HTMLButtonElement | null {
    return this.host.renderRoot.querySelector<HTMLButtonElement>(`#${this.config.id}-button`);
  }

  #onOutsidePointer = (event: PointerEvent): void => {
    const root = this.host.renderRoot.querySelector(`#${this.config.id}`);
    if (root && !event.composedPath().includes(root)) this.open = false;
  };

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.#open) {
      event.stopPropagation();
      event.preventDefault();
      this.open = false;
      this.#button?.focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const boxes = [
      ...this.host.renderRoot.querySelectorAll<HTMLInputElement>(`#${this.config.id}-panel input`),
    ];
    const current = boxes.indexOf(event.composedPath()[0] as HTMLInputElement);
    if (current < 0) return;
    event.preventDefault();
    const next =
      event.key === 'ArrowDown' ? Math.min(boxes.length - 1, current + 1) : Math.max(0, current - 1);
    boxes[next]?.focus();
  };

  /** Focus moving on to something outside the button and panel (Tab, say) closes the panel. */
  #onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    const root = event.currentTarget as HTMLElement;
    if (this.#open && next && !root.contains(next)) this.open = false;
  };

  #summary(options: readonly MultiSelectOption[], selected: readonly string[]): string {
    if (selected.length === 0) return msg('All');
    const labels = selected.map((value) => options.find((o) => o.value === value)?.label ?? value);
    return labels.length <= 2 ? labels.join(', ') : selectedCount(labels.length);
  }

  /** Loading…, why the options could not be loaded (with Retry), or that there are none. */
  #optionsState(options: readonly MultiSelectOption[], source: OptionsSource | undefined) {
    if (source?.status === 'error') {
      return renderRetry({
        message: source.failed,
        error: source.error,
        onRetry: () => {
          source.onRetry();
          this.#button?.focus(); // the Retry button goes: focus stays on the filter
        },
        class: 'multi-select-error',
        layout: 'inline',
      });
    }
    if (options.length) return nothing;
    return html`<p class="hint" role="status">
      ${source?.status === 'ready' ? msg('None to choose from.') : msg('Loading…')}
    </p>`;
  }

  render(
    options: readonly MultiSelectOption[],
    selected: readonly string[],
    onChange: (values: string[]) => void,
    source?: OptionsSource,
  ) {
    const { id } = this.config;
    const label = this.config.label();
    const summary = this.#summary(options, selected);
    const toggle = (value: string, checked: boolean) => {
      const next = new Set(selected);
      if (checked) next.add(value);
      else next.delete(value);
      onChange(options.map((o) => o.value).filter((v) => next.has(v)));
    };
    return html`<div
      id=${id}
      class="multi-select"
      part="filter"
      @keydown=${this.#onKeydown}
      @focusout=${this.#onFocusOut}
    >
      <button
        id=${`${id}-button`}
        type="button"
        class="button multi-select-button"
        part="filter-button"
        aria-expanded=${this.#open ? 'true' : 'false'}
        aria-controls=${`${id}-panel`}
        @click=${() => (this.open = !this.#open)}
      >
        <!-- Read as one name, "Status: All": the colon and the space are text, not decoration. -->
        <span
          >${msg(str`${label}:`, {
            desc: 'A filter button\'s label before what it selects ("Status: All"); some languages space the colon.',
          })}</span
        >
        <span class="multi-select-summary">${summary}</span>${chevronIcon()}
      </button>
      <div id=${`${id}-panel`} class="multi-select-panel" part="filter-panel" ?hidden=${!this.#open}>
        <fieldset>
          <legend>${label}</legend>
          ${this.#optionsState(options, source)}
          ${options.map(
            (option) =>
              html`<label class="check"
                ><input
                  type="checkbox"
                  .value=${option.value}
                  .checked=${selected.includes(option.value)}
                  @change=${(e: Event) => toggle(option.value, (e.target as HTMLInputElement).checked)}
                />${option.label}</label
              >`,
          )}
        </fieldset>
        ${
          selected.length
            ? html`<button
                type="button"
                class="button multi-select-clear"
                @click=${() => {
                  onChange([]);
                  this.#button?.focus();
                }}
              >
                ${msg('Show all')}
              </button>`
            : nothing
        }
      </div>
    </div>`;
  }
}

export const multiSelectStyles = css`
  .multi-select {
    position: relative;
  }
  .multi-select-button svg {
    inline-size: 1rem;
    block-size: 1rem;
  }
  .multi-select-summary {
    color: var(--_muted);
    font-weight: normal;
  }
  .multi-select-panel {
    position: absolute;
    z-index: 3;
    inset-block-start: calc(100% + var(--_space-1));
    inset-inline-start: 0;
    min-inline-size: 16rem;
    max-block-size: 20rem;
    overflow: auto;
    padding: var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow-popover);
  }
  /* Near the inline end of a narrow page the panel opens towards the start instead, and never wider
     than the viewport, so it does not make the page scroll sideways (reflow, WCAG 1.4.10). */
  @supports (position-try-fallbacks: flip-inline) {
    .multi-select {
      anchor-scope: --multi-select;
    }
    .multi-select-button {
      anchor-name: --multi-select;
    }
    .multi-select-panel {
      position: fixed;
      position-anchor: --multi-select;
      position-area: block-end span-inline-end;
      position-try-fallbacks: flip-inline;
      inset: auto;
      margin-block-start: var(--_space-1);
      min-inline-size: min(16rem, calc(100vw - 2rem));
      max-inline-size: calc(100vw - 2rem);
      box-sizing: border-box;
    }
  }
  .multi-select-error {
    display: grid;
    gap: var(--_space-2);
    justify-items: start;
    color: var(--_danger);
  }
  .multi-select-panel[hidden] {
    display: none;
  }
  .multi-select fieldset {
    display: grid;
    gap: var(--_space-1);
    margin: 0;
    padding: 0;
    border: 0;
  }
  .multi-select legend {
    padding: 0;
    margin-block-end: var(--_space-2);
    font-weight: var(--_font-weight-strong);
  }
  .multi-select .check {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    padding-block: var(--_space-1);
    cursor: pointer;
  }
  .multi-select .check input {
    inline-size: 1.1rem;
    block-size: 1.1rem;
    margin: 0;
  }
  .multi-select-clear {
    margin-block-start: var(--_space-2);
  }
`;
