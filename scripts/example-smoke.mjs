// Smoke test of an example (run from its folder, after its build): serves its dist/ with the
// reference server, opens it in headless Chromium and checks what a user would: a request card with
// real data appears, clicking it reaches the host as an event (the page's `#events` log), the host's
// theme reaches inside (a `::part(card)` rule), and the page logs no error.
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './chrome.mjs';
import { serveWithReference } from './serve.mjs';

const started = Date.now();
const name = process.cwd().split('/').pop();
const server = await serveWithReference({ rootDir: `${resolve('dist')}/`, index: 'index.html', world: { speed: 0 } });
const browser = await puppeteer.launch({ executablePath: findChrome(), args: CHROME_ARGS, headless: true });
/** @type {string[]} */
const errors = [];
let failed = false;
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    // Failed loads are told by the responses below, with their URL.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) errors.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(server.url, { waitUntil: 'load' });

  const card = await page.waitForSelector('>>> article.card', { timeout: 15_000 });
  if (!card) throw new Error('No request card appeared.');
  const title = await card.evaluate((node) => node.querySelector('[part="card-title"]')?.textContent?.trim() ?? '');
  if (!title) throw new Error('The first request card has no title.');
  const themed = await card.evaluate((node) => getComputedStyle(node).borderInlineStartWidth);
  if (themed !== '4px') throw new Error(`The host's ::part(card) rule did not apply (border-inline-start-width ${themed}).`);

  await card.click();
  await page.waitForFunction(() => document.querySelector('#events')?.textContent?.includes('request-selected'), { timeout: 5_000 });
  const heard = await page.$eval('#events', (node) => node.textContent.trim().split('\n')[0]);
  if (errors.length) throw new Error(`The page logged errors:\n${errors.join('\n')}`);
  console.log(`✔ ${name}: rendered "${title}", the host heard "${heard}" (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log('1 passed, 0 failed');
} catch (error) {
  failed = true;
  console.error(`✘ ${name}: ${error instanceof Error ? error.message : error}`);
  console.log('0 passed, 1 failed');
} finally {
  await browser.close();
  await server.stop();
}
process.exit(failed ? 1 : 0);
