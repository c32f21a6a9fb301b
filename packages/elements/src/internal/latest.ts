/** What a call answered: its value, or the error it threw. */
export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/**
 * Runs calls of which only the newest counts (a search as the user types, a preview as the form
 * changes): each start cancels the previous call (its AbortSignal fires, a pending debounce is
 * dropped), and an answer that arrives after a newer start is ignored, so a slow, stale answer never
 * overwrites a newer one.
 */
export class LatestCall {
  #sequence = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #controller: AbortController | undefined;
  #running = false;

  /** Whether a call is waiting for its debounce or its answer. */
  get pending(): boolean {
    return this.#running || this.#timer !== undefined;
  }

  /** Starts `work` after `delayMs` (0: at once); `apply` receives its outcome unless a newer start came. */
  start<T>(
    work: (signal: AbortSignal) => Promise<T>,
    apply: (outcome: Outcome<T>) => void,
    delayMs = 0,
  ): void {
    this.cancel();
    const sequence = this.#sequence;
    const run = async () => {
      this.#timer = undefined;
      const controller = new AbortController();
      this.#controller = controller;
      this.#running = true;
      let outcome: Outcome<T>;
      try {
        outcome = { ok: true, value: await work(controller.signal) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      if (sequence !== this.#sequence || controller.signal.aborted) return;
      this.#running = false;
      apply(outcome);
    };
    if (delayMs > 0) this.#timer = setTimeout(() => void run(), delayMs);
    else void run();
  }

  /** Drops the pending call, if any: its answer will be ignored. */
  cancel(): void {
    this.#sequence += 1;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#controller?.abort();
    this.#controller = undefined;
    this.#running = false;
  }
}
