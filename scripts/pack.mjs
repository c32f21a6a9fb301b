// Packs the public packages as they would be published: `pnpm pack` in each (its `prepack` builds
// it; pnpm turns `workspace:*` into the real version) into `.packs/<name>.tgz`. Consumers of the
// tarballs — the consumer check and the examples that install them — call `ensurePacks()`, which
// packs again only when a package's files changed since the last pack.
//   node scripts/pack.mjs           pack what changed, print the tarballs
//   node scripts/pack.mjs --force   pack everything
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const packsDir = join(root, '.packs');

/** The public packages, in dependency order: folder under packages/ and npm name. */
export const PUBLIC_PACKAGES = /** @type {const} */ ([
  ['contract', '@access-requests/contract'],
  ['sdk', '@access-requests/sdk'],
  ['mock-server', '@access-requests/mock-server'],
  ['elements', '@access-requests/elements'],
  ['cli', '@access-requests/cli'],
]);

/** A hash over the files git sees in a package (tracked, or new and not ignored), as they are now. */
function fingerprint(/** @type {string} */ folder) {
  const listed = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z', `packages/${folder}`], {
    cwd: root,
    encoding: 'utf8',
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  const hash = createHash('sha256');
  for (const file of listed.stdout.split('\0').filter(Boolean).sort()) {
    const path = join(root, file);
    if (!existsSync(path)) continue; // deleted in the working tree
    hash.update(file).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex');
}

/** @param {string} folder */
function packOne(folder) {
  return new Promise((resolve, reject) => {
    const out = join(packsDir, `${folder}.tgz`);
    const child = spawn('pnpm', ['pack', '--out', out], {
      cwd: join(root, 'packages', folder),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`pnpm pack in packages/${folder} failed:\n${log}`)),
    );
  });
}

/**
 * Packs every public package whose files changed since its tarball was made (all with `force`), two
 * at a time, and answers the tarballs' paths by folder name.
 * @param {{ force?: boolean, log?: (line: string) => void }} [options]
 * @returns {Promise<Record<(typeof PUBLIC_PACKAGES)[number][0], string>>}
 */
export async function ensurePacks({ force = false, log = () => {} } = {}) {
  mkdirSync(packsDir, { recursive: true });
  const stampPath = join(packsDir, 'fingerprints.json');
  /** @type {Map<string, string>} folder → the print of the sources its tarball was packed from */
  const stamps = new Map(
    Object.entries(existsSync(stampPath) ? JSON.parse(readFileSync(stampPath, 'utf8')) : {}),
  );
  const stale = PUBLIC_PACKAGES.map(([folder]) => ({ folder, print: fingerprint(folder) })).filter(
    ({ folder, print }) =>
      force || stamps.get(folder) !== print || !existsSync(join(packsDir, `${folder}.tgz`)),
  );
  const queue = [...stale];
  const started = Date.now();
  await Promise.all(
    [0, 1].map(async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        stamps.delete(next.folder);
        await packOne(next.folder);
        stamps.set(next.folder, next.print);
        writeFileSync(stampPath, `${JSON.stringify(Object.fromEntries(stamps), null, 2)}\n`);
      }
    }),
  );
  log(
    stale.length
      ? `packed ${stale.map((s) => s.folder).join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`
      : 'packs are up to date',
  );
  return /** @type {any} */ (
    Object.fromEntries(PUBLIC_PACKAGES.map(([folder]) => [folder, join(packsDir, `${folder}.tgz`)]))
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const tarballs = await ensurePacks({ force: process.argv.includes('--force'), log: console.log });
  for (const path of Object.values(tarballs)) console.log(path);
}
