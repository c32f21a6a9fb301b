// What is wrong with the draft, and where each problem is shown: the form's own checks (before any
// call) and the server's field errors (from the preview or a refused submit), each put next to the
// control its `field` names.
import { msg, str } from '../../internal/locale.js';
import { LIMITS } from '@access-requests/contract';
import {
  durationHours,
  fieldsOf,
  hasTarget,
  type CustomField,
  type Draft,
  type FieldError,
  type PreviewGroup,
  type RequestInput,
  type TicketType,
} from './draft.js';
import { formatHours, formatNumber } from '../../internal/format.js';

export const JUSTIFICATION_MAX = LIMITS.justification.maxLength;
export const TICKET_ID_MAX = LIMITS.ticketId.maxLength;

/** Where a problem is shown: a control, the i-th selected resource's row, or the form's message. */
export type Place =
  | 'grantee'
  | 'target'
  | 'duration'
  | 'justification'
  | 'ticket-type'
  | 'ticket-id'
  | 'start'
  | 'general'
  | `row-${number}`
  | `custom-${string}`;

/** The control for a body path: `resources[3].permission_id` is the row of the 4th selected resource. */
export function placeOf(field: string): Place {
  const row = /^resources\[(\d+)\]/.exec(field);
  if (row) return `row-${Number(row[1])}`;
  if (field === 'grantee_id') return 'grantee';
  if (field === 'resources' || field.startsWith('app') || field.startsWith('bundle')) return 'target';
  if (field === 'duration_hours') return 'duration';
  if (field === 'justification') return 'justification';
  if (field === 'ticket.type_id') return 'ticket-type';
  if (field === 'ticket' || field.startsWith('ticket.')) return 'ticket-id';
  if (field === 'starts_at') return 'start';
  const custom = /^custom_fields\.([a-z][a-z0-9_]*)$/.exec(field);
  if (custom) return `custom-${custom[1]}`;
  return 'general';
}

/** The body paths whose values decide whether an error on `place` still holds. */
function pathOf(place: Place): keyof RequestInput | undefined {
  if (place === 'duration') return 'duration_hours';
  if (place === 'justification') return 'justification';
  if (place === 'ticket-type' || place === 'ticket-id') return 'ticket';
  if (place === 'grantee') return 'grantee_id';
  if (place === 'start') return 'starts_at';
  return undefined;
}

/** The fields that never decide an error on the selection or the grantee. */
const IGNORED = { duration_hours: 0, justification: '', ticket: null, starts_at: null, custom_fields: null };

/** Whether an error the server gave for `then` still applies to `now` (the field did not change). */
export function stillApplies(place: Place, then: RequestInput, now: RequestInput | undefined): boolean {
  if (!now) return false;
  if (place.startsWith('custom-')) {
    const id = place.slice('custom-'.length);
    return then.custom_fields?.[id] === now.custom_fields?.[id];
  }
  const path = pathOf(place);
  if (path) return JSON.stringify(then[path]) === JSON.stringify(now[path]);
  return JSON.stringify({ ...then, ...IGNORED }) === JSON.stringify({ ...now, ...IGNORED });
}

/** What the access flows of the selection demand (from the preview). */
export interface Constraints {
  readonly maxHours: number | undefined;
  /** The flow with the shortest maximum. */
  readonly maxHoursFlow: string;
  /** The first flow that requires a justification, if any. */
  readonly justificationBy: string | undefined;
  /** The first flow that requires a ticket, if any. */
  readonly ticketBy: string | undefined;
  /** How many hours ahead a start may be (the strictest flow's window; 0: none), and that flow. */
  readonly maxStartAheadHours: number | undefined;
  readonly startBoundBy: string;
  /** The custom fields asked, each once, in order; with the flows that ask each when not all of them do. */
  readonly fields: readonly { readonly field: CustomField; readonly askedBy: readonly string[] }[];
}

