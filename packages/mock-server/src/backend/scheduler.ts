/**
 * The reference server's one clock: simulated time and the transitions waiting for it.
 *
 * now = start + time advanced by hand + (real time elapsed × speed). Speed 0 (the default) freezes
 * it, so tests move time only with `advance` (the control API). While it runs (speed > 0), a real
 * timer is armed for the next due transition, so transitions happen — and reach the event stream
 * and the outbox — when they fall due, with nothing polling. Timers may fire late (browsers throttle
 * them in service workers and background tabs), so the backend also runs what is due at the start
 * of each operation: an answer never shows a state its own `server_time` has left behind.
 *
 * Jobs are not cancelled: each checks, when it runs, that the request is still in the state it was
 * scheduled for, and does nothing otherwise.
 */
import { WORLD_LIMITS } from './constants.js';

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

/**
 * Timer functions (`setTimeout` by default); injectable so tests control real time completely.
 *
 * @example
 * ```ts
 * const pending: (() => void)[] = [];
 * const timers: TimerApi = { setTimeout: (callback) => pending.push(callback), clearTimeout: () => {} };
 * const backend = createBackend({ speed: 1 }, { timers });
 * ```
 */
export interface TimerApi {
  /** Calls `callback` after `milliseconds`; returns a handle for `clearTimeout`. */
  setTimeout(callback: () => void, milliseconds: number): unknown;
  /** Cancels a timer `setTimeout` returned. */
  clearTimeout(handle: unknown): void;
}

type JobKind = 'start' | 'finish_granting' | 'expire' | 'finish_revoking' | 'simulated_approval';

export interface Job {
  readonly dueAt: number;
  readonly kind: JobKind;
  readonly requestId: string;
  /** For `simulated_approval`: who approves. */
  readonly approverId?: string;
  /** For `simulated_approval` of an extension: when that extension was asked for. */
  readonly extensionRequestedAt?: number;
}

/** setTimeout's largest delay. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const defaultTimers: TimerApi = {
  setTimeout: (callback, milliseconds) => globalThis.setTimeout(callback, milliseconds),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as Parameters<typeof globalThis.clearTimeout>[0]),
};

export class Scheduler {
  #base: number;
  #realAnchor: number;
  #speed = 0;
  /** Pending jobs by due time, then in the order they were scheduled. */
  readonly #jobs: Job[] = [];
  #timer: unknown;
  readonly #realTime: RealTimeSource;
  readonly #timers: TimerApi;
  readonly #onDue: () => void;

  /** `onDue` is called (by a real timer) when the next job falls due while the clock runs. */
  constructor(start: number, { realTime = () => Date.now(), timers = defaultTimers, onDue = () => {} } = {}) {
    this.#realTime = realTime;
    this.#timers = timers;
    this.#onDue = onDue;
    this.#base = start;
    this.#realAnchor = realTime();
  }

  /** Simulated milliseconds since the epoch; the clock stops at `WORLD_LIMITS.latestTime`. */
  now(): number {
    return Math.min(
      WORLD_LIMITS.latestTime,
      this.#base + (this.#realTime() - this.#realAnchor) * this.#speed,
    );
  }

  get speed(): number {
    return this.#speed;
  }

  get size(): number {
    return this.#jobs.length;
  }

  /** Moves simulated time forward to `time`, if it is later than now. */
  advanceTo(time: number): void {
    const now = this.now();
    if (time > now) this.#base += Math.min(time, WORLD_LIMITS.latestTime) - now;
  }

  setSpeed(speed: number): void {
    if (!Number.isFinite(speed) || speed < 0 || speed > WORLD_LIMITS.maxSpeed)
      throw new RangeError(`speed must be a number from 0 to ${WORLD_LIMITS.maxSpeed}, got ${speed}`);
    // Re-anchor so that the time already elapsed keeps the old speed.
    this.#base = this.now();
    this.#realAnchor = this.#realTime();
    this.#speed = speed;
    this.arm();
  }

  schedule(job: Job): void {
    // After every job due at the same time or earlier: the order of insertion breaks ties.
    let low = 0;
    let high = this.#jobs.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.#jobs[middle] as Job).dueAt <= job.dueAt) low = middle + 1;
      else high = middle;
    }
    this.#jobs.splice(low, 0, job);
  }

  /** The due time of the next job, or undefined. */
  nextDueAt(): number | undefined {
    return this.#jobs[0]?.dueAt;
  }

  /** Removes and returns the next job if it is due at `time` or before. */
  takeDue(time: number): Job | undefined {
    const first = this.#jobs[0];
    return first && first.dueAt <= time ? this.#jobs.shift() : undefined;
  }

  /** While the clock runs, wakes up (calls `onDue`) when the next job falls due. */
  arm(): void {
    this.stop();
    const next = this.nextDueAt();
    if (this.#speed === 0 || next === undefined) return;
    const realDelay = Math.min(MAX_TIMER_MS, Math.max(0, Math.ceil((next - this.now()) / this.#speed)));
    const timer = this.#timers.setTimeout(() => {
      this.#timer = undefined;
      this.#onDue();
    }, realDelay);
    // Node: a pending transition alone must not keep the process alive.
    (timer as { unref?: () => void } | undefined)?.unref?.();
    this.#timer = timer;
  }

  /** Cancels the armed timer (a reset throws this clock away). */
  stop(): void {
    if (this.#timer !== undefined) this.#timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
