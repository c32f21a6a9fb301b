// What each entry point costs a host: bundled from the installed packages by esbuild (minified, code
// splitting on, the `browser` and `production` conditions), gzip -9. An entry's initial size is its own
// chunk plus every chunk it imports statically, transitively; its lazy size is every chunk reached only
// through `import()`. Sizes are deterministic for a given set of package versions, so the budgets in
// scripts/size-budgets.mjs are checked in `pnpm test` (the consumer check) and printed as a table.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { relative } from 'node:path';

/**
 * @typedef {{ initial: number, lazy: number, languages: number, composition: Map<string, number> }} EntrySize
 * `lazy`: the lazy chunks other than translations; `languages`: the translation chunks (each loaded only
 * for its language) together; `composition`: the minified bytes the initial chunks hold from each source
 * (a package, or a folder of ours: see `sourceOf`), largest first.
 */

/**
 * Who a bundled input belongs to: an npm package by its name, a module of ours by its package and
 * top folders (`@access-requests/elements components/access-request-form`), so a size can be told by part.
 * @param {string} input an input path from esbuild's metafile
 */
export function sourceOf(input) {
  const ours = /(?:^|\/)(?:packages|@access-requests)\/([^/]+)\/(?:dist|src)\/(.+)$/.exec(input);
  if (ours) {
    const [, name, rest = ''] = ours;
    const parts = rest.split('/');
    const folder = parts.length > 2 ? parts.slice(0, 2).join('/') : parts.length > 1 ? parts[0] : '';
    return `@access-requests/${name}${folder ? ` ${folder}` : ''}`;
  }
  const modules = input.lastIndexOf('node_modules/');
  if (modules < 0) return input;
  const [scope = '', name = ''] = input.slice(modules + 'node_modules/'.length).split('/');
  return scope.startsWith('@') ? `${scope}/${name}` : scope;
}

/**
 * Bundles `contents` (an ES module importing what a host would) and answers its gzip sizes.
 * @param {string} contents
 * @param {string} resolveDir where the packages are installed
 * @returns {Promise<EntrySize>}
 */
export async function entrySize(contents, resolveDir) {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'js', sourcefile: 'entry.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    splitting: true,
    absWorkingDir: resolveDir,
    outdir: '.size-bundle',
    conditions: ['browser', 'production'],
    metafile: true,
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const outputs = result.metafile.outputs;
  /** @type {Map<string, Uint8Array>} */
  const bytes = new Map();
  for (const file of result.outputFiles) bytes.set(relative(resolveDir, file.path), file.contents);
  const initial = initialChunks(result.metafile);
  const gz = (/** @type {string} */ key) => gzipSync(bytes.get(key) ?? new Uint8Array(), { level: 9 }).length;
  let initialGzip = 0;
  let lazyGzip = 0;
  let languagesGzip = 0;
  const translations = (/** @type {string} */ key) =>
    Object.keys(outputs[key]?.inputs ?? {}).every((input) => /\/locales\/generated\//.test(input));
  /** @type {Map<string, number>} */
  const composition = new Map();
  for (const key of Object.keys(outputs)) {
    if (!key.endsWith('.js')) continue;
    if (initial.has(key)) {
      initialGzip += gz(key);
      for (const [input, { bytesInOutput }] of Object.entries(outputs[key]?.inputs ?? {})) {
        const source = sourceOf(input);
        composition.set(source, (composition.get(source) ?? 0) + bytesInOutput);
      }
    } else if (translations(key)) languagesGzip += gz(key);
    else lazyGzip += gz(key);
  }
  const largestFirst = new Map([...composition].sort(([, a], [, b]) => b - a));
  return { initial: initialGzip, lazy: lazyGzip, languages: languagesGzip, composition: largestFirst };
}

/**
 * The chunks a bundle's entry loads before it runs: its own and its static imports, transitively
 * (what it reaches only through `import()` is left out).
 * @param {import('esbuild').Metafile} metafile
 * @returns {Set<string>}
 */
export function initialChunks(metafile) {
  const { outputs } = metafile;
  const entry = Object.keys(outputs).find((o) => outputs[o]?.entryPoint);
  if (!entry) throw new Error('esbuild reported no entry chunk');
  const initial = new Set([entry]);
  for (const chunk of initial)
    for (const imported of outputs[chunk]?.imports ?? [])
      if (imported.kind === 'import-statement' && !imported.external) initial.add(imported.path);
  return initial;
}

/**
 * Measures every budget's entry (each distinct entry bundled once, baselines in the same run) and
 * answers the table, as Markdown-ish text, and the rows over their budget.
 * @param {string} resolveDir where the packages are installed
 * @param {import('./size-budgets.mjs').Budget[]} budgets
 * @param {Record<string, string>} baselines
 */
export async function budgetTable(resolveDir, budgets, baselines) {
  /** @type {Map<string, Promise<EntrySize>>} */
  const measured = new Map();
  const sizeOf = (/** @type {string} */ contents) => {
    let found = measured.get(contents);
    if (!found) measured.set(contents, (found = entrySize(contents, resolveDir)));
    return found;
  };
  const kB = (/** @type {number} */ bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  const lines = ['| measure | gzip | budget | target |', '|---|---:|---:|---|'];
  for (const [name, contents] of Object.entries(baselines))
    lines.push(`| ${name} alone (baseline) | ${kB((await sizeOf(contents)).initial)} | | |`);
  /** @type {string[]} */
  const over = [];
  for (const row of budgets) {
    const size = await sizeOf(row.entry);
    const value =
      row.measure === 'over-baseline'
        ? size.initial - (await sizeOf(baselines[row.baseline ?? ''] ?? '')).initial
        : size[row.measure];
    if (value > row.budget) over.push(`${row.name}: ${value} B > budget ${row.budget} B`);
    const target =
      row.target === undefined ? '' : `${value <= row.target ? 'met' : 'missed'} (≤ ${kB(row.target)})`;
    lines.push(`| ${row.name} | ${kB(value)} | ${kB(row.budget)} | ${target} |`);
  }
  return { table: lines.join('\n'), over };
}