export function constraintsOf(groups: readonly PreviewGroup[]): Constraints {
  let shortest: PreviewGroup | undefined;
  let nearest: PreviewGroup | undefined;
  for (const group of groups) {
    if (!shortest || group.max_duration_hours < shortest.max_duration_hours) shortest = group;
    if (!nearest || group.max_start_ahead_hours < nearest.max_start_ahead_hours) nearest = group;
  }
  return {
    maxStartAheadHours: nearest?.max_start_ahead_hours,
    startBoundBy: nearest?.access_flow.name ?? '',
    maxHours: shortest?.max_duration_hours,
    maxHoursFlow: shortest?.access_flow.name ?? '',
    justificationBy: groups.find((g) => g.justification_required)?.access_flow.name,
    ticketBy: groups.find((g) => g.ticket_required)?.access_flow.name,
    fields: fieldsOf(groups).map((field) => {
      const asking = groups.filter((g) => g.custom_fields.some((f) => f.id === field.id));
      return { field, askedBy: asking.length < groups.length ? asking.map((g) => g.access_flow.name) : [] };
    }),
  };
}

/** The ticket type's pattern as a RegExp; undefined when it has none or it does not compile here. */
export function ticketPattern(type: TicketType | undefined): RegExp | undefined {
  if (!type?.id_pattern) return undefined;
  try {
    return new RegExp(type.id_pattern, 'u');
  } catch {
    return undefined; // the server still checks it
  }
}

/** A text field's pattern, tested on the whole value as the server does; undefined if it does not compile. */
export function fieldPattern(pattern: string | undefined): RegExp | undefined {
  if (!pattern) return undefined;
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    return undefined; // the server still checks it
  }
}

/** What is wrong with a custom field's value as typed ('' when nothing), as the server checks it. */
export function customFieldError(field: CustomField, typed: string | undefined, locale: string): string {
  const value = typed?.trim() ?? '';
  const label = field.label;
  if (!value) return field.required ? msg(str`${label} is required.`) : '';
  if (field.type === 'text') {
    if (value.length > field.max_length)
      return msg(str`Keep ${label} to ${formatNumber(locale, field.max_length)} characters.`);
    if (fieldPattern(field.pattern)?.test(value) === false)
      return field.pattern_hint
        ? msg(str`${label} does not match the expected format: ${field.pattern_hint}.`)
        : msg(str`${label} does not match the expected format.`);
  } else if (field.type === 'choice') {
    if (!field.choices.some((c) => c.id === value)) return msg(str`Choose one of the options for ${label}.`);
  } else {
    const number = Number(value);
    if (!Number.isFinite(number)) return msg(str`${label} must be a number.`);
    if (field.integer && !Number.isInteger(number)) return msg(str`${label} must be a whole number.`);
    if (field.min !== undefined && number < field.min)
      return msg(str`${label} must be at least ${formatNumber(locale, field.min)}.`);
    if (field.max !== undefined && number > field.max)
      return msg(str`${label} must be at most ${formatNumber(locale, field.max)}.`);
  }
  return '';
}

