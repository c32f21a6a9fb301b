// Roving focus over the rows of a virtualised list: the list is one tab stop (the current row, or the
// current row's controls). The same keys everywhere (docs/guides/accessibility.md): Up and Down move
// one row, Page Up and Page Down `PAGE_ROWS` rows, Home and End to the first and the last; focus goes
// to the same control of the other row (a `[data-col]`), or to the row itself when it was on the row,
// scrolling the row into view first (it may not be rendered yet).
//
// Rows carry `data-row="<index>"`; the controls that keep their place across rows carry
// `data-col="<name>"`. A <select> keeps Up and Down for its options.
//
// With `key`, the tab stop follows its row (by key) when rows are added or removed above it. With
// `onRangeChanged`, `pinnedRow` names the tab stop's row while the virtualizer does not render it,
// for the list to render it apart, in a `[data-pinned]` container (never a place to move to): the
// virtualizer renders one contiguous range and recycles what leaves it (lit/lit#4945), so a focused
// row scrolled far away, or every row of a list out of view, would leave the DOM — and focus and the
// list's tab stop with it. A focused row the DOM loses gets focus back on its row rendered anew.
import type { ReactiveController, ReactiveElement } from 'lit';
import { virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { RangeChangedEvent, VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import { rowAfterKey } from './row-keys.js';

type Host = ReactiveElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** A row is rendered some frames after it is scrolled to; give up after this many. */
const MAX_FRAMES = 12;

export interface RovingRowsOptions {
  /** The selector of the list's scrolling container (the virtualizer's host). */
  readonly list: string;
  /** How many rows the list has. */
  readonly count: () => number;
  /** What a row shows (an id): the tab stop stays with it when rows are added or removed above it. */
  readonly key?: (row: number) => string | undefined;
  /** Told of every move by key, before focus gets there (to load the next page near the end). */
  readonly onMove?: (row: number) => void;
}

export class RovingRows implements ReactiveController {
  #active = 0;
  /** The key of the tab stop's row (with `key`), as of the last update. */
  #activeKey: string | undefined;
  /** The rows the virtualizer renders (none: -1), from its `rangeChanged`; undefined until it says. */
  #rendered: { readonly first: number; readonly last: number } | undefined;
  /** Focus was on a row when the DOM lost it: give it to the row rendered anew. */
  #focusOwed = false;

  constructor(
    private readonly host: Host,
    private readonly options: RovingRowsOptions,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { key, count } = this.options;
    if (key && this.#activeKey !== undefined && key(this.#active) !== this.#activeKey) {
      for (let row = 0, rows = count(); row < rows; row++) {
        if (key(row) !== this.#activeKey) continue;
        this.#active = row;
        break;
      }
    }
    const last = Math.max(0, count() - 1);
    if (this.#active > last) this.#active = last;
    this.#activeKey = key?.(this.#active);
  }

  hostUpdated(): void {
    if (!this.#focusOwed) return;
    this.#focusOwed = false;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost) this.rowElement(this.#active)?.focus({ preventScroll: true });
  }

  /** The index of the row that is the tab stop. */
  get active(): number {
    return this.#active;
  }

  set active(row: number) {
    this.#activeKey = this.options.key?.(row);
    if (row === this.#active) return;
    this.#active = row;
    this.host.requestUpdate();
  }

  /** The tab stop's row while the virtualizer does not render it (the list renders it apart). */
  get pinnedRow(): number | undefined {
    if (!this.#rendered) return undefined;
    const { first, last } = this.#rendered;
    const row = this.#active;
    return this.options.count() > 0 && (row < first || row > last) ? row : undefined;
  }

  /** The tab index of a row (or of its controls). */
  tabIndex(row: number): 0 | -1 {
    return row === this.#active ? 0 : -1;
  }

  /** Whether focus is inside the list now. */
  get hasFocus(): boolean {
    const focused = (this.host.renderRoot as ShadowRoot).activeElement;
    return this.#list?.contains(focused ?? null) ?? false;
  }

  /** The rendered element of a row (by the virtualizer, or apart as `pinnedRow`), if it is rendered. */
  rowElement(row: number): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(`${this.options.list} [data-row="${row}"]`);
  }

  get #list(): (HTMLElement & VirtualizerHostElement) | null {
    return this.host.renderRoot.querySelector<HTMLElement & VirtualizerHostElement>(this.options.list);
  }

  /** The row an event happened in, and the control (`col`, '' on the row itself) it happened on. */
  #hit(event: Event): { row: number; col: string; onTarget: boolean } | undefined {
    let col = '';
    let inControl = false;
    const path = event.composedPath();
    for (const [depth, node] of path.entries()) {
      if (!(node instanceof HTMLElement)) continue;
      if (node.dataset['row'] !== undefined)
        return { row: Number(node.dataset['row']), col, onTarget: depth === 0 || inControl };
      if (!col && node.dataset['col']) {
        col = node.dataset['col'];
        inControl = true;
      }
    }
    return undefined;
  }

  onFocusIn = (event: FocusEvent): void => {
    const hit = this.#hit(event);
    if (hit) this.active = hit.row;
  };

  /**
   * Focus leaving a row for nowhere: when the row left the DOM (the virtualizer recycled it, or the
   * list rendered it elsewhere), focus is owed back to the row rendered anew. Chromium fires
   * `focusout` as the node goes, while it is still connected: look once it is gone.
   */
  onFocusOut = (event: FocusEvent): void => {
    if (event.relatedTarget || !this.#hit(event)) return;
    const from = event.composedPath()[0] as Node;
    queueMicrotask(() => {
      if (from.isConnected) return; // focus left the list (a click on the page, another window)
      this.#focusOwed = true;
      this.host.requestUpdate();
    });
  };

  /** Tracks which rows the virtualizer renders (see `pinnedRow`). */
  onRangeChanged = (event: RangeChangedEvent): void => {
    const pinned = this.pinnedRow;
    this.#rendered = { first: event.first, last: event.last };
    if (this.pinnedRow !== pinned) this.host.requestUpdate(); // not on every scroll
  };

  onKeydown = (event: KeyboardEvent): void => {
    const hit = this.#hit(event);
    if (!hit?.onTarget) return;
    const target = event.composedPath()[0] as HTMLElement;
    if (target.tagName === 'SELECT' && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) return;
    const row = rowAfterKey(event, hit.row, this.options.count());
    if (row === undefined) return;
    event.preventDefault();
    this.options.onMove?.(row);
    void this.focusRow(row, hit.col);
  };

  /** Keeps a rendered row as the tab stop when the current one scrolls out, unless focus is in the list. */
  onVisibilityChanged = (event: VisibilityChangedEvent): void => {
    if (this.hasFocus) return;
    if (this.#active < event.first || this.#active > event.last) this.active = Math.max(0, event.first);
  };

  /** Scrolls to a row and focuses its `col` control (or the row itself); false if it never rendered. */
  async focusRow(row: number, col = ''): Promise<boolean> {
    this.active = row;
    this.#list?.[virtualizerRef]?.element(row)?.scrollIntoView({ block: 'nearest' });
    for (let frame = 0; frame < MAX_FRAMES; frame++) {
      await this.host.updateComplete;
      // The row where the virtualizer renders it, never its copy apart (which is not in place).
      const element = this.#list?.querySelector<HTMLElement>(`[data-row="${row}"]:not([data-pinned] *)`);
      const control = col ? element?.querySelector<HTMLElement>(`[data-col="${col}"]`) : element;
      if (control) {
        control.focus({ preventScroll: true });
        control.scrollIntoView({ block: 'nearest' });
        // The virtualizer lays its rows out a frame after the host renders: a row just removed can still
        // hold this index until then, and focus would fall to the page with it. Try the new row then.
        await new Promise(requestAnimationFrame);
        if (control.isConnected) return true;
        continue;
      }
      await new Promise(requestAnimationFrame);
    }
    return false;
  }
}
