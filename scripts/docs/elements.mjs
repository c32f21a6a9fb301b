// The element reference, generated from the custom-elements manifest: a page per element (its
// attributes, properties, methods, events with their detail types, slots, CSS parts and CSS custom
// properties, and a live example), an index page, and the tables the guides take from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detailOf } from './event-types.mjs';
import { LIVE_EXAMPLES } from './live-examples.mjs';
import { code, prose, table } from './markdown.mjs';
import { fail, root } from './util.mjs';

/**
 * @typedef {import('./manifest.mjs').ElementDeclaration} ElementDeclaration
 * @typedef {import('./manifest.mjs').ManifestEntry} ManifestEntry
 * @typedef {import('./event-types.mjs').EventTypes} EventTypes
 * @typedef {{ file: string, text: string }} Page
 */

/** Where the element pages go, under the staged docs folder; their file names are the tag names. */
export const ELEMENTS_DIR = 'elements';

/** @param {ManifestEntry} entry */
const isPublic = (entry) =>
  (!entry.privacy || entry.privacy === 'public') && !entry.static && !entry.name.startsWith('#');

/** @param {{ type?: { text: string } }} entry */
const typeOf = (entry) => (entry.type?.text ? code(entry.type.text) : '');

/** @param {ElementDeclaration} element */
const summaryOf = (element) => (element.summary || element.description || '').trim();

/** The first sentence of a summary, for lists. @param {string} text */
const firstSentence = (text) => /^[\s\S]*?[.!?](?=\s|$)/.exec(text.replace(/\s+/g, ' '))?.[0] ?? text;

/**
 * The event's detail type: the manifest's, else the elements' `GlobalEventHandlersEventMap`.
 * @param {ManifestEntry} event
 * @param {EventTypes} types
 */
function eventDetail(event, types) {
  const type = event.type?.text ?? types.events.get(event.name)?.type;
  if (!type) return { cell: '', name: '', shape: '' };
  const detail = detailOf(type, types);
  const shape = detail.shape ?? '';
  return {
    cell: shape && shape !== detail.name ? `${code(detail.name)}: ${code(shape)}` : code(detail.name),
    name: detail.name,
    shape,
  };
}

/**
 * @param {string} title
 * @param {string[]} header
 * @param {string[][]} rows
 * @param {string} none
 */
function section(title, header, rows, none) {
  return [`## ${title}`, '', rows.length ? table(header, rows) : none].join('\n');
}

