// A TypeDoc plugin for the contract's generated code (`src/generated/`, written by `pnpm generate`
// from the YAML, never by hand).
// - `paths`, `components` and `operations` hold thousands of nested members, mostly without
//   comments, which the HTTP API reference (Redocly) renders for people far better. Their pages
//   keep the description and example `@access-requests/contract` gives them where it exports them
//   (not the generator's file header, which TypeDoc would otherwise take for `paths`' comment),
//   without the members.
// - Other generated members without a comment (the keywords inside `LIMITS`, such as `maxLength`)
//   are marked as intentionally undocumented: their meaning is the contract's, and nothing can be
//   written there by hand. Every hand-written declaration still needs its comment.
import ts from 'typescript';
import { Converter, ReflectionKind } from 'typedoc';

const GENERATED = { packageName: '@access-requests/contract', folder: 'src/generated/' };
const COLLAPSED = new Set(['paths', 'components', 'operations']);
const GENERATED_FILE = /\/packages\/contract\/src\/generated\/schema\.ts$/;

/** @param {import('typedoc').Application} app */
export function load(app) {
  // Not converting the collapsed interfaces' members at all saves seconds. `shouldIgnore` is
  // TypeDoc's own per-symbol filter (internal, so guarded); the removal below holds either way.
  const converter = app.converter;
  if (typeof converter.shouldIgnore === 'function') {
    const shouldIgnore = converter.shouldIgnore.bind(converter);
    converter.shouldIgnore = (symbol, checker) => isCollapsedMember(symbol) || shouldIgnore(symbol, checker);
  }

  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Interface) || !COLLAPSED.has(reflection.name) || !isGenerated(context.project, reflection)) return;
    const comment = exportComment(context, reflection.name);
    if (comment) reflection.comment = comment;
  });

  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const { project } = context;
    for (const reflection of project.getReflectionsByKind(ReflectionKind.Interface)) {
      if (!COLLAPSED.has(reflection.name) || !isGenerated(project, reflection)) continue;
      for (const child of [...(/** @type {import('typedoc').DeclarationReflection} */ (reflection).children ?? [])]) {
        project.removeReflection(child);
      }
    }
  });

  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    const { project } = context;
    const names = Object.values(project.reflections)
      .filter((reflection) => isGenerated(project, reflection) && !reflection.hasComment() && !reflection.kindOf(ReflectionKind.TypeLiteral))
      .map((reflection) => reflection.getFriendlyFullName());
    if (names.length) {
      app.options.setValue('intentionallyNotDocumented', [...app.options.getValue('intentionallyNotDocumented'), ...names]);
    }
  });
}

/**
 * @param {import('typedoc').ProjectReflection} project
 * @param {import('typedoc').Reflection} reflection
 */
function isGenerated(project, reflection) {
  const id = project.getSymbolIdFromReflection(reflection);
  return id?.packageName === GENERATED.packageName && id.packagePath.startsWith(GENERATED.folder);
}

/**
 * The comment on the contract's `export type { name } from './generated/schema.js'`.
 * @param {import('typedoc').Context} context
 * @param {string} name
 */
function exportComment(context, name) {
  for (const file of context.program.getSourceFiles()) {
    if (!file.fileName.endsWith('/packages/contract/src/index.ts')) continue;
    for (const statement of file.statements) {
      if (
        ts.isExportDeclaration(statement) &&
        statement.exportClause &&
        ts.isNamedExports(statement.exportClause) &&
        statement.exportClause.elements.some((element) => element.name.text === name)
      ) {
        return context.getNodeComment(statement, false);
      }
    }
  }
  return undefined;
}

/**
 * A member of `paths`, `components` or `operations` as the generated schema declares them.
 * @param {ts.Symbol} symbol
 */
function isCollapsedMember(symbol) {
  const parent = /** @type {ts.Symbol & { parent?: ts.Symbol }} */ (symbol).parent;
  if (!parent || !COLLAPSED.has(parent.name) || !(symbol.flags & ts.SymbolFlags.Property)) return false;
  return (parent.declarations ?? []).some((node) => ts.isInterfaceDeclaration(node) && GENERATED_FILE.test(node.getSourceFile().fileName));
}
