// "How would you like to access resources?" → By Resource: the Search field, the Resource Type and
// Permission filters (several values each), and the virtualised result list where each resource is
// selected with the permission to request. One tab stop for the list; Up and Down move between rows.
import { html, nothing, type ReactiveElement } from 'lit';
import { msg, str } from '../../internal/locale.js';
import { live } from 'lit/directives/live.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import type { AccessClient } from '@access-requests/sdk';
import { renderRetry } from '../../internal/retry.js';
import { MultiSelect } from '../../internal/multi-select.js';
import { formatNumber } from '../../internal/format.js';
import { defaultPermission, type Draft, type Resource, type SelectedResource } from './draft.js';
import { ResourceSearch, type MatchCounts } from './resource-search.js';
import { RovingRows } from '../../internal/roving-rows.js';
import { middleTruncated } from '../../internal/truncate.js';

/** Load the next page when the rendered rows come this close to the end. */
const PREFETCH_ROWS = 20;

export interface PickerView {
  readonly locale: string;
  readonly cap: number;
  readonly draft: Draft;
  readonly onQuery: (patch: Partial<Pick<Draft, 'search' | 'typeIds' | 'permissionIds'>>) => void;
  /**
   * Selects resources; the form applies the cap and says what it refused. For `matching`, `counts` say
   * how many matched in all (`total`, of which `items` are the first) and how many the grantee may not
   * receive.
   */
  readonly onSelect: (items: readonly SelectedResource[], how: SelectionHow, counts?: MatchCounts) => void;
  /** Select all N matching failed: why. */
  readonly onSelectFailed: (error: unknown) => void;
  readonly onDeselect: (resourceId: string) => void;
  readonly onPermission: (resourceId: string, permissionId: string) => void;
  readonly onClearAll: () => void;
  /** The last bulk change, shown under the count (polite). */
  readonly message: string;
  /** The last refusal past the maximum (an alert). */
  readonly refusal: string;
}

/** How resources were selected: one row, Select all visible, or Select all N matching. */
export type SelectionHow = 'one' | 'visible' | 'matching';

/**
 * What a selection did: the refusal past the cap, or how many Select all visible (or matching) added
 * and left out — over the cap, and (matching) because the grantee may not receive them.
 */
export function selectionMessage(
  how: SelectionHow,
  added: number,
  skipped: number,
  cap: number,
  locale: string,
  matching?: MatchCounts & { readonly fetched: number },
): string {
  const capText = formatNumber(locale, cap);
  if (how === 'one')
    return skipped ? msg(str`You can select at most ${capText} resources. Remove one to add another.`) : '';
  const addedText = formatNumber(locale, added);
  if (how === 'matching' && matching) {
    const leftOut = skipped + (matching.total - matching.fetched);
    return [
      msg(str`Selected ${addedText} more of ${formatNumber(locale, matching.total)} matching.`),
      leftOut
        ? msg(
            str`${formatNumber(locale, leftOut)} were left out: you can select at most ${capText} resources.`,
          )
        : '',
      matching.notRequestable
        ? msg(
            str`${formatNumber(locale, matching.notRequestable)} more match but cannot be requested for this person.`,
          )
        : '',
    ]
      .filter(Boolean)
      .join(' ');
  }
  return skipped
    ? msg(
        str`Selected ${addedText} more; ${formatNumber(locale, skipped)} were not selected: you can select at most ${capText} resources.`,
      )
    : msg(str`Selected ${addedText} more.`);
}

type Host = ReactiveElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export const permissionOptions = (resource: Resource, chosen: string) =>
  resource.permissions.map(
    (p) => html`<option value=${p.id} ?selected=${p.id === chosen}>${p.name}</option>`,
  );

/** The By Resource picker: its search, its two filters and its rows' roving focus, on the host. */
export class ResourcePicker {
  readonly search: ResourceSearch;
  readonly #types: MultiSelect;
  readonly #permissions: MultiSelect;
  readonly #rows: RovingRows;
  /** Permissions chosen on rows that are not selected (yet). */
  readonly #rowPermission = new Map<string, string>();
  readonly #host: Host;
  /** Whether Select all N matching is fetching the matches. */
  #selectingMatches = false;

