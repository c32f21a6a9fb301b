// "Complete Additional Details": Duration in Hours (whole hours, within the most restrictive flow),
// Start (optional: Now, or a date and hour within the flows' scheduling window), Justification
// (required when a flow says so; 1,000 characters at most), Ticket Type (the org's types, only when
// it has some) and Ticket ID (checked against the type's pattern); then the custom fields the flows ask.
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '../../internal/locale.js';
import { live } from 'lit/directives/live.js';
import { formatHours, formatList, formatNumber } from '../../internal/format.js';
import { startTime } from '../../internal/start-time.js';
import { renderBundleItems } from './catalog-choice.js';
import type { CustomField, Draft, TicketType } from './draft.js';
import { personLabel } from './people-picker.js';
import { renderStart, startWindow } from './start-picker.js';
import { renderSplit, type PreviewRunner } from './preview-runner.js';
import {
  JUSTIFICATION_MAX,
  TICKET_ID_MAX,
  type Constraints,
  type Place,
  type ShownError,
} from './validation.js';

export interface DetailsView {
  readonly locale: string;
  readonly draft: Draft;
  readonly ticketTypes: readonly TicketType[];
  readonly constraints: Constraints;
  /** The server's now (from the preview), which bounds the Start; undefined before the first preview. */
  readonly serverNow: number | undefined;
  readonly errorOf: (place: Place) => ShownError | undefined;
  readonly onChange: (patch: Partial<Draft>, place: Place) => void;
  readonly onBlur: (place: Place) => void;
  /** A custom field's value changed (merged into the draft as it is then). */
  readonly onAnswer: (fieldId: string, value: string) => void;
}

export function errorText(error: ShownError | undefined) {
  return error ? html`<p class="field-error" id=${error.id} part="field-error">${error.text}</p>` : nothing;
}

const describedBy = (...ids: (string | undefined)[]) => ids.filter(Boolean).join(' ') || nothing;

export function renderDetailsFields(view: DetailsView) {
  const { draft, locale, constraints } = view;
  const duration = view.errorOf('duration');
  const justification = view.errorOf('justification');
  const ticketType = view.errorOf('ticket-type');
  const ticketId = view.errorOf('ticket-id');
  const start = view.errorOf('start');
  const type = view.ticketTypes.find((t) => t.id === draft.ticketTypeId);
  const ticketRequired = constraints.ticketBy !== undefined;
  return html`<div class="fields" part="details">
    <div class="field">
      <label for="duration">${msg('Duration in Hours')}</label>
      <input
        id="duration"
        part="duration"
        type="number"
        inputmode="numeric"
        min="1"
        step="1"
        max=${ifDefined(constraints.maxHours)}
        required
        aria-invalid=${duration ? 'true' : 'false'}
        aria-describedby=${describedBy('duration-hint', duration?.id)}
        .value=${live(draft.duration)}
        @input=${(e: Event) => view.onChange({ duration: (e.target as HTMLInputElement).value, durationTouched: true }, 'duration')}
        @blur=${() => view.onBlur('duration')}
      />
      <span class="hint" id="duration-hint"
        >${
          constraints.maxHours === undefined
            ? msg('Whole hours.')
            : msg(
                str`Whole hours, at most ${formatHours(locale, constraints.maxHours)} (${constraints.maxHoursFlow}).`,
              )
        }</span
      >
      ${errorText(duration)}
    </div>
    ${renderStart({
      locale,
      draft,
      window: startWindow(view.serverNow, constraints.maxStartAheadHours),
      maxAheadHours: constraints.maxStartAheadHours,
      boundBy: constraints.startBoundBy,
      error: start,
      errorMessage: errorText(start),
      onChange: (patch) => view.onChange(patch, 'start'),
    })}
    <div class="field">
      <label for="justification"
        >${msg('Justification')}${constraints.justificationBy ? nothing : html` <span class="optional">${msg('(optional)')}</span>`}</label
      >
      <textarea
        id="justification"
        part="justification"
        rows="4"
        maxlength=${JUSTIFICATION_MAX}
        ?required=${constraints.justificationBy !== undefined}
        aria-invalid=${justification ? 'true' : 'false'}
        aria-describedby=${describedBy('justification-counter', justification?.id)}
        .value=${live(draft.justification)}
        @input=${(e: Event) => view.onChange({ justification: (e.target as HTMLTextAreaElement).value }, 'justification')}
        @blur=${() => view.onBlur('justification')}
      ></textarea>
      <span class="counter" id="justification-counter"
        >${msg(str`${formatNumber(locale, draft.justification.length)} of ${formatNumber(locale, JUSTIFICATION_MAX)} characters`)}</span
      >
      ${errorText(justification)}
    </div>
    ${
      view.ticketTypes.length === 0
        ? nothing
        : html`<div class="ticket-fields">
            <div class="field">
              <label for="ticket-type"
                >${msg('Ticket Type')}${ticketRequired ? nothing : html` <span class="optional">${msg('(optional)')}</span>`}</label
              >
              <select
                id="ticket-type"
                part="ticket-type"
                ?required=${ticketRequired}
                aria-invalid=${ticketType ? 'true' : 'false'}
                aria-describedby=${describedBy(ticketType?.id)}
                @change=${(e: Event) => view.onChange({ ticketTypeId: (e.target as HTMLSelectElement).value }, 'ticket-type')}
              >
                <option value="" ?selected=${!draft.ticketTypeId}>${msg('None')}</option>
                ${view.ticketTypes.map((t) => html`<option value=${t.id} ?selected=${t.id === draft.ticketTypeId}>${t.name}</option>`)}
              </select>
              ${errorText(ticketType)}
            </div>
            <div class="field">
              <label for="ticket-id"
                >${msg('Ticket ID')}${ticketRequired ? nothing : html` <span class="optional">${msg('(optional)')}</span>`}</label
              >
              <input
                id="ticket-id"
                part="ticket-id"
                type="text"
                autocomplete="off"
                maxlength=${TICKET_ID_MAX}
                ?required=${ticketRequired || draft.ticketTypeId !== ''}
                aria-invalid=${ticketId ? 'true' : 'false'}
                aria-describedby=${describedBy('ticket-id-hint', ticketId?.id)}
                .value=${live(draft.ticketId)}
                @input=${(e: Event) => view.onChange({ ticketId: (e.target as HTMLInputElement).value }, 'ticket-id')}
                @blur=${() => view.onBlur('ticket-id')}
              />
              <span class="hint" id="ticket-id-hint"
                >${type ? msg(str`The ID of the ticket in ${type.name}.`) : msg('The ID of the ticket in your ticketing system.')}</span
              >
              ${errorText(ticketId)}
            </div>
          </div>`
    }
    ${constraints.fields.map(({ field, askedBy }) => renderCustomField(view, field, askedBy))}
  </div>`;
}

