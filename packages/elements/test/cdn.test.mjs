// The script-tag build as a page would use it (scripts/script-tag-page.mjs: one HTML page and the
// files of cdn/ on one origin, the API on another), and what the build holds. Builds cdn/ first
// unless it is newer than everything it is built from.
import assert from 'node:assert/strict';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { rollup } from 'rollup';
import { parseAst } from 'rollup/parseAst';
import { startHttpServer } from '@access-requests/mock-server/http';
import { RENDERED_MARKDOWN, openScriptTagPage } from '../../../scripts/script-tag-page.mjs';
import config from '../rollup.cdn.config.mjs';

const packageDir = new URL('..', import.meta.url).pathname;
const workspace = new URL('../../..', import.meta.url).pathname;
const cdnDir = join(packageDir, 'cdn');
const ENTRY = 'access-requests.js';
/** What cdn/ is built from: when one of them is newer than the built entry, the test builds again. */
const INPUTS = [
  'packages/elements/src',
  'packages/sdk/src',
  'packages/contract/src',
  'packages/elements/rollup.cdn.config.mjs',
  'packages/elements/package.json',
  'pnpm-lock.yaml',
];

/** @param {string} path @returns {Promise<number>} the newest modification time under `path` */
async function newest(path) {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path, { withFileTypes: true, recursive: true });
  const times = await Promise.all(
    entries.filter((e) => e.isFile()).map((e) => stat(join(e.parentPath, e.name)).then((s) => s.mtimeMs)),
  );
  return Math.max(info.mtimeMs, ...times);
}

async function ensureBuilt() {
  const built = await stat(join(cdnDir, ENTRY)).then(
    (s) => s.mtimeMs,
    () => 0,
  );
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
    if (/^(Import|ExportAll|ExportNamed)Declaration$/.test(node.type) && node.source)
      found.push(String(node.source.value));
    if (node.type === 'ImportExpression')
      found.push(node.source.type === 'Literal' ? String(node.source.value) : null);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(parseAst(code));
  return found;
}

/** @type {Awaited<ReturnType<typeof openScriptTagPage>>} */ let opened;

before(async () => {
  await ensureBuilt();
  opened = await openScriptTagPage({ cdnDir, startHttpServer });
});

test('cdn/ holds the entry and its lazy chunks, with no bare import specifier left', async () => {
  assert.deepEqual(opened.files, [
    'access-requests-ar.js',
    'access-requests-de.js',
    'access-requests-flow.js',
    'access-requests-markdown.js',
    ENTRY,
  ]);
  for (const file of opened.files) {
    const code = await readFile(join(cdnDir, file), 'utf8');
    for (const specifier of specifiersOf(code)) {
      assert.ok(
        specifier !== null && /^\.\.?\//.test(specifier),
        `${file} imports ${specifier ?? 'a computed specifier'}`,
      );
    }
    assert.doesNotMatch(code, /Lit is in dev mode/, `${file} holds Lit's development build`);
  }
  const entry = await readFile(join(cdnDir, ENTRY), 'utf8');
  // The Markdown renderer, the virtualizer's layout and each language are loaded when needed, not
  // with the entry.
  assert.deepEqual(specifiersOf(entry).sort(), [
    './access-requests-ar.js',
    './access-requests-de.js',
    './access-requests-flow.js',
    './access-requests-markdown.js',
  ]);
  assert.doesNotMatch(entry, /DOMPurify/);
  assert.doesNotMatch(entry, /Anfrage|طلب/);
});

test('a plain page with one module script shows My Requests from an API on another origin', () => {
  assert.ok(opened.title.length > 0 && opened.label.length > 0);
  assert.equal(opened.hasImportMap, false);
  // The lazy Markdown chunk loads by its relative URL too, and renders (sanitised; raw HTML as text).
  assert.equal(opened.markdown, RENDERED_MARKDOWN);
  // From the page's own origin: the page and cdn/ files only; everything else went to the API.
  assert.deepEqual(
    opened.loaded.filter((path) => !path.startsWith('cdn/') && path !== 'favicon.ico'),
    [''],
  );
  assert.deepEqual(opened.problems, []);
});
