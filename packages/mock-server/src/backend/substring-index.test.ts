import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateWorld } from '../demo-data/generate.js';
import { createRandom } from '../demo-data/random.js';
import { indexWorld } from './catalog-index.js';
import { SubstringIndex } from './substring-index.js';
import { alice, dave, smallBackend } from './test-support.test.js';
import type { Caller } from './api.js';
import type { ReferenceBackend } from './backend.js';

/** The positions of the keys that hold `needle`, by a scan of every key: what the index must give. */
const scan = (keys: readonly string[], needle: string) =>
  keys.flatMap((key, position) => (key.includes(needle) ? [position] : []));

/** The index's answer, its extra candidates dropped as the backend drops them. */
function lookUp(index: SubstringIndex, keys: readonly string[], needle: string): number[] {
  const candidates = index.candidates(needle);
  if (!candidates) return keys.map((_, position) => position);
  const positions = [...candidates];
  assert.deepEqual(
    positions,
    [...positions].sort((a, b) => a - b),
    `"${needle}": candidates ascend`,
  );
  return positions.filter((position) => keys[position]!.includes(needle));
}

/** Searches of every kind over `keys`: substrings of the keys, their characters and pairs, and misses. */
function queriesFor(keys: readonly string[], seed: number): string[] {
  const { next: random, pick } = createRandom(seed);
  const units = [...new Set(keys.join(''))];
  const queries = new Set<string>(['', ' ', '/', ' / ', 'zzz-no-match', 'staging analytics', 'é', '😀', 'i̇']);
  for (const unit of units) queries.add(unit);
  for (let i = 0; i < 400; i++) queries.add(pick(units) + pick(units));
  for (let i = 0; i < 600; i++) {
    const key = pick(keys);
    const from = Math.floor(random() * key.length);
    queries.add(key.slice(from, from + 1 + Math.floor(random() * 20)));
  }
  // Near misses: a real substring with one character changed, and random strings.
  for (let i = 0; i < 300; i++) {
    const key = pick(keys);
    const from = Math.floor(random() * Math.max(1, key.length - 6));
    const slice = key.slice(from, from + 6);
    const at = Math.floor(random() * slice.length);
    queries.add(slice.slice(0, at) + pick(units) + slice.slice(at + 1));
    queries.add(Array.from({ length: 1 + Math.floor(random() * 5) }, () => pick(units)).join(''));
  }
  return [...queries];
}

describe('the substring index behind the resource search', () => {
  it('finds exactly what a scan of every key finds, in the same order, over a seeded world', () => {
    const catalog = indexWorld(generateWorld({ seed: 1, catalogSize: 20_000 }));
    const keys = catalog.resourceSearchKeys;
    const queries = queriesFor(keys, 7);
    assert.ok(queries.length > 1000, `${queries.length} queries`);
    let matched = 0;
    for (const query of queries) {
      const expected = scan(keys, query);
      assert.deepEqual(lookUp(catalog.resourceSearchIndex, keys, query), expected, `"${query}"`);
      if (expected.length > 0) matched++;
    }
    // Both kinds are well represented: searches that find something and searches that find nothing.
    assert.ok(matched > 500 && queries.length - matched > 200, `${matched} of ${queries.length} matched`);
  });

  it('finds exactly what a scan finds when characters share a code (more than 63 distinct ones)', () => {
    const random = createRandom(3).next;
    const alphabet = Array.from({ length: 150 }, (_, i) => String.fromCharCode(0x61 + i));
    alphabet.push('😀', 'é', 'ß', ' ');
    const keys = Array.from({ length: 3000 }, () =>
      Array.from(
        { length: 3 + Math.floor(random() * 12) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join(''),
    );
    const index = new SubstringIndex(keys);
    for (const query of queriesFor(keys, 11))
      assert.deepEqual(lookUp(index, keys, query), scan(keys, query), `"${query}"`);
  });

  it('gives every page of a search as the scan orders them, with the filters and for another grantee', () => {
    const backend = smallBackend({ catalogSize: 5000 });
    type Query = Record<string, string | string[]>;
    /** Every resource of `query`, following the cursors (pages of `limit`). */
    const everyPage = (caller: Caller, query: Query, limit: number) => {
      const items: ReturnType<ReferenceBackend['resources']>['items'] = [];
      for (let cursor: string | undefined; ;) {
        const page = backend.resources(caller, {
          limit: String(limit),
          ...query,
          ...(cursor ? { cursor } : {}),
        });
        items.push(...page.items);
        if (!page.next_cursor) return items;
        cursor = page.next_cursor;
      }
    };
    const ids = (caller: Caller, query: Query) => everyPage(caller, query, 37).map((r) => r.id);
    for (const caller of [alice, dave]) {
      const listed = everyPage(caller, {}, 500);
      const typeId = listed[0]!.resource_type.id;
      for (const search of ['payments', 'PROD', 'a', 'db', 'zzz-no-match', ' / ', 'dev-pay', '0']) {
        const holds = (r: (typeof listed)[number]) => r.path.toLowerCase().includes(search.toLowerCase());
        assert.deepEqual(
          ids(caller, { search }),
          listed.filter(holds).map((r) => r.id),
          `"${search}"`,
        );
        assert.deepEqual(
          ids(caller, { search, 'resource_type_id[]': [typeId] }),
          listed.filter((r) => holds(r) && r.resource_type.id === typeId).map((r) => r.id),
          `"${search}" of ${typeId}`,
        );
      }
    }
  });
});