/** A custom field: its control by type, label, help, who asks it (when not every request does) and error. */
function renderCustomField(view: DetailsView, field: CustomField, askedBy: readonly string[]) {
  const place: Place = `custom-${field.id}`;
  const id = place;
  const error = view.errorOf(place);
  const value = view.draft.customFields[field.id] ?? '';
  // A number input holds '' for what is not a number yet ("1e"): kept as 'NaN', so it is said, not lost.
  const change = ({ target }: Event) => {
    const input = target as HTMLInputElement;
    view.onAnswer(field.id, input.validity.badInput ? 'NaN' : input.value);
  };
  const asked = formatList(view.locale, askedBy);
  const help = [
    { id: `${id}-help`, text: field.description },
    { id: `${id}-format`, text: field.type === 'text' ? field.pattern_hint : undefined },
    { id: `${id}-asked`, text: askedBy.length ? msg(str`Asked by ${asked}`) : undefined },
  ].filter((h) => h.text);
  const invalid = error ? 'true' : 'false';
  const described = describedBy(...help.map((h) => h.id), error?.id);
  let control;
  if (field.type === 'choice') {
    control = html`<select
      id=${id}
      part="custom-field"
      data-field=${field.id}
      ?required=${field.required}
      aria-invalid=${invalid}
      aria-describedby=${described}
      @change=${(e: Event) => {
        change(e);
        view.onBlur(place);
      }}
    >
      <option value="" ?selected=${!value}>${msg('Choose…')}</option>
      ${field.choices.map((c) => html`<option value=${c.id} ?selected=${c.id === value}>${c.label}</option>`)}
    </select>`;
  } else {
    const number = field.type === 'number' ? field : undefined;
    control = html`<input
      id=${id}
      part="custom-field"
      data-field=${field.id}
      type=${number ? 'number' : 'text'}
      inputmode=${ifDefined(number && (number.integer ? 'numeric' : 'decimal'))}
      min=${ifDefined(number?.min)}
      max=${ifDefined(number?.max)}
      .step=${number?.integer === false ? 'any' : '1'}
      maxlength=${ifDefined(field.type === 'text' ? field.max_length : undefined)}
      autocomplete="off"
      ?required=${field.required}
      aria-invalid=${invalid}
      aria-describedby=${described}
      .value=${live(value === 'NaN' ? '' : value)}
      @input=${change}
      @blur=${() => view.onBlur(place)}
    />`;
  }
  return html`<div class="field">
    <label for=${id}
      >${field.label}${field.required ? nothing : html` <span class="optional">${msg('(optional)')}</span>`}</label
    >
    ${control} ${help.map((h) => html`<span class="hint" id=${h.id}>${h.text}</span>`)} ${errorText(error)}
  </div>`;
}

