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
// - Where a signature uses a schema (`Promise<AccessRequest>`,
//   `Paginated<components['schemas']['Resource']>`), TypeDoc would print the whole object type it
//   resolves to, field by field; the pages name it instead, as the source does:
//   `components["schemas"]["Resource"]`, linked.
import ts from 'typescript';
import {
  Converter,
  IndexedAccessType,
  LiteralType,
  ReferenceType,
  ReflectionKind,
  ReflectionType,
} from 'typedoc';

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
    if (
      !reflection.kindOf(ReflectionKind.Interface) ||
      !COLLAPSED.has(reflection.name) ||
      !isGenerated(context.project, reflection)
    )
      return;
    const comment = exportComment(context, reflection.name);
    if (comment) reflection.comment = comment;
  });

  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const { project } = context;
    for (const reflection of project.getReflectionsByKind(ReflectionKind.Interface)) {
      if (!COLLAPSED.has(reflection.name) || !isGenerated(project, reflection)) continue;
      const declaration = /** @type {import('typedoc').DeclarationReflection} */ (reflection);
      for (const child of [...(declaration.children ?? [])]) project.removeReflection(child);
    }
  });

  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => nameSchemas(context));

  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    const { project } = context;
    const names = Object.values(project.reflections)
      .filter(
        (reflection) =>
          isGenerated(project, reflection) &&
          !reflection.hasComment() &&
          !reflection.kindOf(ReflectionKind.TypeLiteral),
      )
      .map((reflection) => reflection.getFriendlyFullName());
    if (names.length) {
      app.options.setValue('intentionallyNotDocumented', [
        ...app.options.getValue('intentionallyNotDocumented'),
        ...names,
      ]);
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
  return (parent.declarations ?? []).some(
    (node) => ts.isInterfaceDeclaration(node) && GENERATED_FILE.test(node.getSourceFile().fileName),
  );
}

/**
 * The schema a type literal of the generated `components.schemas` is, or undefined.
 * @param {import('typedoc').Context} context
 * @param {import('typedoc').Reflection} declaration
 */
function schemaName(context, declaration) {
  const node = context.getSymbolFromReflection(declaration)?.declarations?.[0];
  if (!node || !ts.isTypeLiteralNode(node) || !GENERATED_FILE.test(node.getSourceFile().fileName))
    return undefined;
  const schema = node.parent;
  const schemas = schema?.parent?.parent;
  const components = schemas?.parent;
  if (!schema || !ts.isPropertySignature(schema) || !schemas || !ts.isPropertySignature(schemas))
    return undefined;
  if (
    schemas.name.getText() !== 'schemas' ||
    !components ||
    !ts.isInterfaceDeclaration(components) ||
    components.name.text !== 'components'
  )
    return undefined;
  return schema.name.getText().replace(/^["']|["']$/g, '');
}

/**
 * Replaces each expanded schema in the project's types by `components["schemas"]["Name"]`.
 * @param {import('typedoc').Context} context
 */
function nameSchemas(context) {
  const { project } = context;
  const target = project
    .getReflectionsByKind(ReflectionKind.Interface)
    .find((r) => r.name === 'components' && isGenerated(project, r));
  if (!target) return;
  /** @type {import('typedoc').Reflection[]} */
  const orphans = [];
  /** @param {import('typedoc').SomeType} type @returns {import('typedoc').SomeType} */
  const map = (type) => {
    if (type instanceof ReflectionType) {
      const name = schemaName(context, type.declaration);
      if (name) {
        orphans.push(type.declaration);
        const components = ReferenceType.createResolvedReference('components', target, project);
        return new IndexedAccessType(
          new IndexedAccessType(components, new LiteralType('schemas')),
          new LiteralType(name),
        );
      }
      return type;
    }
    return mapChildren(type, map);
  };
  for (const reflection of Object.values(project.reflections)) {
    const holder =
      /** @type {{ type?: import('typedoc').SomeType, default?: import('typedoc').SomeType }} */ (reflection);
    if (holder.type) holder.type = map(holder.type);
    if (holder.default) holder.default = map(holder.default);
  }
  for (const orphan of orphans) if (project.getReflectionById(orphan.id)) project.removeReflection(orphan);
}

/**
 * Maps the types directly inside a type (in place) and returns it.
 * @param {import('typedoc').SomeType} type
 * @param {(type: import('typedoc').SomeType) => import('typedoc').SomeType} map
 * @returns {import('typedoc').SomeType}
 */
function mapChildren(type, map) {
  const t = /** @type {any} */ (type);
  switch (type.type) {
    case 'array':
    case 'optional':
    case 'rest':
      t.elementType = map(t.elementType);
      break;
    case 'union':
    case 'intersection':
      t.types = t.types.map(map);
      break;
    case 'tuple':
      t.elements = t.elements.map(map);
      break;
    case 'namedTupleMember':
      t.element = map(t.element);
      break;
    case 'reference':
      if (t.typeArguments) t.typeArguments = t.typeArguments.map(map);
      break;
    case 'typeOperator':
      t.target = map(t.target);
      break;
    case 'indexedAccess':
      t.objectType = map(t.objectType);
      t.indexType = map(t.indexType);
      break;
    case 'conditional':
      for (const key of ['checkType', 'extendsType', 'trueType', 'falseType']) t[key] = map(t[key]);
      break;
    case 'mapped':
      for (const key of ['parameterType', 'templateType', 'nameType']) if (t[key]) t[key] = map(t[key]);
      break;
    case 'predicate':
      if (t.targetType) t.targetType = map(t.targetType);
      break;
    case 'templateLiteral':
      t.tail = t.tail.map((/** @type {[import('typedoc').SomeType, string]} */ [inner, text]) => [
        map(inner),
        text,
      ]);
      break;
  }
  return type;
}
