// Smoke test of an example, as an integrator would run it: the example installs the packed packages
// with npm (its package.json points at `.packs/*.tgz`), then its own `npm run serve` builds it and
// starts it with the reference server (`access-requests-mock --static dist`, from the installed
// mock-server). Headless Chromium then checks what a user would: a request card with real data
// appears, clicking it reaches the host as an event (the page's `#events` log), the host's theme
// reaches inside (a `::part(card)` rule), and the page logs no error.
//   node scripts/example-smoke.mjs examples/react
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome, waitForDeep } from './chrome.mjs';
import { ensurePacks } from './pack.mjs';

const dir = resolve(process.argv[2] ?? '.');
const name = basename(dir);
const started = Date.now();

/**
 * Runs the example's `npm run serve` on a free port; resolves with its URL once the banner says it
 * listens.
 */
function serve() {
  const child = spawn('npm', ['run', '--silent', 'serve', '--', '--port', '0', '--speed', '0', '--quiet'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: stopping it stops the server npm started
  });
  let output = '';
  const url = new Promise((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm run serve printed no URL in 90 s:\n${output}`)),
      90_000,
    );
    const onData = (/** @type {Buffer} */ chunk) => {
      output += chunk;
      const found = /Reference server: (http:\/\/\S+?)\/v1\b/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolveUrl(`${found[1]}/`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`npm run serve exited ${code}:\n${output}`)));
  });
  const stop = () =>
    new Promise((done) => {
      if (child.exitCode !== null || child.pid === undefined) return done(undefined);
      child.once('exit', done);
      process.kill(-child.pid, 'SIGTERM');
    });
  return { url: /** @type {Promise<string>} */ (url), stop };
}

let failed = false;
/** @type {ReturnType<typeof serve> | undefined} */
let server;
/** @type {import('puppeteer-core').Browser | undefined} */
let browser;
try {
  await ensurePacks({ log: (line) => console.log(`  ${line}`) });
  // Fresh copies of our packages every time (npm keeps an installed file: dependency otherwise).
  rmSync(join(dir, 'node_modules/@access-requests'), { recursive: true, force: true });
  const install = spawnSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--no-package-lock', '--prefer-offline', '--loglevel=error'],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  if (install.status !== 0) throw new Error(`npm install failed:\n${install.stdout}${install.stderr}`);

  server = serve();
  const url = await server.url;
  browser = await puppeteer.launch({ executablePath: findChrome(), args: CHROME_ARGS, headless: true });
  /** @type {string[]} */
  const errors = [];
  const page = await browser.newPage();
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    // Failed loads are told by the responses below, with their URL.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico'))
      errors.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(url, { waitUntil: 'load' });

  const card = await waitForDeep(page, 'article.card', 30_000).catch(() => {
    throw new Error(
      `No request card appeared in 30 s.${errors.length ? ` The page logged:\n${errors.join('\n')}` : ''}`,
    );
  });
  const title = await card.evaluate(
    (node) => node.querySelector('[part="card-title"]')?.textContent?.trim() ?? '',
  );
  if (!title) throw new Error('The first request card has no title.');
  const themed = await card.evaluate((node) => getComputedStyle(node).borderInlineStartWidth);
  if (themed !== '4px')
    throw new Error(`The host's ::part(card) rule did not apply (border-inline-start-width ${themed}).`);

  await card.click();
  await page.waitForFunction(
    () => document.querySelector('#events')?.textContent?.includes('request-selected'),
    { timeout: 5_000 },
  );
  const heard = await page.$eval('#events', (node) => node.textContent?.trim().split('\n')[0]);
  if (errors.length) throw new Error(`The page logged errors:\n${errors.join('\n')}`);
  console.log(
    `✔ ${name} (installed from the packed packages): rendered "${title}", the host heard "${heard}" (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  console.log('1 passed, 0 failed');
} catch (error) {
  failed = true;
  console.error(`✘ ${name}: ${error instanceof Error ? error.message : error}`);
  console.log('0 passed, 1 failed');
} finally {
  await browser?.close();
  await server?.stop();
}
process.exit(failed ? 1 : 0);
