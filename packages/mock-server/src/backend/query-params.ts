/**
 * Reading raw query values: every problem becomes a field error named after the parameter, and all
 * of them are reported together.
 */
import type { FieldError, RawQuery } from './api.js';
import { LIMITS } from './constants.js';
import { fieldError, validationFailed } from './problems.js';

export class QueryReader {
  readonly errors: FieldError[] = [];
  readonly #query: RawQuery;

  constructor(query: RawQuery) {
    this.#query = query;
  }

  /** A parameter given at most once. */
  single(name: string): string | undefined {
    const value = this.#query[name];
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value;
    if (value.length <= 1) return value[0];
    this.errors.push(fieldError(name, 'invalid_type', `Give ${name} at most once.`));
    return undefined;
  }

  /** `search`: trimmed and lowercased; empty means "everything". */
  search(): string {
    const value = (this.single('search') ?? '').trim();
    if (value.length > LIMITS.maxSearchLength) {
      this.errors.push(
        fieldError('search', 'too_long', `search must be at most ${LIMITS.maxSearchLength} characters.`),
      );
      return '';
    }
    return value.toLowerCase();
  }

  /** A repeatable parameter (`app_id[]`); the bare name (`app_id`) is accepted as well. */
  list(nameWithBrackets: string): string[] {
    const bare = nameWithBrackets.replace(/\[\]$/, '');
    const values = [this.#query[nameWithBrackets], bare === nameWithBrackets ? undefined : this.#query[bare]]
      .flatMap((value) => (value === undefined ? [] : typeof value === 'string' ? [value] : [...value]))
      .filter((value) => value !== '');
    if (values.length > LIMITS.maxFilterValues) {
      this.errors.push(
        fieldError(
          nameWithBrackets,
          'too_many',
          `Give at most ${LIMITS.maxFilterValues} values of ${nameWithBrackets}.`,
        ),
      );
      return [];
    }
    return [...new Set(values)];
  }

  /** A repeatable parameter whose values must be known ids. */
  knownIds(nameWithBrackets: string, isKnown: (id: string) => boolean, noun: string): string[] {
    const ids = this.list(nameWithBrackets);
    for (const id of ids) {
      if (!isKnown(id))
        this.errors.push(fieldError(nameWithBrackets, 'unknown', `There is no ${noun} ${clip(id)}.`));
    }
    return ids;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.single(name);
    if (value === undefined || value === '') return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.errors.push(fieldError(name, 'unknown', `${name} must be one of ${allowed.join(', ')}.`));
    return fallback;
  }

  boolean(name: string): boolean | undefined {
    const value = this.single(name);
    if (value === undefined || value === '') return undefined;
    if (value === 'true') return true;
    if (value === 'false') return false;
    this.errors.push(fieldError(name, 'invalid_type', `${name} must be true or false.`));
    return undefined;
  }

  limit(): number {
    const value = this.single('limit');
    if (value === undefined || value === '') return LIMITS.defaultPageSize;
    if (!/^-?\d+$/.test(value.trim())) {
      this.errors.push(fieldError('limit', 'invalid_type', 'limit must be a whole number.'));
      return LIMITS.defaultPageSize;
    }
    const limit = Number(value);
    if (limit < 1 || limit > LIMITS.maxPageSize) {
      this.errors.push(
        fieldError('limit', 'out_of_range', `limit must be between 1 and ${LIMITS.maxPageSize}.`),
      );
      return LIMITS.defaultPageSize;
    }
    return limit;
  }

  /** Throws a 422 with every error collected so far. */
  throwIfInvalid(): void {
    if (this.errors.length > 0) throw validationFailed(this.errors, 'query');
  }
}

/** A value quoted in a message, shortened so that a huge input does not make a huge message. */
export function clip(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
