// What the browser suites share: one headless Chromium launch (the flags the browser tests use, one
// window size), the dev server that compiles the bench pages (production Lit; the reference server
// in it when a suite asks), timing to the painted frame, and a CPU profile summed up for a row's note.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from '../scripts/chrome.mjs';

/** @typedef {import('puppeteer-core').Browser} Browser @typedef {import('puppeteer-core').Page} Page */
/**
 * @typedef {{ ph: string, name: string, ts: number, dur?: number, pid: number, tid: number,
 *   args?: { name?: string } }} TraceEvent
 */

const rootDir = fileURLToPath(new URL('..', import.meta.url));
export const VIEWPORT = { width: 1280, height: 1000 };

/** The Chromium every suite drives, as `chromium --version` says it (for the report's header). */
export function chromiumVersion() {
  try {
    return execFileSync(findChrome(), ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'Chromium (version unknown)';
  }
}

/**
 * Starts the dev server over the repository (bench pages at `/bench/<suite>/index.html`), with
 * production Lit as users' bundles get it, and `middleware` (the reference server) when given.
 * @param {{ middleware?: import('@web/dev-server').DevServerConfig['middleware'] }} [options]
 * @returns {Promise<{ origin: string, stop: () => Promise<void> }>}
 */
export async function startBenchServer({ middleware = [] } = {}) {
  const server = await startDevServer({
    config: {
      rootDir,
      port: 0,
      hostname: '127.0.0.1',
      // Production Lit (no dev-mode checks), as users' bundles get it.
      nodeResolve: { exportConditions: ['source', 'browser', 'production'] },
      plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: `${rootDir}tsconfig.json` })],
      middleware,
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.server?.address());
  return { origin: `http://127.0.0.1:${address.port}`, stop: () => server.stop() };
}

/**
 * Launches headless Chromium and opens one page at `path` of `origin`, waiting for
 * `body[data-ready="true"]`. The page's console and errors are kept in `logs` (and printed with
 * BENCH_DEBUG=1), and a failed wait says them.
 * @param {string} origin @param {string} path
 * @returns {Promise<{ browser: Browser, page: Page, logs: string[] }>}
 */