  constructor(host: Host, client: () => AccessClient | undefined) {
    this.#host = host;
    this.search = new ResourceSearch(host, { client });
    this.#types = new MultiSelect(host, { id: 'type-filter', label: () => msg('Resource Type') });
    this.#permissions = new MultiSelect(host, { id: 'permission-filter', label: () => msg('Permission') });
    this.#rows = new RovingRows(host, { list: '#results', count: () => this.search.items.length });
  }

  /** The selection a row would make, with the permission shown on it. */
  #itemOf(resource: Resource, view: PickerView): SelectedResource {
    const chosen =
      view.draft.selection.get(resource.id)?.permissionId ?? this.#rowPermission.get(resource.id);
    return { resource, permissionId: chosen ?? defaultPermission(resource, view.draft.permissionIds) };
  }

  /** Select all N matching: every match of the search and filters, up to the cap, from the server. */
  async #selectMatching(view: PickerView): Promise<void> {
    if (this.#selectingMatches) return;
    this.#selectingMatches = true;
    this.#host.requestUpdate();
    try {
      const matches = await this.search.allMatching();
      const items = matches.items.map((resource) => this.#itemOf(resource, view));
      view.onSelect(items, 'matching', { total: matches.total, notRequestable: matches.not_requestable });
    } catch (error) {
      view.onSelectFailed(error);
    } finally {
      this.#selectingMatches = false;
      this.#host.requestUpdate();
    }
  }

  #renderSelectMatching(view: PickerView) {
    const matches = this.search.matches;
    const none = this.search.items.length === 0 || matches?.total === 0;
    return html`<button
      type="button"
      class="button"
      part="select-matching"
      ?disabled=${none}
      aria-disabled=${this.#selectingMatches ? 'true' : 'false'}
      @click=${() => void this.#selectMatching(view)}
    >
      ${
        this.#selectingMatches
          ? msg('Selecting…')
          : matches
            ? msg(str`Select all ${formatNumber(view.locale, matches.total)} matching`)
            : msg('Select all matching')
      }
    </button>`;
  }

  #onRange = (event: RangeChangedEvent): void => {
    if (event.last >= this.search.items.length - PREFETCH_ROWS) void this.search.loadMore();
  };

  render(view: PickerView) {
    const { draft, locale } = view;
    const count = formatNumber(locale, draft.selection.size);
    const cap = formatNumber(locale, view.cap);
    return html`<fieldset class="how" part="how">
        <legend>${msg('How would you like to access resources?')}</legend>
        <label class="segment"
          ><input type="radio" name="how" value="resource" checked /><span>${msg('By Resource')}</span></label
        >
      </fieldset>
      <div class="by-resource" part="by-resource" role="group" aria-label=${msg('Request by Resource')}>
        <div class="query" part="query">
          <div class="field search">
            <label for="search">${msg('Search')}</label>
            <input
              id="search"
              type="search"
              part="search"
              autocomplete="off"
              .value=${draft.search}
              @input=${(e: Event) => view.onQuery({ search: (e.target as HTMLInputElement).value })}
            />
          </div>
          ${this.#types.render(
            this.search.types.map((t) => ({ value: t.id, label: t.name })),
            draft.typeIds,
            (typeIds) => {
              // Permissions of types no longer chosen would match nothing: drop them.
              const kept = typeIds.length
                ? draft.permissionIds.filter((id) =>
                    this.search.permissions.some((p) => p.id === id && typeIds.includes(p.resource_type.id)),
                  )
                : draft.permissionIds;
              view.onQuery({ typeIds, permissionIds: kept });
            },
            {
              ...this.search.typesState,
              failed: msg('The resource types could not be loaded:'),
              onRetry: () => this.search.reloadTypes(),
            },
          )}
          ${this.#permissions.render(
            this.search.permissions.map((p) => ({
              value: p.id,
              label: `${p.name} (${p.resource_type.name})`,
            })),
            draft.permissionIds,
            (permissionIds) => view.onQuery({ permissionIds }),
            {
              ...this.search.permissionsState,
              failed: msg('The permissions could not be loaded:'),
              onRetry: () => this.search.reloadPermissions(draft.typeIds),
            },
          )}
        </div>
        <div class="selection-bar" part="selection-bar">
          <span part="count" class="count" id="selected-count" role="status"
            >${msg(str`${count} of ${cap} selected`)}</span
          >
          <button
            type="button"
            class="button"
            part="select-all"
            ?disabled=${this.search.items.length === 0}
            @click=${() =>
              view.onSelect(
                this.search.items.map((r) => this.#itemOf(r, view)),
                'visible',
              )}
          >
            ${msg('Select all visible')}
          </button>
          ${this.#renderSelectMatching(view)}
          <button
            type="button"
            class="button"
            part="clear-all"
            ?disabled=${draft.selection.size === 0}
            @click=${view.onClearAll}
          >
            ${msg('Clear all')}
          </button>
        </div>
        <p part="selection-message" class="limit-message" role="status">${view.message}</p>
        <p part="limit-message" class="limit-message" role="alert">${view.refusal}</p>
        ${this.#renderResults(view)}
      </div>`;
  }

  #renderResults(view: PickerView) {
    const search = this.search;
    if (search.status === 'error') {
      return renderRetry({
        message: msg('Resources could not be loaded.'),
        error: search.error,
        onRetry: () => search.reload(),
        part: 'results-error',
        primary: true,
      });
    }
    const busy = search.status === 'loading' || search.status === 'idle' || search.loadingMore;
    // An answer with nothing in it stays, marked busy, while the next search is out: never a blank list.
    if (search.items.length === 0 && (search.status === 'ready' || (search.loaded && busy))) {
      return html`<div part="results-empty" class="state" aria-busy=${busy ? 'true' : 'false'}>
        <p>
          ${
            view.draft.search || view.draft.typeIds.length || view.draft.permissionIds.length
              ? msg('No resources match your search and filters.')
              : msg('There are no resources you can request.')
          }
        </p>
      </div>`;
    }
    const setSize = search.nextCursor ? -1 : search.items.length;
    return html`<div
        id="results"
        part="results"
        class="rows results"
        role="list"
        aria-label=${msg('Resources')}
        aria-busy=${busy ? 'true' : 'false'}
        @keydown=${this.#rows.onKeydown}
        @focusin=${this.#rows.onFocusIn}
        @rangeChanged=${this.#onRange}
        @visibilityChanged=${this.#rows.onVisibilityChanged}
      >
        ${virtualize({
          scroller: true,
          items: search.items as Resource[],
          keyFunction: (resource) => resource.id,
          renderItem: (resource, index) => this.#renderRow(resource, index, setSize, view),
        })}
      </div>
      ${
        search.moreError
          ? renderRetry({
              message: msg('More resources could not be loaded.'),
              error: search.moreError,
              onRetry: () => void search.loadMore(),
              part: 'results-error',
              class: 'more error',
              layout: 'inline',
            })
          : busy
            ? html`<p class="more hint" part="results-loading">${msg('Loading resources…')}</p>`
            : nothing
      }`;
  }

  #renderRow(resource: Resource, index: number, setSize: number, view: PickerView) {
    const item = this.#itemOf(resource, view);
    const selected = view.draft.selection.has(resource.id);
    const tabIndex = this.#rows.tabIndex(index);
    return html`<div
      role="listitem"
      class="row"
      part=${selected ? 'result result-selected' : 'result'}
      data-row=${index}
      aria-posinset=${index + 1}
      aria-setsize=${setSize}
    >
      <input
        type="checkbox"
        id=${`pick-${index}`}
        data-col="check"
        tabindex=${tabIndex}
        aria-describedby=${`pick-${index}-path`}
        .checked=${live(selected)}
        @change=${(e: Event) => {
          // The form may refuse (the cap): live() puts the box back to what is true on the next render.
          if ((e.target as HTMLInputElement).checked) view.onSelect([this.#itemOf(resource, view)], 'one');
          else view.onDeselect(resource.id);
        }}
      />
      <span class="row-text">
        <label for=${`pick-${index}`} class="row-name">${middleTruncated(resource.name)}</label>
        <span class="row-path" id=${`pick-${index}-path`}
          >${resource.resource_type.name} · ${resource.path}</span
        >
      </span>
      <select
        part="permission"
        data-col="permission"
        tabindex=${tabIndex}
        aria-label=${msg(str`Permission for ${resource.name}`)}
        @change=${(e: Event) => {
          const permissionId = (e.target as HTMLSelectElement).value;
          this.#rowPermission.set(resource.id, permissionId);
          if (selected) view.onPermission(resource.id, permissionId);
        }}
      >
        ${permissionOptions(resource, item.permissionId)}
      </select>
    </div>`;
  }
}
