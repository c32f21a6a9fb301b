// One Idempotency-Key per user intent: the user's own retries of the same action (after "Could not
// reach …", say) reuse it, so the server replays its first answer instead of acting twice; changing
// what is sent is a new intent with a new key.

/** The key an intent was sent with, and the JSON of what was sent. */
export interface Intent {
  readonly key: string;
  readonly body: string;
}

/** `previous` when it was made for this very body, else a new intent. */
export function intentFor(previous: Intent | undefined, body: unknown): Intent {
  const json = JSON.stringify(body);
  return previous?.body === json ? previous : { key: crypto.randomUUID(), body: json };
}

/** The key of the current intent of one action (a dialog's Submit, a card's star). */
export class IntentKey {
  #intent: Intent | undefined;

  /** The key to send `body` with: the last one while the body is the same. */
  for(body: unknown): string {
    this.#intent = intentFor(this.#intent, body);
    return this.#intent.key;
  }

  /** The intent is done (it succeeded, or the server refused the key): the next one gets a new key. */
  clear(): void {
    this.#intent = undefined;
  }
}
