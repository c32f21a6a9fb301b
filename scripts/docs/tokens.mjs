// Every `--ar-…` custom property the elements' stylesheets read, with its default (generated from
// the styles themselves, so the theming guide lists the tokens a manifest entry may not name), and
// what the manifest says each sets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ELEMENTS_DIR } from './elements.mjs';
import { code, prose, table } from './markdown.mjs';
import { filesUnder, isSource, root } from './util.mjs';

/**
 * Each `var(--ar-name, fallback)` in a text, with its fallback (parentheses balanced).
 * @param {string} text
 * @returns {{ name: string, fallback: string }[]}
 */
export function readVars(text) {
  /** @type {{ name: string, fallback: string }[]} */
  const found = [];
  for (const match of text.matchAll(/var\(\s*(--ar-[a-z0-9-]+)\s*(,)?/g)) {
    const name = match[1] ?? '';
    let fallback = '';
    if (match[2]) {
      let depth = 0;
      let i = (match.index ?? 0) + match[0].length;
      for (; i < text.length; i++) {
        const c = text[i];
        if (c === '(') depth++;
        else if (c === ')') {
          if (depth === 0) break;
          depth--;
        }
      }
      fallback = text.slice((match.index ?? 0) + match[0].length, i).trim();
    }
    found.push({ name, fallback });
  }
  return found;
}

/**
 * The table of every token: its default, what the elements' manifest entries say it sets, and
 * which elements document it.
 * @param {import('./manifest.mjs').ElementDeclaration[]} elements
 */
export function cssTokens(elements) {
  /** @type {Map<string, Set<string>>} */
  const defaults = new Map();
  for (const file of filesUnder(join(root, 'packages/elements/src'), isSource)) {
    for (const { name, fallback } of readVars(readFileSync(file, 'utf8'))) {
      const set = defaults.get(name) ?? new Set();
      if (fallback && !fallback.startsWith('var(')) set.add(fallback.replace(/\s+/g, ' '));
      defaults.set(name, set);
    }
  }
  /** @type {Map<string, { tags: string[], descriptions: Set<string> }>} */
  const documented = new Map();
  for (const element of elements) {
    for (const property of element.cssProperties ?? []) {
      for (const name of expand(property.name)) {
        const entry = documented.get(name) ?? { tags: [], descriptions: new Set() };
        entry.tags.push(element.tagName);
        if (property.description) entry.descriptions.add(property.description.trim().replace(/\.$/, ''));
        documented.set(name, entry);
        if (!defaults.has(name)) defaults.set(name, new Set());
      }
    }
  }
  const rows = [...defaults]
    .sort(([a], [b]) => groupIndex(a) - groupIndex(b) || a.localeCompare(b))
    .map(([name, values]) => {
      const entry = documented.get(name);
      return [
        GROUPS[groupIndex(name)]?.[0] ?? '',
        code(name),
        [...values].map(showDefault).join(' or '),
        entry ? prose([...entry.descriptions].join('; ')) : '',
        (entry?.tags ?? []).map((t) => `[${t}](../${ELEMENTS_DIR}/${t}.md)`).join(', '),
      ];
    });
  return table(['group', 'custom property', 'default', 'what it sets', 'documented by'], rows);
}

/**
 * The token groups of the theming guide, in its order, each with the names it holds; the last one
 * takes the rest (an element's own layout tokens).
 * @type {[string, RegExp][]}
 */
const GROUPS = [
  ['colour', /^--ar-(color-(?!focus$)|status-[a-z]+-(bg|fg)$|tooltip-)/],
  ['spacing', /^--ar-space-/],
  ['radius', /^--ar-radius/],
  ['type', /^--ar-(font-|status-font-size$)/],
  ['elevation', /^--ar-(shadow-|toast-z-index$)/],
  ['focus ring', /^--ar-(color-focus$|focus-)/],
  ['layout', /^--ar-/],
];

/** @param {string} name */
function groupIndex(name) {
  return GROUPS.findIndex(([, pattern]) => pattern.test(name));
}

/**
 * A default as a reader wants it: `light-dark(a, b)` as "a (light), b (dark)".
 * @param {string} value
 */
function showDefault(value) {
  const pair = /^light-dark\(\s*([^,()]+?)\s*,\s*([^,()]+?)\s*\)$/.exec(value);
  return pair ? `${code(pair[1] ?? '')} light, ${code(pair[2] ?? '')} dark` : code(value);
}

/**
 * A manifest name may stand for a range: `--ar-space-1 … --ar-space-4`.
 * @param {string} name
 */
function expand(name) {
  const range = /^(--[a-z-]+?)(\d+)\s*…\s*\1(\d+)$/.exec(name);
  if (!range) return [name];
  const [, prefix, from, to] = range;
  const names = [];
  for (let n = Number(from); n <= Number(to); n++) names.push(`${prefix}${n}`);
  return names;
}
