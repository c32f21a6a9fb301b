// Loading of which only the newest run counts, through @lit/task: its Task aborts the previous run's
// AbortSignal when a new one starts and drops an answer that arrives after a newer run. What Task leaves
// to its caller is added here: each run names its own work and where its outcome goes, a debounce, and
// `cancel()` (Task's `abort()` would still report the aborted run, as an error).
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';

/** What a call answered: its value, or the error it threw. */
export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

type Work = (signal: AbortSignal) => Promise<unknown>;
type Apply = (outcome: Outcome<unknown>) => void;
type Run = readonly [work: Work | null, apply: Apply, delayMs: number];
interface Answer {
  readonly outcome: Outcome<unknown>;
  readonly apply: Apply;
}

/** Resolves after `ms`, or rejects when `signal` aborts first. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
      },
      { once: true },
    );
  });
}

/**
 * Runs calls of which only the newest counts (a search as the user types, a preview as the form
 * changes): each start cancels the previous call (its AbortSignal fires, a pending debounce is
 * dropped), and an answer that arrives after a newer start is ignored.
 */
export class LatestTask {
  #pending = false;
  readonly #task: Task<Run, Answer | null>;

  constructor(host: ReactiveControllerHost) {
    this.#task = new Task<Run, Answer | null>(host, {
      autoRun: false,
      task: async ([work, apply, delayMs], { signal }) => {
        if (!work) return null; // cancel(): a newer run whose answer is nothing
        if (delayMs > 0) await wait(delayMs, signal);
        try {
          return { outcome: { ok: true, value: await work(signal) }, apply };
        } catch (error) {
          return { outcome: { ok: false, error }, apply };
        }
      },
      onComplete: (answer) => {
        if (!answer) return;
        this.#pending = false;
        answer.apply(answer.outcome);
      },
    });
  }

  /** Whether a call is waiting for its debounce or its answer. */
  get pending(): boolean {
    return this.#pending && this.#task.status === TaskStatus.PENDING;
  }

  /** Starts `work` after `delayMs` (0: at once); `apply` receives its outcome unless a newer start came. */
  start<T>(
    work: (signal: AbortSignal) => Promise<T>,
    apply: (outcome: Outcome<T>) => void,
    delayMs = 0,
  ): void {
    this.#pending = true;
    void this.#task.run([work, apply as Apply, delayMs]);
  }

  /** Drops the pending call, if any: its signal aborts and its answer is ignored. */
  cancel(): void {
    this.#pending = false;
    if (this.#task.status !== TaskStatus.PENDING) return;
    void this.#task.run([null, () => undefined, 0]);
  }

  /** Resolves once no call is pending (the newest one answered, or was cancelled). */
  async settled(): Promise<void> {
    while (this.#task.status === TaskStatus.PENDING) await this.#task.taskComplete.catch(() => undefined);
  }
}
