// The optional Start of a request: a date and an hour in the host's time zone, bounded by the access
// flows' scheduling window as the server's clock counts it (the preview's `server_time`). Each hour
// offered is a whole hour (as the contract requires), so in a time zone with a half-hour offset the
// hours read :30. Empty means Now: the access starts once granted.
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '../../internal/locale.js';
import { formatHours, zoneOffset } from '../../internal/format.js';
import type { Draft } from './draft.js';
import type { ShownError } from './validation.js';

const HOUR_MS = 3_600_000;

/** The first and last start the window allows, both whole hours. */
export interface StartWindow {
  readonly earliest: number;
  readonly latest: number;
}

/** The window from the server's now; undefined when the flows allow no scheduled start (or unknown yet). */
export function startWindow(
  serverNow: number | undefined,
  maxAheadHours: number | undefined,
): StartWindow | undefined {
  if (serverNow === undefined || !maxAheadHours) return undefined;
  const earliest = Math.floor(serverNow / HOUR_MS) * HOUR_MS + HOUR_MS;
  const latest = Math.floor((serverNow + maxAheadHours * HOUR_MS) / HOUR_MS) * HOUR_MS;
  return earliest <= latest ? { earliest, latest } : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The host's calendar date of an instant, as `<input type="date">` writes it (2026-01-15). */
export function localDate(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The starts the window allows on a host date, in order. */
export function startsOn(date: string, window: StartWindow): number[] {
  const starts: number[] = [];
  for (let time = window.earliest; time <= window.latest; time += HOUR_MS)
    if (localDate(time) === date) starts.push(time);
  return starts;
}

/** The Start after the date changed: the same hour of the day when that date has it, else its first. */
export function startForDate(date: string, window: StartWindow | undefined, previous: string): string {
  if (!date || !window) return '';
  const starts = startsOn(date, window);
  const hourOf = (time: number) => new Date(time).getHours();
  const previousHour = previous ? hourOf(Date.parse(previous)) : undefined;
  const chosen = starts.find((time) => hourOf(time) === previousHour) ?? starts[0];
  return chosen === undefined ? '' : new Date(chosen).toISOString();
}

export interface StartView {
  readonly locale: string;
  readonly draft: Draft;
  readonly window: StartWindow | undefined;
  /** The flow that bounds the window, and how many hours ahead it allows (0: none). */
  readonly maxAheadHours: number | undefined;
  readonly boundBy: string;
  readonly error: ShownError | undefined;
  /** The error's message, rendered like every field's. */
  readonly errorMessage: unknown;
  readonly onChange: (patch: Partial<Draft>) => void;
}

export function renderStart(view: StartView) {
  const { draft, window, locale, error } = view;
  const hourFormat = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
  const starts = window && draft.startDate ? startsOn(draft.startDate, window) : [];
  const zone = zoneOffset(locale, draft.startsAt || Date.now());
  const hint =
    view.maxAheadHours === 0
      ? msg(str`${view.boundBy} does not allow a later start: the access starts once granted.`)
      : window
        ? msg(
            str`Now, unless you pick a date: at most ${formatHours(locale, view.maxAheadHours ?? 0)} ahead (${view.boundBy}). Times are in your time zone, ${zone}.`,
          )
        : msg('Now, unless you pick a date.');
  const describedBy = ['start-hint', error?.id].filter(Boolean).join(' ');
  const disabled = !window;
  return html`<fieldset class="field start" part="start">
    <legend>${msg('Start')} <span class="optional">${msg('(optional)')}</span></legend>
    <div class="start-controls">
      <div class="start-part">
        <label for="start-date">${msg('Start date')}</label>
        <input
          id="start-date"
          part="start-date"
          type="date"
          min=${window ? localDate(window.earliest) : nothing}
          max=${window ? localDate(window.latest) : nothing}
          ?disabled=${disabled}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy}
          .value=${live(draft.startDate)}
          @input=${(e: Event) => {
            const startDate = (e.target as HTMLInputElement).value;
            view.onChange({ startDate, startsAt: startForDate(startDate, window, draft.startsAt) });
          }}
        />
      </div>
      <div class="start-part">
        <label for="start-hour">${msg('Start time')}</label>
        <select
          id="start-hour"
          part="start-hour"
          ?disabled=${disabled || !draft.startDate}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @change=${(e: Event) => view.onChange({ startsAt: (e.target as HTMLSelectElement).value })}
        >
          ${
            draft.startDate
              ? starts.map((time) => {
                  const iso = new Date(time).toISOString();
                  return html`<option value=${iso} ?selected=${iso === draft.startsAt}>
                    ${hourFormat.format(time)}
                  </option>`;
                })
              : html`<option value="" selected>${msg('Now')}</option>`
          }
        </select>
      </div>
      ${
        draft.startDate
          ? html`<button
              type="button"
              class="button"
              part="start-now"
              @click=${() => view.onChange({ startDate: '', startsAt: '' })}
            >
              ${msg('Start now')}
            </button>`
          : nothing
      }
    </div>
    <span class="hint" id="start-hint">${hint}</span>
    ${view.errorMessage}
  </fieldset>`;
}
