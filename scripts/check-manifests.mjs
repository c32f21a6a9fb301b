// What every public package's package.json must say to install and work outside this workspace:
// the complete metadata, `types` first in every export, side effects declared, and
// `publishConfig.exports` (what `pnpm pack` writes instead of `exports`) equal to `exports` without
// the workspace-only `source` condition: Node cannot load the .ts sources from node_modules.
//   node scripts/check-manifests.mjs           check; exit 1 listing every problem
//   node scripts/check-manifests.mjs --write   rewrite each publishConfig.exports from exports
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLIC_PACKAGES, root } from './pack.mjs';

/** @typedef {string | { [condition: string]: Target }} Target */

/**
 * `exports` as an installed package should see it: no `source` condition, single defaults collapsed.
 * @param {Target} target
 * @returns {Target}
 */
export function published(target) {
  if (typeof target === 'string') return target;
  const kept = Object.entries(target).filter(([condition]) => condition !== 'source');
  if (kept.length === 1 && kept[0]?.[0] === 'default') return published(kept[0][1]);
  return Object.fromEntries(kept.map(([condition, value]) => [condition, published(value)]));
}

const REQUIRED = [
  'name',
  'version',
  'description',
  'license',
  'type',
  'keywords',
  'homepage',
  'repository',
  'bugs',
  'engines',
  'types',
  'exports',
  'files',
  'sideEffects',
];

/**
 * Every problem of one package's manifest (empty when it is right).
 * @param {string} folder
 * @param {any} manifest
 */
function problemsOf(folder, manifest) {
  const problems = REQUIRED.filter((key) => manifest[key] === undefined).map((key) => `no "${key}"`);
  if (manifest.private) problems.push('is private');
  if (manifest.repository?.directory !== `packages/${folder}`)
    problems.push(`repository.directory is not packages/${folder}`);
  if (!manifest.scripts?.prepack) problems.push('no prepack script: a pack would ship no build');
  for (const [path, target] of Object.entries(manifest.exports ?? {})) {
    if (typeof target === 'object' && Object.keys(target)[0] !== 'types')
      problems.push(`exports["${path}"]: "types" is not the first condition`);
  }
  const expected = Object.fromEntries(
    Object.entries(manifest.exports ?? {}).map(([path, target]) => [path, published(target)]),
  );
  if (JSON.stringify(manifest.publishConfig?.exports) !== JSON.stringify(expected)) {
    problems.push(
      'publishConfig.exports is not exports without "source" (run node scripts/check-manifests.mjs --write)',
    );
  }
  if (/"source"|\.\/src\//.test(JSON.stringify(manifest.publishConfig?.exports ?? {})))
    problems.push('publishConfig.exports points into src/');
  if (JSON.stringify(manifest.publishConfig?.imports ?? manifest.imports ?? {}).includes('./test/')) {
    problems.push(
      'imports point into test/, which is not shipped: publishConfig.imports must leave them out (--write)',
    );
  }
  for (const dependencies of [manifest.dependencies, manifest.peerDependencies]) {
    for (const [name, range] of Object.entries(dependencies ?? {})) {
      if (String(range).startsWith('workspace:') && range !== 'workspace:*')
        problems.push(`${name}: use workspace:* (pnpm pack turns it into the exact version)`);
    }
  }
  return problems;
}

const write = process.argv.includes('--write');
let failures = 0;
for (const [folder] of PUBLIC_PACKAGES) {
  const path = join(root, 'packages', folder, 'package.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  if (write) {
    manifest.publishConfig = {
      ...manifest.publishConfig,
      exports: Object.fromEntries(
        Object.entries(manifest.exports).map(([key, target]) => [
          key,
          published(/** @type {Target} */ (target)),
        ]),
      ),
      // Test-only subpath imports (the SDK's #harness) stay in the workspace.
      ...(manifest.imports
        ? {
            imports: Object.fromEntries(
              Object.entries(manifest.imports).filter(
                ([, target]) => !JSON.stringify(target).includes('./test/'),
              ),
            ),
          }
        : {}),
    };
    writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  const problems = problemsOf(folder, manifest);
  failures += problems.length;
  console.log(
    problems.length
      ? `✘ packages/${folder}/package.json\n${problems.map((p) => `    ${p}`).join('\n')}`
      : `✔ packages/${folder}/package.json`,
  );
}
process.exit(failures ? 1 : 0);
