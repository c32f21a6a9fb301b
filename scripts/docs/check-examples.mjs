// Every public export must say what it is and show how it is used: a description and an `@example`.
// TypeDoc's `notDocumented` validation asks for a comment; this asks for both, over the project
// TypeDoc wrote as JSON (`--json`), and lists every export that lacks one.
import { readFileSync } from 'node:fs';
import { ReflectionKind } from 'typedoc';

/**
 * @typedef {{ kind: string, text: string }} Part
 * @typedef {{ summary?: Part[], blockTags?: { tag: string, content: Part[] }[] }} Comment
 * @typedef {{ id: number, name: string, variant?: string, kind: number, comment?: Comment,
 *   signatures?: Reflection[], children?: Reflection[] }} Reflection
 * @typedef {{ name: string, kind: string, missing: string[] }} Finding
 */

/** Containers whose children are the exports. */
const CONTAINERS = ReflectionKind.Project | ReflectionKind.Module;
/**
 * What is not an export of its own: re-exports point at a declaration checked elsewhere, documents are
 * guides.
 */
const SKIPPED = ReflectionKind.Reference | ReflectionKind.Document;

/** @param {Comment | undefined} comment */
const hasSummary = (comment) => (comment?.summary ?? []).some((part) => part.text.trim() !== '');

/** @param {Comment | undefined} comment */
const hasExample = (comment) =>
  (comment?.blockTags ?? []).some(
    (tag) => tag.tag === '@example' && tag.content.some((part) => part.text.trim() !== ''),
  );

/**
 * The comments that speak for an export: its own, and for functions those of their signatures.
 * @param {Reflection} reflection
 */
const commentsOf = (reflection) => [
  reflection.comment,
  ...(reflection.signatures ?? []).map((s) => s.comment),
];

/**
 * Checks every export under the project; returns the ones missing a description or an example.
 * @param {Reflection} project TypeDoc's JSON output, parsed
 * @returns {Finding[]}
 */
export function findUndocumentedExports(project) {
  /** @type {Finding[]} */
  const findings = [];
  /** @param {Reflection} container @param {string} path */
  const visit = (container, path) => {
    for (const child of container.children ?? []) {
      const name = path ? `${path}.${child.name}` : child.name;
      if (child.kind & CONTAINERS) {
        visit(child, child.kind & ReflectionKind.Project ? '' : name);
        continue;
      }
      if (child.kind & SKIPPED) continue;
      const comments = commentsOf(child);
      const missing = [];
      if (!comments.some(hasSummary)) missing.push('a description');
      if (!comments.some(hasExample)) missing.push('an @example');
      if (missing.length)
        findings.push({ name, kind: ReflectionKind[child.kind] ?? String(child.kind), missing });
      // A namespace's members are exports too.
      if (child.kind & ReflectionKind.Namespace) visit(child, name);
    }
  };
  visit(project, '');
  return findings;
}

/**
 * Reads TypeDoc's JSON: how many exports it holds, and those that miss a description or an example.
 * @param {string} jsonPath
 * @returns {{ checked: number, findings: Finding[] }}
 */
export function checkExamples(jsonPath) {
  /** @type {Reflection} */
  const project = JSON.parse(readFileSync(jsonPath, 'utf8'));
  let checked = 0;
  /** @param {Reflection} node */
  const count = (node) => {
    for (const child of node.children ?? []) {
      if (child.kind & CONTAINERS) count(child);
      else if (!(child.kind & SKIPPED)) checked++;
    }
  };
  count(project);
  return { checked, findings: findUndocumentedExports(project) };
}
