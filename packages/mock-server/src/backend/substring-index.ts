/**
 * A substring index over a fixed list of strings (the catalog's lowercased search keys), built once
 * per world: for every character, pair and triple of characters, the ascending positions of the
 * strings that hold it. A search takes the posting lists of its triples (or its pair, or its one
 * character), walks the shortest in step with the others and checks only the positions they all hold
 * with `includes`, so it never scans the whole catalog, stops once it has what it needs, and the
 * matches come out in the list's own order.
 *
 * Characters are folded onto 64 codes (the 63 most frequent UTF-16 code units each get their own,
 * every other unit shares the last): a posting list may then hold a few strings that do not match,
 * never miss one that does, and `includes` drops the extra ones.
 */

const CODES = 64;
const SHARED_CODE = CODES - 1;
const PAIRS_FROM = CODES;
const TRIPLES_FROM = PAIRS_FROM + CODES * CODES;
const GRAMS = TRIPLES_FROM + CODES * CODES * CODES;

const pairOf = (a: number, b: number) => PAIRS_FROM + a * CODES + b;
const tripleOf = (a: number, b: number, c: number) => TRIPLES_FROM + (a * CODES + b) * CODES + c;

/**
 * The code of every UTF-16 unit: the most frequent units first. Counted over a sample of the keys
 * (every 16th): the codes only decide how rare a false candidate is, never whether a match is found.
 */
function codesFor(keys: readonly string[]): Uint8Array {
  const frequency = new Map<number, number>();
  for (let position = 0; position < keys.length; position += 16) {
    const key = keys[position] ?? '';
    for (let i = 0; i < key.length; i++) {
      const unit = key.charCodeAt(i);
      frequency.set(unit, (frequency.get(unit) ?? 0) + 1);
    }
  }
  const count = (unit: number) => frequency.get(unit) ?? 0;
  const units = [...frequency.keys()].sort((a, b) => count(b) - count(a) || a - b);
  const codes = new Uint8Array(0x10000).fill(SHARED_CODE);
  units.slice(0, SHARED_CODE).forEach((unit, code) => (codes[unit] = code));
  return codes;
}

/**
 * One pass over every distinct character, pair and triple of each key. Without `postings` it counts
 * them into `slots` (a count per gram); with `postings` it writes each key's position at `slots[gram]`
 * (where the gram's next position goes) and moves that on. It runs for every character of 100,000
 * keys, twice: typed arrays only, nothing allocated per key.
 */
function pass(keys: readonly string[], codes: Uint8Array, slots: Uint32Array, postings?: Uint32Array): void {
  // The last position each gram was met at: a key counts once per gram.
  const seenIn = new Int32Array(GRAMS).fill(-1);
  const add = (gram: number, position: number) => {
    if (seenIn[gram] === position) return;
    seenIn[gram] = position;
    const slot = slots[gram] as number;
    slots[gram] = slot + 1;
    if (postings) postings[slot] = position;
  };
  for (let position = 0; position < keys.length; position++) {
    const key = keys[position] ?? '';
    let before2 = -1;
    let before1 = -1;
    for (let i = 0; i < key.length; i++) {
      const code = codes[key.charCodeAt(i)] as number;
      add(code, position);
      if (before1 >= 0) add(pairOf(before1, code), position);
      if (before2 >= 0) add(tripleOf(before2, before1, code), position);
      before2 = before1;
      before1 = code;
    }
  }
}

/**
 * The first index from `from` on whose position in the ascending `list` is `position` or more
 * (`list.length` when none is): galloping, then a binary search, so that walking a long list in
 * step with a short one costs the short one's length times a logarithm, not the long one's length.
 */
function seek(list: Uint32Array, from: number, position: number): number {
  let low = from;
  let high = from;
  for (let step = 1; high < list.length && (list[high] as number) < position; step *= 2) {
    low = high + 1;
    high += step;
  }
  high = Math.min(high, list.length);
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as number) < position) low = middle + 1;
    else high = middle;
  }
  return low;
}

export class SubstringIndex {
  readonly #codes: Uint8Array;
  /** Where each gram's positions start in `#postings` (and end, at the next gram's start). */
  readonly #starts: Uint32Array;
  readonly #postings: Uint32Array;

  constructor(keys: readonly string[]) {
    this.#codes = codesFor(keys);
    const counts = new Uint32Array(GRAMS);
    pass(keys, this.#codes, counts);
    this.#starts = new Uint32Array(GRAMS + 1);
    for (let gram = 0; gram < GRAMS; gram++)
      this.#starts[gram + 1] = (this.#starts[gram] as number) + (counts[gram] as number);
    this.#postings = new Uint32Array(this.#starts[GRAMS] as number);
    // Positions are met in ascending order: each gram's list comes out sorted.
    pass(keys, this.#codes, this.#starts.slice(0, GRAMS), this.#postings);
  }

  /** How many positions the index holds (a measure of its memory: four bytes each). */
  get size(): number {
    return this.#postings.length;
  }

  /**
   * The positions, ascending, of the keys that may hold `needle`: every key that holds it, and maybe
   * a few that do not (check each with `includes`). Undefined for the empty needle: every key does.
   */
  candidates(needle: string): Uint32Array | undefined {
    const found: number[] = [];
    return this.eachCandidate(needle, (position) => found.push(position) > 0)
      ? Uint32Array.from(found)
      : undefined;
  }

  /**
   * Calls `visit` with each of `candidates(needle)`, ascending, until it returns false: the shortest
   * posting list walked in step with the others, so that a search that needs one page stops after
   * it instead of intersecting whole lists first. False for the empty needle (every key holds it:
   * nothing visited), else true.
   */
  eachCandidate(needle: string, visit: (position: number) => boolean): boolean {
    if (needle === '') return false;
    // By UTF-16 unit, as `includes` compares (not by code point).
    const grams = new Set<number>();
    let before2 = -1;
    let before1 = -1;
    for (let i = 0; i < needle.length; i++) {
      const code = this.#codes[needle.charCodeAt(i)] as number;
      if (needle.length === 1) grams.add(code);
      else if (needle.length === 2 && before1 >= 0) grams.add(pairOf(before1, code));
      else if (before2 >= 0) grams.add(tripleOf(before2, before1, code));
      before2 = before1;
      before1 = code;
    }
    const [shortest = new Uint32Array(0), ...others] = [...grams]
      .map((gram) => this.#postings.subarray(this.#starts[gram], this.#starts[gram + 1]))
      .sort((a, b) => a.length - b.length);
    // Where each other list was last read: every list is read forwards only.
    const at = new Uint32Array(others.length);
    candidates: for (const position of shortest) {
      for (let l = 0; l < others.length; l++) {
        const list = others[l] as Uint32Array;
        const index = seek(list, at[l] as number, position);
        if (index === list.length) return true;
        at[l] = index;
        if (list[index] !== position) continue candidates;
      }
      if (!visit(position)) break;
    }
    return true;
  }
}
