// The custom-elements manifest the element reference is generated from: the one the elements
// package names in its package.json `customElements` field (its build writes it), read as it is.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fail, root, runTool } from './util.mjs';

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
 * Reads the manifest the elements package names in `customElements`, building it first with the
 * package's `manifest` script when it is not there yet, and returns it with its custom elements.
 * @returns {Promise<{ path: string, manifest: Manifest, elements: ElementDeclaration[] }>}
 */
export async function loadManifest() {
  const pkg = JSON.parse(readFileSync(join(elementsDir, 'package.json'), 'utf8'));
  /** @type {string | undefined} */
  const declared = pkg.customElements;
  if (!declared)
    fail(
      'packages/elements/package.json has no `customElements` field: the element reference has no manifest to read.',
    );
  const path = join(elementsDir, /** @type {string} */ (declared));
  if (!existsSync(path)) {
    console.log(`  ${declared} is not built yet: running the elements package's \`manifest\` script`);
    await runTool("The elements package's `manifest` script", ['pnpm', 'run', '--silent', 'manifest'], {
      cwd: elementsDir,
    });
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
  return { path, manifest, elements };
}
