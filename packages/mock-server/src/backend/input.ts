/**
 * Request bodies and query parameters, checked by validators compiled from the contract
 * (`src/generated/`, written by `pnpm generate`), with the few leniencies the server
 * documents: `null` counts as absent; strings are trimmed, a blank one is absent (a blank required
 * one "must not be empty"); an answer in `custom_fields` of the wrong JSON type is left to the
 * custom-field rules, which name the field; a repeatable query parameter may be given as `x[]` or
 * `x`, and a single one at most once. Ajv's errors become the server's own field errors: wrong JSON types are
 * `invalid_type` (always 422), the others are rule errors (which `preview` lists with status 200).
 */
import type { operations } from '@access-requests/contract';
import * as bodyValidators from '../generated/bodies.js';
import * as queryValidators from '../generated/queries.js';
import type { FieldError, RawQuery, Schemas } from './api.js';
import { LIMITS } from './constants.js';
import { fieldError, validationFailed } from './problems.js';

interface AjvError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}
type Validate = ((data: unknown) => boolean) & { errors?: readonly AjvError[] | null };
type Validators = Readonly<Record<string, Validate | undefined>>;
const queryNames = queryValidators.queryParameterNames as Readonly<Record<string, readonly string[]>>;

export const hours = (n: number): string => `${n} ${n === 1 ? 'hour' : 'hours'}`;

/** Where the server words an error its own way (by field, then Ajv keyword). */
const MESSAGES: Readonly<
  Record<string, Readonly<Record<string, (limit: number, value: unknown) => string>>>
> = {
  resources: {
    minItems: () => 'Select at least one resource.',
    maxItems: (max, value) =>
      `Select at most ${max.toLocaleString('en-US')} resources; ${(value as unknown[]).length} were given.`,
  },
  duration_hours: {
    minimum: (min) => `duration_hours must be at least ${hours(min)}.`,
    maximum: (max) => `duration_hours must be at most ${hours(max)}.`,
  },
  hours: {
    minimum: (min) => `hours must be at least ${hours(min)}.`,
    maximum: (max) => `hours must be at most ${hours(max)}.`,
  },
  justification: { maxLength: (max) => `The justification must be at most ${max} characters.` },
  'ticket.id': { maxLength: (max) => `The ticket id must be at most ${max} characters.` },
  reason: { maxLength: (max) => `The reason must be under ${max + 1} characters.` },
  limit: {
    minimum: () => `limit must be between 1 and ${LIMITS.maxPageSize}.`,
    maximum: () => `limit must be between 1 and ${LIMITS.maxPageSize}.`,
  },
  cursor: { maxLength: () => 'cursor is not a cursor this server gave; omit it to start again.' },
};

const TYPE_NAMES: Readonly<Record<string, string>> = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
};

const CODES: Readonly<Record<string, FieldError['code']>> = {
  required: 'required',
  additionalProperties: 'not_allowed',
  maxLength: 'too_long',
  minItems: 'too_few',
  maxItems: 'too_many',
  minimum: 'out_of_range',
  maximum: 'out_of_range',
  enum: 'unknown',
  cursor: 'invalid_format',
};

/** `/resources/1/resource_id` → `resources[1].resource_id`. */
function fieldPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

function valueAt(data: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], data);
}

/** One Ajv error as the server's field error; `type` says whether it is a wrong JSON type. */
function toFieldError(
  error: AjvError,
  data: unknown,
  blanks: ReadonlySet<string>,
): { error: FieldError; type: boolean } {
  const { keyword, params } = error;
  let path = fieldPath(error.instancePath);
  if (keyword === 'type') {
    const type = String(params['type']);
    const message =
      path === ''
        ? 'The body must be a JSON object.'
        : type === 'boolean'
          ? `${path} must be true or false.`
          : `${path} must be ${TYPE_NAMES[type] ?? type}.`;
    return { error: fieldError(path, 'invalid_type', message), type: true };
  }
  const child = params['missingProperty'] ?? params['additionalProperty'];
  if (typeof child === 'string') path = path ? `${path}.${child}` : child;
  const value = valueAt(data, error.instancePath);
  // An item of a repeatable query parameter (`status[]`) is named after the parameter.
  const field = path.replace(/\[\d+\]$/, '');
  const limit = Number(params['limit']);
  const own = MESSAGES[field]?.[keyword];
  const message = own
    ? own(limit, value)
    : keyword === 'required'
      ? `${path} ${blanks.has(path) ? 'must not be empty' : 'is required'}.`
      : keyword === 'additionalProperties'
        ? `${path} is not a field of this body.`
        : keyword === 'enum'
          ? field === path
            ? `${field} must be one of ${(params['allowedValues'] as string[]).join(', ')}.`
            : `${String(value)} is not a status; use one of ${(params['allowedValues'] as string[]).join(', ')}.`
          : keyword === 'maxItems'
            ? `Give at most ${limit} values of ${field}.`
            : keyword === 'maxLength'
              ? `${field} must be at most ${limit} characters.`
              : `${field} is out of range.`;
  const code = (field === 'cursor' ? CODES['cursor'] : CODES[keyword]) ?? 'invalid_format';
  return { error: fieldError(field, code, message), type: false };
}

