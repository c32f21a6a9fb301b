// <request-list> over 10,000 requests in headless Chromium: first paint, a Status filter change and
// scrolling, each beside plain Lit rendering the same visible rows (the baseline), in the same run.
// Every timing runs to the painted frame (layout, the next animation frame, a task after it).
// Targets (issue 15): status filter → painted ≤ 16 ms median with 10,000 loaded; first paint ≤ 1.1×
// plain Lit rendering the same visible rows.
import { openBenchPage, profileOf, startBenchServer, stats, withLogs } from './browser.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 11);

/** @param {number[]} values @param {Record<string, unknown>} row */
const timing = (values, row) => {
  const { median, min, runs } = stats(values);
  return { unit: 'ms', value: median, min, runs, ...row };
};

export async function requestListBench() {
  const server = await startBenchServer();
  const { browser, page, logs } = await openBenchPage(server.origin, '/bench/request-list/index.html');
  try {
    const r = await page
      .evaluate((runs) => window.runBench(runs), RUNS)
      .catch((/** @type {Error} */ error) => {
        throw withLogs(error, logs);
      });
    const firstRatio = stats(r.first).median / stats(r.baseFirst).median;
    const filterMet = stats(r.filter).median <= 16;
    const firstMet = firstRatio <= 1.1;
    // A miss is profiled over three more runs of what it measures.
    const filterProfile = filterMet
      ? ''
      : `; ${await profileOf(page, () => page.evaluate(() => window.profiledFilter()), {
          prepare: () => page.evaluate(() => window.loadedList()),
          runs: 3,
        })}`;
    const firstProfile = firstMet
      ? ''
      : `; ${await profileOf(page, () => page.evaluate(() => window.profiledMount()), { runs: 3 })}`;
    return [
      timing(r.baseFirst, {
        name: `first paint: plain Lit, the same ${r.visibleRows} visible rows (baseline)`,
        baseline: true,
        note: 'render, layout, painted frame; a row: title, badge, duration, created',
      }),
      timing(r.first, {
        name: 'first paint: <request-list>, first page of 50',
        target: '≤ 1.1× baseline',
        met: firstMet,
        tried:
          "the baseline renders rows already in memory; the element first asks the SDK for its page (the answer parsed on the main thread) and renders cards through the virtualizer, which renders nothing until its first layout pass has told it the range (a frame after the page is in), then measures the cards and places them: about three frames against the baseline's one. Cut for it: the status badge looks its tooltip and pill up itself, the context root only where a client is asked for, shared styles adopted once (docs/size-cuts.md). Not tried: rendering the first page without the virtualizer and handing over to it on scroll (two ways of rendering the same card)",
        note: `${firstRatio.toFixed(2)}× baseline; element created → its first page fetched (a fetch answered from a worker, 50) → ${r.visibleRows} cards painted${firstProfile}`,
      }),
      timing(r.baseFilter, {
        name: 'status filter → painted: plain Lit, the visible rows (baseline)',
        baseline: true,
        note: 'the same number of matching rows re-rendered, layout, painted frame',
      }),
      timing(r.filter, {
        name: 'status filter → painted: <request-list>, 10,000 loaded',
        target: '≤ 16 ms',
        met: filterMet,
        tried:
          "the loaded cards that match are shown at once, before the server's first matching page (which then replaces them); the bench's server now answers from a worker (it made its JSON on the page's main thread before, 5 ms a change); the virtualizer was measured against content-visibility and paging (below) and is the fastest of the three; left: the virtualizer's pass over its children and measurements after the items change, the cards' badges made anew for the new range, and the server page's parse when it lands in the same frames",
        note: `statuses set → the loaded cards that match painted (each run from 10,000 loaded)${filterProfile}`,
      }),
      {
        name: 'scroll, main-thread blocking: plain Lit, 10,000 rows (baseline)',
        value: r.baselineScrollBlocking,
        unit: 'ms',
        baseline: true,
        note: `${r.baselineScrollLongFrames} long animation frames over 120 scroll steps`,
      },
      {
        name: 'scroll, main-thread blocking: <request-list>, 10,000 loaded',
        value: r.scrollBlocking,
        unit: 'ms',
        note: `${r.scrollLongFrames} long animation frames over 120 scroll steps; ${r.cardsInDom} cards in the DOM`,
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
