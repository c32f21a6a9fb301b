import { ContextRoot } from '@lit/context';

const ROOT = Symbol.for('access-requests/context-root');

/**
 * Lets elements registered before their `<access-requests-provider>` still find it: a context root
 * on the document replays their unanswered requests once the provider arrives.
 */
function attachContextRoot(): void {
  const holder = globalThis as { [ROOT]?: ContextRoot };
  if (holder[ROOT] || typeof document === 'undefined') return;
  holder[ROOT] = new ContextRoot();
  holder[ROOT].attach(document.documentElement);
}

/**
 * Registers an element under a tag name. Registering the same class twice is harmless; a host that
 * already uses the name for something else keeps it, and can register our class under another name.
 */
export function define(tagName: string, elementClass: CustomElementConstructor): void {
  attachContextRoot();
  const existing = customElements.get(tagName);
  if (existing === undefined) {
    customElements.define(tagName, elementClass);
  } else if (existing !== elementClass) {
    console.warn(`<${tagName}> is already registered by another class; register this one under another name.`);
  }
}
