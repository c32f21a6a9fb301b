// What Submit Request needs beyond the call: one Idempotency-Key per logical submission, and what
// to tell the user when the server refuses or cannot be reached.
import { msg, str } from '../../internal/locale.js';
import { ApiError } from '@access-requests/sdk';
import { intentFor } from '../../internal/intent-key.js';
import { problemText } from '../../internal/problem.js';
import type { Draft, FieldError, RequestInput } from './draft.js';
import { placeOf, type Place } from './validation.js';

/**
 * The key for sending `body`: the draft's, when it was made for this very body (a retry after a
 * failure, even after a reload, so that the server replays instead of creating twice), else a new one.
 */
export function idempotencyFor(draft: Draft, body: RequestInput): NonNullable<Draft['idempotency']> {
  return intentFor(draft.idempotency, body);
}

export interface Failure {
  /** The field errors to put next to their controls (none when the server named no field). */
  readonly fieldErrors: readonly FieldError[];
  /** The form's message. */
  readonly message: string;
  /** The key was used with another body: the next submit needs a new one. */
  readonly newKey: boolean;
}

/** `shown`: whether the form shows a control at a place (a custom field only while a flow asks it). */
export function failureOf(error: unknown, shown: (place: Place) => boolean = () => true): Failure {
  const errors = error instanceof ApiError ? error.fieldErrors : [];
  const placed = errors.filter((e) => placeOf(e.field) !== 'general' && shown(placeOf(e.field)));
  return {
    fieldErrors: placed,
    message:
      placed.length && placed.length === errors.length
        ? msg('Your request could not be submitted. Correct the highlighted fields and submit it again.')
        : msg(
            str`Your request could not be submitted: ${problemText(error)} Everything you entered is kept; submit it again to retry.`,
          ),
    newKey: errors.some((e) => e.code === 'idempotency_mismatch'),
  };
}
