// Runs a package's Node tests (`*.test.ts` under the given folders, or the given files) with Node's own
// test runner through tsx. Node 20's runner takes no globs, so the files are found here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** @param {string} dir @returns {string[]} */
function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : findTests(path);
    return entry.name.endsWith('.test.ts') && !entry.name.endsWith('.browser.test.ts') ? [path] : [];
  });
}

const folders = process.argv.slice(2);
const files = (folders.length ? folders : ['src'])
  .flatMap((path) => (statSync(path).isDirectory() ? findTests(path) : [path]))
  .sort();
if (files.length === 0) {
  console.error(`No *.test.ts files under ${folders.join(', ')}.`);
  process.exit(1);
}
const run = spawnSync(
  process.execPath,
  [
    '--conditions=source',
    '--import',
    'tsx',
    '--test',
    '--test-timeout=60000',
    '--test-concurrency=2',
    '--test-reporter=spec',
    ...files.map((f) => relative('.', f)),
  ],
  { stdio: 'inherit' },
);
process.exit(run.status ?? 1);
