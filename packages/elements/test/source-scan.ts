// What an element's sources show of its public surface, read from the code it renders with: the
// element module whole, and of the package modules it imports for their values (its own folder and
// src/internal/, never other elements' folders: those are elements of their own) the top-level
// declarations it uses, and what those use in turn. `notificationSentence` from request-again.ts
// brings that function, not the dialog class beside it.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';

export interface SourceFacts {
  /** Part names written out: `part="a b"`, string literals in `part=${…}`, `exportparts` names. */
  readonly parts: Map<string, string>;
  /** Static beginnings of computed part names (`toast-` of `` `toast-${status}` ``). */
  readonly partPrefixes: Map<string, string>;
  /** `@property(…) accessor name` → the attribute it has, or null for `attribute: false`. */
  readonly properties: Map<string, { attribute: string | null; where: string }>;
  /** `@state() accessor name`: internal, never public API. */
  readonly states: Map<string, string>;
  /** `fire(…, 'name', …)` and `dispatchEvent(new CustomEvent('name'`. */
  readonly events: Map<string, string>;
  /** `<slot name="x">` (`''` for the default slot). */
  readonly slots: Map<string, string>;
  readonly slotPrefixes: Map<string, string>;
  /** The files read, relative to src/. */
  readonly files: readonly string[];
}

const MODIFIERS = String.raw`(?:(?:public|protected|private|readonly|static|override|declare)\s+)*`;

/** A piece of source to scan: one top-level statement (or a whole element module). */
interface Chunk {
  readonly file: string;
  readonly text: string;
  /** Where `text` starts in the file. */
  readonly offset: number;
}

const sources = new Map<string, ts.SourceFile>();
function parse(file: string): ts.SourceFile {
  let source = sources.get(file);
  if (!source) {
    source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    sources.set(file, source);
  }
  return source;
}

function declaredNames(statement: ts.Statement): string[] {
  if (
    (ts.isFunctionDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isEnumDeclaration(statement)) &&
    statement.name
  ) {
    return [statement.name.text];
  }
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((d) =>
      ts.isIdentifier(d.name) ? [d.name.text] : [],
    );
  }
  return [];
}

function identifiersIn(node: ts.Node, into: Set<string>): Set<string> {
  if (ts.isIdentifier(node)) into.add(node.text);
  ts.forEachChild(node, (child) => void identifiersIn(child, into));
  return into;
}

/** The top-level statements of `file` that `wanted` names need ('all': the whole module). */
function neededStatements(file: string, wanted: Set<string> | 'all'): ts.Statement[] {
  const statements = parse(file).statements.filter((s) => !ts.isImportDeclaration(s));
  if (wanted === 'all') return statements;
  const needed = new Set<ts.Statement>();
  const names = new Set(wanted);
  let grew = true;
  while (grew) {
    grew = false;
    for (const statement of statements) {
      if (needed.has(statement) || !declaredNames(statement).some((n) => names.has(n))) continue;
      needed.add(statement);
      identifiersIn(statement, names);
      grew = true;
    }
  }
  return statements.filter((s) => needed.has(s));
}

/** The code an element renders with, as chunks to scan. */
export function renderedCode(srcDir: string, elementFile: string): Chunk[] {
  const ownFolder = dirname(elementFile);
  const internal = join(srcDir, 'internal');
  const wanted = new Map<string, Set<string> | 'all'>([[elementFile, 'all']]);
  const queue = [elementFile];
  while (queue.length) {
    const file = queue.pop()!;
    const want = wanted.get(file)!;
    const used = new Set<string>();
    for (const statement of neededStatements(file, want)) identifiersIn(statement, used);
    for (const statement of parse(file).statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const target = join(dirname(file), statement.moduleSpecifier.text).replace(/\.js$/, '.ts');
      const inScope = target.startsWith(ownFolder + sep) || target.startsWith(internal + sep);
      if (!inScope || !existsSync(target) || target.endsWith('.define.ts')) continue;
      let names: Set<string> | 'all';
      if (!clause || (clause.namedBindings && ts.isNamespaceImport(clause.namedBindings))) {
        names = 'all'; // a side-effect or namespace import
      } else {
        names = new Set();
        if (clause.name && used.has(clause.name.text)) names.add('default');
        if (clause.namedBindings && ts.isNamedImports(clause.namedBindings)) {
          for (const element of clause.namedBindings.elements) {
            if (!element.isTypeOnly && used.has(element.name.text))
              names.add((element.propertyName ?? element.name).text);
          }
        }
        if (names.size === 0) continue;
      }
      const before = wanted.get(target);
      if (before === 'all') continue;
      const merged = names === 'all' ? 'all' : new Set([...(before ?? []), ...names]);
      if (before && merged !== 'all' && merged.size === before.size) continue;
      wanted.set(target, merged);
      queue.push(target);
    }
  }
  return [...wanted].flatMap(([file, want]) =>
    neededStatements(file, want).map((s) => ({ file, text: s.getFullText(), offset: s.getFullStart() })),
  );
}

