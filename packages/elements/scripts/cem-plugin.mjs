// Over 400 lines: one analyzer plugin, one function per fact the analyzer cannot read from the sources.
// What `cem analyze --litelement` cannot know about this package, added in one analyzer plugin:
// - event types: each documented `@event` gets `CustomEvent<Detail>` from the package's
//   `AccessRequestsEventMap` (src/internal/events.ts: the one place an event's detail type is written);
// - attribute and property types that are unions of literals (also through an alias such as
//   `AccessRequestStatus`, or a JSDoc `@type`) are spelled out in `parsedType`, so hosts' typings can
//   print them without importing anything;
// - the public view: private, protected, `#`/`_` and `@state` members, lifecycle callbacks and
//   modules no package export reaches are left out; each `*.define.ts` module declares its tag.
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';

/** @typedef {import('custom-elements-manifest/schema.js').Package} Package */
/** @typedef {import('custom-elements-manifest/schema.js').JavaScriptModule} JavaScriptModule */
/**
 * @typedef {import('custom-elements-manifest/schema.js').ClassDeclaration
 *   & import('custom-elements-manifest/schema.js').CustomElement} CustomElementDeclaration
 */
/** @typedef {import('custom-elements-manifest/schema.js').ClassMember} ClassMember */
/** @typedef {import('custom-elements-manifest/schema.js').Type & { text: string }} TypeText */
/** @typedef {{ type: string, detail: string, description: string }} MappedEvent */
/** @typedef {typeof import('typescript')} TypeScript */

/** Called by the browser, not by a host: not API. */
const LIFECYCLE = new Set([
  'connectedCallback',
  'disconnectedCallback',
  'attributeChangedCallback',
  'adoptedCallback',
  'formAssociatedCallback',
  'formDisabledCallback',
  'formResetCallback',
  'formStateRestoreCallback',
]);

/**
 * @param {{ packageDir: string }} options the folder of the package's package.json
 */
export function accessRequestsPlugin({ packageDir }) {
  /** @type {Map<string, MappedEvent>} event name → its type, from `AccessRequestsEventMap` */
  const eventMap = new Map();
  /** @type {Map<string, Set<string>>} class name → its `@state()` members */
  const stateMembers = new Map();

  return {
    name: 'access-requests-public-api',

    /**
     * @param {{ ts: TypeScript, node: import('typescript').Node }} params the analyzer's own TypeScript
     *   and node
     */
    analyzePhase({ ts: ats, node }) {
      if (ats.isInterfaceDeclaration(node) && node.name.text === 'AccessRequestsEventMap') {
        for (const member of node.members) {
          if (!ats.isPropertySignature(member) || !member.type || !ats.isStringLiteral(member.name)) continue;
          const type = member.type.getText();
          const detail = /^CustomEvent<(.+)>$/s.exec(type)?.[1]?.trim() ?? '';
          const jsDoc = /** @type {{ jsDoc?: { comment?: unknown }[] }} */ (/** @type {unknown} */ (member))
            .jsDoc;
          const comment = jsDoc?.[0]?.comment;
          eventMap.set(member.name.text, {
            type,
            detail,
            description: typeof comment === 'string' ? comment : '',
          });
        }
      }
      if (ats.isClassDeclaration(node) && node.name) {
        const names = new Set();
        for (const member of node.members) {
          const decorators = ats.canHaveDecorators(member) ? (ats.getDecorators(member) ?? []) : [];
          const isState = decorators.some(
            (d) =>
              ats.isCallExpression(d.expression) &&
              ats.isIdentifier(d.expression.expression) &&
              d.expression.expression.text === 'state',
          );
          if (isState && member.name) names.add(member.name.getText());
        }
        stateMembers.set(node.name.text, names);
      }
    },

    /** @param {{ customElementsManifest: Package }} params */
    packageLinkPhase({ customElementsManifest }) {
      const modules = /** @type {JavaScriptModule[]} */ (customElementsManifest.modules);
      // `define()` registers a subclass under a name held in a variable (`customElements.define(tagName,
      // class extends elementClass {})`); the analyzer reads that as an element called "tagName".
      // Only literal, valid custom element names are elements of the package.
      const VALID_TAG = /^[a-z][a-z0-9._]*-[a-z0-9._-]*$/;
      for (const mod of modules) {
        mod.declarations = (mod.declarations ?? []).filter(
          (d) =>
            !(
              d.kind === 'class' &&
              /** @type {CustomElementDeclaration} */ (d).customElement &&
              !VALID_TAG.test(/** @type {CustomElementDeclaration} */ (d).tagName ?? '')
            ),
        );
        mod.exports = (mod.exports ?? []).filter(
          (e) => !(e.kind === 'custom-element-definition' && !VALID_TAG.test(e.name)),
        );
      }
      const elements = modules.flatMap((mod) =>
        (mod.declarations ?? [])
          .filter((d) => d.kind === 'class' && /** @type {CustomElementDeclaration} */ (d).tagName)
          .map((d) => ({ mod, element: /** @type {CustomElementDeclaration} */ (d) })),
      );
      const types = new TypeResolver(packageDir);
      for (const { mod, element } of elements) {
        oneLineDescriptions(element);
        typeEvents(element, eventMap);
        spellOutUnions(element, mod.path, types);
        element.members = (element.members ?? []).filter((member) => isPublic(member, element, stateMembers));
      }
      const kept = reachableModules(packageDir, modules);
      for (const { mod, element } of elements) {
        const names = kept.get(mod.path);
        if (names !== 'all' && !names?.has(element.name)) {
          throw new Error(
            `<${element.tagName}>'s class ${element.name} (${mod.path}) is not exported by the package.`,
          );
        }
        hideInternalAncestry(element, kept, modules);
      }
      addDefinitions(modules, elements);
      customElementsManifest.modules = publicModules(modules, kept);
    },
  };
}

