// What the docs build's steps share: where things are, how a step fails, how a tool is run.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace root, with a trailing slash. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

/** A failure of the docs build, with a message that says what to do. */
export class DocsBuildError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'DocsBuildError';
  }
}

/**
 * Stops the docs build with a message.
 * @param {string} message
 * @returns {never}
 */
export function fail(message) {
  throw new DocsBuildError(message);
}

/** @param {string} message a fact worth knowing about this build (not a warning) */
export function note(message) {
  console.log(`  note: ${message}`);
}

/**
 * Runs a tool and resolves with what it printed; fails the build if it exits non-zero, or if it
 * printed a line that `isWarning` calls a warning (for tools that cannot turn warnings into errors).
 * A tool of the workspace is named by its bin (`typedoc`), run from node_modules/.bin.
 * @param {string} label
 * @param {string[]} command
 * @param {{ cwd?: string, isWarning?: (line: string) => boolean, env?: Record<string, string> }} [options]
 * @returns {Promise<string>}
 */
export function runTool(label, [program, ...args], { cwd = root, isWarning = () => false, env = {} } = {}) {
  if (!program) return fail(`${label}: no command`);
  const bin = join(root, 'node_modules/.bin', program);
  const child = spawn(existsSync(bin) ? bin : program, args, {
    cwd,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      const warnings = output.split('\n').filter((line) => isWarning(line));
      if (status !== 0 || warnings.length) {
        reject(
          new DocsBuildError(
            `${label} ${status !== 0 ? `failed (exit ${status})` : 'printed warnings'}:\n${output.trim()}`,
          ),
        );
      } else {
        resolve(output);
      }
    });
  });
}

/**
 * Every file under a folder (node_modules left out) whose name passes the test.
 * @param {string} dir
 * @param {(name: string) => boolean} [test]
 * @returns {string[]}
 */
export function filesUnder(dir, test = () => true) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path, test);
    return test(entry.name) ? [path] : [];
  });
}

/** @param {string} name a TypeScript source that is not a test or a declaration file */
export const isSource = (name) =>
  name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts');
