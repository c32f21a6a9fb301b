// What each entry point costs a host, against the bytes targets of issue 15: the same entries, measure
// and budgets as the size budget in `pnpm test` (scripts/size-budgets.mjs, measured by scripts/sizes.mjs:
// esbuild --minify, code splitting, the `browser` and `production` conditions, gzip -9), bundled from the
// packages' freshly built `dist` (what their tarballs hold). A row over its target names what its initial
// chunks hold, by source (minified bytes): the bytes' profile. What was cut, and what was tried and not
// done, is in docs/size-cuts.md and docs/size-cuts-markdown.md.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BASELINES, BUDGETS } from '../scripts/size-budgets.mjs';
import { entrySize } from '../scripts/sizes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = fileURLToPath(new URL('.', import.meta.url));

/** Builds the packages a host installs (contract, SDK, elements' library), so `dist` is the source's. */
function buildDist() {
  for (const [filter, script] of [
    ['@access-requests/contract', 'build'],
    ['@access-requests/sdk', 'build'],
    ['@access-requests/elements', 'build:lib'],
  ]) {
    const built = spawnSync('pnpm', ['--filter', filter, 'run', '--silent', script], {
      cwd: root,
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`${filter} ${script} failed:\n${built.stdout}${built.stderr}`);
  }
}

/** Why a row is over its target beyond what its composition says, and what was tried for it. */
const TRIED = {
  'every element eager (define.js), initial':
    'cut: shared style modules, no @query, messages as strings only, the list key map apart from the virtualizer, the context root out of define() (docs/size-cuts.md: 76.35 → 75.49 kB before the SDK grew by extend); tried and not done: CSS whitespace squeezed in a bundler plugin (−1.4 kB, needs a build step for dist), decorators lowered by hand (73 accessors)',
  'every element eager (define.js), lazy chunks':
    'marked and DOMPurify, the Markdown renderer of the access instructions; a smaller well-kept renderer was looked for and none kept the same sanitised output (docs/size-cuts-markdown.md); DOMPurify 3.5.0 is +0.5 kB of hardening',
  '<access-portal>, initial':
    'the landing page (My Requests: request-list with the virtualizer, request-details with its dialogs) is eager; the form, My Access and the inbox load when first shown; the dialogs stay eager so they open on the press, not after a fetch',
  '<status-badge> alone, with lit and the SDK':
    'lit is 5.8 kB of it; the rest is the badge, its icons and the status vocabulary with its English labels (a tones-only export from the contract would take the labels out)',
  '<request-list> alone':
    '@lit-labs/virtualizer is about 17 kB minified; content-visibility and paging were measured against it (the virtualizer look below) and lose on paint and scrolling',
  '<access-request-form> alone':
    'the form is the largest element (resource picker, details step, preview, favourites); the virtualizer for the catalog; decorators and CSS text as in define.js',
  '<my-access> alone, before its lazy Markdown chunk':
    'cut from 30.9 kB by leaving the virtualizer out (row keys apart); the rest is its cards, dialogs and the SDK',
  'SDK client over openapi-fetch':
    'the SDK grew since the 3 kB target was set (lists, event stream with fallback, retries with idempotency keys, extend); a lazy watch() was tried and reverted (the stream is what most callers use first)',
};

const kB = (/** @type {number} */ bytes) => `${(bytes / 1000).toFixed(1)} kB`;

export async function bundleSizesBench() {
  buildDist();
  /** @type {Map<string, Promise<import('../scripts/sizes.mjs').EntrySize>>} */
  const measured = new Map();
  const sizeOf = (/** @type {string} */ contents) => {
    let found = measured.get(contents);
    if (!found) measured.set(contents, (found = entrySize(contents, benchDir)));
    return found;
  };
  const rows = [];
  for (const [name, contents] of Object.entries(BASELINES)) {
    rows.push({
      name: `${name} alone (baseline)`,
      value: (await sizeOf(contents)).initial,
      unit: 'B',
      baseline: true,
    });
  }
  for (const budget of BUDGETS) {
    const size = await sizeOf(budget.entry);
    const value =
      budget.measure === 'over-baseline'
        ? size.initial - (await sizeOf(BASELINES[budget.baseline ?? ''] ?? '')).initial
        : size[budget.measure];
    const met = budget.target === undefined ? undefined : value <= budget.target;
    const holds =
      budget.measure === 'initial' && met === false
        ? `; initial chunks hold (minified): ${[...size.composition]
            .slice(0, 6)
            .map(([source, bytes]) => `${source} ${kB(bytes)}`)
            .join(', ')}`
        : '';
    rows.push({
      name: budget.name,
      value,
      unit: 'B',
      ...(budget.target === undefined ? {} : { target: `≤ ${kB(budget.target)}`, met }),
      note: `gzip -9; budget in pnpm test ${kB(budget.budget)}${holds}`,
      ...(met === false && TRIED[budget.name] ? { tried: TRIED[budget.name] } : {}),
    });
  }
  return rows;
}
