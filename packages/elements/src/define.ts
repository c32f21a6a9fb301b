/**
 * Registers an element under a tag name. Registering the same class twice is harmless; a host that
 * already uses the name for something else keeps it, and can register our class under another name.
 */
export function define(tagName: string, elementClass: CustomElementConstructor): void {
  const existing = customElements.get(tagName);
  if (existing === undefined) {
    customElements.define(tagName, elementClass);
  } else if (existing !== elementClass) {
    console.warn(`<${tagName}> is already registered by another class; register this one under another name.`);
  }
}
