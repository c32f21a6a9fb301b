// "Request on Behalf of": a combobox (an input and a listbox, aria-activedescendant) that searches
// the people the server allows as you type (`grantees({ search })`), yourself first.
import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import { msg, str } from '../../internal/locale.js';
import type { AccessClient } from '@access-requests/sdk';
import { formatNumber, localeOf } from '../../internal/format.js';
import { LatestTask } from '../../internal/latest-task.js';
import { problemText } from '../../internal/problem.js';
import type { Grantee } from './draft.js';

const SEARCH_DELAY_MS = 200;
const PAGE_SIZE = 20;

interface PeoplePickerDeps {
  client(): AccessClient | undefined;
  selected(): Grantee | undefined;
  choose(grantee: Grantee): void;
}

type Host = ReactiveElement & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** How a person reads in the field: "Alice Example (you)". */
export const personLabel = (person: Grantee) =>
  person.is_self ? msg(str`${person.name} (you)`) : person.name;

export class PeoplePicker implements ReactiveController {
  /** The text in the field while the user types; undefined shows the chosen person. */
  #typed: string | undefined;
  #open = false;
  #options: Grantee[] = [];
  #active = -1;
  #loading = false;
  #error = '';
  readonly #search: LatestTask;

  constructor(
    private readonly host: Host,
    private readonly id: string,
    private readonly deps: PeoplePickerDeps,
  ) {
    host.addController(this);
    this.#search = new LatestTask(host);
  }

  hostDisconnected(): void {
    this.#search.cancel();
  }

  get #input(): HTMLInputElement | null {
    return this.host.renderRoot.querySelector<HTMLInputElement>(`#${this.id}`);
  }

  focus(): void {
    this.#input?.focus();
  }

  #find(search: string, delay: number): void {
    const client = this.deps.client();
    if (!client) return;
    this.#loading = true;
    this.#error = '';
    this.host.requestUpdate();
    this.#search.start(
      (signal) => client.grantees(search ? { search } : {}).page({ limit: PAGE_SIZE, signal }),
      (outcome) => {
        this.#loading = false;
        if (outcome.ok) {
          this.#options = outcome.value.items;
          const chosen = this.#options.findIndex((p) => p.id === this.deps.selected()?.id);
          this.#active = search ? (this.#options.length ? 0 : -1) : chosen;
        } else {
          this.#options = [];
          this.#active = -1;
          this.#error = problemText(outcome.error);
        }
        this.host.requestUpdate();
      },
      delay,
    );
  }

  #setOpen(open: boolean): void {
    if (open === this.#open) return;
    this.#open = open;
    if (open) this.#find(this.#typed ?? '', 0);
    else {
      this.#search.cancel();
      this.#loading = false;
      this.#typed = undefined;
      this.#active = -1;
    }
    this.host.requestUpdate();
  }

  #choose(person: Grantee | undefined): void {
    this.#setOpen(false);
    if (person && person.id !== this.deps.selected()?.id) this.deps.choose(person);
    this.host.requestUpdate();
  }

  #onInput = (event: Event): void => {
    this.#typed = (event.target as HTMLInputElement).value;
    this.#open = true;
    this.#find(this.#typed.trim(), SEARCH_DELAY_MS);
  };

  #onKeydown = (event: KeyboardEvent): void => {
    const count = this.#options.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!this.#open) {
          this.#setOpen(true);
          return;
        }
        if (count === 0) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.#active = this.#active < 0 ? (step > 0 ? 0 : count - 1) : (this.#active + step + count) % count;
        this.host.requestUpdate();
        void this.host.updateComplete.then(() =>
          this.host.renderRoot
            .querySelector(`#${this.id}-option-${this.#active}`)
            ?.scrollIntoView({ block: 'nearest' }),
        );
        return;
      }
      case 'Enter':
        if (this.#open) {
          event.preventDefault();
          this.#choose(this.#options[this.#active]);
        }
        return;
      case 'Escape':
        if (this.#open) {
          event.preventDefault();
          event.stopPropagation();
          this.#setOpen(false);
        }
        return;
      default:
        return;
    }
  };

  render(errorId: string | undefined, errorText: unknown) {
    const selected = this.deps.selected();
    const value = this.#typed ?? (selected ? personLabel(selected) : '');
    const activeId = this.#open && this.#active >= 0 ? `${this.id}-option-${this.#active}` : '';
    const describedBy = [`${this.id}-hint`, errorId].filter(Boolean).join(' ');
    return html`<div class="field combobox" part="grantee">
      <label for=${this.id}>${msg('Request on Behalf of')}</label>
      <div class="combobox-box">
        <input
          id=${this.id}
          part="grantee-input"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${this.#open ? 'true' : 'false'}
          aria-controls=${`${this.id}-listbox`}
          aria-activedescendant=${activeId || nothing}
          aria-describedby=${describedBy}
          aria-invalid=${errorId ? 'true' : 'false'}
          .value=${value}
          @input=${this.#onInput}
          @keydown=${this.#onKeydown}
          @click=${() => this.#setOpen(true)}
          @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()}
          @blur=${() => this.#setOpen(false)}
        />
        <ul
          id=${`${this.id}-listbox`}
          role="listbox"
          part="grantee-listbox"
          class="listbox"
          aria-label=${msg('People')}
          ?hidden=${!this.#open || this.#options.length === 0}
        >
          ${this.#options.map(
            (person, index) =>
              html`<li
                id=${`${this.id}-option-${index}`}
                role="option"
                class="option"
                aria-selected=${index === this.#active ? 'true' : 'false'}
                data-current=${person.id === selected?.id ? 'true' : 'false'}
                @pointerdown=${(e: Event) => e.preventDefault()}
                @click=${() => this.#choose(person)}
              >
                <span class="option-name">${personLabel(person)}</span>
                <span class="option-detail">${person.email}</span>
              </li>`,
          )}
        </ul>
      </div>
      <span id=${`${this.id}-hint`} class="hint" role="status"
        >${this.#open ? this.#statusText() : msg('Type a name or email to find someone else.')}</span
      >
      ${errorText}
    </div>`;
  }

  #statusText(): string {
    if (this.#error) return msg(str`People could not be loaded: ${this.#error}`);
    if (this.#loading) return msg('Searching…');
    if (this.#options.length === 0)
      return msg('No one matches. You can request for the people your organization allows.');
    return msg(
      str`Matches: ${formatNumber(localeOf(this.host), this.#options.length)}. Up and Down choose, Enter confirms.`,
    );
  }
}
