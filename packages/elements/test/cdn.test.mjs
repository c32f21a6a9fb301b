// The script-tag build as a page would use it: a folder holding one HTML page and the files of
// cdn/, served by a plain static server; the API on another origin (the reference server over HTTP,
// CORS); the page imports cdn/access-requests.js by a relative URL, with no import map, and must show
// My Requests. Builds cdn/ first unless it is newer than everything it is built from.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { rollup } from 'rollup';
import { parseAst } from 'rollup/parseAst';
import { startHttpServer } from '@access-requests/mock-server/http';
import { CHROME_ARGS, findChrome } from '../../../scripts/chrome.mjs';
import config from '../rollup.cdn.config.mjs';

const packageDir = new URL('..', import.meta.url).pathname;
const workspace = new URL('../../..', import.meta.url).pathname;
const cdnDir = join(packageDir, 'cdn');
const ENTRY = 'access-requests.js';
/** What cdn/ is built from: when one of them is newer than the built entry, the test builds again. */
const INPUTS = ['packages/elements/src', 'packages/sdk/src', 'packages/contract/src', 'packages/elements/rollup.cdn.config.mjs', 'packages/elements/package.json', 'pnpm-lock.yaml'];

/** @param {string} path @returns {Promise<number>} the newest modification time under `path` */
async function newest(path) {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path, { withFileTypes: true, recursive: true });
  const times = await Promise.all(entries.filter((e) => e.isFile()).map((e) => stat(join(e.parentPath, e.name)).then((s) => s.mtimeMs)));
  return Math.max(info.mtimeMs, ...times);
}

async function ensureBuilt() {
  const built = await stat(join(cdnDir, ENTRY)).then((s) => s.mtimeMs, () => 0);
  const inputs = Math.max(...(await Promise.all(INPUTS.map((p) => newest(join(workspace, p))))));
  if (built > inputs) return;
  const bundle = await rollup(config);
  await bundle.write(/** @type {import('rollup').OutputOptions} */ (config.output));
  await bundle.close();
}

/**
 * The module specifiers a file imports (static, re-exports, dynamic); `null` for a computed one.
 * @param {string} code
 */
function specifiersOf(code) {
  /** @type {(string | null)[]} */
  const found = [];
  /** @param {any} node an ESTree node, or any value found in one */
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (/^(Import|ExportAll|ExportNamed)Declaration$/.test(node.type) && node.source) found.push(String(node.source.value));
    if (node.type === 'ImportExpression') found.push(node.source.type === 'Literal' ? String(node.source.value) : null);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(parseAst(code));
  return found;
}

/** @type {Record<string, string>} */
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/** A static file server for `dir`: nothing but its files, as they are. @param {string} dir */
async function serveStatic(dir) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = join(dir, path === '/' ? 'index.html' : path);
    try {
      if (!file.startsWith(dir)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { url: `http://127.0.0.1:${address.port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The page of the README: nothing but the module script and the markup. @param {string} apiUrl */
const page = (apiUrl) => `<!doctype html>
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

/** @type {string} */ let site;
/** @type {string[]} */ let files;
/** @type {Awaited<ReturnType<typeof startHttpServer>>} */ let api;
/** @type {Awaited<ReturnType<typeof serveStatic>>} */ let web;

before(async () => {
  await ensureBuilt();
  site = await mkdtemp(join(tmpdir(), 'access-requests-cdn-'));
  await cp(cdnDir, join(site, 'cdn'), { recursive: true });
  files = (await readdir(join(site, 'cdn'))).sort();
  api = await startHttpServer({ port: 0, log: false, speed: 0 });
  await writeFile(join(site, 'index.html'), page(api.url));
  web = await serveStatic(site);
});

after(async () => {
  await web?.close();
  await api?.close();
  if (site) await rm(site, { recursive: true, force: true });
});

test('cdn/ holds the entry and its lazy chunks, with no bare import specifier left', async () => {
  assert.deepEqual(files, ['access-requests-flow.js', 'access-requests-markdown.js', ENTRY]);
  for (const file of files) {
    const code = await readFile(join(site, 'cdn', file), 'utf8');
    for (const specifier of specifiersOf(code)) {
      assert.ok(specifier !== null && /^\.\.?\//.test(specifier), `${file} imports ${specifier ?? 'a computed specifier'}`);
    }
    assert.doesNotMatch(code, /Lit is in dev mode/, `${file} holds Lit's development build`);
  }
  const entry = await readFile(join(site, 'cdn', ENTRY), 'utf8');
  // The Markdown renderer and the virtualizer's layout are loaded when needed, not with the entry.
  assert.deepEqual(specifiersOf(entry).sort(), ['./access-requests-flow.js', './access-requests-markdown.js']);
  assert.doesNotMatch(entry, /DOMPurify/);
});

test('a plain page with one module script shows My Requests from an API on another origin', async () => {
  const browser = await puppeteer.launch({ executablePath: findChrome(), args: CHROME_ARGS, headless: true });
  /** @type {string[]} */
  const problems = [];
  /** @type {string[]} */
  const loaded = [];
  try {
    const tab = await browser.newPage();
    tab.on('pageerror', (error) => problems.push(`page error: ${error}`));
    tab.on('console', (message) => {
      // A failed load is told by its response below, with its URL (the browser's own favicon.ico is no failure).
      if (message.text().startsWith('Failed to load resource')) return;
      if (message.type() === 'error' || message.type() === 'warn') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    tab.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
    tab.on('response', (response) => {
      const url = response.url();
      if (url.startsWith(web.url)) loaded.push(url.slice(web.url.length));
      if (response.status() >= 400 && !url.endsWith('/favicon.ico')) problems.push(`${response.status()} ${url}`);
    });
    await tab.goto(web.url, { waitUntil: 'load' });

    const shown = await tab.waitForFunction(
      () => {
        const card = document.querySelector('request-list')?.shadowRoot?.querySelector('article.card');
        const title = card?.querySelector('[part="card-title"]')?.textContent?.trim();
        const label = card?.querySelector('status-badge')?.shadowRoot?.querySelector('[part="label"]')?.textContent?.trim();
        return title && label ? { title, label } : null;
      },
      { timeout: 10_000 },
    ).catch((error) => {
      throw new Error(`No request card with a title and a labelled badge (${error.message}). The page said:\n${problems.join('\n') || 'nothing'}`);
    });
    const { title, label } = /** @type {{ title: string, label: string }} */ (await shown.jsonValue());
    assert.ok(title.length > 0 && label.length > 0);
    assert.equal(await tab.evaluate(() => document.querySelector('script[type="importmap"]')), null);

    // The lazy Markdown chunk loads by its relative URL too, and renders (sanitised).
    const rendered = await tab.evaluate(async () => {
      const { renderMarkdown } = await import(new URL('cdn/access-requests-markdown.js', location.href).href);
      const box = document.createElement('div');
      box.append(renderMarkdown('**Connect** with <img src=x onerror=alert(1)>'));
      return box.innerHTML.trim();
    });
    assert.equal(rendered, '<p><strong>Connect</strong> with </p>');

    // From the page's own origin: the page and cdn/ files only; everything else went to the API.
    assert.deepEqual(loaded.filter((path) => !path.startsWith('cdn/') && path !== 'favicon.ico'), ['']);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