export async function openBenchPage(origin, path) {
  const browser = await puppeteer.launch({
    executablePath: findChrome(),
    args: [...CHROME_ARGS, `--window-size=${VIEWPORT.width},${VIEWPORT.height}`],
    protocolTimeout: 600_000,
  });
  /** @type {string[]} */
  const logs = [];
  try {
    const page = await browser.newPage();
    page.on('console', (message) => {
      logs.push(message.text());
      if (process.env.BENCH_DEBUG) console.log(message.text());
    });
    page.on('pageerror', (error) => logs.push(String(error)));
    page.on('response', (response) => {
      if (response.status() >= 400) logs.push(`${response.status()} ${response.url()}`);
    });
    await page.setViewport(VIEWPORT);
    await page.goto(`${origin}${path}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 }).catch((error) => {
      throw withLogs(error, logs);
    });
    return { browser, page, logs };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** `error` with the page's logs appended (what the page said before it failed). */
export function withLogs(/** @type {Error} */ error, /** @type {string[]} */ logs) {
  return new Error(`${error.message}\n${logs.join('\n')}`);
}

/**
 * Runs `fn` in the page (puppeteer passes its source) and answers the ms from its start to the frame
 * that shows its outcome: after `fn` settles, layout is forced and the next animation frame is
 * awaited, then a task after it (that frame has been painted by then).
 * @template {unknown[]} A
 * @param {import('puppeteer-core').Page} page
 * @param {(...args: A) => unknown} fn
 * @param {A} args
 * @returns {Promise<number>}
 */
export function toPaint(page, fn, ...args) {
  return page.evaluate(`(async () => {
    const started = performance.now();
    await (${fn.toString()})(...${JSON.stringify(args)});
    document.documentElement.getBoundingClientRect();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - started;
  })()`);
}

/** The median and the minimum of timings. */
export function stats(/** @type {number[]} */ values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? NaN, min: sorted[0] ?? NaN, runs: values.length };
}

const SHORT_URL = /\/(?:src|dist|node_modules\/\.pnpm\/[^/]+\/node_modules)\/(.*)$/;
const shortUrl = (/** @type {string} */ url) =>
  url ? (SHORT_URL.exec(url)?.[1] ?? url.split('/').pop()) : '';
/** Trace events that are the renderer's own work (their self time), named as DevTools names them. */
const TRACE_NAMES = /** @type {Record<string, string>} */ ({
  UpdateLayoutTree: 'style recalculation',
  Layout: 'layout',
  Paint: 'paint',
  PrePaint: 'pre-paint',
  Layerize: 'layerize',
  ParseHTML: 'HTML parsing',
  MinorGC: 'minor GC',
  MajorGC: 'major GC',
  'V8.GC_SCAVENGER': 'minor GC',
  'V8.GC_MARK_COMPACTOR': 'major GC',
  FunctionCall: 'script',
  EvaluateScript: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  'v8.run': 'script',
  ResizeObserverController: 'script',
  HitTest: 'hit testing',
  IntersectionObserverController: 'intersection observers',
  'Document::updateStyleAndLayout': 'layout',
  ScheduleStyleRecalculation: 'style recalculation',
  ParseAuthorStyleSheet: 'style sheet parsing',
});

/**
 * Self time per kind of the renderer main thread's trace events (the nesting taken out), in µs.
 * @param {{ traceEvents: TraceEvent[] }} trace
 */
function traceSelfTimes(trace) {
  const events = trace.traceEvents;
  // The page's renderer: of the renderer main threads, the one that did the most.
  const mains = events.filter(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  const busy = (/** @type {TraceEvent} */ m) =>
    events
      .filter((e) => e.ph === 'X' && e.pid === m.pid && e.tid === m.tid)
      .reduce((sum, e) => sum + (e.dur ?? 0), 0);
  const main = mains.map((m) => ({ m, busy: busy(m) })).sort((a, b) => b.busy - a.busy)[0]?.m;
  /** @type {Map<string, number>} */
  const self = new Map();
  if (!main) return self;
  const complete = events
    .filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && (e.dur ?? 0) > 0)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  /** @type {{ end: number, kind: string | undefined, child: number, dur: number }[]} */
  const stack = [];
  const close = (/** @type {number} */ until) => {
    while (stack.length && (stack.at(-1)?.end ?? 0) <= until) {
      const done = /** @type {(typeof stack)[number]} */ (stack.pop());
      if (done.kind) self.set(done.kind, (self.get(done.kind) ?? 0) + done.dur - done.child);
    }
  };
  for (const e of complete) {
    close(e.ts);
    const dur = e.dur ?? 0;
    const kind = TRACE_NAMES[e.name];
    // Work inside a kind we do not name counts for the kind around it.
    const parent = stack.at(-1);
    if (parent) parent.child += kind ? dur : 0;
    if (kind) stack.push({ end: e.ts + dur, kind, child: 0, dur });
  }
  close(Infinity);
  return self;
}

/**
 * Profiles the page while `work` runs, `runs` times (each after `prepare()`, which is not
 * profiled) — a Chromium performance trace (the renderer main thread's work by kind: script, style,
 * layout, paint, GC) and a CPU profile (CDP `Profiler`: the functions with the most self time) — and
 * sums both up for a row's note, per run. Nothing is written to disk.
 * @param {Page} page @param {() => Promise<unknown>} work
 * @param {{ prepare?: () => Promise<unknown>, runs?: number, top?: number }} [options]
 * @returns {Promise<string>}
 */
export async function profileOf(page, work, { prepare, runs = 1, top = 4 } = {}) {
  /** @type {Map<string, number>} */
  const kinds = new Map();
  /** @type {Map<string, number>} */
  const functions = new Map();
  let wall = 0;
  /** @type {number[]} */
  const requests = [];
  const add = (/** @type {Map<string, number>} */ map, /** @type {string} */ key, /** @type {number} */ us) =>
    map.set(key, (map.get(key) ?? 0) + us / runs);
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    for (let run = 0; run < runs; run++) {
      await prepare?.();
      await page.tracing.start({
        categories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'],
      });
      await cdp.send('Profiler.start');
      // The resource timing buffer holds 250 entries: emptied, this run's requests all fit.
      const from = await page.evaluate(() => {
        performance.clearResourceTimings();
        return performance.now();
      });
      await work();
      const { profile } = await cdp.send('Profiler.stop');
      const { to, fetched } = await page.evaluate((since) => {
        const entries = /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource'));
        return {
          to: performance.now(),
          fetched: entries.filter((e) => e.startTime >= since).map((e) => e.responseEnd - e.startTime),
        };
      }, from);
      wall += (to - from) / runs;
      requests.push(...fetched);
      const traced = await page.tracing.stop();
      for (const [kind, us] of traceSelfTimes(JSON.parse(new TextDecoder().decode(traced))))
        add(kinds, kind, us);
      const byId = new Map(profile.nodes.map((node) => [node.id, node]));
      (profile.samples ?? []).forEach((id, i) => {
        const { functionName = '', url = '' } = byId.get(id)?.callFrame ?? {};
        // Not JavaScript: idle, or the renderer's own work (the trace names it).
        if (url)
          add(functions, `${functionName || '(anonymous)'} (${shortUrl(url)})`, profile.timeDeltas?.[i] ?? 0);
      });
    }
  } finally {
    await cdp.detach();
  }
  const ranked = (/** @type {Map<string, number>} */ map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `${name} ${(us / 1000).toFixed(1)} ms`)
      .join(', ');
  const total = [...kinds.values()].reduce((a, b) => a + b, 0);
  const network = requests.length
    ? `${(requests.length / runs).toFixed(1)} requests a run, each ${stats(requests).median.toFixed(0)} ms (median)`
    : 'no requests';
  const busy = total / 1000;
  // Little work in a long wait: the time goes to frames, timers or the network, not to the main thread.
  const waiting = busy < wall / 2 ? ', mostly waiting (frames, timers, network)' : '';
  return `profile${runs > 1 ? ` (a run, mean of ${runs})` : ''}: ${wall.toFixed(0)} ms, main thread busy ${busy.toFixed(0)} ms${waiting} — ${
    ranked(kinds) || 'nothing traced'
  }; network: ${network}; top JS self time: ${ranked(functions) || 'none'}`;
}
