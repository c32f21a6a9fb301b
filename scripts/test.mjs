// `pnpm test`: every check the project has, stage by stage, with each stage's result and the time it took.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** Workspace packages (and examples) that have a `test` script, in dependency order. */
function packagesWithTests() {
  const order = ['contract', 'sdk', 'mock-server', 'elements'];
  const dirs = [];
  for (const parent of ['packages', 'examples']) {
    const base = join(root, parent);
    if (!existsSync(base)) continue;
    const names = readdirSync(base, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(base, d.name, 'package.json')))
      .map((d) => d.name)
      .sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
    for (const name of names) {
      const manifest = JSON.parse(readFileSync(join(base, name, 'package.json'), 'utf8'));
      if (manifest.scripts?.test) dirs.push({ dir: join(parent, name), name: manifest.name });
    }
  }
  return dirs;
}

/**
 * Examples outside the pnpm workspace: npm projects that install the packed packages, as an integrator
 * would.
 */
function packedExamples() {
  const base = join(root, 'examples');
  return readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(base, d.name, 'package.json')))
    .map((d) => ({
      dir: join('examples', d.name),
      manifest: JSON.parse(readFileSync(join(base, d.name, 'package.json'), 'utf8')),
    }))
    .filter(({ manifest }) => !manifest.scripts?.test && manifest.scripts?.serve)
    .sort((a, b) => a.dir.localeCompare(b.dir));
}

/** @type {{ name: string, cmd: [string, ...string[]], cwd?: string }[]} */
const stages = [
  {
    name: 'formatting (Prettier, one style for the whole repository)',
    cmd: ['pnpm', 'run', '--silent', 'format:check'],
  },
  {
    name: 'lint (ESLint, zero warnings; lit-analyzer, template bindings type-checked)',
    cmd: ['pnpm', 'run', '--silent', 'lint'],
  },
  { name: 'contract lint (Redocly, recommended rules)', cmd: ['pnpm', 'run', '--silent', 'lint:contract'] },
  {
    name: 'generated files match their sources (contract, languages)',
    cmd: ['pnpm', 'run', '--silent', 'check:drift'],
  },
  { name: 'typecheck (strict)', cmd: ['pnpm', 'run', '--silent', 'typecheck'] },
  {
    name: 'docs build (typedoc, element reference, contract, guides)',
    cmd: ['pnpm', 'run', '--silent', 'docs:build'],
  },
  {
    name: 'package manifests (metadata, exports, publishConfig)',
    cmd: ['node', 'scripts/check-manifests.mjs'],
  },
  ...packagesWithTests().map(({ dir, name }) => ({
    name: `tests: ${name}`,
    cmd: /** @type {[string, ...string[]]} */ (['pnpm', 'run', '--silent', 'test']),
    cwd: join(root, dir),
  })),
  {
    name: 'consumer check (packed packages, npm, outside the workspace)',
    cmd: ['node', 'scripts/consumer-check.mjs'],
  },
  ...packedExamples().map(({ dir }) => ({
    name: `example from the packed packages: ${dir}`,
    cmd: /** @type {[string, ...string[]]} */ (['node', 'scripts/example-smoke.mjs', dir]),
  })),
];

const only = process.argv.slice(2);
const selected = only.length ? stages.filter((s) => only.some((o) => s.name.includes(o))) : stages;

/**
 * The checks that read the sources and start no server (the stages before the first package's tests)
 * run two at a time, each one's output held and printed whole when it ends, in order; the rest run one
 * by one with their output live, since they start servers and browsers and are timed against each other.
 */
const STATIC_STAGES = stages.findIndex((s) => s.name.startsWith('tests: '));
const LANES = 2;

/**
 * @param {{ name: string, cmd: [string, ...string[]], cwd?: string }} stage
 * @param {boolean} live
 * @returns {Promise<{ ok: boolean, seconds: string, output: Buffer[] }>}
 */
function runStage(stage, live) {
  const started = Date.now();
  const child = spawn(stage.cmd[0], stage.cmd.slice(1), {
    cwd: stage.cwd ?? root,
    stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    env: live ? process.env : { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
  });
  /** @type {Buffer[]} */
  const output = [];
  child.stdout?.on('data', (chunk) => output.push(chunk));
  child.stderr?.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.on('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      resolve({ ok: false, seconds: ((Date.now() - started) / 1000).toFixed(1), output });
    });
    child.on('close', (code) =>
      resolve({ ok: code === 0, seconds: ((Date.now() - started) / 1000).toFixed(1), output }),
    );
  });
}

/** @type {{ name: string, ok: boolean, seconds: string }[]} */
const results = [];
/** @param {{ name: string }} stage @param {{ ok: boolean, seconds: string }} run */
function record(stage, run) {
  results.push({ name: stage.name, ok: run.ok, seconds: run.seconds });
  console.log(`${run.ok ? '✔' : '✘'} ${stage.name} (${run.seconds} s)`);
}

const staticStages = selected.filter((s) => stages.indexOf(s) < STATIC_STAGES);
/** A free lane: each stage waits for the lane the stage `LANES` places before it used. */
/** @type {Promise<{ ok: boolean, seconds: string, output: Buffer[] }>[]} */
const runs = [];
for (const [index, stage] of staticStages.entries()) {
  const before = index >= LANES ? runs[index - LANES] : undefined;
  runs.push((before ?? Promise.resolve()).then(() => runStage(stage, false)));
}
for (const [index, stage] of staticStages.entries()) {
  const run = await runs[index];
  if (!run) continue;
  console.log(`\n▶ ${stage.name}`);
  process.stdout.write(Buffer.concat(run.output));
  record(stage, run);
}

for (const stage of selected.filter((s) => stages.indexOf(s) >= STATIC_STAGES)) {
  console.log(`\n▶ ${stage.name}`);
  record(stage, await runStage(stage, true));
}

console.log('\nSummary');
for (const r of results) console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name}  ${r.seconds} s`);
const failed = results.filter((r) => !r.ok).length;
console.log(`stages: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
