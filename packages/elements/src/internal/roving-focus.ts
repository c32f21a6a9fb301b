// Roving focus for short lists that are not virtualised, rendered in a shadow root: each
// `[data-roving-group]` is one tab stop; the keys of every list (`rowAfterKey`: Up, Down, Page Up,
// Page Down, Home, End) move between its `[data-roving-item]`s. Controls inside an item (matched by
// `inner`) are tab stops only in the current item, so Tab leaves the list after it. A virtualised
// list, whose rows are not all rendered, uses RovingRows instead.
import type { ReactiveController, ReactiveElement } from 'lit';
import { rowAfterKey } from './row-keys.js';

export class RovingFocus implements ReactiveController {
  /** The current item's key, per group. */
  readonly #current = new Map<string, string>();

  constructor(
    private readonly host: ReactiveElement & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly inner = '',
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.#onKeydown);
    this.host.addEventListener('focusin', this.#onFocusin);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.#onKeydown);
    this.host.removeEventListener('focusin', this.#onFocusin);
  }

  hostUpdated(): void {
    for (const group of this.host.renderRoot.querySelectorAll<HTMLElement>('[data-roving-group]')) {
      const items = this.#items(group);
      const key = this.#current.get(group.dataset['rovingGroup'] ?? '');
      const current = items.find((item) => item.dataset['key'] === key) ?? items[0];
      for (const item of items) this.#setTabStop(item, item === current);
    }
  }

  #items(group: HTMLElement): HTMLElement[] {
    return [...group.querySelectorAll<HTMLElement>('[data-roving-item]')];
  }

  #setTabStop(item: HTMLElement, on: boolean): void {
    item.tabIndex = on ? 0 : -1;
    if (this.inner)
      for (const control of item.querySelectorAll<HTMLElement>(this.inner)) control.tabIndex = on ? 0 : -1;
  }

  #locate(event: Event): { group: HTMLElement; item: HTMLElement; onItem: boolean } | undefined {
    const path = event.composedPath();
    const index = path.findIndex(
      (node) => node instanceof HTMLElement && node.hasAttribute('data-roving-item'),
    );
    const item = path[index] as HTMLElement | undefined;
    const group = item?.closest<HTMLElement>('[data-roving-group]');
    return item && group ? { group, item, onItem: index === 0 } : undefined;
  }

  #select(group: HTMLElement, current: HTMLElement): void {
    this.#current.set(group.dataset['rovingGroup'] ?? '', current.dataset['key'] ?? '');
    for (const item of this.#items(group)) this.#setTabStop(item, item === current);
  }

  #onFocusin = (event: FocusEvent): void => {
    const hit = this.#locate(event);
    if (hit) this.#select(hit.group, hit.item);
  };

  #onKeydown = (event: KeyboardEvent): void => {
    const hit = this.#locate(event);
    if (!hit || !hit.onItem) return;
    const items = this.#items(hit.group);
    const next = rowAfterKey(event, items.indexOf(hit.item), items.length);
    const target = next === undefined ? undefined : items[next];
    if (!target) return;
    event.preventDefault();
    this.#select(hit.group, target);
    target.focus();
  };
}