/** The text of `${…}` starting at `open` (the index of `{`), braces balanced. */
function interpolation(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  return '';
}

/**
 * Names in an expression: string literals whole; template literals' static words, and prefixes before
 * `${`.
 */
function namesIn(expression: string): { names: string[]; prefixes: string[] } {
  const names: string[] = [];
  const prefixes: string[] = [];
  for (const literal of expression.matchAll(/'([^'\\]*)'|"([^"\\]*)"/g))
    names.push(...(literal[1] ?? literal[2] ?? '').split(/\s+/));
  for (const template of expression.matchAll(/`([^`]*)`/g)) {
    const chunks = template[1]!.split(/\$\{[^}]*\}/);
    const holes = template[1]!.match(/\$\{[^}]*\}/g)?.length ?? 0;
    chunks.forEach((chunk, index) => {
      const words = chunk.split(/\s+/);
      const last = words.pop() ?? '';
      names.push(...words);
      if (index < holes && last) prefixes.push(last);
      else names.push(last);
    });
  }
  const valid = (name: string) => /^[a-z][\w-]*$/i.test(name);
  return { names: names.filter(valid), prefixes: prefixes.filter((p) => /^[a-z][\w-]*-$/i.test(p)) };
}

export function scanSources(srcDir: string, elementFile: string): SourceFacts {
  const chunks = renderedCode(srcDir, elementFile);
  const facts: SourceFacts = {
    parts: new Map(),
    partPrefixes: new Map(),
    properties: new Map(),
    states: new Map(),
    events: new Map(),
    slots: new Map(),
    slotPrefixes: new Map(),
    files: [...new Set(chunks.map((c) => relative(srcDir, c.file)))].sort(),
  };
  for (const { file, text, offset } of chunks) {
    const source = parse(file);
    const where = (index: number) =>
      `${relative(srcDir, file)}:${source.getLineAndCharacterOfPosition(offset + index).line + 1}`;
    const add = (map: Map<string, string>, names: string[], index: number) => {
      for (const name of names) if (!map.has(name)) map.set(name, where(index));
    };

    // part="a b" — not `[part="a"]` (a selector) nor `exportparts=`.
    for (const m of text.matchAll(/(?<![\w[.-])part=(["'])([^"'$]*)\1/g))
      add(facts.parts, m[2]!.split(/\s+/).filter(Boolean), m.index);
    // part=${…}: the names the expression spells out; a lone identifier, through its `const`.
    for (const m of text.matchAll(/(?<![\w[.-])part=\$\{/g)) {
      let expression = interpolation(text, m.index + m[0].length - 1).trim();
      if (/^\w+$/.test(expression)) {
        expression = new RegExp(String.raw`\bconst\s+${expression}\s*=\s*([^;\n]+)`).exec(text)?.[1] ?? '';
      }
      const { names, prefixes } = namesIn(expression);
      add(facts.parts, names, m.index);
      add(facts.partPrefixes, prefixes, m.index);
    }
    // exportparts="a, b: c" exposes a and c on this element.
    for (const m of text.matchAll(/\bexportparts=(["'])([^"']*)\1/g)) {
      const names = m[2]!.split(',').map((entry) => entry.split(':').pop()!.trim());
      add(facts.parts, names.filter(Boolean), m.index);
    }

    const property = new RegExp(String.raw`@property\((\{[^)]*\})?\)\s*${MODIFIERS}accessor\s+(\w+)`, 'g');
    for (const m of text.matchAll(property)) {
      const options = m[1] ?? '';
      const name = m[2]!;
      const attribute = /attribute:\s*false/.test(options)
        ? null
        : (/attribute:\s*'([^']+)'/.exec(options)?.[1] ?? name.toLowerCase());
      facts.properties.set(name, { attribute, where: where(m.index) });
    }
    for (const m of text.matchAll(new RegExp(String.raw`@state\(\)\s*${MODIFIERS}accessor\s+(\w+)`, 'g')))
      add(facts.states, [m[1]!], m.index);

    for (const m of text.matchAll(/\bfire\(\s*[\w.]+\s*,\s*'([^']+)'/g)) add(facts.events, [m[1]!], m.index);
    for (const m of text.matchAll(/dispatchEvent\(\s*new\s+CustomEvent(?:<[^>]*>)?\(\s*'([^']+)'/g))
      add(facts.events, [m[1]!], m.index);

    for (const m of text.matchAll(/<slot(?=[\s>])([^>]*)>/g)) {
      const attrs = m[1]!;
      const fixed = /\bname=(["'])([^"']*)\1/.exec(attrs);
      const computed = /\bname=\$\{`([\w-]*)\$\{/.exec(attrs);
      if (fixed) add(facts.slots, [fixed[2]!], m.index);
      else if (computed) add(facts.slotPrefixes, [computed[1]!], m.index);
      else if (!/\bname=/.test(attrs)) add(facts.slots, [''], m.index);
    }
  }
  return facts;
}