/**
 * A summary, or the description of a member, event, slot, part or custom property, is one line in
 * the manifest even where its JSDoc wraps (comments are held to the repository's line width).
 * @param {CustomElementDeclaration} element
 */
function oneLineDescriptions(element) {
  const flat = (/** @type {string | undefined} */ text) => text?.replace(/\s*\n\s*/g, ' ');
  if (element.summary) element.summary = flat(element.summary);
  const lists = [
    element.members,
    element.attributes,
    element.events,
    element.slots,
    element.cssParts,
    element.cssProperties,
  ];
  for (const list of lists)
    for (const item of /** @type {{ description?: string }[]} */ (list ?? []))
      if (item.description) item.description = flat(item.description);
}

/**
 * Every event an element documents gets its type from `AccessRequestsEventMap`; an event with no
 * entry there would reach TypeScript hosts untyped, so it fails the build.
 * @param {CustomElementDeclaration} element
 * @param {Map<string, MappedEvent>} eventMap
 */
function typeEvents(element, eventMap) {
  for (const event of element.events ?? []) {
    const mapped = eventMap.get(event.name);
    if (!mapped || !mapped.detail) {
      throw new Error(
        `<${element.tagName}> documents the event "${event.name}", but no AccessRequestsEventMap entry types it as CustomEvent<Detail>.`,
      );
    }
    event.type = { text: mapped.type };
    if (!event.description) event.description = mapped.description;
  }
}

/**
 * @param {ClassMember} member
 * @param {CustomElementDeclaration} element
 * @param {Map<string, Set<string>>} stateMembers
 */
function isPublic(member, element, stateMembers) {
  if (member.privacy === 'private' || member.privacy === 'protected') return false;
  if (member.name.startsWith('#') || member.name.startsWith('_')) return false;
  if (member.kind === 'method' && LIFECYCLE.has(member.name)) return false;
  const owner = member.inheritedFrom?.name ?? element.name;
  return !stateMembers.get(owner)?.has(member.name);
}

/**
 * Resolves the types of element members with the package's own TypeScript program (the analyzer sees
 * one file at a time, so an alias such as `Scope` or `AccessRequestStatus` stays a bare name there).
 */
