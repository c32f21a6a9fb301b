/**
 * The simulated clock: now = start + manual offset + (real time elapsed × speed). Speed 0 (the
 * default) freezes it, so tests move time only with `advance`. Real time comes from an injectable
 * source, so even speed > 0 is deterministic in tests.
 */

/**
 * A source of real time in milliseconds since the epoch (`Date.now` by default).
 *
 * @example
 * ```ts
 * const realTime: RealTimeSource = () => performance.timeOrigin + performance.now();
 * const backend = createBackend({ speed: 1 }, { realTime });
 * ```
 */
export type RealTimeSource = () => number;

export class SimulatedClock {
  #base: number;
  #realAnchor: number;
  #speed: number;
  readonly #realTime: RealTimeSource;

  constructor(start: number, speed = 0, realTime: RealTimeSource = () => Date.now()) {
    assertSpeed(speed);
    this.#realTime = realTime;
    this.#base = start;
    this.#realAnchor = realTime();
    this.#speed = speed;
  }

  /** Simulated milliseconds since the epoch. */
  now(): number {
    return this.#base + (this.#realTime() - this.#realAnchor) * this.#speed;
  }

  get speed(): number {
    return this.#speed;
  }

  /** Moves simulated time forward (never back). */
  advance(milliseconds: number): void {
    if (!Number.isFinite(milliseconds) || milliseconds < 0) {
      throw new RangeError(`advance() takes a finite number of milliseconds ≥ 0, got ${milliseconds}`);
    }
    this.#base += milliseconds;
  }

  /** Moves simulated time forward to `time`, if it is later than now. */
  advanceTo(time: number): void {
    const now = this.now();
    if (time > now) this.#base += time - now;
  }

  setSpeed(speed: number): void {
    assertSpeed(speed);
    // Re-anchor so that the time already elapsed keeps the old speed.
    this.#base = this.now();
    this.#realAnchor = this.#realTime();
    this.#speed = speed;
  }
}

function assertSpeed(speed: number): void {
  if (!Number.isFinite(speed) || speed < 0)
    throw new RangeError(`speed must be a finite number ≥ 0, got ${speed}`);
}
