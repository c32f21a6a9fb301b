/**
 * Opaque cursors: base64url of `{ p: position, f: fingerprint of the filters }`. A cursor used with
 * other filters, or anything that is not one of ours, is `422 invalid_format` on `cursor`.
 */
import { canonicalJson } from './canonical-json.js';
import { LIMITS } from './constants.js';
import { fieldError } from './problems.js';
import type { FieldError } from './api.js';
import { hashString } from '../demo-data/random.js';

interface PageRequest {
  readonly limit: number;
  /** Where to continue (its meaning is the list's: an offset or a sequence), undefined on the first page. */
  readonly position: number | undefined;
  readonly fingerprint: string;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

function toBase64Url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  return atob(text.replace(/-/g, '+').replace(/_/g, '/'));
}

export function encodeCursor(position: number, fingerprint: string): string {
  return toBase64Url(JSON.stringify({ p: position, f: fingerprint }));
}

function decodeCursor(cursor: string): { p: number; f: string } | undefined {
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(cursor));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { p, f } = parsed as Record<string, unknown>;
    return Number.isSafeInteger(p) && (p as number) >= 0 && typeof f === 'string'
      ? { p: p as number, f }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads `limit` and `cursor`. `filters` is everything else that decides the list (including which
 * list it is), so a cursor only continues the list it came from.
 */
export function readPageRequest(
  query: { readonly limit?: number; readonly cursor?: string },
  errors: FieldError[],
  filters: unknown,
): PageRequest {
  const limit = query.limit ?? LIMITS.defaultPageSize;
  const fingerprint = hashString(canonicalJson(filters)).toString(36);
  const { cursor } = query;
  if (cursor === undefined || errors.some((e) => e.field === 'cursor'))
    return { limit, position: undefined, fingerprint };
  const decoded = decodeCursor(cursor);
  const wrong = !decoded
    ? 'cursor is not a cursor this server gave; omit it to start again.'
    : decoded.f !== fingerprint
      ? 'This cursor belongs to a list with other filters; pass it back with the same filters.'
      : undefined;
  if (wrong) errors.push(fieldError('cursor', 'invalid_format', wrong));
  return { limit, position: wrong ? undefined : decoded?.p, fingerprint };
}

/** A page of a fully known list, by offset. */
export function pageByOffset<T, R>(items: readonly T[], page: PageRequest, map: (item: T) => R): Page<R> {
  const start = page.position ?? 0;
  const slice = items.slice(start, start + page.limit);
  const end = start + slice.length;
  return {
    items: slice.map(map),
    next_cursor: end < items.length ? encodeCursor(end, page.fingerprint) : null,
  };
}

/**
 * A page of a list ordered by a unique, stable number (a request's creation sequence), continuing
 * after the last item seen: items created meanwhile neither repeat nor shift the next page.
 */
export function pageByKey<T, R>(
  items: readonly T[],
  page: PageRequest,
  keyOf: (item: T) => number,
  direction: 'ascending' | 'descending',
  map: (item: T) => R,
): Page<R> {
  const after = page.position;
  const remaining =
    after === undefined
      ? items
      : items.filter((item) => (direction === 'ascending' ? keyOf(item) > after : keyOf(item) < after));
  const slice = remaining.slice(0, page.limit);
  const last = slice[slice.length - 1];
  return {
    items: slice.map(map),
    next_cursor:
      last !== undefined && remaining.length > slice.length
        ? encodeCursor(keyOf(last), page.fingerprint)
        : null,
  };
}
