// docs/testing-your-integration.md shows examples/node-test.example.mjs in full: the two must not drift.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const guide = readFileSync(new URL('../../../docs/testing-your-integration.md', import.meta.url), 'utf8');

/** The guide's code block whose first line names `file`, without that line. */
function snippet(file: string): string | undefined {
  const blocks = [...guide.matchAll(/```(?:js|ts)\n([\s\S]*?)```/g)].map((match) => match[1]!);
  const block = blocks.find((text) => text.startsWith(`// ${file}\n`));
  return block?.slice(`// ${file}\n`.length);
}

describe('the guide to testing an integration', () => {
  it('shows the node:test example exactly as the file has it', () => {
    const file = readFileSync(new URL('../examples/node-test.example.mjs', import.meta.url), 'utf8');
    assert.equal(snippet('node-test.example.mjs'), file);
  });
});
