// The review of the selection: every selected resource with its permission and a Remove button, in
// submission order, whatever the search and filters show. Server errors on `resources[i]` appear on
// the i-th row. Virtualised (up to 1,000 rows), one tab stop.
import { html, nothing } from 'lit';
import { msg, str } from '../../internal/locale.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { formatNumber } from '../../internal/format.js';
import { closeIcon } from '../../internal/icons.js';
import { middleTruncated } from '../../internal/truncate.js';
import type { SelectedResource } from './draft.js';
import { permissionOptions } from './resource-picker.js';
import type { RovingRows } from '../../internal/roving-rows.js';

export interface ReviewView {
  readonly locale: string;
  readonly cap: number;
  readonly items: readonly SelectedResource[];
  readonly rows: RovingRows;
  /** The error messages of the i-th row. */
  readonly rowErrors: (index: number) => readonly string[];
  readonly onPermission: (resourceId: string, permissionId: string) => void;
  readonly onRemove: (resourceId: string, index: number) => void;
}

export const reviewRowControl = (index: number) => `#selected [data-row="${index}"] select`;

export function renderReview(view: ReviewView) {
  const { items, rows, locale } = view;
  const heading = msg(
    str`${formatNumber(locale, items.length)} of ${formatNumber(locale, view.cap)} selected`,
  );
  return html`<section class="review" part="review" aria-labelledby="review-title">
    <h3 id="review-title" class="review-title" part="review-title">
      ${msg('Selected resources')} <span class="count">${heading}</span>
    </h3>
    ${
      items.length === 0
        ? html`<p class="hint" part="review-empty">
            ${msg('Nothing selected yet. Select resources in the list.')}
          </p>`
        : html`<div
            id="selected"
            part="review-list"
            class="rows review-list"
            role="list"
            aria-labelledby="review-title"
            @keydown=${rows.onKeydown}
            @focusin=${rows.onFocusIn}
            @visibilityChanged=${rows.onVisibilityChanged}
          >
            ${virtualize({
              scroller: true,
              items: items as SelectedResource[],
              keyFunction: (item) => item.resource.id,
              renderItem: (item, index) => renderReviewRow(item, index, view),
            })}
          </div>`
    }
  </section>`;
}

function renderReviewRow({ resource, permissionId }: SelectedResource, index: number, view: ReviewView) {
  const errors = view.rowErrors(index);
  const tabIndex = view.rows.tabIndex(index);
  const errorId = `selected-${index}-error`;
  return html`<div
    role="listitem"
    class="row"
    part="review-item"
    data-row=${index}
    aria-posinset=${index + 1}
    aria-setsize=${view.items.length}
  >
    <span class="row-text">
      <span class="row-name" id=${`selected-${index}-name`}>${middleTruncated(resource.name)}</span>
      <span class="row-path">${resource.resource_type.name} · ${resource.path}</span>
    </span>
    <select
      part="permission"
      data-col="permission"
      tabindex=${tabIndex}
      aria-label=${msg(str`Permission for ${resource.name}`)}
      aria-invalid=${errors.length ? 'true' : 'false'}
      aria-describedby=${errors.length ? errorId : nothing}
      @change=${(e: Event) => view.onPermission(resource.id, (e.target as HTMLSelectElement).value)}
    >
      ${permissionOptions(resource, permissionId)}
    </select>
    <button
      type="button"
      class="icon-button"
      data-col="remove"
      tabindex=${tabIndex}
      aria-label=${msg(str`Remove ${resource.name}`)}
      @click=${() => view.onRemove(resource.id, index)}
    >
      ${closeIcon()}
    </button>
    ${errors.length ? html`<p class="field-error row-error" id=${errorId}>${errors.join(' ')}</p>` : nothing}
  </div>`;
}
