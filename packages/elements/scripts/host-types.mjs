// `pnpm run types:hosts` (part of `build`): the hosts' typings and editor data, all made from
// custom-elements.json, into dist/:
//   dist/types/jsx.d.ts    per-element JSX props and `CustomElements` (custom-element-jsx-integration)
//   dist/types/react.d.ts  React 19: `JSX.IntrinsicElements` for every tag, React's own props included
//   dist/types/vue.d.ts    Vue: `GlobalComponents` (custom-element-vuejs-integration)
//   dist/vscode.html-custom-data.json, dist/vscode.css-custom-data.json  (custom-element-vs-code-integration)
// The integrations print a member's type as written in the manifest; an alias such as `Clock` would
// not resolve in the generated file, so a copy of the manifest made for them carries, per member, a
// literal union (`parsedType`), a primitive, or the element class's own property type
// (`RequestList['renderCardFooter']`), and event details by name, imported from the package's index.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';

/** @typedef {import('custom-elements-manifest/schema.js').Package} Package */
/**
 * @typedef {import('custom-elements-manifest/schema.js').ClassDeclaration
 *   & import('custom-elements-manifest/schema.js').CustomElement} Element
 */
/** @typedef {{ text: string }} TypeText */
/**
 * @typedef {{
 *   name: string, fieldName?: string, type?: TypeText, parsedType?: TypeText, tsType?: TypeText,
 *   readonly?: boolean, kind?: string
 * }} Typed
 */

const packageDir = fileURLToPath(new URL('..', import.meta.url));
// `--manifest` and `--out` let a test generate from a scratch manifest into a scratch folder.
const { values: args } = parseArgs({ options: { manifest: { type: 'string' }, out: { type: 'string' } } });
const manifestPath = resolve(args.manifest ?? join(packageDir, 'custom-elements.json'));
const dist = resolve(args.out ?? join(packageDir, 'dist'));
const typesDir = join(dist, 'types');
/** Where the generated typings import the element classes and event details from (dist/index.d.ts). */
const INDEX = '../index.js';

/** Types the generated files can print as they are: primitives and unions of literals. */
const SELF_CONTAINED =
  /^(string|number|boolean|'[^']*'|\d+)( \| (string|number|boolean|'[^']*'|\d+|undefined))*$/;

/** @param {Package} manifest */
function elementsOf(manifest) {
  return manifest.modules.flatMap((mod) =>
    (mod.declarations ?? [])
      .filter((d) => d.kind === 'class' && 'tagName' in d && d.tagName)
      .map((d) => /** @type {Element} */ (d)),
  );
}

/** The names `src/index.ts` exports (values and types). */
function indexExports() {
  const index = readFileSync(join(packageDir, 'src/index.ts'), 'utf8');
  const names = new Set();
  for (const block of index.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const entry of (block[1] ?? '').split(',')) {
      const name = entry
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) names.add(name);
    }
  }
  return names;
}

/**
 * The copy of the manifest the integrations print from (see the top of this file).
 * @param {Package} manifest
 */
function forTypings(manifest) {
  const copy = /** @type {Package} */ (structuredClone(manifest));
  /** @type {Set<string>} */
  const imports = new Set();
  for (const element of elementsOf(copy)) {
    /** @param {Typed} item @param {string} field */
    const typeOf = (item, field) => {
      if (item.parsedType) return item.parsedType.text;
      if (item.type && SELF_CONTAINED.test(item.type.text)) return item.type.text;
      imports.add(element.name);
      return `${element.name}['${field}']`;
    };
    // Only what a host can set: a getter without a setter is not a prop.
    element.members = (element.members ?? []).filter(
      (m) => !(m.kind === 'field' && /** @type {Typed} */ (m).readonly),
    );
    for (const member of /** @type {Typed[]} */ (element.members)) {
      if (member.kind === 'field') member.tsType = { text: typeOf(member, member.name) };
    }
    for (const attribute of /** @type {Typed[]} */ (element.attributes ?? [])) {
      attribute.tsType = { text: typeOf(attribute, attribute.fieldName ?? attribute.name) };
    }
    for (const event of element.events ?? []) {
      const detail = /^CustomEvent<(.+)>$/.exec(event.type?.text ?? '')?.[1];
      if (!detail)
        throw new Error(
          `<${element.tagName}>'s event "${event.name}" has no CustomEvent<Detail> type in custom-elements.json.`,
        );
      event.type = { text: detail };
      if (/^\w+$/.test(detail)) imports.add(detail);
    }
  }
  const exported = indexExports();
  const unexported = [...imports].filter((name) => !exported.has(name));
  if (unexported.length)
    throw new Error(
      `The hosts' typings need these types exported from src/index.ts: ${unexported.join(', ')}.`,
    );
  return { copy, importLine: `import type { ${[...imports].sort().join(', ')} } from '${INDEX}';\n` };
}

