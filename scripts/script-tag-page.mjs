// The script-tag build as a plain page uses it, for the elements' cdn test (the workspace's build)
// and the consumer check (the installed package's): a folder holding one HTML page and the files of
// cdn/, served by the reference server's `staticDir` on its own origin, the API on another origin
// (CORS). The page imports cdn/access-requests.js by a relative URL, with no import map.
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './chrome.mjs';

/**
 * What the lazy Markdown chunk renders on the page from `**Connect** with <img src=x onerror=alert(1)>`:
 * the Markdown as markup, the raw HTML as text.
 */
export const RENDERED_MARKDOWN = '<p><strong>Connect</strong> with &lt;img src=x onerror=alert(1)&gt;</p>';

/** The page of the elements' README: nothing but the markup and one module script. @param {string} apiUrl */
export const scriptTagPage = (apiUrl) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Access requests</title></head>
  <body>
    <access-requests-provider base-url="${apiUrl}">
      <request-list></request-list>
    </access-requests-provider>
    <script type="module">
      import './cdn/access-requests.js';
      document.querySelector('access-requests-provider').token = 'demo-alice';
    </script>
  </body>
</html>
`;

/**
 * @typedef {{ url: string, close(): Promise<void> }} Server
 * @typedef {(
 *   options: { port: number, log: false, speed: number, staticDir?: string },
 * ) => Promise<Server>} StartHttpServer
 */

/**
 * Copies `cdnDir` beside the page into a scratch folder, serves it and the API (both with
 * `startHttpServer`, from whichever copy of the reference server the caller has), opens the page in
 * headless Chromium and waits until a request card shows its title and its status badge its label.
 * Answers what the page showed, every path it loaded from its own origin, and every problem it
 * reported (page errors, console errors and warnings, failed loads, 4xx/5xx).
 * @param {{ cdnDir: string, startHttpServer: StartHttpServer }} options
 */
export async function openScriptTagPage({ cdnDir, startHttpServer }) {
  const site = await mkdtemp(join(tmpdir(), 'access-requests-cdn-'));
  /** @type {Server | undefined} */ let api;
  /** @type {Server | undefined} */ let web;
  /** @type {import('puppeteer-core').Browser | undefined} */ let browser;
  try {
    await cp(cdnDir, join(site, 'cdn'), { recursive: true });
    const files = (await readdir(join(site, 'cdn'))).sort();
    api = await startHttpServer({ port: 0, log: false, speed: 0 });
    await writeFile(join(site, 'index.html'), scriptTagPage(api.url));
    web = await startHttpServer({ port: 0, log: false, speed: 0, staticDir: site });
    const origin = `${web.url}/`;

    browser = await puppeteer.launch({ executablePath: findChrome(), args: CHROME_ARGS, headless: true });
    /** @type {string[]} */
    const problems = [];
    /** @type {string[]} */
    const loaded = [];
    const tab = await browser.newPage();
    tab.on('pageerror', (error) => problems.push(`page error: ${error}`));
    tab.on('console', (message) => {
      // A failed load is told by its response below, with its URL (the browser's own favicon.ico is no
      // failure).
      if (message.text().startsWith('Failed to load resource')) return;
      if (message.type() === 'error' || message.type() === 'warn')
        problems.push(`console ${message.type()}: ${message.text()}`);
    });
    tab.on('requestfailed', (request) =>
      problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
    );
    tab.on('response', (response) => {
      const url = response.url();
      if (url.startsWith(origin)) loaded.push(url.slice(origin.length));
      if (response.status() >= 400 && !url.endsWith('/favicon.ico'))
        problems.push(`${response.status()} ${url}`);
    });
    await tab.goto(origin, { waitUntil: 'load' });

    // Polled: a card appears inside the list's shadow root, which no document mutation announces.
    const shown = await tab
      .waitForFunction(
        () => {
          const card = document.querySelector('request-list')?.shadowRoot?.querySelector('article.card');
          const title = card?.querySelector('[part="card-title"]')?.textContent?.trim();
          const label = card
            ?.querySelector('status-badge')
            ?.shadowRoot?.querySelector('[part="label"]')
            ?.textContent?.trim();
          return title && label ? { title, label } : null;
        },
        { polling: 100, timeout: 30_000 },
      )
      .catch((error) => {
        throw new Error(
          `No request card with a title and a labelled badge (${error.message}). The page said:\n${problems.join('\n') || 'nothing'}`,
        );
      });
    const { title, label } = /** @type {{ title: string, label: string }} */ (await shown.jsonValue());
    const hasImportMap = await tab.evaluate(
      () => document.querySelector('script[type="importmap"]') !== null,
    );
    // The lazy Markdown chunk loads by its relative URL too, and renders (sanitised: RENDERED_MARKDOWN).
    const markdown = await tab.evaluate(async () => {
      const { renderMarkdown } = await import(new URL('cdn/access-requests-markdown.js', location.href).href);
      const box = document.createElement('div');
      box.append(renderMarkdown('**Connect** with <img src=x onerror=alert(1)>'));
      return box.innerHTML.trim();
    });
    return { files, title, label, hasImportMap, markdown, loaded, problems };
  } finally {
    await browser?.close();
    await web?.close();
    await api?.close();
    await rm(site, { recursive: true, force: true });
  }
}