class TypeResolver {
  /** @param {string} packageDir */
  constructor(packageDir) {
    const configPath = join(packageDir, 'tsconfig.build.json');
    const config = ts.getParsedCommandLineOfConfigFile(
      configPath,
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
        },
      },
    );
    if (!config) throw new Error(`Cannot read ${configPath}.`);
    this.packageDir = packageDir;
    this.program = ts.createProgram(config.fileNames, { ...config.options, noEmit: true });
    this.checker = this.program.getTypeChecker();
  }

  /**
   * The type of a property as the analyzer reports it: the declared type, or the JSDoc `@type` when
   * the member has one (a TS property can be wider than what its attribute documents).
   * @param {string} modulePath
   * @param {string} className
   * @param {string} memberName
   * @returns {import('typescript').Type | undefined}
   */
  memberType(modulePath, className, memberName) {
    const file = this.program.getSourceFile(join(this.packageDir, modulePath));
    const classNode = file?.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === className);
    if (!file || !classNode || !ts.isClassDeclaration(classNode) || !classNode.name) return undefined;
    const classSymbol = this.checker.getSymbolAtLocation(classNode.name);
    if (!classSymbol) return undefined;
    const property = this.checker.getPropertyOfType(
      this.checker.getDeclaredTypeOfSymbol(classSymbol),
      memberName,
    );
    const declaration = property?.valueDeclaration ?? property?.declarations?.[0];
    if (!property || !declaration) return undefined;
    const jsDocType = ts.getJSDocTypeTag(declaration)?.typeExpression?.type;
    if (jsDocType && ts.isTypeReferenceNode(jsDocType)) {
      const named = this.#typeInScope(declaration, jsDocType.typeName.getText());
      if (named) return named;
    }
    return this.checker.getTypeOfSymbolAtLocation(property, classNode);
  }

  /**
   * @param {import('typescript').Node} location
   * @param {string} name
   */
  #typeInScope(location, name) {
    const symbol = this.checker
      .getSymbolsInScope(location, ts.SymbolFlags.Type | ts.SymbolFlags.Alias)
      .find((s) => s.name === name);
    if (!symbol) return undefined;
    const target = symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
    return this.checker.getDeclaredTypeOfSymbol(target);
  }

  /**
   * `'a' | 'b'` for a union of literals (arrays of them too), else undefined.
   * @param {import('typescript').Type} type
   * @returns {string | undefined}
   */
  literalText(type) {
    const parts = type.isUnion() ? type.types : [type];
    const optional = parts.some((t) => t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null));
    const values = parts.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
    if (values.length === 1 && values[0] && this.checker.isArrayType(values[0])) {
      const [item] = this.checker.getTypeArguments(
        /** @type {import('typescript').TypeReference} */ (values[0]),
      );
      const itemText = item && this.literalText(item);
      if (!itemText) return undefined;
      const readonly = this.checker.typeToString(values[0]).startsWith('readonly ');
      return `${readonly ? 'readonly ' : ''}(${itemText})[]${optional ? ' | undefined' : ''}`;
    }
    if (values.length === 0 || !values.every((t) => t.isStringLiteral() || t.isNumberLiteral()))
      return undefined;
    const text = values.map((t) => (t.isStringLiteral() ? `'${t.value}'` : String(t.value))).join(' | ');
    return optional ? `${text} | undefined` : text;
  }
}

/**
 * @param {CustomElementDeclaration} element
 * @param {string} modulePath
 * @param {TypeResolver} types
 */
function spellOutUnions(element, modulePath, types) {
  /** @type {Map<string, TypeText>} */
  const byField = new Map();
  for (const member of element.members ?? []) {
    if (member.kind !== 'field' || !member.type) continue;
    const type = types.memberType(modulePath, element.name, member.name);
    const text = type && types.literalText(type);
    if (!text || text === member.type.text) continue;
    const parsed = { text };
    /** @type {ClassMember & { parsedType?: TypeText }} */ (member).parsedType = parsed;
    byField.set(member.name, parsed);
  }
  for (const attribute of element.attributes ?? []) {
    const parsed = attribute.fieldName ? byField.get(attribute.fieldName) : undefined;
    const field = element.members?.find((m) => m.name === attribute.fieldName);
    if (field?.kind === 'field' && field.type) attribute.type = field.type;
    if (parsed) /** @type {typeof attribute & { parsedType?: TypeText }} */ (attribute).parsedType = parsed;
  }
}

/**
 * What a user can reach: the modules the package exports (their `source` files), whole, and the
 * declarations those re-export from other modules, transitively. Everything else is an
 * implementation detail. (A re-exported type is not a declaration of the manifest: it keeps nothing.)
 * @param {string} packageDir
 * @param {JavaScriptModule[]} modules
 * @returns {Map<string, Set<string> | 'all'>} module path → the names kept ('all': every one)
 */
