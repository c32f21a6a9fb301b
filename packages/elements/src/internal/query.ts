import type { ReactiveElement } from 'lit';

/**
 * The first element of an element's shadow root that matches `selector`, or null: what Lit's `@query`
 * answers, without a decorated accessor (and the decorator's module) for each. Null before the
 * element first connects, as its shadow root is made then.
 */
export function queryIn<T extends Element = HTMLElement>(host: ReactiveElement, selector: string): T | null {
  return (host.renderRoot as ParentNode | undefined)?.querySelector<T>(selector) ?? null;
}
