// Fails when packages/sdk/src/generated/schema.ts is not exactly what `pnpm generate` writes from the contract.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const committedPath = join(root, 'packages/sdk/src/generated/schema.ts');
const scratch = mkdtempSync(join(tmpdir(), 'ar-drift-'));
const freshPath = join(scratch, 'schema.ts');
try {
  const run = spawnSync(
    'pnpm',
    ['exec', 'openapi-typescript', 'openapi/access-requests.yaml', '-o', freshPath, '--silent'],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (run.status !== 0) throw new Error('openapi-typescript failed on the contract.');
  const fresh = readFileSync(freshPath, 'utf8');
  let committed = '';
  try {
    committed = readFileSync(committedPath, 'utf8');
  } catch {
    // missing: reported below as drift
  }
  if (fresh !== committed) {
    const a = committed.split('\n');
    const b = fresh.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    console.error(
      `Drift: packages/sdk/src/generated/schema.ts does not match openapi/access-requests.yaml ` +
        `(first difference at line ${line + 1}).\n  committed: ${a[line] ?? '<end of file>'}\n  generated: ${b[line] ?? '<end of file>'}\n` +
        'Run `pnpm generate` and commit the result; never edit the generated file by hand.',
    );
    process.exit(1);
  }
  console.log('Generated types match the contract.');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
