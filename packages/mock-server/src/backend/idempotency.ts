/**
 * Idempotency-Key records, per caller and operation: the same key with the same body (compared as
 * canonical JSON) within 24 hours of simulated time replays the first answer; with another body it
 * is a mismatch.
 */
import type { Schemas } from './api.js';
import { canonicalJson } from './canonical-json.js';
import { LIMITS } from './constants.js';
import { fieldError, idempotencyMismatch, validationFailed } from './problems.js';

interface Remembered {
  readonly fingerprint: string;
  readonly answer: Schemas['AccessRequestList'];
  readonly storedAt: number;
}

type IdempotencyLookup =
  | { readonly kind: 'replay'; readonly answer: Schemas['AccessRequestList'] }
  | { readonly kind: 'new'; readonly remember: (answer: Schemas['AccessRequestList']) => void }
  | { readonly kind: 'none' };

export class IdempotencyStore {
  readonly #entries = new Map<string, Remembered>();

  /**
   * Looks the key up for `scope` (caller + operation). Throws 422 for a malformed key or a key
   * reused with another body.
   */
  lookup(scope: string, key: string | undefined, body: unknown, now: number): IdempotencyLookup {
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
      return { kind: 'replay', answer: entry.answer };
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
