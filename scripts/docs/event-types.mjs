// The detail type of each event the elements fire, as the elements type it for hosts: their
// `AccessRequestsEventMap` (merged into `GlobalEventHandlersEventMap`), and the shape of each detail interface. The manifest
// says which element fires what; it carries a type only where the JSDoc `@event` tag gives one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { filesUnder, isSource, root } from './util.mjs';

/**
 * @typedef {{ name: string, type: string, description: string }} Member
 * @typedef {{ events: Map<string, { type: string, description: string }>, shapes: Map<string, Member[]>,
 *   aliases: Map<string, string> }} EventTypes
 */

/** @param {ts.Node} node */
function docOf(node) {
  return ts
    .getJSDocCommentsAndTags(node)
    .filter(ts.isJSDoc)
    .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
    .join(' ')
    .trim();
}

/**
 * Reads the element sources (syntax only: no type checking, so it takes a few milliseconds).
 * @returns {EventTypes}
 */
export function readEventTypes() {
  /** @type {EventTypes['events']} */
  const events = new Map();
  /** @type {EventTypes['shapes']} */
  const shapes = new Map();
  /** @type {EventTypes['aliases']} */
  const aliases = new Map();
  for (const file of filesUnder(join(root, 'packages/elements/src'), isSource)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    /** @param {ts.Node} node */
    const visit = (node) => {
      if (ts.isInterfaceDeclaration(node)) {
        const members = node.members.filter(ts.isPropertySignature).map((member) => ({
          name: member.name.getText(source).replace(/^['"]|['"]$/g, '') + (member.questionToken ? '?' : ''),
          type: member.type?.getText(source) ?? 'unknown',
          description: docOf(member),
        }));
        if (node.name.text === 'AccessRequestsEventMap') {
          for (const member of members)
            events.set(member.name, { type: member.type, description: member.description });
        } else if (!shapes.has(node.name.text)) {
          shapes.set(node.name.text, members);
        }
      }
      if (ts.isTypeAliasDeclaration(node) && !aliases.has(node.name.text))
        aliases.set(node.name.text, node.type.getText(source));
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { events, shapes, aliases };
}

/**
 * The detail of an event type such as `CustomEvent<RequestEventDetail>`: the interface's name and
 * its fields, written as a TypeScript object type.
 * @param {string} type
 * @param {EventTypes} types
 * @returns {{ name: string, shape: string | undefined, members: Member[] }}
 */
export function detailOf(type, { shapes, aliases }) {
  const inner = /^CustomEvent<(.+)>$/s.exec(type.trim())?.[1]?.trim() ?? type.trim();
  const alias = aliases.get(inner);
  if (alias) return { name: inner, shape: alias === 'Record<string, never>' ? '{}' : alias, members: [] };
  const members = shapes.get(inner);
  if (!members) return { name: inner, shape: undefined, members: [] };
  const shape = members.length ? `{ ${members.map((m) => `${m.name}: ${m.type}`).join('; ')} }` : '{}';
  return { name: inner, shape, members };
}