/**
 * Attribute values for the editors: only closed sets of literals.
 * @param {Package} manifest
 */
function forEditors(manifest) {
  const copy = /** @type {Package} */ (structuredClone(manifest));
  for (const element of elementsOf(copy)) {
    for (const attribute of /** @type {Typed[]} */ (element.attributes ?? [])) {
      const text = attribute.parsedType?.text.replace(/ \| undefined$/, '');
      attribute.parsedType = {
        text: text && /^('[^']*'|\d+)( \| ('[^']*'|\d+))*$/.test(text) ? text : 'string',
      };
    }
  }
  return copy;
}

/** @param {string} file @param {(text: string) => string} change */
function rewrite(file, change) {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

/** `request-selected` → `RequestSelected` */
const pascal = (/** @type {string} */ name) =>
  name.replace(/(^|-)([a-z0-9])/g, (_, _dash, c) => c.toUpperCase());
/** `page-size` → `pageSize` */
const camel = (/** @type {string} */ name) => name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());

/** @param {Element[]} elements */
function reactTypes(elements) {
  const entries = elements
    .map((e) => `      '${e.tagName}': ReactProps<${e.name}Props, ${e.name}>;`)
    .join('\n');
  return `// Generated from custom-elements.json by scripts/host-types.mjs. React 19: every element as a JSX
// intrinsic element, with React's own HTML props (className, style, ref, key, onClick…) and the
// element's attributes, properties and \`on<event>\` handlers (React 19 listens for \`onrequest-selected\`
// as the \`request-selected\` event). Use, once per project:
// \`/// <reference types="@access-requests/elements/react" />\` (or \`import type {} from '…/react';\`).
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ${elements.map((e) => e.name).join(', ')} } from '${INDEX}';
import type { ${elements.map((e) => `${e.name}Props`).join(', ')} } from './jsx.js';

/** React's props for an HTML element, with the element's own props in place of any of the same name. */
type ReactProps<Props, Element> = Omit<DetailedHTMLProps<HTMLAttributes<Element>, Element>, keyof Props> & Partial<Props>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${entries}
    }
  }
}
`;
}

const manifest = /** @type {Package} */ (JSON.parse(readFileSync(manifestPath, 'utf8')));
const elements = elementsOf(manifest);
const { copy, importLine } = forTypings(manifest);
const banner = '// Generated from custom-elements.json by scripts/host-types.mjs.\n';
const common = { outdir: typesDir, typesSrc: 'tsType', hideLogs: true };

mkdirSync(typesDir, { recursive: true });
generateJsxTypes(copy, { ...common, fileName: 'jsx.d.ts' });
rewrite(join(typesDir, 'jsx.d.ts'), (text) => banner + importLine + text);

generateVuejsTypes(copy, { ...common, fileName: 'vue.d.ts' });
// Vue's template checking looks props up camelCased (`page-size` as `pageSize`) and binds
// `@request-selected` to the prop `onRequestSelected`.
rewrite(
  join(typesDir, 'vue.d.ts'),
  (text) =>
    banner +
    importLine +
    text
      .replace(/"on([a-z][a-z0-9-]*)"\?:/g, (_, name) => `on${pascal(name)}?:`)
      .replace(/"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"\?:/g, (_, name) => `${camel(name)}?:`),
);

writeFileSync(join(typesDir, 'react.d.ts'), reactTypes(elements));

// The integration's own manifest type is narrower than the schema's (declarations are components only).
const forVsCode = /** @type {Parameters<typeof generateVsCodeCustomElementData>[0]} */ (
  /** @type {unknown} */ (forEditors(manifest))
);
generateVsCodeCustomElementData(forVsCode, {
  outdir: dist,
  htmlFileName: 'vscode.html-custom-data.json',
  cssFileName: 'vscode.css-custom-data.json',
  typesSrc: 'parsedType',
  hideLogs: true,
});
console.log(`host typings and editor data for ${elements.length} elements in ${dist}`);
