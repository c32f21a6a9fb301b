// A once-a-second countdown to an expiry, as a controller: it ticks only while its element is
// connected and has a target, and reads "now" from a function the element is given (the server's
// clock, from the answer's `server_time`, unless the host gives its own).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from './locale.js';
import { formatUnitList } from './format.js';

export type Clock = () => number;

export class Countdown implements ReactiveController {
  #target: number | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly clock: () => Clock,
  ) {
    host.addController(this);
  }

  /** Counts down to `iso` (or stops, given nothing). */
  set(iso: string | null | undefined): void {
    const target = iso ? Date.parse(iso) : NaN;
    this.#target = Number.isNaN(target) ? undefined : target;
    this.#restart();
    this.host.requestUpdate();
  }

  /** Milliseconds left, never below 0; undefined without a target. */
  get remaining(): number | undefined {
    return this.#target === undefined ? undefined : Math.max(0, this.#target - this.clock()());
  }

  /** Whether the interval is running (for tests: it stops when the element leaves the page). */
  get ticking(): boolean {
    return this.#timer !== undefined;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#restart();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#restart();
  }

  #restart(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    if (this.#connected && (this.remaining ?? 0) > 0) {
      this.#timer = setInterval(() => {
        this.host.requestUpdate();
        if (this.remaining === 0) this.#restart();
      }, 1000);
    }
  }
}

const units = new Map<string, Intl.NumberFormat>();
function unit(locale: string, name: 'day' | 'hour' | 'minute' | 'second', value: number): string {
  const key = `${locale}:${name}`;
  let format = units.get(key);
  if (!format)
    units.set(
      key,
      (format = new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' })),
    );
  return format.format(value);
}

/** "7 hours, 12 minutes, 5 seconds" (days, hours and minutes beyond a day), in the element's language. */
export function formatDuration(locale: string, ms: number): string {
  const total = Math.floor(ms / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts = days
    ? [unit(locale, 'day', days), unit(locale, 'hour', hours), unit(locale, 'minute', minutes)]
    : [
        ...(hours ? [unit(locale, 'hour', hours)] : []),
        ...(hours || minutes ? [unit(locale, 'minute', minutes)] : []),
        unit(locale, 'second', seconds),
      ];
  return formatUnitList(locale, parts);
}

/** "Expires in 7 hours, 12 minutes, 5 seconds", or "Expired". */
export function formatTimeLeft(locale: string, ms: number): string {
  return ms <= 0 ? msg('Expired') : msg(str`Expires in ${formatDuration(locale, ms)}`);
}