/** The define modules the package exports (`./request-list.js`), by tag name. */
function defineModules() {
  const pkg = JSON.parse(readFileSync(join(root, 'packages/elements/package.json'), 'utf8'));
  return new Set(Object.keys(pkg.exports ?? {}).map((key) => key.replace(/^\.\//, '').replace(/\.js$/, '')));
}

/**
 * One element's page.
 * @param {ElementDeclaration} element
 * @param {EventTypes} types
 * @param {Set<string>} modules
 * @returns {Page}
 */
function elementPage(element, types, modules) {
  const tag = element.tagName;
  const example = LIVE_EXAMPLES[tag];
  if (!example) fail(`No live example for <${tag}>: add one to scripts/docs/live-examples.mjs.`);
  const summary = summaryOf(element);
  const description = element.summary && element.description ? element.description.trim() : '';
  const registration = modules.has(tag)
    ? `import '@access-requests/elements/${tag}.js'; // registers <${tag}> (and the elements it uses)`
    : `import '@access-requests/elements/define.js'; // registers every element`;

  // An attribute's meaning is its property's: the Properties table says it once.
  const attributes = (element.attributes ?? []).map((a) => [
    code(a.name),
    a.fieldName ? code(a.fieldName) : '',
    typeOf(a),
    a.default ? code(a.default) : '',
    a.fieldName ? '' : prose(a.description),
  ]);
  const members = (element.members ?? []).filter(isPublic);
  const properties = members
    .filter((m) => m.kind === 'field')
    .map((m) => [
      code(m.name) + (m.readonly ? ' (read-only)' : ''),
      m.attribute ? code(m.attribute) : '',
      typeOf(m),
      m.default ? code(m.default) : '',
      prose(m.description) + (m.inheritedFrom ? ` (from ${code(m.inheritedFrom.name)})` : ''),
    ]);
  const methods = members
    .filter((m) => m.kind === 'method')
    .map((m) => {
      const params = (m.parameters ?? [])
        .map((p) => `${p.name}${p.optional ? '?' : ''}${p.type ? `: ${p.type.text}` : ''}`)
        .join(', ');
      return [
        code(`${m.name}(${params})`),
        m.return?.type?.text ? code(m.return.type.text) : code('void'),
        prose(m.description),
      ];
    });
  const events = (element.events ?? [])
    .filter((e) => e.name)
    .map((e) => [
      code(e.name),
      eventDetail(e, types).cell,
      prose(e.description || types.events.get(e.name)?.description),
    ]);
  const slots = (element.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', prose(s.description)]);
  const parts = (element.cssParts ?? []).map((p) => [code(p.name), prose(p.description)]);
  const cssProperties = (element.cssProperties ?? []).map((p) => [
    code(p.name),
    p.default ? code(p.default) : '',
    prose(p.description),
  ]);

  const dataAttributes = [
    `data-live-example="${tag}"`,
    example.user ? `data-user="${example.user}"` : '',
    example.requestIds ? `data-request-ids='${JSON.stringify(example.requestIds)}'` : '',
  ].filter(Boolean);

  const text = [
    '---',
    `title: "<${tag}>"`,
    '---',
    '',
    `# &lt;${tag}&gt;`,
    '',
    prose(summary),
    '',
    ...(description ? [prose(description), ''] : []),
    `- **Tag:** ${code(tag)}`,
    `- **Class:** ${code(element.name)}, exported by ${code('@access-requests/elements')} (importing it registers nothing)`,
    `- **Registration:** ${code(registration)}`,
    '',
    '## Live example',
    '',
    `${prose(example.caption)} It runs in this page against the reference server, in a service worker, as ${example.user ? code(example.user) : 'no user'}.`,
    '',
    `<div class="ar-live" ${dataAttributes.join(' ')}>`,
    // No blank line inside: the whole example stays one HTML block.
    example.markup.replace(/\n\s*\n/g, '\n'),
    '</div>',
    '<script type="module" src="../assets/live-examples.js"></script>',
    '',
    '```html',
    example.markup,
    '```',
    '',
    example.user
      ? `The host gives the provider its token from JavaScript — \`provider.token = () => getToken()\` — never as an attribute.`
      : '',
    '',
    section(
      'Attributes',
      ['attribute', 'property', 'type', 'default', 'notes'],
      attributes,
      'None: this element is configured by properties only.',
    ),
    '',
    section('Properties', ['property', 'attribute', 'type', 'default', 'description'], properties, 'None.'),
    '',
    section('Methods', ['method', 'returns', 'description'], methods, 'None.'),
    '',
    section(
      'Events',
      ['event', 'detail', 'description'],
      events,
      'None: this element fires no events of its own.',
    ),
    '',
    section('Slots', ['slot', 'description'], slots, 'None.'),
    '',
    section('CSS parts', ['part', 'description'], parts, 'None.'),
    '',
    section('CSS custom properties', ['property', 'default', 'description'], cssProperties, 'None.'),
    '',
  ].join('\n');
  return { file: `${ELEMENTS_DIR}/${tag}.md`, text };
}

/**
 * The index of the element reference, whose children are the element pages.
 * @param {ElementDeclaration[]} elements
 * @returns {Page}
 */
function indexPage(elements) {
  const origin = `the elements package's \`custom-elements.json\``;
  const text = [
    '---',
    'title: Element reference',
    'children:',
    ...elements.map((e) => `  - ./${e.tagName}.md`),
    '---',
    '',
    '# Element reference',
    '',
    `The ${elements.length} custom elements of \`@access-requests/elements\`. Each page lists the element's attributes, properties, methods, events (with their detail types), slots, CSS parts and CSS custom properties, and runs the element live against the reference server. Generated from ${origin}.`,
    '',
    table(
      ['element', 'what it is'],
      elements.map((e) => [
        `[${code(`<${e.tagName}>`)}](./${e.tagName}.md)`,
        prose(firstSentence(summaryOf(e))),
      ]),
    ),
    '',
  ].join('\n');
  return { file: `${ELEMENTS_DIR}/index.md`, text };
}

/**
 * Every event any element fires, for the events guide: event, elements, detail, meaning.
 * @param {ElementDeclaration[]} elements
 * @param {EventTypes} types
 */
export function eventsTable(elements, types) {
  /** @type {Map<string, { tags: string[], detail: string, description: string }>} */
  const byName = new Map();
  for (const element of elements) {
    for (const event of element.events ?? []) {
      if (!event.name) continue;
      const seen = byName.get(event.name);
      if (seen) {
        seen.tags.push(element.tagName);
        continue;
      }
      byName.set(event.name, {
        tags: [element.tagName],
        detail: eventDetail(event, types).cell,
        description: types.events.get(event.name)?.description || event.description || '',
      });
    }
  }
  // One entry per event, not a wide table: the detail types are long.
  return [...byName]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, e]) =>
      [
        `- ${code(name)} — ${prose(e.description)}`,
        `  Fired by ${e.tags.map((t) => `[${code(`<${t}>`)}](../${ELEMENTS_DIR}/${t}.md)`).join(', ')}. Detail: ${e.detail || 'none'}.`,
      ].join('<br>\n'),
    )
    .join('\n');
}

/**
 * Each element's CSS parts, for the theming guide.
 * @param {ElementDeclaration[]} elements
 */
export function cssPartsTable(elements) {
  return table(
    ['element', 'parts'],
    elements.map((e) => [
      `[${code(`<${e.tagName}>`)}](../${ELEMENTS_DIR}/${e.tagName}.md)`,
      (e.cssParts ?? []).map((p) => code(p.name)).join(', '),
    ]),
  );
}

/**
 * A list of the element pages, for guides that point at them.
 * @param {ElementDeclaration[]} elements
 */
export function elementList(elements) {
  return elements
    .map(
      (e) =>
        `- [${code(`<${e.tagName}>`)}](../${ELEMENTS_DIR}/${e.tagName}.md) — ${prose(firstSentence(summaryOf(e)))}`,
    )
    .join('\n');
}

/**
 * Every page of the element reference.
 * @param {ElementDeclaration[]} elements
 * @param {EventTypes} types
 * @returns {Page[]}
 */
export function elementPages(elements, types) {
  const modules = defineModules();
  return [indexPage(elements), ...elements.map((element) => elementPage(element, types, modules))];
}

/**
 * What the browser check needs to know about each live example: its page and what to wait for.
 * @param {ElementDeclaration[]} elements
 */
export function liveChecks(elements) {
  return elements.map((e) => ({ tag: e.tagName, ...LIVE_EXAMPLES[e.tagName]?.expect }));
}
