// Roving focus over the rows of a (virtualised) list whose rows hold controls: the list is one tab
// stop (the current row's controls); Up, Down, Page Up, Page Down, Home and End move to the same
// control of another row, scrolling it into view first.
import type { ReactiveController, ReactiveElement } from 'lit';
import { virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';

type Host = ReactiveElement & { readonly renderRoot: HTMLElement | DocumentFragment };

const PAGE = 8;

export class RovingRows implements ReactiveController {
  #active = 0;

  constructor(
    private readonly host: Host,
    /** The selector of the list's scrolling container. */
    private readonly listSelector: string,
    private readonly count: () => number,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const last = Math.max(0, this.count() - 1);
    if (this.#active > last) this.#active = last;
  }

  get active(): number {
    return this.#active;
  }

  /** The tab index of a row's controls. */
  tabIndex(row: number): 0 | -1 {
    return row === this.#active ? 0 : -1;
  }

  get #list(): (HTMLElement & VirtualizerHostElement) | null {
    return this.host.renderRoot.querySelector<HTMLElement & VirtualizerHostElement>(this.listSelector);
  }

  #rowOf(event: Event): { row: number; col: string } | undefined {
    let col = '';
    for (const node of event.composedPath()) {
      if (!(node instanceof HTMLElement)) continue;
      col ||= node.dataset['col'] ?? '';
      if (node.dataset['row'] !== undefined) return { row: Number(node.dataset['row']), col };
    }
    return undefined;
  }

  onFocusIn = (event: FocusEvent): void => {
    const hit = this.#rowOf(event);
    if (hit && hit.row !== this.#active) {
      this.#active = hit.row;
      this.host.requestUpdate();
    }
  };

  onKeydown = (event: KeyboardEvent): void => {
    const hit = this.#rowOf(event);
    if (!hit || !hit.col) return;
    const target = event.composedPath()[0] as HTMLElement;
    // A <select> keeps Up and Down for its options.
    if (target.tagName === 'SELECT' && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) return;
    const last = this.count() - 1;
    const moves: Record<string, number> = {
      ArrowDown: hit.row + 1,
      ArrowUp: hit.row - 1,
      PageDown: hit.row + PAGE,
      PageUp: hit.row - PAGE,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    void this.focusRow(Math.max(0, Math.min(last, next)), hit.col);
  };

  /** Keeps a rendered row as the tab stop when the current one scrolls out, unless focus is in the list. */
  onVisibilityChanged = (event: VisibilityChangedEvent): void => {
    const list = this.#list;
    const focused = (this.host.renderRoot as ShadowRoot).activeElement;
    if (list?.contains(focused ?? null)) return;
    if (this.#active < event.first || this.#active > event.last) {
      this.#active = Math.max(0, event.first);
      this.host.requestUpdate();
    }
  };

  async focusRow(row: number, col: string): Promise<boolean> {
    this.#active = row;
    this.host.requestUpdate();
    this.#list?.[virtualizerRef]?.element(row)?.scrollIntoView({ block: 'nearest' });
    for (let frame = 0; frame < 12; frame++) {
      await this.host.updateComplete;
      const control = this.host.renderRoot.querySelector<HTMLElement>(
        `${this.listSelector} [data-row="${row}"] [data-col="${col}"]`,
      );
      if (control) {
        control.focus({ preventScroll: true });
        control.scrollIntoView({ block: 'nearest' });
        return true;
      }
      await new Promise(requestAnimationFrame);
    }
    return false;
  }
}
