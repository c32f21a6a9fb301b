// Fails when anything in a package's src/generated/ is not exactly what `pnpm generate` writes from the
// contract now (the contract's types and vocabulary, the reference server's validators): each
// generator runs into a scratch folder and the two are compared file by file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const GENERATORS = [
  { dir: 'packages/contract', cmd: ['scripts/generate.mjs'] },
  {
    dir: 'packages/mock-server',
    cmd: ['--conditions=source', '--import', 'tsx', 'scripts/generate-validators.mjs'],
  },
];
let drifted = 0;
const checked = [];
for (const generator of GENERATORS) {
  const committedDir = join(root, generator.dir, 'src/generated');
  const scratch = mkdtempSync(join(tmpdir(), 'ar-drift-'));
  try {
    const run = spawnSync('node', [...generator.cmd, '--out', scratch], {
      cwd: join(root, generator.dir),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (run.status !== 0) throw new Error(`\`pnpm generate\` failed in ${generator.dir}.`);
    const names = [...new Set([...readdirSync(scratch), ...readdirSync(committedDir)])].sort();
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
      const file = `${generator.dir}/src/generated/${name}`;
      checked.push(file);
      if (fresh === committed) continue;
      drifted += 1;
      const a = (committed ?? '').split('\n');
      const b = (fresh ?? '').split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      console.error(
        fresh === undefined
          ? `Drift: ${file} is not generated any more; delete it.`
          : `Drift: ${file} does not match access-requests.yaml ` +
              `(first difference at line ${line + 1}).\n  committed: ${(a[line] ?? '<end of file>').slice(0, 200)}\n  generated: ${(b[line] ?? '<end of file>').slice(0, 200)}`,
      );
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
if (drifted) {
  console.error('Run `pnpm generate` and commit the result; never edit generated files by hand.');
  process.exit(1);
}
console.log(`Generated files match the contract (${checked.join(', ')}).`);
