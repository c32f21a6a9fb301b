// `pnpm bench`: the performance figures the issues name, each beside its baseline from the same run.
// Prints a table and writes it to docs/benchmarks.md. Never part of `pnpm test`.
// `pnpm bench <words>` runs only the suites whose title holds one of them, and prints without writing.
//
// A suite is `async () => Row[]`; a Row (bench rows, issue 15):
//   { name, unit: 'ms' | 'B' | 'req/s' | 'MB' | '×', value (the median), min?, runs?, baseline?,
//     target? (text), met? (with target: whether the median meets it), note?, tried? }
// Every target, met or missed, is listed at the top of docs/benchmarks.md; every missed one again
// under "Profiles", with its note (the cause a profile named) and `tried` (what was done about it, and
// what was tried and not kept).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { chromiumVersion } from './browser.mjs';
import { bundleSizesBench } from './bundle-sizes.mjs';
import { catalogSearchBench } from './catalog-search.mjs';
import { requestListBench } from './request-list.mjs';
import { catalogSearchPaintBench } from './catalog-search-paint.mjs';
import { virtualizerLookBench } from './virtualizer-look.mjs';
import { journeyBench } from './journey.mjs';
import { sdkOverheadBench } from './sdk-overhead.mjs';
import { serverThroughputBench } from './server-throughput.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** @type {[string, () => Promise<Row[]>][]} */
const suites = [
  ['Bundle sizes: what each entry point costs a host (from dist, as packed)', bundleSizesBench],
  ['Catalog search (100,000 resources)', catalogSearchBench],
  ['Catalog search in <access-request-form>, 100,000 resources (headless Chromium)', catalogSearchPaintBench],
  ['<request-list> with 10,000 requests (headless Chromium)', requestListBench],
  ['The virtualizer against content-visibility and paging, 10,000 cards', virtualizerLookBench],
  ['Seed journey in <access-portal>, Event Timing (headless Chromium)', journeyBench],
  ['SDK call overhead, 1,000 sequential calls', sdkOverheadBench],
  ['Reference server throughput beside Prism, 100,000 resources', serverThroughputBench],
];

/**
 * @typedef {{ name: string, unit: string, value: number, min?: number, runs?: number,
 *   baseline?: boolean, target?: string, met?: boolean, note?: string, tried?: string }} Row
 */

/** Markdown would take `<request-list>` for HTML, and `|` for a cell's end. */
const md = (/** @type {string} */ text) => text.replace(/</g, '&lt;').replace(/\|/g, '\\|');
const number = (/** @type {number} */ value, /** @type {string} */ unit) =>
  unit === 'ms' || unit === '×' || Math.abs(value) < 100
    ? value.toLocaleString('en', { maximumFractionDigits: 2, minimumFractionDigits: unit === 'ms' ? 2 : 0 })
    : Math.round(value).toLocaleString('en');
const format = (/** @type {number | undefined} */ value, /** @type {string} */ unit) =>
  value === undefined || Number.isNaN(value) ? '' : `${number(value, unit)} ${unit}`;
const metText = (/** @type {Row} */ row) =>
  row.target === undefined ? '' : row.met === undefined ? '?' : row.met ? 'met' : 'missed';

/** `pnpm bench <words>`: the suites whose title holds any of the words. */
const words = process.argv.slice(2).map((word) => word.toLowerCase());
const only = words.length > 0;
const chosen = suites.filter(([title]) => !only || words.some((word) => title.toLowerCase().includes(word)));
if (only && chosen.length === 0) {
  console.error(`No suite's title holds ${words.join(' or ')}. Suites: ${suites.map(([t]) => t).join('; ')}`);
  process.exit(2);
}
const started = Date.now();
/** @type {{ title: string, rows: Row[] }[]} */
const results = [];
for (const [title, run] of chosen) {
  process.stdout.write(`${title}…\n`);
  const suiteStarted = Date.now();
  const rows = await run();
  results.push({ title, rows });
  for (const row of rows) {
    const met = metText(row);
    console.log(
      `  ${row.name.padEnd(64)} ${format(row.value, row.unit).padStart(12)}${
        row.min === undefined ? '' : ` (min ${format(row.min, row.unit)}, ${row.runs ?? '?'} runs)`
      }${row.target ? `  target ${row.target}: ${met}` : ''}${row.note ? `  ${row.note}` : ''}`,
    );
  }
  console.log(`  (${((Date.now() - suiteStarted) / 1000).toFixed(0)} s)`);
}
const seconds = (Date.now() - started) / 1000;

const targets = results.flatMap(({ rows }) => rows.filter((row) => row.target !== undefined));
const missed = results.flatMap(({ title, rows }) =>
  rows.filter((row) => row.target !== undefined && row.met !== true).map((row) => ({ title, row })),
);
const lines = [
  '# Benchmarks',
  '',
  `Measured by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)} in ${seconds.toFixed(0)} s: ` +
    `${os.type()} ${os.release()} (${os.arch()}), ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${chromiumVersion()} (headless).`,
  '',
  'Each figure stands beside its baseline from the same run. Timings are the median of the runs, with ' +
    'the minimum beside; every UI timing runs to the painted frame (layout, then the next animation ' +
    'frame, or Event Timing). Byte sizes are those of the size budget in `pnpm test`; what each size cut ' +
    'took off, and what was tried and not kept, is in [size-cuts.md](size-cuts.md) and ' +
    '[size-cuts-markdown.md](size-cuts-markdown.md).',
  '',
  '## Targets',
  '',
  `${targets.length - missed.length} of ${targets.length} met.`,
  '',
  ...targets.map(
    (row) =>
      `- ${row.met === true ? 'met' : 'missed'}: ${md(row.name)} — ${format(row.value, row.unit)}, target ${md(row.target ?? '')}`,
  ),
  '',
];
for (const { title, rows } of results) {
  lines.push(
    `## ${md(title)}`,
    '',
    '| measure | median | min | runs | target | met | note |',
    '|---|---:|---:|---:|---|---|---|',
  );
  for (const row of rows) {
    lines.push(
      `| ${md(row.name)} | ${format(row.value, row.unit)} | ${format(row.min, row.unit)} | ${row.runs ?? ''} | ${md(row.target ?? '')} | ${metText(row)} | ${md(row.note ?? '')} |`,
    );
  }
  lines.push('');
}
lines.push('## Profiles', '');
if (missed.length === 0) lines.push('Every target is met: no profile was needed.', '');
for (const { title, row } of missed)
  lines.push(
    `- **${md(row.name)}** (${md(title)}): ${md(row.note ?? '')}${row.tried ? `\n  - What was tried: ${md(row.tried)}` : ''}`,
  );
if (missed.length) lines.push('');

if (only) {
  console.log('\nOnly some suites ran: docs/benchmarks.md is left as it was.');
} else {
  writeFileSync(`${root}docs/benchmarks.md`, `${lines.join('\n')}\n`);
  console.log(`\nWritten to docs/benchmarks.md (${seconds.toFixed(0)} s)`);
}
