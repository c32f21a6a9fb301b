// What the published package promises: its command. (Its exports, without the workspace's `source`
// condition, are checked for every public package by scripts/check-manifests.mjs.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  bin: Record<string, string>;
};

describe('the package manifest', () => {
  it('has the access-requests-mock bin: the built cli.js, which keeps its shebang', () => {
    assert.deepEqual(manifest.bin, { 'access-requests-mock': './dist/cli.js' });
    const source = readFileSync(new URL('./cli.ts', import.meta.url), 'utf8');
    assert.ok(source.startsWith('#!/usr/bin/env node\n'), 'tsc keeps a first-line shebang in dist/cli.js');
  });
});
