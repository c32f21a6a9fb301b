/**
 * Reading a JSON body of unknown shape. Two kinds of errors are kept apart, because `preview`
 * answers them differently: wrong JSON types (`invalid_type`, always 422) and rule errors (missing,
 * unknown or extra fields…, which `preview` lists with status 200). `null` counts as absent.
 */
import type { FieldError } from './api.js';
import { fieldError } from './problems.js';

export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `parent.key`, or `key` at the top level. */
export function joinPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

export class BodyReader {
  readonly typeErrors: FieldError[] = [];
  readonly ruleErrors: FieldError[] = [];

  /** The object at `path`, or undefined (with a type error) when it is something else. */
  object(value: unknown, path: string): JsonObject | undefined {
    if (value === undefined || value === null) return undefined;
    if (isJsonObject(value)) return value;
    this.typeErrors.push(
      fieldError(
        path,
        'invalid_type',
        path === '' ? 'The body must be a JSON object.' : `${path} must be an object.`,
      ),
    );
    return undefined;
  }

  array(value: unknown, path: string): readonly unknown[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value)) return value;
    this.typeErrors.push(fieldError(path, 'invalid_type', `${path} must be an array.`));
    return undefined;
  }

  /** Whether the field is absent (undefined or null); a `required` one then gets a rule error. */
  #absent(value: unknown, path: string, required: boolean | undefined): value is undefined | null {
    if (value !== undefined && value !== null) return false;
    if (required) this.ruleErrors.push(fieldError(path, 'required', `${path} is required.`));
    return true;
  }

  /** A string field, trimmed; `required` fields that are absent or blank get a rule error. */
  string(
    object: JsonObject,
    key: string,
    parent: string,
    options: { required?: boolean } = {},
  ): string | undefined {
    const path = joinPath(parent, key);
    const value = object[key];
    if (this.#absent(value, path, options.required)) return undefined;
    if (typeof value !== 'string') {
      this.typeErrors.push(fieldError(path, 'invalid_type', `${path} must be a string.`));
      return undefined;
    }
    const trimmed = value.trim();
    if (trimmed === '' && options.required) {
      this.ruleErrors.push(fieldError(path, 'required', `${path} must not be empty.`));
      return undefined;
    }
    return trimmed;
  }

  /** A whole number; a fraction or another JSON type is `invalid_type` (JSON Schema's `integer` is a type). */
  integer(
    object: JsonObject,
    key: string,
    parent: string,
    options: { required?: boolean } = {},
  ): number | undefined {
    const path = joinPath(parent, key);
    const value = object[key];
    if (this.#absent(value, path, options.required)) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.typeErrors.push(fieldError(path, 'invalid_type', `${path} must be a whole number.`));
      return undefined;
    }
    return value;
  }

  /** Fields the schema does not have (`additionalProperties: false`) are `not_allowed`. */
  rejectUnknownKeys(object: JsonObject, allowed: readonly string[], parent: string): void {
    for (const key of Object.keys(object)) {
      if (!allowed.includes(key)) {
        const path = joinPath(parent, key);
        this.ruleErrors.push(fieldError(path, 'not_allowed', `${path} is not a field of this body.`));
      }
    }
  }
}
