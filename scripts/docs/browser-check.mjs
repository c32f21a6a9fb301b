// After the build, in headless Chromium: every element page runs its live example against the
// reference server in the service worker and shows real data, and no page loads anything from
// another origin or logs an error.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from '../chrome.mjs';
import { serveSite } from './serve.mjs';
import { filesUnder } from './util.mjs';

/**
 * @typedef {{ tag: string, part?: string, text?: string, timeoutMs?: number }} LiveCheck
 * @typedef {{ page: string, ok: boolean, detail: string }} Result
 */

/**
 * Looks, through every shadow root under the example, for a node with this part that shows text.
 * Runs in the page.
 * @param {string} tag
 * @param {string} part
 * @param {string} text
 */
function findRendered(tag, part, text) {
  const example = document.querySelector(`[data-live-example="${tag}"]`);
  if (!example) return '';
  // Long lists are virtualised: they render what is on screen, so bring the example there, as a
  // reader would (here, in the polled function: it is run again in a new context if the old one goes).
  if (!example.hasAttribute('data-checked-in-view')) {
    example.setAttribute('data-checked-in-view', '');
    example.scrollIntoView({ block: 'start' });
  }
  if (example.getAttribute('data-state') !== 'running') return '';
  /** @type {(Element | ShadowRoot)[]} */
  const stack = [example];
  while (stack.length) {
    const node = /** @type {Element | ShadowRoot} */ (stack.pop());
    if (node instanceof Element) {
      if (node.shadowRoot) stack.push(node.shadowRoot);
      const parts = (node.getAttribute('part') ?? '').split(/\s+/);
      const shown = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (parts.includes(part) && shown && (!text || shown.includes(text))) return shown;
    }
    stack.push(...node.children);
  }
  return '';
}

/**
 * @param {string} site the built site's folder
 * @param {LiveCheck[]} checks one per element
 * @param {string[]} alsoOffline more pages (relative to the site) that must load nothing from outside
 * @returns {Promise<Result[]>}
 */
export async function checkInBrowser(site, checks, alsoOffline) {
  const pagesByTag = new Map();
  for (const file of filesUnder(site, (name) => name.endsWith('.html'))) {
    const match = /data-live-example="([a-z-]+)"/.exec(readFileSync(file, 'utf8'));
    if (match) pagesByTag.set(match[1], relative(site, file));
  }
  const server = await serveSite({ dir: site, port: 0 });
  const browser = await puppeteer.launch({ executablePath: findChrome(), args: CHROME_ARGS, headless: true });
  /** @type {Result[]} */
  const results = [];
  try {
    /**
     * Opens one page; fails it on an error it logs or a request to another origin.
     * @param {string} path
     * @param {(page: import('puppeteer-core').Page) => Promise<string>} probe
     * @returns {Promise<Result>}
     */
    const visit = async (path, probe) => {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      /** @type {string[]} */
      const problems = [];
      page.on('pageerror', (error) => problems.push(`error: ${String(error)}`));
      page.on('console', (message) => {
        // Failed loads are told by the responses below, with their URL.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
          problems.push(`console: ${message.text()}`);
      });
      page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(server.url) && !/^(?:data|blob):/.test(url))
          problems.push(`loads from outside: ${url}`);
      });
      page.on('response', (response) => {
        // The browser asks for /favicon.ico by itself; the site has none.
        if (
          response.status() >= 400 &&
          response.url().startsWith(server.url) &&
          !response.url().endsWith('/favicon.ico')
        ) {
          problems.push(`${response.status()} ${response.url()}`);
        }
      });
      try {
        await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
        const detail = await probe(page);
        return {
          page: path,
          ok: problems.length === 0,
          detail: problems.length ? problems.join('; ') : detail,
        };
      } catch (error) {
        return {
          page: path,
          ok: false,
          detail: [String(error instanceof Error ? error.message : error), ...problems].join('; '),
        };
      } finally {
        await page.close();
      }
    };

    /** @type {(() => Promise<Result>)[]} */
    const jobs = checks.map((check) => () => {
      const path = pagesByTag.get(check.tag);
      if (!path)
        return Promise.resolve({
          page: `<${check.tag}>`,
          ok: false,
          detail: 'no page of the site has its live example',
        });
      return visit(path, async (page) => {
        const handle = await page.waitForFunction(
          findRendered,
          { timeout: check.timeoutMs ?? 30_000, polling: 100 },
          check.tag,
          check.part ?? '',
          check.text ?? '',
        );
        const shown = String(await handle.jsonValue());
        return `<${check.tag}> shows [part=${check.part}] "${shown.length > 60 ? `${shown.slice(0, 57)}…` : shown}"`;
      });
    });
    for (const path of alsoOffline)
      jobs.push(() =>
        visit(path, async (page) => `${(await page.title()) || path} loads nothing from outside`),
      );
    // Two tabs at a time: the machine may have two cores.
    /** @type {Result[]} */
    const ordered = new Array(jobs.length);
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < jobs.length; index = next++)
        ordered[index] = await /** @type {() => Promise<Result>} */ (jobs[index])();
    };
    await Promise.all([worker(), worker()]);
    results.push(...ordered);
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}
