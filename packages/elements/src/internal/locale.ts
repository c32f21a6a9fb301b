// The language of each element, and a msg() that translates into it.
//
// @lit/localize's own runtime has one active locale per document (a module-level `templates` table
// that `setLocale()` swaps) and can be configured only once per page: a library that configured it
// would break every host that uses lit-localize itself, and two elements with different `lang` on
// one page could not both be right. So the elements keep lit-localize's message format, ids and
// tools (`lit-localize extract|build`, XLIFF, the generated `src/locales/*.ts`), but call this
// module's msg(), which has the type of lit-localize's (extraction recognises it by that type) and
// looks the message up in the locale of the element being updated: while an element updates, its
// locale is the current one (see `LocaleController.within`). Strings made outside an update (a
// screen-reader announcement after a call returns, an error message) use the page's locale: the
// explicit one, else the one every connected element agrees on, else the document's.
import { str, type MsgOptions, type StrResult } from '@lit/localize';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import type { ReactiveController, ReactiveElement, TemplateResult } from 'lit';
import { sourceLocale, targetLocales } from '../locales/generated/locale-codes.js';

export { str };

type Localized = string | StrResult | TemplateResult;
type Templates = Record<string, Localized>;
type LibraryLocale = (typeof targetLocales)[number];

// One dynamic import per locale: a page in English loads none of them.
const LOADERS: Record<LibraryLocale, () => Promise<{ templates: Templates }>> = {
  de: () => import('../locales/generated/de.js'),
  ar: () => import('../locales/generated/ar.js'),
};

const library = new Map<string, Templates>();
const loading = new Map<string, Promise<void>>();
const registered = new Map<string, Templates[]>();
const merged = new Map<string, Templates | null>();
const controllers = new Set<LocaleController>();
let explicit: string | undefined;
let current: string | undefined;

/** `de-CH` → `['de-ch', 'de']`: the tags to look translations up under, most specific first. */
function chain(locale: string): string[] {
  const parts = locale.toLowerCase().split(/[-_]/);
  const tags: string[] = [];
  for (let i = parts.length; i > 0; i--) tags.push(parts.slice(0, i).join('-'));
  return tags;
}

function isLibraryLocale(tag: string): tag is LibraryLocale {
  return (targetLocales as readonly string[]).includes(tag);
}

/** The translations of a locale: the host's over the library's, the exact tag's over its language's. */
function templatesFor(locale: string): Templates | null {
  const key = locale.toLowerCase();
  const cached = merged.get(key);
  if (cached !== undefined) return cached;
  const layers: Templates[] = [];
  for (const tag of chain(key).reverse()) {
    const own = library.get(tag);
    if (own) layers.push(own);
    layers.push(...(registered.get(tag) ?? []));
  }
  const table = layers.length ? Object.assign({}, ...layers) : null;
  merged.set(key, table);
  return table;
}

