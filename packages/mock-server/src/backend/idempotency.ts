/**
 * Idempotency-Key records, per caller and operation: the same key with the same body (compared as
 * canonical JSON) within 24 hours of simulated time replays the first answer; with another body it
 * is a mismatch. Only successful answers are remembered: a refused call can be sent again.
 */
import { canonicalJson } from './canonical-json.js';
import { LIMITS } from './constants.js';
import { fieldError, idempotencyMismatch, validationFailed } from './problems.js';

interface Remembered {
  readonly fingerprint: string;
  readonly answer: unknown;
  readonly storedAt: number;
}

type IdempotencyLookup<Answer> =
  | { readonly kind: 'replay'; readonly answer: Answer }
  | { readonly kind: 'new'; readonly remember: (answer: Answer) => void }
  | { readonly kind: 'none' };

export class IdempotencyStore {
  readonly #entries = new Map<string, Remembered>();

  /**
   * Looks the key up for `scope` (caller + operation; one operation always answers the same
   * `Answer` type). Throws 422 for a malformed key or a key reused with another body.
   */
  lookup<Answer>(
    scope: string,
    key: string | undefined,
    body: unknown,
    now: number,
  ): IdempotencyLookup<Answer> {
    if (key === undefined) return { kind: 'none' };
    if (key.length === 0 || key.length > LIMITS.maxIdempotencyKeyLength) {
      throw validationFailed(
        [
          key.length === 0
            ? fieldError('Idempotency-Key', 'required', 'Idempotency-Key must not be empty.')
            : fieldError(
                'Idempotency-Key',
                'too_long',
                `Idempotency-Key must be at most ${LIMITS.maxIdempotencyKeyLength} characters.`,
              ),
        ],
        'request',
      );
    }
    this.#forgetExpired(now);
    const entryKey = `${scope}\u0000${key}`;
    const fingerprint = canonicalJson(body);
    const entry = this.#entries.get(entryKey);
    if (entry) {
      if (entry.fingerprint !== fingerprint) throw idempotencyMismatch();
      return { kind: 'replay', answer: entry.answer as Answer };
    }
    return {
      kind: 'new',
      remember: (answer) => this.#entries.set(entryKey, { fingerprint, answer, storedAt: now }),
    };
  }

  #forgetExpired(now: number): void {
    // Map iteration follows insertion order, which is also storedAt order.
    for (const [key, entry] of this.#entries) {
      if (entry.storedAt > now - LIMITS.idempotencyTtlMs) break;
      this.#entries.delete(key);
    }
  }
}

/**
 * Runs `change` once per key and body within `scope`: a repeat replays the first answer (so a retried
 * revoke or decision answers as the first did, not 409). Without a key, `change` simply runs.
 */
export function oncePerKey<Answer>(
  store: IdempotencyStore,
  call: {
    readonly scope: string;
    readonly key: string | undefined;
    readonly body: unknown;
    readonly now: number;
  },
  change: () => Answer,
): Answer {
  const lookup = store.lookup<Answer>(call.scope, call.key, call.body, call.now);
  if (lookup.kind === 'replay') return lookup.answer;
  const answer = change();
  if (lookup.kind === 'new') lookup.remember(answer);
  return answer;
}
