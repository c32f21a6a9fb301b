// Fails when anything in a package's src/generated/ is not exactly what `pnpm generate` writes from the
// contract now (the contract's types and vocabulary, the reference server's validators): each
// generator runs into a scratch folder and the two are compared file by file. The same for the
// elements' languages: the XLIFF files must hold every msg() string of the source (and a translation
// of each), and src/locales/generated/ must be what `lit-localize build` makes of them.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

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

const elements = join(root, 'packages/elements');
const localize = join(elements, 'node_modules/.bin/lit-localize');
const config = JSON.parse(readFileSync(join(elements, 'lit-localize.json'), 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'ar-locales-'));
let localesDrifted = 0;
try {
  cpSync(join(elements, config.interchange.xliffDir), join(scratch, 'xliff'), { recursive: true });
  const scratchConfig = join(scratch, 'lit-localize.json');
  writeFileSync(
    scratchConfig,
    JSON.stringify({
      ...config,
      tsConfig: join(elements, config.tsConfig),
      output: {
        ...config.output,
        outputDir: join(scratch, 'generated'),
        localeCodesModule: join(scratch, 'generated/locale-codes.ts'),
      },
      interchange: { ...config.interchange, xliffDir: join(scratch, 'xliff') },
    }),
  );
  for (const command of ['extract', 'build']) {
    const run = spawnSync(localize, [command, '--config', scratchConfig], {
      cwd: elements,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (run.status !== 0) throw new Error(`\`lit-localize ${command}\` failed in packages/elements.`);
  }
  /** @param {string} committed @param {string} fresh @param {string} what */
  const compare = (committed, fresh, what) => {
    for (const name of [...new Set([...readdirSync(committed), ...readdirSync(fresh)])].sort()) {
      const read = (/** @type {string} */ dir) => {
        try {
          return readFileSync(join(dir, name), 'utf8');
        } catch {
          return undefined;
        }
      };
      const file = relative(root, join(committed, name));
      checked.push(file);
      if (read(committed) === read(fresh)) continue;
      localesDrifted += 1;
      console.error(`Drift: ${file} is not what ${what} makes.`);
    }
  };
  compare(join(elements, config.interchange.xliffDir), join(scratch, 'xliff'), '`localize:extract`');
  compare(join(elements, config.output.outputDir), join(scratch, 'generated'), '`localize:build`');
  for (const name of readdirSync(join(scratch, 'xliff'))) {
    const xliff = readFileSync(join(scratch, 'xliff', name), 'utf8');
    const missing = [...xliff.matchAll(/<trans-unit id="([^"]+)">(?:(?!<\/trans-unit>)[^])*<\/trans-unit>/g)]
      .filter((unit) => !unit[0].includes('<target>'))
      .map((unit) => unit[1]);
    if (missing.length) {
      localesDrifted += 1;
      console.error(`Untranslated: ${name} has no translation for ${missing.join(', ')}.`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (localesDrifted) {
  console.error(
    'Run `pnpm --filter @access-requests/elements run localize:extract`, translate in xliff/, then ' +
      '`localize:build`, and commit the result; never edit src/locales/generated/ by hand.',
  );
}
if (drifted) {
  console.error('Run `pnpm generate` and commit the result; never edit generated files by hand.');
}
if (drifted || localesDrifted) process.exit(1);
console.log(`Generated files match their sources (${checked.join(', ')}).`);
