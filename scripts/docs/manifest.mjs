// The custom-elements manifest the element reference is generated from: the one the elements
// package names in its package.json `customElements` field (its build writes it), read as it is.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fail, note, root, runTool } from './util.mjs';

/** How many elements the package has; a manifest that lists fewer is incomplete. */
export const EXPECTED_ELEMENTS = 9;

const elementsDir = join(root, 'packages/elements');

/**
 * @typedef {{ name: string, description?: string, summary?: string, type?: { text: string },
 *   default?: string, fieldName?: string, attribute?: string, kind?: string, privacy?: string,
 *   static?: boolean, readonly?: boolean, reflects?: boolean, inheritedFrom?: { name: string },
 *   parameters?: { name: string, type?: { text: string }, optional?: boolean, description?: string }[],
 *   return?: { type?: { text: string } } }} ManifestEntry
 * @typedef {{ kind: string, name: string, tagName?: string, customElement?: boolean, summary?: string,
 *   description?: string, attributes?: ManifestEntry[], members?: ManifestEntry[], events?: ManifestEntry[],
 *   slots?: ManifestEntry[], cssParts?: ManifestEntry[], cssProperties?: ManifestEntry[],
 *   cssStates?: ManifestEntry[] }} ManifestDeclaration
 * @typedef {{ path: string, declarations?: ManifestDeclaration[] }} ManifestModule
 * @typedef {{ schemaVersion: string, modules: ManifestModule[] }} Manifest
 * @typedef {ManifestDeclaration & { tagName: string, modulePath: string }} ElementDeclaration
 */

/**
 * Finds the manifest, producing it if the package can, and returns it with its custom elements.
 * @returns {Promise<{ path: string, provisional: boolean, manifest: Manifest, elements: ElementDeclaration[] }>}
 */
export async function loadManifest() {
  const pkg = JSON.parse(readFileSync(join(elementsDir, 'package.json'), 'utf8'));
  /** @type {string | undefined} */
  const declared = pkg.customElements;
  let path;
  let provisional = false;
  if (declared) {
    path = join(elementsDir, declared);
    if (!existsSync(path)) await produceWithPackageScript(pkg.scripts ?? {}, declared);
  } else {
    provisional = true;
    path = await analyseProvisionally();
  }
  if (!existsSync(path)) {
    fail(
      `The custom-elements manifest is missing: packages/elements/package.json names ${declared} ` +
        `(customElements), but no file is there. Build the elements package ` +
        '(`pnpm --filter @access-requests/elements run build`) and run the docs build again.',
    );
  }
  /** @type {Manifest} */
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return fail(`The custom-elements manifest ${relative(root, path)} is not valid JSON: ${String(error)}`);
  }
  const elements = (manifest.modules ?? []).flatMap((module) =>
    (module.declarations ?? [])
      .filter((d) => d.customElement && d.tagName)
      .map((d) => /** @type {ElementDeclaration} */ ({ ...d, tagName: d.tagName, modulePath: module.path })),
  );
  elements.sort((a, b) => a.tagName.localeCompare(b.tagName));
  if (elements.length < EXPECTED_ELEMENTS) {
    fail(
      `The custom-elements manifest ${relative(root, path)} lists ${elements.length} element(s) with a tag name ` +
        `(${elements.map((e) => `<${e.tagName}>`).join(', ') || 'none'}); the elements package has ${EXPECTED_ELEMENTS}. ` +
        'Every element class needs its tag name in the manifest.',
    );
  }
  return { path, provisional, manifest, elements };
}

/**
 * The package names its manifest but it is not built yet: run the package script that makes it
 * (the one that calls `cem analyze`), if there is one.
 * @param {Record<string, string>} scripts
 * @param {string} declared
 */
async function produceWithPackageScript(scripts, declared) {
  const entries = Object.entries(scripts).filter(([, command]) => command.includes('cem analyze'));
  // Prefer a script that only analyses over a whole build that also analyses.
  entries.sort(([, a], [, b]) => a.length - b.length);
  const script = entries[0]?.[0] ?? (scripts.build ? 'build' : undefined);
  if (!script) return;
  console.log(`  ${declared} is not built yet: running the elements package's \`${script}\` script`);
  await runTool(`The elements package's \`${script}\` script (which makes the manifest)`, ['pnpm', 'run', '--silent', script], { cwd: elementsDir });
}

/**
 * Until the elements package writes its own manifest, analyse its sources the same way (the
 * analyzer in Lit mode) into a cache folder, with `cem-provisional.config.mjs`.
 * @returns {Promise<string>}
 */
async function analyseProvisionally() {
  const outdir = join(root, 'node_modules/.cache/access-requests-docs');
  mkdirSync(outdir, { recursive: true });
  note(
    'packages/elements/package.json has no `customElements` field yet: analysing the element sources ' +
      'into a provisional manifest (scripts/docs/cem-provisional.config.mjs).',
  );
  const config = relative(elementsDir, join(root, 'scripts/docs/cem-provisional.config.mjs'));
  await runTool('The custom-elements analyzer', ['cem', 'analyze', '--quiet', '--config', config, '--outdir', relative(elementsDir, outdir)], {
    cwd: elementsDir,
  });
  const path = join(outdir, 'custom-elements.json');
  if (!existsSync(path)) fail('The custom-elements analyzer wrote no manifest.');
  return path;
}
