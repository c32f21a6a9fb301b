// What the published package promises: its command, and exports that work outside the workspace.
// The `source` condition (TypeScript sources, for the workspace's own tools) must not reach an
// installed package, where Node cannot load .ts files from node_modules: publishConfig.exports is
// what `pnpm pack` writes instead, and it must say the same as `exports` otherwise.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

type Target = string | { readonly [condition: string]: Target };
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  bin: Record<string, string>;
  exports: Record<string, Target>;
  publishConfig: { exports: Record<string, Target> };
};

/** `exports` as an installed package should see it: no `source` condition, single defaults collapsed. */
function published(target: Target): Target {
  if (typeof target === 'string') return target;
  const kept = Object.entries(target).filter(([condition]) => condition !== 'source');
  if (kept.length === 1 && kept[0]![0] === 'default') return published(kept[0]![1]);
  return Object.fromEntries(kept.map(([condition, value]) => [condition, published(value)]));
}

describe('the package manifest', () => {
  it('publishes the same exports without the workspace-only source condition', () => {
    const expected = Object.fromEntries(Object.entries(manifest.exports).map(([path, target]) => [path, published(target)]));
    assert.deepEqual(manifest.publishConfig.exports, expected);
    assert.doesNotMatch(JSON.stringify(manifest.publishConfig.exports), /"source"|\.\/src\//);
  });

  it('has the access-requests-mock bin: the built cli.js, which keeps its shebang', () => {
    assert.deepEqual(manifest.bin, { 'access-requests-mock': './dist/cli.js' });
    const source = readFileSync(new URL('./cli.ts', import.meta.url), 'utf8');
    assert.ok(source.startsWith('#!/usr/bin/env node\n'), 'tsc keeps a first-line shebang in dist/cli.js');
  });

});
