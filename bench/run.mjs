// `pnpm bench`: the performance figures the issues name, each beside its baseline from the same run.
// Prints a table and writes it to docs/benchmarks.md. Never part of `pnpm test`.
// `pnpm bench <words>` runs only the suites whose title holds them, and prints without writing.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { sizeBench } from './size.mjs';
import { catalogSearchBench } from './catalog-search.mjs';
import { requestListBench } from './request-list.mjs';
import { catalogSearchPaintBench } from './catalog-search-paint.mjs';
import { serverThroughputBench } from './server-throughput.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const suites = [
  ['SDK size', sizeBench],
  ['Catalog search (100,000 resources)', catalogSearchBench],
  ['Catalog search in <access-request-form>, 100,000 resources (headless Chromium)', catalogSearchPaintBench],
  ['<request-list> with 10,000 requests (headless Chromium)', requestListBench],
  ['Reference server throughput beside Prism, 100,000 resources', serverThroughputBench],
];

/** Markdown would take `<request-list>` for HTML. */
const md = (text) => text.replace(/</g, '&lt;');
const format = (value, unit) =>
  `${unit === 'ms' ? value.toFixed(2) : Math.round(value).toLocaleString('en')} ${unit}`;
const lines = [
  '# Benchmarks',
  '',
  `Measured by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}.`,
  'Each figure stands beside its baseline from the same run. Timings are medians.',
  '',
];
const only = process.argv.slice(2).join(' ').toLowerCase();
for (const [title, run] of suites.filter(([title]) => title.toLowerCase().includes(only))) {
  process.stdout.write(`${title}…\n`);
  const rows = await run();
  lines.push(`## ${md(title)}`, '', '| measure | value | note |', '|---|---:|---|');
  for (const row of rows) {
    lines.push(`| ${md(row.name)} | ${format(row.value, row.unit)} | ${md(row.note)} |`);
    console.log(`  ${row.name.padEnd(58)} ${format(row.value, row.unit).padStart(12)}  ${row.note}`);
  }
  lines.push('');
}
if (only) {
  console.log('\nOnly some suites ran: docs/benchmarks.md is left as it was.');
} else {
  writeFileSync(`${root}docs/benchmarks.md`, `${lines.join('\n')}\n`);
  console.log('\nWritten to docs/benchmarks.md');
}
