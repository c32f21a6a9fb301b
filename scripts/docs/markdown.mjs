// Writing Markdown safely from data: table cells, code spans, text that may hold `<…>`.
import { fail } from './util.mjs';

/**
 * A code span for any text (a longer fence when the text holds backticks), on one line.
 * @param {string} text
 */
export function code(text) {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return `${fence}${padded.replace(/\s*\n\s*/g, ' ')}${fence}`;
}

/**
 * Prose from the manifest or the sources (Markdown already), made safe for one table cell or
 * paragraph: on one line, and `<` and `>` outside code spans written as entities so that
 * `<status-badge>` reads as text, never as a tag.
 * @param {string | undefined} text
 */
export function prose(text) {
  if (!text) return '';
  const parts = text
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .split(/(`+[^`]*`+)/);
  return parts
    .map((part, index) => (index % 2 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('');
}

/**
 * A Markdown table; empty cells show a dash. Pipes in a cell are escaped — in code spans too:
 * GitHub-flavoured tables split cells before they read code spans.
 * @param {string[]} header
 * @param {string[][]} rows
 */
export function table(header, rows) {
  const cell = (/** @type {string} */ text) => (text ? text.replace(/(?<!\\)\|/g, '\\|') : '—');
  const line = (/** @type {string[]} */ cells) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Replaces each `<!-- docs:NAME -->` marker line of a guide with what the build generates for it.
 * @param {string} text
 * @param {Record<string, string>} parts
 * @param {string} file for the error message
 */
export function fillMarkers(text, parts, file) {
  return text.replace(/^<!-- docs:([a-z-]+) -->$/gm, (_, name) => {
    const part = parts[name];
    if (part === undefined)
      fail(`${file}: unknown marker <!-- docs:${name} --> (known: ${Object.keys(parts).join(', ')})`);
    return part;
  });
}