function reachableModules(packageDir, modules) {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const byPath = new Map(modules.map((mod) => [mod.path, mod]));
  /** @type {Map<string, Set<string> | 'all'>} */
  const kept = new Map();
  /** @type {[string, string | undefined][]} module path, and the name wanted (undefined: all) */
  const queue = [];
  for (const target of Object.values(manifest.exports ?? {})) {
    const source = typeof target === 'object' && target ? target.source : undefined;
    if (typeof source === 'string' && source.endsWith('.ts'))
      queue.push([posix.normalize(source), undefined]);
  }
  while (queue.length) {
    const [path, name] = /** @type {[string, string | undefined]} */ (queue.pop());
    const mod = byPath.get(path);
    const before = kept.get(path);
    if (!mod || before === 'all' || (name !== undefined && before?.has(name))) continue;
    if (name !== undefined && !mod.declarations?.some((d) => d.name === name)) continue;
    kept.set(path, name === undefined ? 'all' : new Set([...(before ?? []), name]));
    for (const exported of mod.exports ?? []) {
      const target = exported.declaration.module;
      if (exported.kind !== 'js' || !target?.startsWith('.')) continue;
      if (name !== undefined && exported.name !== name) continue;
      queue.push([
        posix.join(posix.dirname(path), target).replace(/\.js$/, '.ts'),
        exported.declaration.name,
      ]);
    }
  }
  return kept;
}

/**
 * @param {JavaScriptModule[]} modules
 * @param {Map<string, Set<string> | 'all'>} kept
 */
function publicModules(modules, kept) {
  return modules.flatMap((mod) => {
    const names = kept.get(mod.path);
    if (!names) return [];
    if (names === 'all') return [mod];
    return [
      {
        ...mod,
        declarations: (mod.declarations ?? []).filter((d) => names.has(d.name)),
        exports: (mod.exports ?? []).filter((e) => e.kind !== 'js' || names.has(e.declaration.name)),
      },
    ];
  });
}

/**
 * The analyzer writes module references as imported (`/src/internal/x.js`): as manifest paths.
 * @param {string} module
 */
const pathOf = (module) => module.replace(/^\//, '').replace(/\.js$/, '.ts');

/**
 * An element whose base class is internal (ClientElement) is shown as what a user can see: a
 * LitElement whose members are its own.
 * @param {CustomElementDeclaration} element
 * @param {Map<string, unknown>} kept
 * @param {JavaScriptModule[]} modules
 */
function hideInternalAncestry(element, kept, modules) {
  const internal = (/** @type {{ module?: string } | undefined} */ reference) =>
    reference?.module !== undefined && !kept.has(pathOf(reference.module));
  let superclass = element.superclass;
  while (superclass && internal(superclass)) {
    const module = modules.find((m) => m.path === pathOf(superclass?.module ?? ''));
    const parent = module?.declarations?.find((d) => d.name === superclass?.name);
    superclass = parent && 'superclass' in parent ? parent.superclass : undefined;
  }
  if (superclass) element.superclass = superclass;
  else delete element.superclass;
  for (const item of [...(element.members ?? []), ...(element.events ?? []), ...(element.attributes ?? [])]) {
    if (internal(item.inheritedFrom)) delete item.inheritedFrom;
  }
}

/**
 * `src/components/<tag>/<tag>.define.ts` registers the element of `src/components/<tag>/<tag>.ts`.
 * @param {JavaScriptModule[]} modules
 * @param {{ mod: JavaScriptModule, element: CustomElementDeclaration }[]} elements
 */
function addDefinitions(modules, elements) {
  for (const { mod, element } of elements) {
    const definePath = mod.path.replace(/\.ts$/, '.define.ts');
    const defineModule = modules.find((m) => m.path === definePath);
    if (!defineModule || !element.tagName) continue;
    defineModule.exports = [
      ...(defineModule.exports ?? []).filter((e) => e.kind !== 'custom-element-definition'),
      {
        kind: 'custom-element-definition',
        name: element.tagName,
        declaration: { name: element.name, module: mod.path },
      },
    ];
  }
}
