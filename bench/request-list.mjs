// <request-list> over 10,000 requests in headless Chromium: first paint, a Status filter change and
// scrolling, each beside plain Lit rendering the same 10,000 rows (the baseline), in the same run.
// Targets (the My Requests issue): first paint ≤ 50 ms, filter change ≤ 16 ms.
import { fileURLToPath } from 'node:url';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from '../scripts/chrome.mjs';

const rootDir = fileURLToPath(new URL('..', import.meta.url));

export async function requestListBench() {
  const server = await startDevServer({
    config: {
      rootDir,
      port: 0,
      hostname: '127.0.0.1',
      // Production Lit (no dev-mode checks), as users' bundles get it.
      nodeResolve: { exportConditions: ['source', 'browser', 'production'] },
      plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: `${rootDir}tsconfig.json` })],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  const address = server.server.address();
  const browser = await puppeteer.launch({
    executablePath: findChrome(),
    args: [...CHROME_ARGS, '--window-size=1280,1000'],
    protocolTimeout: 600_000,
  });
  const logs = [];
  try {
    const page = await browser.newPage();
    page.on('console', (message) => {
      logs.push(message.text());
      if (process.env.BENCH_DEBUG) console.log(message.text());
    });
    page.on('pageerror', (error) => logs.push(String(error)));
    await page.setViewport({ width: 1280, height: 1000 });
    await page.goto(`http://127.0.0.1:${address.port}/bench/request-list/index.html`);
    await page.waitForSelector('body[data-ready="true"]');
    const r = await page
      .evaluate(() => window.runBench())
      .catch((error) => {
        throw new Error(`${error.message}\n${logs.join('\n')}`);
      });
    return [
      {
        name: 'first render: plain Lit, 10,000 rows (baseline)',
        value: r.baselineFirstPaint,
        unit: 'ms',
        note: 'render + layout',
      },
      {
        name: 'first render: <request-list>',
        value: r.firstPaint,
        unit: 'ms',
        note: `target ≤ 50 ms; ${r.cardsInDom} cards in the DOM`,
      },
      {
        name: 'status filter change: plain Lit (baseline)',
        value: r.baselineFilterChange,
        unit: 'ms',
        note: 'render + layout',
      },
      {
        name: 'status filter change: <request-list>, 10,000 loaded',
        value: r.filterChange,
        unit: 'ms',
        note: 'target ≤ 16 ms',
      },
      {
        name: 'scroll, main-thread blocking: plain Lit (baseline)',
        value: r.baselineScrollBlocking,
        unit: 'ms',
        note: `${r.baselineScrollLongFrames} long frames`,
      },
      {
        name: 'scroll, main-thread blocking: <request-list>',
        value: r.scrollBlocking,
        unit: 'ms',
        note: `${r.scrollLongFrames} long frames`,
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