/** The `lang` of the element or its closest ancestor (across shadow roots), else the browser's language. */
export function langOf(element: Element): string {
  let node: Node | null = element;
  while (node) {
    const lang = node instanceof Element ? node.getAttribute('lang') : null;
    if (lang) return lang;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return navigator.language || sourceLocale;
}

/** The locale an element shows: the explicit one (`setLocale()`), else its `lang` (see `langOf`). */
export function resolveLocale(element: Element): string {
  return explicit ?? langOf(element);
}

/** The locale of strings made outside an element's update. */
function pageLocale(): string {
  if (explicit) return explicit;
  const seen = new Set([...controllers].map((c) => c.locale));
  const [only] = seen;
  return seen.size === 1 && only ? only : langOf(document.documentElement);
}

/** The locale msg() translates into just now. */
export function currentLocale(): string {
  return current ?? pageLocale();
}

const hashes = new Map<TemplateStringsArray | string, string>();
function idOf(template: string | StrResult): string {
  const strings = typeof template === 'string' ? template : template.strings;
  let id = hashes.get(strings);
  if (id === undefined) hashes.set(strings, (id = generateMsgId(strings, false)));
  return id;
}

function join(strings: readonly string[], values: readonly unknown[], order?: readonly number[]): string {
  let text = strings[0] ?? '';
  for (let i = 1; i < strings.length; i++) text += String(values[order?.[i - 1] ?? i - 1]) + strings[i];
  return text;
}

/** The English, as written in the source. */
function source(template: string | StrResult): string {
  return typeof template === 'string' ? template : join(template.strings, template.values);
}

function translate(template: string | StrResult, options?: MsgOptions): string {
  const table = templatesFor(currentLocale());
  if (!table) return source(template);
  const localized = table[options?.id ?? idOf(template)];
  if (localized === undefined) return source(template);
  const values = typeof template === 'string' ? [] : template.values;
  if (typeof localized === 'string') return localized;
  if ('strTag' in localized) return join(localized.strings, values, localized.values as number[]);
  return source(template);
}

/**
 * lit-localize's msg(), translating into the locale of the element being updated. Its messages are
 * strings and `str` templates, never `html` ones (so lit-localize's runtime for those stays out of
 * every bundle); the `_LIT_LOCALIZE_MSG_` brand is what `lit-localize extract` finds every call by.
 */
export const msg = translate as ((template: string | StrResult, options?: MsgOptions) => string) & {
  _LIT_LOCALIZE_MSG_?: never;
};

/** Loads the library's translations for a locale (and its language), if it has any not yet loaded. */
export function loadLocale(locale: string): Promise<void> | undefined {
  const pending: Promise<void>[] = [];
  for (const tag of chain(locale)) {
    if (!isLibraryLocale(tag) || library.has(tag)) continue;
    let load = loading.get(tag);
    if (!load) {
      load = LOADERS[tag]().then(
        (module) => {
          library.set(tag, module.templates);
          changed();
        },
        (error: unknown) => {
          // Rendered in English rather than not at all; the next update tries again.
          loading.delete(tag);
          console.error(`@access-requests/elements: the "${tag}" translations did not load.`, error);
        },
      );
      loading.set(tag, load);
    }
    pending.push(load);
  }
  return pending.length ? Promise.all(pending).then(() => undefined) : undefined;
}

function changed(): void {
  merged.clear();
  for (const controller of controllers) controller.refresh(true);
}

/**
 * Shows every element in this locale, whatever the `lang` around it (`undefined`: follow `lang`
 * again). For an application whose language choice is not in the page's markup. Resolves once the
 * locale's translations are loaded.
 */
export function setLocale(locale: string | undefined): Promise<void> {
  explicit = locale || undefined;
  for (const controller of controllers) controller.refresh();
  return (explicit && loadLocale(explicit)) || Promise.resolve();
}

/** The explicit locale set with `setLocale()`, if any. */
export function getLocale(): string | undefined {
  return explicit;
}

/**
 * A host's own translations for a locale, by message id (the `id` of each `<trans-unit>` in the
 * package's `xliff/*.xlf`): they override the library's for that locale, or make a new locale. In a
 * message with values, `{0}`, `{1}`… stand for the values in the order the English has them.
 * Returns a function that takes them back.
 *
 * @example
 * registerTranslations('fr', { 'status.active.label': 'Actif', s2c4a1d0e3f5b6a7c: 'Expire dans {0}' });
 */
export function registerTranslations(locale: string, messages: Readonly<Record<string, string>>): () => void {
  const table: Templates = {};
  for (const [id, text] of Object.entries(messages)) {
    const pieces = text.split(/\{(\d+)\}/);
    if (pieces.length === 1) {
      table[id] = text;
      continue;
    }
    const strings = pieces.filter((_, i) => i % 2 === 0);
    const order = pieces.filter((_, i) => i % 2 === 1).map(Number);
    table[id] = { strTag: true, strings: strings as unknown as TemplateStringsArray, values: order };
  }
  const tag = locale.toLowerCase();
  const list = registered.get(tag) ?? [];
  list.push(table);
  registered.set(tag, list);
  changed();
  return () => {
    const at = list.indexOf(table);
    if (at >= 0) list.splice(at, 1);
    changed();
  };
}

/**
 * The plural form of a count in the current locale (Intl.PluralRules), with `#` in it replaced by the
 * count (in the locale's digits). Each form is its own msg(), so that every language has all the
 * forms it needs (Arabic: zero, one, two, few, many, other); `#` rather than a `${}` value, so that a
 * form may leave the number out ("طلبان", two requests).
 */
export function plural(count: number, forms: Record<Intl.LDMLPluralRule, () => string>): string {
  const locale = currentLocale();
  const text = forms[pluralRules(locale).select(count)]();
  return text.replace(/#/g, () => numberFormat(locale).format(count));
}

const numbers = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string): Intl.NumberFormat {
  let found = numbers.get(locale);
  if (!found) numbers.set(locale, (found = new Intl.NumberFormat(locale)));
  return found;
}

const rules = new Map<string, Intl.PluralRules>();
function pluralRules(locale: string): Intl.PluralRules {
  let found = rules.get(locale);
  if (!found) rules.set(locale, (found = new Intl.PluralRules(locale)));
  return found;
}

// One observer for `lang` anywhere in the document, and in each shadow root above an element of ours.
let observer: MutationObserver | undefined;
const observed = new WeakSet<Node>();
function observe(element: Element): void {
  observer ??= new MutationObserver(() => {
    for (const controller of controllers) controller.refresh();
  });
  let node: Node = element;
  for (;;) {
    const root = node.getRootNode();
    if (!observed.has(root)) {
      observed.add(root);
      observer.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
    if (!(root instanceof ShadowRoot)) return;
    node = root.host;
  }
}

/**
 * An element's locale: resolved when it connects and whenever `lang` changes around it or
 * `setLocale()` is called; the element re-renders when it changes. The element runs its updates
 * `within()` it, and waits (`ready()`) for the locale's translations before it renders.
 */
export class LocaleController implements ReactiveController {
  locale: string = sourceLocale;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostConnected(): void {
    controllers.add(this);
    observe(this.host);
    this.refresh();
  }

  hostDisconnected(): void {
    controllers.delete(this);
  }

  /** Re-resolves the locale; the host updates when it changed (or `always`). */
  refresh(always = false): void {
    const locale = resolveLocale(this.host);
    if (locale === this.locale && !always) return;
    this.locale = locale;
    void loadLocale(locale);
    this.host.requestUpdate();
  }

  /** Pending while the translations of the element's locale are loading. */
  ready(): Promise<void> | undefined {
    this.locale = resolveLocale(this.host);
    return loadLocale(this.locale);
  }

  /** Runs `work` (the host's update) with the host's locale as msg()'s. */
  within<T>(work: () => T): T {
    const outer = current;
    current = this.locale;
    try {
      return work();
    } finally {
      current = outer;
    }
  }
}
