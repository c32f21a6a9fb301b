// custom-elements.json is what the docs, the editors' custom data and the React and Vue typings are
// made from: it must describe every element fully. This builds it fresh and holds it against what
// each element's sources show (parts, reactive properties, events, slots), so that a part, property
// or event added without its JSDoc line fails here, not in an integrator's editor.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClassDeclaration, CustomElement, Package } from 'custom-elements-manifest/schema.js';
import { STATUS_IDS } from '@access-requests/contract';
import { PORTAL_VIEWS } from '../src/components/access-portal/routes.js';
import { scanSources } from './source-scan.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const srcDir = join(packageDir, 'src');
const componentsDir = join(srcDir, 'components');

type CustomElementDeclaration = ClassDeclaration & CustomElement;

/** Every folder with a define module is an element whose tag is the folder's name. */
const tags = readdirSync(componentsDir).filter((name) =>
  existsSync(join(componentsDir, name, `${name}.define.ts`)),
);

let scratch = '';
let manifest: Package;

/** Runs the package's analyzer config into a scratch folder (the analyzer takes outdir relative to cwd). */
function buildManifest(): Package {
  scratch = mkdtempSync(join(tmpdir(), 'ar-cem-'));
  const cli = join(packageDir, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
  const run = spawnSync(
    process.execPath,
    [
      cli,
      'analyze',
      '--config',
      'custom-elements-manifest.config.mjs',
      '--outdir',
      relative(packageDir, scratch),
      '--quiet',
    ],
    { cwd: packageDir, encoding: 'utf8' },
  );
  assert.equal(run.status, 0, `the analyzer failed:\n${run.stderr}${run.stdout}`);
  return JSON.parse(readFileSync(join(scratch, 'custom-elements.json'), 'utf8')) as Package;
}

function elementOf(tag: string): { element: CustomElementDeclaration; path: string } {
  for (const mod of manifest.modules) {
    for (const declaration of mod.declarations ?? []) {
      if (declaration.kind === 'class' && 'tagName' in declaration && declaration.tagName === tag) {
        return { element: declaration as CustomElementDeclaration, path: mod.path };
      }
    }
  }
  assert.fail(`<${tag}> is not in custom-elements.json (does its class have \`@tag ${tag}\`?)`);
}

/** One message per missing name, with where the source shows it. */
function missing(found: Map<string, string>, documented: Set<string>, what: string): string[] {
  return [...found]
    .filter(([name]) => !documented.has(name))
    .map(([name, where]) => `${what} "${name}" (${where})`);
}

before(() => {
  manifest = buildManifest();
});
after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('the manifest has the nine elements, each under its default tag, registered by its define module', () => {
  assert.ok(tags.length >= 9, `expected the nine element folders, found ${tags.join(', ')}`);
  const listed = manifest.modules.flatMap((m) =>
    (m.declarations ?? []).flatMap((d) => ('tagName' in d && d.tagName ? [d.tagName] : [])),
  );
  assert.deepEqual([...listed].sort(), [...tags].sort());
  for (const tag of tags) {
    const definitions = manifest.modules
      .filter((m) => m.path === `src/components/${tag}/${tag}.define.ts`)
      .flatMap((m) => m.exports ?? [])
      .filter((e) => e.kind === 'custom-element-definition');
    assert.deepEqual(
      definitions.map((e) => e.name),
      [tag],
      `${tag}.define.ts should declare <${tag}>`,
    );
  }
});

// context.ts and locale.ts hold public API (the contexts; setLocale, getLocale, registerTranslations).
test('no internal module is published', () => {
  const internal = manifest.modules
    .map((m) => m.path)
    .filter((p) => /internal\/(?!context\.ts|locale\.ts)|\.test\.ts$|request-card|\.styles\.ts$/.test(p));
  assert.deepEqual(internal, []);
});

describe('each element lists what its sources show', () => {
  for (const tag of tags) {
    test(`<${tag}>`, () => {
      const { element, path } = elementOf(tag);
      const facts = scanSources(srcDir, join(packageDir, path));
      const problems: string[] = [];

      const parts = new Set((element.cssParts ?? []).map((p) => p.name));
      problems.push(...missing(facts.parts, parts, 'part'));
      for (const [prefix, where] of facts.partPrefixes) {
        if (![...parts].some((p) => p.startsWith(prefix) && p.length > prefix.length))
          problems.push(`parts "${prefix}…" (${where})`);
      }

      const members = new Map((element.members ?? []).map((m) => [m.name, m]));
      const attributes = new Map((element.attributes ?? []).map((a) => [a.name, a]));
      for (const [name, { attribute, where }] of facts.properties) {
        const member = members.get(name);
        if (member?.kind !== 'field') problems.push(`property "${name}" (${where})`);
        else if (!member.type?.text) problems.push(`the type of property "${name}" (${where})`);
        if (attribute !== null && attributes.get(attribute)?.fieldName !== name)
          problems.push(`attribute "${attribute}" of "${name}" (${where})`);
      }

      const events = new Map((element.events ?? []).map((e) => [e.name, e]));
      problems.push(...missing(facts.events, new Set(events.keys()), 'event'));
      for (const [name, event] of events) {
        if (!/^CustomEvent<.+>$/.test(event.type?.text ?? ''))
          problems.push(`the detail type of event "${name}" (has "${event.type?.text}")`);
      }

      const slots = new Set((element.slots ?? []).map((s) => s.name));
      problems.push(...missing(facts.slots, slots, 'slot'));
      for (const [prefix, where] of facts.slotPrefixes) {
        if (![...slots].some((s) => s.startsWith(prefix) && s.length > prefix.length))
          problems.push(`slots "${prefix}…" (${where})`);
      }

      assert.deepEqual(
        problems,
        [],
        `custom-elements.json lacks, for <${tag}> (read from ${facts.files.join(', ')}):\n  ${problems.join('\n  ')}\n`,
      );
    });
  }
});

describe('each element shows only its public API', () => {
  for (const tag of tags) {
    test(`<${tag}>`, () => {
      const { element, path } = elementOf(tag);
      const facts = scanSources(srcDir, join(packageDir, path));
      const internal = (element.members ?? [])
        .filter(
          (m) =>
            m.privacy === 'private' ||
            m.privacy === 'protected' ||
            /^[#_]/.test(m.name) ||
            facts.states.has(m.name),
        )
        .map((m) => m.name);
      assert.deepEqual(internal, [], `internal members published for <${tag}>`);
    });
  }
});

test('every JSDoc tag was read on its own (none swallowed into the description of the one before)', () => {
  const swallowed: string[] = [];
  for (const tag of tags) {
    const { element } = elementOf(tag);
    const described = [
      ...(element.cssParts ?? []),
      ...(element.cssProperties ?? []),
      ...(element.slots ?? []),
      ...(element.events ?? []),
    ];
    for (const item of described) {
      if (/@(csspart|cssproperty|cssprop|part|slot|event|fires)\b/.test(item.description ?? ''))
        swallowed.push(`<${tag}> ${item.name}`);
      if (!item.description?.trim()) swallowed.push(`<${tag}> ${item.name}: no description`);
    }
    for (const prop of element.cssProperties ?? []) {
      if (!/^--[a-z][\w-]*$/.test(prop.name)) swallowed.push(`<${tag}> CSS property "${prop.name}"`);
    }
    for (const part of element.cssParts ?? [])
      if (!/^[a-z][\w-]*$/.test(part.name)) swallowed.push(`<${tag}> part "${part.name}"`);
  }
  assert.deepEqual(swallowed, []);
});

/** A union of literals as a set: `'a' | 'b'` → {a, b}. */
const literals = (text: string | undefined) =>
  new Set((text ?? '').split('|').map((t) => t.trim().replace(/^'(.*)'$/, '$1')));

test('an attribute whose values are a closed set carries them as a union', () => {
  const attribute = (tag: string, name: string) =>
    (
      elementOf(tag).element.attributes?.find((a) => a.name === name) as
        { parsedType?: { text: string } } | undefined
    )?.parsedType?.text;
  // status-badge's `status` is a string property documented `@type {AccessRequestStatus}`: the
  // contract's statuses.
  assert.deepEqual(literals(attribute('status-badge', 'status')), new Set(STATUS_IDS));
  assert.deepEqual(literals(attribute('request-list', 'scope')), new Set(['mine', 'on_behalf']));
  assert.deepEqual(literals(attribute('access-portal', 'view')), new Set(PORTAL_VIEWS));
});

test("the hosts' typings print the unions and type each event handler with its detail", () => {
  const manifestFile = join(scratch, 'custom-elements.json');
  const out = join(scratch, 'dist');
  const run = spawnSync(
    process.execPath,
    ['scripts/host-types.mjs', '--manifest', manifestFile, '--out', out],
    { cwd: packageDir, encoding: 'utf8' },
  );
  assert.equal(run.status, 0, run.stderr);
  const statuses = STATUS_IDS.map((id) => `"${id}"`).join(' | ');
  const jsx = readFileSync(join(out, 'types/jsx.d.ts'), 'utf8');
  assert.ok(jsx.includes(`status?: ${statuses};`), 'jsx.d.ts: status-badge status as the status union');
  assert.match(jsx, /"onrequest-selected"\?: \(e: CustomEvent<RequestEventDetail>\) => void;/);
  assert.match(jsx, /^import type \{[^}]*\bRequestEventDetail\b[^}]*\} from '\.\.\/index\.js';$/m);
  const vue = readFileSync(join(out, 'types/vue.d.ts'), 'utf8');
  assert.ok(vue.includes(`status?: ${statuses};`), 'vue.d.ts: status-badge status as the status union');
  assert.match(vue, /\bonRequestSelected\?: \(e: CustomEvent<RequestEventDetail>\) => void;/);
  assert.match(vue, /\bpageSize\?: number;/);
  assert.match(vue, /interface GlobalComponents extends CustomElements/);
  const react = readFileSync(join(out, 'types/react.d.ts'), 'utf8');
  for (const tag of tags)
    assert.match(react, new RegExp(`'${tag}': ReactProps<\\w+Props, \\w+>;`), `react.d.ts: <${tag}>`);
  const html = JSON.parse(readFileSync(join(out, 'vscode.html-custom-data.json'), 'utf8')) as {
    tags: { name: string; attributes: { name: string; values: { name: string }[] }[] }[];
  };
  const status = html.tags
    .find((t) => t.name === 'status-badge')
    ?.attributes.find((a) => a.name === 'status');
  assert.deepEqual(new Set(status?.values.map((v) => v.name)), new Set(STATUS_IDS));
  const css = JSON.parse(readFileSync(join(out, 'vscode.css-custom-data.json'), 'utf8')) as {
    properties: { name: string }[];
  };
  assert.ok(css.properties.some((p) => p.name === '--ar-status-positive-bg'));
});
