/**
 * The time-ordered queue of pending transitions (a binary min-heap by due time, then by insertion
 * order). Jobs are not cancelled: each checks, when it runs, that the request is still in the state
 * it was scheduled for, and does nothing otherwise.
 */

export type JobKind = 'finish_granting' | 'expire' | 'finish_revoking' | 'simulated_approval';

export interface Job {
  readonly dueAt: number;
  readonly kind: JobKind;
  readonly requestId: string;
  /** For `simulated_approval`: who approves. */
  readonly approverId?: string;
}

interface Entry {
  readonly job: Job;
  readonly order: number;
}

export class Scheduler {
  readonly #heap: Entry[] = [];
  #inserted = 0;

  get size(): number {
    return this.#heap.length;
  }

  schedule(job: Job): void {
    this.#heap.push({ job, order: this.#inserted++ });
    this.#siftUp(this.#heap.length - 1);
  }

  /** The due time of the next job, or undefined. */
  nextDueAt(): number | undefined {
    return this.#heap[0]?.job.dueAt;
  }

  /** Removes and returns the next job if it is due at `time` or before. */
  takeDue(time: number): Job | undefined {
    const first = this.#heap[0];
    if (!first || first.job.dueAt > time) return undefined;
    const last = this.#heap.pop() as Entry;
    if (this.#heap.length > 0) {
      this.#heap[0] = last;
      this.#siftDown(0);
    }
    return first.job;
  }

  #before(a: Entry, b: Entry): boolean {
    return a.job.dueAt < b.job.dueAt || (a.job.dueAt === b.job.dueAt && a.order < b.order);
  }

  #swap(i: number, j: number): void {
    const heap = this.#heap;
    [heap[i], heap[j]] = [heap[j] as Entry, heap[i] as Entry];
  }

  #siftUp(index: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#before(this.#heap[i] as Entry, this.#heap[parent] as Entry)) return;
      this.#swap(i, parent);
      i = parent;
    }
  }

  #siftDown(index: number): void {
    let i = index;
    const n = this.#heap.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < n && this.#before(this.#heap[left] as Entry, this.#heap[smallest] as Entry)) smallest = left;
      if (right < n && this.#before(this.#heap[right] as Entry, this.#heap[smallest] as Entry))
        smallest = right;
      if (smallest === i) return;
      this.#swap(i, smallest);
      i = smallest;
    }
  }
}
