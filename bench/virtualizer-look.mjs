// Does @lit-labs/virtualizer earn its bytes in <request-list>? 10,000 request cards (the list's own card
// template and styles) shown as (a) the virtualizer, (b) every card with `content-visibility: auto`,
// (c) (b) paged by 200, in headless Chromium, each figure to the frame that shows it, beside plain Lit
// rendering only the cards that fit (the baseline); and what each way costs in bytes over lit
// (esbuild --minify, gzip -9). A comparison of the ways, so its rows carry no targets: the targets
// (first paint ≤ 1.1× plain Lit, status filter → painted ≤ 16 ms) are the element's, on its own rows.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { openBenchPage, startBenchServer, withLogs } from './browser.mjs';
import { initialChunks } from '../scripts/sizes.mjs';

const pageDir = fileURLToPath(new URL('virtualizer-look/', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const WAYS = {
  virtualizer: '(a) @lit-labs/virtualizer',
  'content-visibility': '(b) every card, content-visibility: auto',
  paged: '(c) (b), paged by 200',
};
const LIT = `export { LitElement, html, css, render, nothing } from 'lit';`;

/** gzip -9 of what `contents` adds to lit: its initial chunks, and what it loads later through import(). */
async function bytesOverLit(contents) {
  const size = async (code) => {
    const result = await build({
      stdin: { contents: code, resolveDir: pageDir, loader: 'ts', sourcefile: 'entry.ts' },
      ...{ bundle: true, minify: true, format: 'esm', target: 'es2022', splitting: true, metafile: true },
      ...{ outdir: `${pageDir}.out`, write: false, logLevel: 'silent', legalComments: 'none' },
      conditions: ['browser', 'production'],
    });
    const initial = initialChunks(result.metafile);
    let eager = 0;
    let lazy = 0;
    for (const file of result.outputFiles) {
      const gz = gzipSync(file.contents, { level: 9 }).length;
      if ([...initial].some((chunk) => file.path.endsWith(chunk))) eager += gz;
      else lazy += gz;
    }
    return { eager, lazy };
  };
  const lit = await size(LIT);
  const withWay = await size(`${LIT}\n${contents}`);
  return { eager: withWay.eager - lit.eager, lazy: withWay.lazy - lit.lazy };
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

export async function virtualizerLookBench() {
  const bytes = {
    virtualizer: await bytesOverLit(`export { virtualizedFeed } from './virtualized-feed.ts';`),
    'content-visibility': await bytesOverLit(`export { allCardsFeed, skippedCardStyles } from './feeds.ts';`),
    paged: await bytesOverLit(`export { PagedFeed, skippedCardStyles } from './feeds.ts';`),
  };
  const server = await startBenchServer();
  const { browser, page, logs } = await openBenchPage(server.origin, '/bench/virtualizer-look/index.html');
  try {
    const r = await page
      .evaluate((runs) => window.runBench(runs), RUNS)
      .catch((error) => {
        throw withLogs(error, logs);
      });
    return rows(r, bytes);
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** The bench's rows (bench-rows format) from the page's figures and the bytes. */
function rows(r, bytes) {
  const base = r.firstPaint.baseline;
  const timing = (name, s, extra) => ({
    name,
    unit: 'ms',
    value: s.median,
    min: s.min,
    runs: s.runs,
    ...extra,
  });
  const out = [
    timing(`first paint: plain Lit, the ${r.fit} cards that fit (baseline)`, base, {
      baseline: true,
      note: `the same card template and styles, ${r.fit} cards of ${r.cardHeight.toFixed(0)} px in a 700 px feed`,
    }),
  ];
  for (const [way, label] of Object.entries(WAYS)) {
    const s = r.firstPaint[way];
    out.push(
      timing(`first paint: ${label}, 10,000 cards`, s, {
        note: `${(s.median / base.median).toFixed(2)}× baseline; ${r.nodes[way].toLocaleString('en')} elements in the shadow DOM`,
      }),
    );
  }
  for (const [way, label] of Object.entries(WAYS)) {
    const s = r.filter[way];
    out.push(
      timing(`status filter → painted: ${label}`, s, {
        note: 'the 10,000 in memory filtered, the view filled with matching cards, to the frame that shows them',
      }),
    );
  }
  for (const [way, label] of Object.entries(WAYS)) {
    const s = r.scroll[way];
    out.push(
      timing(`scroll 300 cards in 20 frames, main-thread blocking: ${label}`, s, {
        note: `sum of long animation frames' blocking; ${s.longFrames} long frames, longest frame ${s.longest.toFixed(0)} ms, ${s.elapsed.toFixed(0)} ms in all; reached card ${s.reached}`,
      }),
    );
  }
  for (const [way, label] of Object.entries(WAYS)) {
    const b = bytes[way];
    out.push({
      name: `bytes over lit: ${label}`,
      unit: 'B',
      value: b.eager + b.lazy,
      note: `${kB(b.eager)} initial + ${kB(b.lazy)} loaded on first use (esbuild --minify, gzip -9)`,
    });
  }
  return out;
}
