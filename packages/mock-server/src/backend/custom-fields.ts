/**
 * Custom fields: the questions an access flow asks on every request under it (a text, a single
 * choice or a number). A submission answers them in `custom_fields`, keyed by field id; one answer
 * applies to every group whose flow declares that id (the same id in two flows is the same
 * question). Each answer is checked against each field that asks it; every request keeps the
 * answers to its own flow's fields, in the flow's order.
 */
import type { AccessFlowRecord, CustomFieldRecord } from '../demo-data/model.js';
import type { FieldError } from './api.js';
import { clip } from './input.js';
import { fieldError } from './problems.js';
import type { StoredCustomFieldAnswer } from './records.js';

/** Where a field's errors go: `custom_fields.incident_id`. */
export const customFieldPath = (id: string): string => `custom_fields.${id}`;

const compiled = new Map<string, RegExp>();

/** The field's pattern as the contract says to test it: the whole value, in Unicode mode. */
function wholeMatch(pattern: string): RegExp {
  let regexp = compiled.get(pattern);
  if (!regexp) {
    regexp = new RegExp(`^(?:${pattern})$`, 'u');
    compiled.set(pattern, regexp);
  }
  return regexp;
}

/** What a wrong value is, in words: "got a number". */
function kindOf(value: unknown): string {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : 'an object';
}

/** "a, b or c". */
function alternatives(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

type Checked =
  | { readonly ok: true; readonly answer: StoredCustomFieldAnswer }
  | { readonly ok: false; readonly error: FieldError };

/** One given answer (never absent: `null` and blank text were dropped when the body was read). */
function check(field: CustomFieldRecord, value: unknown): Checked {
  const path = customFieldPath(field.id);
  const { label } = field;
  const fail = (code: FieldError['code'], message: string): Checked => ({
    ok: false,
    error: fieldError(path, code, message),
  });
  const answer = (stored: string | number, display: string): Checked => ({
    ok: true,
    answer: { id: field.id, label, type: field.type, value: stored, display },
  });
  switch (field.type) {
    case 'text': {
      if (typeof value !== 'string')
        return fail('invalid_type', `${label} must be text; got ${kindOf(value)}.`);
      if (value.length > field.maxLength)
        return fail(
          'too_long',
          `${label} must be at most ${field.maxLength} characters; it has ${value.length}.`,
        );
      if (field.pattern !== null && !wholeMatch(field.pattern).test(value)) {
        const expected = field.patternHint ?? `text matching ${field.pattern}`;
        return fail('pattern_mismatch', `${label} must be ${expected}; got ${clip(value)}.`);
      }
      return answer(value, value);
    }
    case 'choice': {
      const ids = alternatives(field.choices.map((c) => `${c.id} (${c.label})`));
      if (typeof value !== 'string')
        return fail(
          'invalid_type',
          `${label} must be the id of one of its choices, ${ids}; got ${kindOf(value)}.`,
        );
      const choice = field.choices.find((c) => c.id === value);
      if (!choice) return fail('invalid_choice', `${label} must be one of ${ids}; got ${clip(value)}.`);
      return answer(choice.id, choice.label);
    }
    case 'number': {
      if (typeof value !== 'number')
        return fail('invalid_type', `${label} must be a number; got ${kindOf(value)}.`);
      if (!Number.isFinite(value)) return fail('invalid_number', `${label} must be a finite number.`);
      if (field.integer && !Number.isInteger(value))
        return fail('not_integer', `${label} must be a whole number; got ${value}.`);
      if (field.min !== null && value < field.min)
        return fail('too_small', `${label} must be at least ${field.min}; got ${value}.`);
      if (field.max !== null && value > field.max)
        return fail('too_large', `${label} must be at most ${field.max}; got ${value}.`);
      return answer(value, String(value));
    }
  }
}

/**
 * Checks the answers against the fields of the groups' flows and returns, for each group (in the
 * groups' order), the answers its request keeps. Every problem is pushed to `errors`, at most one per
 * field id: `required` for a required field without an answer, the field's rule for a given one,
 * and `unknown_field` for an id no flow declares — only when `itemsResolved` (with items refused, the
 * flows they would fall under are not known).
 */
export function resolveCustomFields(
  groups: readonly { readonly flow: AccessFlowRecord }[],
  answers: Readonly<Record<string, unknown>> | undefined,
  itemsResolved: boolean,
  errors: FieldError[],
): StoredCustomFieldAnswer[][] {
  const given = answers ?? {};
  const reported = new Set(errors.map((e) => e.field));
  const report = (error: FieldError): void => {
    if (reported.has(error.field)) return;
    reported.add(error.field);
    errors.push(error);
  };
  const declared = new Set<string>();
  const kept = groups.map(({ flow }) =>
    flow.customFields.flatMap((field) => {
      declared.add(field.id);
      const value = Object.hasOwn(given, field.id) ? given[field.id] : undefined;
      if (value === undefined) {
        if (field.required)
          report(
            fieldError(customFieldPath(field.id), 'required', `${field.label} is required by ${flow.name}.`),
          );
        return [];
      }
      const checked = check(field, value);
      if (!checked.ok) {
        report(checked.error);
        return [];
      }
      return [checked.answer];
    }),
  );
  if (itemsResolved) {
    for (const id of Object.keys(given)) {
      if (declared.has(id)) continue;
      const message = `${clip(id)} is not a custom field of the access flows these items fall under.`;
      report(fieldError(customFieldPath(id), 'unknown_field', message));
    }
  }
  return kept;
}
