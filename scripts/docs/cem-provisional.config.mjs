// A stand-in manifest for the element reference while the elements package's build does not yet
// write its own `custom-elements.json` (and name it in package.json `customElements`). Used only
// then: see `manifest.mjs`. The analyzer runs in packages/elements, in Lit mode, over the sources.

/** @typedef {{ name: string, description?: string }} Entry */
/** @typedef {{ kind: string, name?: string, tagName?: string, customElement?: boolean, slots?: Entry[], cssParts?: Entry[], cssProperties?: Entry[] }} Declaration */

/**
 * The elements register themselves through `define('tag-name', Class)` (src/define.ts), which the
 * analyzer does not know: read those calls and give each class its tag name.
 */
function defineCallsPlugin() {
  /** @type {Map<string, string>} class name → tag name */
  const tags = new Map();
  return {
    name: 'access-requests-define-calls',
    /** @param {{ ts: typeof import('typescript'), node: import('typescript').Node }} context */
    analyzePhase({ ts, node }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'define') return;
      const [tag, klass] = node.arguments;
      if (tag && klass && ts.isStringLiteral(tag) && ts.isIdentifier(klass)) tags.set(klass.text, tag.text);
    },
    /** @param {{ customElementsManifest: { modules: { declarations?: Declaration[] }[] } }} context */
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const tag = declaration.kind === 'class' && declaration.name ? tags.get(declaration.name) : undefined;
          if (tag) Object.assign(declaration, { tagName: tag, customElement: true });
          if (tag) splitRunOnTags(declaration);
        }
      }
    },
  };
}

/** Tag name → the manifest list it fills. */
const LISTS = /** @type {const} */ ({ slot: 'slots', csspart: 'cssParts', cssproperty: 'cssProperties' });

/**
 * The analyzer reads one JSDoc tag per line; some element comments put several on a line
 * (`@csspart a - A. @csspart b - B.`), and a slot name with a space (`card-footer-<request id>`)
 * is cut at the space. Split and mend them, as the comments mean them.
 * @param {Declaration} declaration
 */
function splitRunOnTags(declaration) {
  for (const [tag, list] of Object.entries(LISTS)) {
    const entries = declaration[list];
    if (!entries) continue;
    /** @type {Entry[]} */
    const mended = [];
    for (const entry of entries) {
      let { name, description = '' } = entry;
      const open = name.lastIndexOf('<');
      if (open >= 0 && !name.slice(open).includes('>')) {
        const close = description.indexOf('>');
        if (close >= 0) {
          name = `${name} ${description.slice(0, close + 1)}`;
          description = description.slice(close + 1).replace(/^\s*-\s*/, '');
        }
      }
      const range = /^…\s+(\S+)\s+-\s+/.exec(description); // `--ar-space-1 … --ar-space-4 - Spacing.`
      if (range) {
        name = `${name} … ${range[1]}`;
        description = description.slice(range[0].length);
      }
      const [first = '', ...rest] = description.split(new RegExp(`\\s@${tag}\\s+`));
      mended.push({ ...entry, name, description: first.trim() });
      for (const piece of rest) {
        const match = /^(\S+(?:\s…\s\S+)?)\s+-\s+([\s\S]*)$/.exec(piece);
        if (match?.[1]) mended.push({ name: match[1], description: (match[2] ?? '').trim() });
      }
    }
    declaration[list] = mended;
  }
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/internal/test-support.ts'],
  litelement: true,
  packagejson: false,
  plugins: [defineCallsPlugin()],
};
