// Dates, numbers and durations through Intl, in the element's locale (the one its strings use).
import { msg, plural, resolveLocale, str } from './locale.js';
import type { AccessRequest } from '@access-requests/sdk';

/**
 * The element's locale: the one set with `setLocale()`, else the `lang` of the element or its closest
 * ancestor (across shadow roots), else the browser's.
 */
export function localeOf(element: Element): string {
  return resolveLocale(element);
}

type Formatter = Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat;
// Made once per locale and kind: an Intl formatter costs far more to make than to use, and the
// elements format on every render (the countdown every second).
const cache = new Map<string, Formatter>();
function cached<T extends Formatter>(key: string, make: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (!format) cache.set(key, (format = make()));
  return format;
}

/** "A, B and C" in the element's language. */
export function formatList(locale: string, items: readonly string[]): string {
  return cached(`list:${locale}`, () => new Intl.ListFormat(locale, { type: 'conjunction' })).format(items);
}

/** "7 hours, 12 minutes, 5 seconds": amounts of units as a short list, in the element's language. */
export function formatUnitList(locale: string, items: readonly string[]): string {
  return cached(
    `units:${locale}`,
    () => new Intl.ListFormat(locale, { style: 'short', type: 'unit' }),
  ).format(items);
}

/** "Jan 15, 2026, 9:00 AM" in the element's language. */
export function formatDateTime(locale: string, iso: string): string {
  return cached(
    `dt:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(new Date(iso));
}

/** "Jan 15, 2026, 12:00 PM GMT+1": a time with the offset of the host's time zone. */
export function formatZonedDateTime(locale: string, iso: string | number): string {
  return (
    cached(
      `dtz:${locale}`,
      () =>
        new Intl.DateTimeFormat(locale, {
          dateStyle: 'medium',
          timeStyle: 'short',
        }),
    ).format(new Date(iso)) + ` ${zoneOffset(locale, iso)}`
  );
}

/** "GMT+1": the host's time zone offset at that time, as the locale writes it. */
export function zoneOffset(locale: string, iso: string | number): string {
  const parts = cached(
    `tz:${locale}`,
    () => new Intl.DateTimeFormat(locale, { timeZoneName: 'shortOffset' }),
  ).formatToParts(new Date(iso));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** The scheduled start of a request still waiting for it (pending approval or scheduled), if any. */
export function upcomingStart(request: AccessRequest): string | undefined {
  const { starts_at: startsAt, status } = request;
  return startsAt && (status === 'scheduled' || status === 'pending_approval') ? startsAt : undefined;
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
  if (!first) return resourcesCount(target.resource_count);
  const name = `${first.resource.name} (${first.permission.name})`;
  const more = target.resource_count - 1;
  return more > 0 ? andMore(name, more) : name;
}

/** "3 resources", in the plural form the count takes in the current language. */
export function resourcesCount(count: number): string {
  return plural(count, {
    zero: () => msg('# resources', { id: 'count.resources.zero' }),
    one: () => msg('# resource', { id: 'count.resources.one' }),
    two: () => msg('# resources', { id: 'count.resources.two' }),
    few: () => msg('# resources', { id: 'count.resources.few' }),
    many: () => msg('# resources', { id: 'count.resources.many' }),
    other: () => msg('# resources', { id: 'count.resources.other' }),
  });
}

// Stands for the name while `#` is replaced, so that a `#` in the name stays as it is.
const NAME = '\uE000';

/** "prod-db (ReadOnly) and 2 more". */
export function andMore(name: string, more: number): string {
  const text = plural(more, {
    zero: () => msg(str`${NAME} and # more`, { id: 'count.and-more.zero' }),
    one: () => msg(str`${NAME} and # more`, { id: 'count.and-more.one' }),
    two: () => msg(str`${NAME} and # more`, { id: 'count.and-more.two' }),
    few: () => msg(str`${NAME} and # more`, { id: 'count.and-more.few' }),
    many: () => msg(str`${NAME} and # more`, { id: 'count.and-more.many' }),
    other: () => msg(str`${NAME} and # more`, { id: 'count.and-more.other' }),
  });
  return text.replace(NAME, () => name);
}

/** "3 requests", in the plural form the count takes in the current language. */
export function requestsCount(count: number): string {
  return plural(count, {
    zero: () => msg('# requests', { id: 'count.requests.zero' }),
    one: () => msg('# request', { id: 'count.requests.one' }),
    two: () => msg('# requests', { id: 'count.requests.two' }),
    few: () => msg('# requests', { id: 'count.requests.few' }),
    many: () => msg('# requests', { id: 'count.requests.many' }),
    other: () => msg('# requests', { id: 'count.requests.other' }),
  });
}

/** "2 more updates": the earlier notifications waiting behind the newest. */
export function moreUpdatesCount(count: number): string {
  return plural(count, {
    zero: () => msg('# more updates', { id: 'count.more-updates.zero' }),
    one: () => msg('# more update', { id: 'count.more-updates.one' }),
    two: () => msg('# more updates', { id: 'count.more-updates.two' }),
    few: () => msg('# more updates', { id: 'count.more-updates.few' }),
    many: () => msg('# more updates', { id: 'count.more-updates.many' }),
    other: () => msg('# more updates', { id: 'count.more-updates.other' }),
  });
}

/** "3 selected". */
export function selectedCount(count: number): string {
  return plural(count, {
    zero: () => msg('# selected', { id: 'count.selected.zero' }),
    one: () => msg('# selected', { id: 'count.selected.one' }),
    two: () => msg('# selected', { id: 'count.selected.two' }),
    few: () => msg('# selected', { id: 'count.selected.few' }),
    many: () => msg('# selected', { id: 'count.selected.many' }),
    other: () => msg('# selected', { id: 'count.selected.other' }),
  });
}

/** How many resource and permission pairs a request holds, when that is known. */
export function resourceCount(request: AccessRequest): number | undefined {
  const target = request.target;
  return target.type === 'app' ? undefined : target.resource_count;
}
