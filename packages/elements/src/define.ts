/** The elements of ours an element renders, by the tag names its templates use. */
export type ElementDependencies = Readonly<Record<string, CustomElementConstructor>>;

const warned = new Set<string>();
const withDependencies = new WeakSet<CustomElementConstructor>();

/**
 * Registers the elements `elementClass` renders (its `static dependencies`, and theirs) under the
 * tag names its templates use, unless those names are taken. Once per class; `define()` calls it,
 * and so does every element's constructor, for a host that registers a class by itself.
 */
export function defineDependencies(elementClass: CustomElementConstructor): void {
  if (withDependencies.has(elementClass)) return;
  withDependencies.add(elementClass);
  const { dependencies = {} } = elementClass as { dependencies?: ElementDependencies };
  for (const [tagName, dependency] of Object.entries(dependencies)) define(tagName, dependency);
}

/**
 * Registers an element under a tag name, with the elements it renders (see `defineDependencies`).
 * Registering the same class twice is harmless, and so is registering a class a host has already
 * registered under a name of its own. A host that already uses the name for something else keeps
 * it (with one warning), and can register our class under another name.
 */
export function define(tagName: string, elementClass: CustomElementConstructor): void {
  defineDependencies(elementClass);
  const existing = customElements.get(tagName);
  if (existing === undefined) {
    register(tagName, elementClass);
  } else if (
    existing !== elementClass &&
    !(existing.prototype instanceof elementClass) &&
    !warned.has(tagName)
  ) {
    warned.add(tagName);
    console.warn(
      `<${tagName}> is already registered by another class; register this one under another name.`,
    );
  }
}

function register(tagName: string, elementClass: CustomElementConstructor): void {
  try {
    customElements.define(tagName, elementClass);
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'NotSupportedError')) throw error;
    // A registry takes a class under one name only, and a host has registered this one under its
    // own: a subclass that adds nothing serves under ours.
    customElements.define(tagName, class extends elementClass {});
  }
}
