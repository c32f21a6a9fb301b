// `pnpm lint`: ESLint over the whole repository (eslint.config.mjs, zero warnings) and lit-analyzer
// in strict mode over the elements, so that every template binding is type-checked against the
// element or the DOM property it sets. lit-analyzer is @jackolope/lit-analyzer, the maintained fork:
// lit-analyzer 2.0.3 reports Lit's own `nothing` in a binding as a type error and does not know
// current HTML and CSS (`popover`, container queries). Given paths (`pnpm lint packages/sdk`), only
// those are linted, and lit-analyzer runs only for a path in the elements.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (/** @type {string} */ name) => join(root, 'node_modules/.bin', name);
const args = process.argv.slice(2);
const paths = args.filter((arg) => !arg.startsWith('--')).map((path) => path.replace(/\/+$/, ''));
const elementsPath = 'packages/elements';
const inElements = (/** @type {string} */ path) =>
  path === '.' || path === elementsPath || path.startsWith(`${elementsPath}/`);

/** @param {string} command @param {string[]} args @param {string} cwd */
function run(command, args, cwd = root) {
  return spawnSync(command, args, { cwd, stdio: 'inherit' }).status === 0;
}

const eslint = run(bin('eslint'), ['--max-warnings', '0', ...(paths.length ? paths : ['.'])]);

const elements = join(root, elementsPath);
// These tests register other classes under the library's tag names on purpose (a host's own
// <status-badge>): lit-analyzer would take those classes for ours everywhere.
const OWN_TAG_NAMES_REDEFINED = ['src/host-registration-conflicts.test.ts'];
const templates =
  (paths.length > 0 && !paths.some(inElements)) ||
  run(
    bin('lit-analyzer'),
    [
      // Strict, and the rest of its settings, in packages/elements/tsconfig.json (editors read them too).
      '--maxWarnings',
      '0',
      ...readdirSync(join(elements, 'src'), { recursive: true, encoding: 'utf8' })
        .map((file) => join('src', file))
        .filter((file) => file.endsWith('.ts') && !OWN_TAG_NAMES_REDEFINED.includes(file))
        .sort(),
    ],
    // lit-analyzer reads the compiler options and its settings from the tsconfig.json where it runs.
    elements,
  );

process.exit(eslint && templates ? 0 : 1);