/** Trims strings and drops `null`, blank strings (noting their paths) from objects. */
function clean(value: unknown, pointer: string, blanks: Set<string>): unknown {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map((item, i) => clean(item, `${pointer}/${i}`, blanks));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).flatMap(([key, item]): [string, unknown][] => {
    const cleaned = clean(item, `${pointer}/${key}`, blanks);
    if (cleaned === '') blanks.add(fieldPath(`${pointer}/${key}`));
    return cleaned === null || cleaned === undefined || cleaned === '' ? [] : [[key, cleaned]];
  });
  return Object.fromEntries(entries);
}

function run(validators: Validators, name: string, data: unknown, blanks: ReadonlySet<string>) {
  const validate = validators[name];
  if (!validate) throw new Error(`No validator ${name} was generated from the contract.`);
  validate(data);
  const mapped = (validate.errors ?? []).map((error) => toFieldError(error, data, blanks));
  return {
    typeErrors: mapped.filter((m) => m.type).map((m) => m.error),
    ruleErrors: mapped.filter((m) => !m.type).map((m) => m.error),
  };
}

interface Bodies {
  submit: Schemas['AccessRequestInput'];
  requestAgain: Schemas['RequestAgainInput'];
  approve: Schemas['ApproveInput'];
  reject: Schemas['RejectInput'];
  extend: Schemas['ExtendInput'];
  createTemplate: Schemas['TemplateInput'];
  renameTemplate: Schemas['TemplateUpdate'];
}

/**
 * A JSON body checked against the operation's schema. Wrong JSON types (or no object at all) throw
 * a 422; the rule errors are returned with the body, whose fields then have their declared types.
 */
export function readBody<Op extends keyof Bodies>(
  operation: Op,
  body: unknown,
): { body: Partial<Bodies[Op]>; errors: FieldError[] } {
  const blanks = new Set<string>();
  const data = clean(body ?? [], '', blanks);
  const { typeErrors, ruleErrors } = run(bodyValidators, operation, data, blanks);
  // An answer of the wrong type is judged against its custom field (`invalid_type`, naming its
  // label) with the other custom-field rules: only `custom_fields` itself must be an object.
  const shapeErrors = typeErrors.filter((e) => !e.field.startsWith('custom_fields.'));
  if (shapeErrors.length > 0) throw validationFailed(shapeErrors, 'request body');
  return { body: data as Partial<Bodies[Op]>, errors: ruleErrors };
}

type QueryOperation = keyof {
  [Op in keyof operations as operations[Op]['parameters']['query'] extends undefined ? never : Op]: Op;
};
type QueryOf<Op extends QueryOperation> = NonNullable<operations[Op]['parameters']['query']>;

/**
 * The operation's query parameters, checked against their schemas (strings become the numbers and
 * booleans they declare, absent ones their defaults), with every error in `errors`.
 */
export function readQuery<Op extends QueryOperation>(
  operation: Op,
  query: RawQuery,
): { values: QueryOf<Op>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const data: Record<string, unknown> = {};
  for (const name of queryNames[operation] ?? []) {
    const given = (n: string) => [query[n] ?? []].flat();
    if (name.endsWith('[]')) {
      const values = [...given(name), ...given(name.slice(0, -2))].filter((v) => v !== '');
      if (values.length > 0) data[name] = [...new Set(values)];
      continue;
    }
    const values = given(name);
    if (values.length > 1) errors.push(fieldError(name, 'invalid_type', `Give ${name} at most once.`));
    else if (values[0]?.trim()) data[name] = values[0].trim();
  }
  const { typeErrors, ruleErrors } = run(
    queryValidators as unknown as Validators,
    operation,
    data,
    new Set(),
  );
  return { values: data, errors: [...errors, ...typeErrors, ...ruleErrors] };
}

/** Throws a 422 with every error of the query. */
export function throwIfInvalid(errors: readonly FieldError[]): void {
  if (errors.length > 0) throw validationFailed([...errors], 'query');
}

/** A value quoted in a message, shortened so that a huge input does not make a huge message. */
export function clip(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
