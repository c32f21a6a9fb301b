/**
 * The event log behind `GET /v1/events`: every change of a request appends an event holding the
 * (immutable) record as it was. Ids are monotonic (`evt_000000000001`); a `Last-Event-ID` replays
 * what follows it. Events are kept while among the last 10,000 or younger than 24 hours.
 */
import { LIMITS } from './constants.js';
import type { StoredRequest } from './records.js';

export interface EventRecord {
  readonly sequence: number;
  readonly id: string;
  /** When the change happened (simulated time). */
  readonly at: number;
  readonly request: StoredRequest;
}

const ID_PATTERN = /^evt_(\d{12,15})$/;

export function eventId(sequence: number): string {
  return `evt_${String(sequence).padStart(12, '0')}`;
}

export class EventLog {
  #events: EventRecord[] = [];
  /** Index of the first retained event in `#events` (dropping from the front is amortised). */
  #head = 0;
  #nextSequence: number;
  readonly #onAppend: (event: EventRecord) => void;

  /** `firstSequence` continues the numbering of a previous log, so ids stay unique across resets. */
  constructor(firstSequence: number, onAppend: (event: EventRecord) => void) {
    this.#nextSequence = firstSequence;
    this.#onAppend = onAppend;
  }

  /** The sequence the next event will have. */
  get nextSequence(): number {
    return this.#nextSequence;
  }

  get size(): number {
    return this.#events.length - this.#head;
  }

  append(request: StoredRequest, at: number): EventRecord {
    const sequence = this.#nextSequence++;
    const event: EventRecord = { sequence, id: eventId(sequence), at, request };
    this.#events.push(event);
    this.#prune(at);
    this.#onAppend(event);
    return event;
  }

  /**
   * The retained events after `lastEventId`, in order; undefined when the id is not one this log can
   * continue from (never issued, or older than what is retained).
   */
  after(lastEventId: string): EventRecord[] | undefined {
    const match = ID_PATTERN.exec(lastEventId);
    if (!match) return undefined;
    const sequence = Number(match[1]);
    const first = this.#events[this.#head]?.sequence ?? this.#nextSequence;
    // The event just before the first retained one is a valid resume point: nothing after it was dropped.
    if (sequence < first - 1 || sequence >= this.#nextSequence) return undefined;
    return this.#events.slice(this.#head + (sequence - first + 1));
  }

  #prune(now: number): void {
    while (this.size > LIMITS.eventRetentionCount) {
      const oldest = this.#events[this.#head];
      if (!oldest || oldest.at >= now - LIMITS.eventRetentionMs) break;
      this.#head++;
    }
    if (this.#head > 1024 && this.#head * 2 > this.#events.length) {
      this.#events = this.#events.slice(this.#head);
      this.#head = 0;
    }
  }
}