export interface DetailsStepView extends DetailsView {
  readonly preview: PreviewRunner;
  /** The form's own message (a failed submit), or ''. */
  readonly formError: string;
  readonly sending: boolean;
  /** While a submit waits to retry: when, and Cancel (else nothing). */
  readonly retryWait: unknown;
  /** The selection review, rendered when a selected resource has an error; else nothing. */
  readonly review: unknown;
  readonly onBack: () => void;
  readonly onSubmit: (event: Event) => void;
}

/** What is requested and for whom, with the errors about either. */
function renderSummary(view: DetailsStepView) {
  const { draft, locale } = view;
  let what: unknown;
  if (draft.tab === 'apps' && draft.app) {
    const { app, permissionId } = draft.app;
    what = `${app.name} (${app.permissions.find((p) => p.id === permissionId)?.name ?? permissionId})`;
  } else if (draft.tab === 'bundles' && draft.bundle) {
    what = html`${draft.bundle.name} ${renderBundleItems(draft.bundle)}`;
  } else {
    what = msg(str`${formatNumber(locale, draft.selection.size)} resources`);
  }
  const problem = (error: ShownError | undefined) =>
    error
      ? html`<p class="field-error" id=${error.id} data-focus-error tabindex="-1">${error.text}</p>`
      : nothing;
  return html`<section class="summary" part="summary" aria-label=${msg('Your request')}>
    <dl>
      <div>
        <dt>${msg('Request on Behalf of')}</dt>
        <dd>${draft.grantee ? personLabel(draft.grantee) : ''}</dd>
      </div>
      <div>
        <dt>${msg('Access to')}</dt>
        <dd>${what}</dd>
      </div>
      ${renderWhen(view)}
    </dl>
    ${problem(view.errorOf('grantee'))} ${problem(view.errorOf('target'))}
  </section>`;
}

/** When the access starts and ends: Now (once granted), or the Start and its end after the duration. */
function renderWhen(view: DetailsStepView) {
  const { draft, locale } = view;
  const hours = /^\d+$/.test(draft.duration.trim()) ? Number(draft.duration.trim()) : undefined;
  const starts = draft.startDate && draft.startsAt ? draft.startsAt : '';
  const ends =
    starts && hours !== undefined ? new Date(Date.parse(starts) + hours * 3_600_000).toISOString() : '';
  return html`<div>
      <dt>${msg('Starts')}</dt>
      <dd part="summary-start">${starts ? startTime(locale, starts) : msg('Now, once granted')}</dd>
    </div>
    <div>
      <dt>${msg('Ends')}</dt>
      <dd part="summary-end">
        ${
          ends
            ? startTime(locale, ends)
            : hours === undefined
              ? msg('After the duration')
              : msg(str`${formatHours(locale, hours)} after it starts`)
        }
      </dd>
    </div>`;
}

export function renderDetails(view: DetailsStepView) {
  return html`<form class="step" part="form" aria-labelledby="step-title" novalidate @submit=${view.onSubmit}>
    <h2 id="step-title" class="step-title" part="step-title" tabindex="-1">
      ${msg('Complete Additional Details')}
    </h2>
    <div part="form-error" class="form-error" role="alert" tabindex="-1" ?hidden=${!view.formError}>
      ${view.formError}
    </div>
    ${renderSummary(view)} ${renderSplit(view.preview, view.locale)} ${view.review}
    ${renderDetailsFields(view)}
    <div class="actions" part="actions">
      <button type="button" class="button" part="back" @click=${view.onBack}>${msg('Back')}</button>
      <button
        type="submit"
        class="button primary"
        part="submit"
        aria-disabled=${view.sending ? 'true' : 'false'}
      >
        ${view.sending ? msg('Submitting…') : msg('Submit Request')}
      </button>
    </div>
    ${view.retryWait}
    <p class="hint" role="status">${view.sending ? msg('Submitting your request…') : ''}</p>
  </form>`;
}