/** The form's own checks, by place. */
export function clientErrors(
  draft: Draft,
  constraints: Constraints,
  ticketTypes: readonly TicketType[],
  locale: string,
): Map<Place, string> {
  const errors = new Map<Place, string>();
  if (!hasTarget(draft)) {
    errors.set(
      'target',
      draft.tab === 'apps'
        ? msg('Select an app and a permission.')
        : draft.tab === 'bundles'
          ? msg('Select a bundle.')
          : msg('Select at least one resource.'),
    );
  }
  const hours = durationHours(draft);
  if (hours === undefined) errors.set('duration', msg('Enter a whole number of hours.'));
  else if (hours < 1) errors.set('duration', msg('Enter at least 1 hour.'));
  else if (constraints.maxHours !== undefined && hours > constraints.maxHours) {
    errors.set(
      'duration',
      msg(str`${constraints.maxHoursFlow} allows at most ${formatHours(locale, constraints.maxHours)}.`),
    );
  }
  const justification = draft.justification.trim();
  if (!justification && constraints.justificationBy) {
    errors.set('justification', msg(str`A justification is required by ${constraints.justificationBy}.`));
  } else if (justification.length > JUSTIFICATION_MAX) {
    errors.set(
      'justification',
      msg(str`Keep the justification to ${formatNumber(locale, JUSTIFICATION_MAX)} characters.`),
    );
  }
  const ticketId = draft.ticketId.trim();
  const type = ticketTypes.find((t) => t.id === draft.ticketTypeId);
  if (draft.ticketTypeId && !ticketId) errors.set('ticket-id', msg('Enter the Ticket ID.'));
  else if (ticketId && !type) errors.set('ticket-type', msg('Select the Ticket Type.'));
  else if (ticketId && type && ticketPattern(type)?.test(ticketId) === false) {
    errors.set('ticket-id', msg(str`This Ticket ID does not match the format of ${type.name} tickets.`));
  } else if (ticketId.length > TICKET_ID_MAX) {
    errors.set(
      'ticket-id',
      msg(str`Keep the Ticket ID to ${formatNumber(locale, TICKET_ID_MAX)} characters.`),
    );
  }
  if (draft.startDate && !draft.startsAt) errors.set('start', msg('Pick a start time, or start now.'));
  if (!ticketId && constraints.ticketBy && ticketTypes.length > 0) {
    errors.set(
      draft.ticketTypeId ? 'ticket-id' : 'ticket-type',
      msg(str`A ticket is required by ${constraints.ticketBy}.`),
    );
  }
  for (const { field } of constraints.fields) {
    const error = customFieldError(field, draft.customFields[field.id], locale);
    if (error) errors.set(`custom-${field.id}`, error);
  }
  return errors;
}

/** The server's field errors, by place. */
export function serverErrors(errors: readonly FieldError[]): Map<Place, FieldError[]> {
  const byPlace = new Map<Place, FieldError[]>();
  for (const error of errors) {
    const place = placeOf(error.field);
    byPlace.set(place, [...(byPlace.get(place) ?? []), error]);
  }
  return byPlace;
}

/** The error shown on a place: the id of its message and the message itself. */
export interface ShownError {
  readonly id: string;
  readonly text: string;
}

export interface ErrorState {
  /** The form's own checks, by place. */
  readonly own: ReadonlyMap<Place, string>;
  /** The server's errors (a preview's, or a refused submit's) that still apply to what the form holds now. */
  readonly server: ReadonlyMap<Place, readonly FieldError[]>;
  /** Whether the user has tried to go on (so every problem is shown), or has left this place. */
  readonly shown: (place: Place) => boolean;
}

/** The errors of the form as it is now, worked out once (a selection has up to 1,000 rows to ask about). */
export function errorState(
  own: ReadonlyMap<Place, string>,
  server: { readonly body: RequestInput; readonly errors: readonly FieldError[] } | undefined,
  now: RequestInput | undefined,
  shown: (place: Place) => boolean,
): ErrorState {
  const applicable = new Map<Place, FieldError[]>();
  if (server)
    for (const [place, errors] of serverErrors(server.errors))
      if (stillApplies(place, server.body, now)) applicable.set(place, errors);
  return { own, server: applicable, shown };
}

/**
 * The error to show on a place: the form's own once the user tried or left the field; else the
 * server's — a missing value only once the user tried, other problems at once.
 */
export function shownError(place: Place, state: ErrorState): ShownError | undefined {
  const shown = state.shown(place);
  const own = shown ? state.own.get(place) : undefined;
  if (own) return { id: `${place}-error`, text: own };
  const visible = (state.server.get(place) ?? []).filter((e) => shown || e.code !== 'required');
  return visible.length ? { id: `${place}-error`, text: visible.map((e) => e.message).join(' ') } : undefined;
}
