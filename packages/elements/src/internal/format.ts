// Dates, numbers and durations through Intl, in the language of the page around the element.
import { msg, str } from '@lit/localize';
import type { AccessRequest } from '@access-requests/sdk';

/** The `lang` of the closest ancestor (across shadow roots), else the document's, else the browser's. */
export function localeOf(element: Element): string {
  let node: Node | null = element;
  while (node) {
    const lang = node instanceof Element ? node.getAttribute('lang') : null;
    if (lang) return lang;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return navigator.language || 'en';
}

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (!format) cache.set(key, (format = make()));
  return format;
}

/** "Jan 15, 2026, 9:00 AM" in the element's language. */
export function formatDateTime(locale: string, iso: string): string {
  return cached(
    `dt:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(new Date(iso));
}

/** "8 hours". */
export function formatHours(locale: string, hours: number): string {
  return cached(
    `h:${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'long' }),
  ).format(hours);
}

export function formatNumber(locale: string, value: number): string {
  return cached(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** What a request gives access to, in one line: "prod-payments-db (ReadOnly) and 1 more". */
export function describeTarget(request: AccessRequest): string {
  const target = request.target;
  if (target.type === 'app') return `${target.app.name} (${target.permission.name})`;
  if (target.type === 'bundle') return target.bundle.name;
  const [first] = target.resources_summary;
  if (!first) return msg(str`${target.resource_count} resources`);
  const name = `${first.resource.name} (${first.permission.name})`;
  const more = target.resource_count - 1;
  return more > 0 ? msg(str`${name} and ${more} more`) : name;
}

/** How many resource and permission pairs a request holds, when that is known. */
export function resourceCount(request: AccessRequest): number | undefined {
  const target = request.target;
  return target.type === 'app' ? undefined : target.resource_count;
}
