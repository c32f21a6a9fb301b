// Fails when anything in packages/contract/src/generated/ is not exactly what `pnpm generate` writes
// from the contract now: the generator runs into a scratch folder and the two are compared file by file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const committedDir = join(root, 'packages/contract/src/generated');
const scratch = mkdtempSync(join(tmpdir(), 'ar-drift-'));
try {
  const run = spawnSync('node', ['scripts/generate.mjs', '--out', scratch], {
    cwd: join(root, 'packages/contract'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error('`pnpm generate` failed on the contract.');
  const names = [...new Set([...readdirSync(scratch), ...readdirSync(committedDir)])].sort();
  let drifted = 0;
  for (const name of names) {
    /** @param {string} dir */
    const read = (dir) => {
      try {
        return readFileSync(join(dir, name), 'utf8');
      } catch {
        return undefined;
      }
    };
    const fresh = read(scratch);
    const committed = read(committedDir);
    if (fresh === committed) continue;
    drifted += 1;
    const a = (committed ?? '').split('\n');
    const b = (fresh ?? '').split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    console.error(
      fresh === undefined
        ? `Drift: packages/contract/src/generated/${name} is not generated any more; delete it.`
        : `Drift: packages/contract/src/generated/${name} does not match access-requests.yaml ` +
            `(first difference at line ${line + 1}).\n  committed: ${a[line] ?? '<end of file>'}\n  generated: ${b[line] ?? '<end of file>'}`,
    );
  }
  if (drifted) {
    console.error('Run `pnpm generate` and commit the result; never edit generated files by hand.');
    process.exit(1);
  }
  console.log(`Generated files match the contract (${names.join(', ')}).`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
