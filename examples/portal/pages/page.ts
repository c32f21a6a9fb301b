import type { AccessClient } from '@access-requests/sdk';
import type { DemoUser } from '../users.js';

/** What a page gets when it is shown. */
export interface PageContext {
  /** A client for the current demo user (the provider around the page shares an equal one with the elements). */
  readonly client: AccessClient;
  readonly user: DemoUser;
  /** Switches to another page (`#/<id>`), with an optional query. */
  navigate(id: string, query?: Record<string, string>): void;
  /** The current route's query (`#/my-access?request=…`). */
  readonly query: URLSearchParams;
}

/** One section of the portal: an entry of the nav and what it shows. */
export interface Page {
  readonly id: string;
  readonly label: string;
  /** Fills `container`; may return a clean-up run when the page is left. */
  mount(container: HTMLElement, context: PageContext): void | (() => void);
}

/** `document.createElement` with text and attributes: the portal builds its DOM without innerHTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) if (value !== undefined) element.setAttribute(name, value);
  element.append(...children);
  return element;
}
