// `pnpm docs:build`: the docs site in docs/site/ — the guides, the element reference (from the
// custom-elements manifest, each element live against the reference server in a service worker),
// the API reference (TypeDoc) and the HTTP contract (Redocly) — then checks it: every export
// documented with an example, every internal link resolves, nothing loads from outside, and each
// element page shows its element with real data in headless Chromium. Any warning fails it.
// `--no-browser` skips the Chromium check.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix, relative } from 'node:path';
import * as esbuild from 'esbuild';
import { checkInBrowser } from './browser-check.mjs';
import { checkExamples } from './check-examples.mjs';
import { cssPartsTable, elementList, elementPages, eventsTable, liveChecks } from './elements.mjs';
import { detailOf, readEventTypes } from './event-types.mjs';
import { DOCUMENTS, GENERATED_DOCUMENTS, PENDING_DOCUMENTS, REPOSITORY, SITE, STAGE } from './layout.mjs';
import { httpApiPage } from './http-api.mjs';
import {
  extensionSvg,
  extensionTable,
  lifecycleSvg,
  readStatuses,
  statusTable,
  transitionTable,
} from './lifecycle.mjs';
import { checkLinks } from './links.mjs';
import { loadManifest } from './manifest.mjs';
import { code, fillMarkers, prose, table } from './markdown.mjs';
import { cssTokens } from './tokens.mjs';
import { DocsBuildError, fail, filesUnder, note, root, runTool } from './util.mjs';

const withBrowser = !process.argv.includes('--no-browser');
const started = performance.now();
/** @type {[string, number][]} */
const timings = [];

/**
 * Runs one step of the build and keeps its time.
 * @template T
 * @param {string} name
 * @param {() => T | Promise<T>} work
 * @returns {Promise<T>}
 */
async function step(name, work) {
  const begin = performance.now();
  console.log(`• ${name}`);
  try {
    return await work();
  } finally {
    timings.push([name, performance.now() - begin]);
  }
}

/** @param {string} path under the stage @param {string} text */
function stage(path, text) {
  const file = join(STAGE, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

try {
  rmSync(SITE, { recursive: true, force: true });
  rmSync(STAGE, { recursive: true, force: true });
  mkdirSync(STAGE, { recursive: true });

  // The manifest and the HTTP contract do not depend on each other: made side by side.
  const [source] = await Promise.all([
    step('custom-elements manifest', () => loadManifest()),
    step('HTTP contract (Redocly build-docs)', async () => {
      const output = join(STAGE, 'http-api.html');
      await runTool(
        'redocly build-docs',
        [
          'redocly',
          'build-docs',
          'access-requests',
          '--config',
          'openapi/redocly.yaml',
          '--inlineBundle',
          '--output',
          output,
          '--title',
          'access-requests HTTP API',
        ],
        {
          isWarning: redoclyWarning,
          env: { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        },
      );
      writeFileSync(output, offlineRedoc(readFileSync(output, 'utf8')));
    }),
  ]);
  console.log(`  ${source.elements.length} elements from ${relative(root, source.path)}`);

  const parts = await step('element reference and the guides’ generated parts', () => {
    const types = readEventTypes();
    for (const page of elementPages(source.elements, types)) stage(page.file, page.text);
    stage('http-api.md', httpApiPage());
    const statuses = readStatuses();
    stage('guides/lifecycle.svg', lifecycleSvg(statuses));
    stage('guides/extension.svg', extensionSvg(statuses));
    const detailTypes = [
      ...new Set([...types.events.values()].map((e) => detailOf(e.type, types).name)),
    ].sort();
    const nested = new Set(
      detailTypes.flatMap((name) =>
        (types.shapes.get(name) ?? []).map((m) => m.type.replace(/^readonly\s+|\[\]$/g, '')),
      ),
    );
    const documented = [
      ...detailTypes,
      ...[...nested].filter((name) => types.shapes.has(name) && !detailTypes.includes(name)),
    ];
    return {
      'element-list': elementList(source.elements),
      'status-table': statusTable(statuses),
      'transition-table': transitionTable(statuses),
      'lifecycle-diagram':
        '![State diagram of an access request: from creation to Pending Approval (when the flow needs approvers), ' +
        'Scheduled (approved automatically, with a start ahead) or Granting; Pending Approval to Scheduled, Granting, ' +
        'Rejected or Revoked; Scheduled to Granting at its start, or Revoked when cancelled; Granting to Active or Failed; Active to Revoking; ' +
        'Revoking to Revoked or Failed. The table below lists every transition.](./lifecycle.svg)\n\n' +
        '[The diagram at full size](./lifecycle.svg)',
      'extension-table': extensionTable(),
      'extension-diagram':
        '![State diagram of an extension: from Active, an extension under an automatic flow moves the expiry at once; ' +
        'under a flow with approvers it becomes Extension pending (still Active), which returns to Active when granted or rejected, ' +
        'or goes to Revoking (the extension dropped) when the access expires or is revoked first. The table below lists every step.](./extension.svg)\n\n' +
        '[The diagram at full size](./extension.svg)',
      'events-table': eventsTable(source.elements, types),
      'event-detail-types': documented
        .map((name) => {
          const members = types.shapes.get(name) ?? [];
          const alias = types.aliases.get(name);
          if (!members.length)
            return `- ${code(name)}: ${code(alias === 'Record<string, never>' ? '{}' : (alias ?? name))} (no fields)`;
          return [
            `- ${code(name)}`,
            '',
            table(
              ['field', 'type', 'what it holds'],
              members.map((m) => [code(m.name), code(m.type), prose(m.description)]),
            ),
          ]
            .join('\n')
            .replace(/\n(?=\|)/g, '\n  ');
        })
        .join('\n\n'),
      'css-parts-table': cssPartsTable(source.elements),
      'css-tokens-list': cssTokens(source.elements),
    };
  });

  await step('guides staged', () => {
    for (const path of [
      'index.md',
      ...DOCUMENTS.filter((d) => !GENERATED_DOCUMENTS.includes(d)),
      ...childDocuments(),
    ]) {
      const file = join(root, 'docs', path);
      if (!existsSync(file)) {
        const pending = PENDING_DOCUMENTS[path];
        if (!pending) fail(`docs/${path} is missing.`);
        note(`docs/${path} is not in this checkout yet: its page says where it will come from.`);
        stage(path, pending);
        continue;
      }
      stage(
        path,
        withTitle(linkOutsideDocs(fillMarkers(readFileSync(file, 'utf8'), parts, `docs/${path}`), path)),
      );
    }
  });

  await step('API reference and guides (TypeDoc)', () =>
    runTool('TypeDoc', ['typedoc', '--options', 'scripts/docs/typedoc.config.mjs'], {
      isWarning: (line) => /\[warning\]|\[error\]/.test(line),
    }),
  );

  await step('every export has a description and an @example', () => {
    const { checked, findings } = checkExamples(join(STAGE, 'api.json'));
    if (findings.length) {
      fail(
        `${findings.length} of ${checked} public exports lack a description or an example:\n` +
          findings.map((f) => `  ${f.name} (${f.kind}) lacks ${f.missing.join(' and ')}`).join('\n') +
          '\nDocument each in its source with a summary and an `@example` block.',
      );
    }
    console.log(`  ${checked} exports, each with a description and an @example`);
  });

  await step('live examples bundle and the service worker', async () => {
    const result = await esbuild.build({
      entryPoints: [join(root, 'scripts/docs/live-examples.browser.mjs')],
      outfile: join(SITE, 'assets/live-examples.js'),
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      conditions: ['source', 'production'],
      tsconfig: join(root, 'tsconfig.json'),
      legalComments: 'none',
      logLevel: 'silent',
    });
    if (result.warnings.length || result.errors.length) {
      const messages = await esbuild.formatMessages([...result.errors, ...result.warnings], {
        kind: 'warning',
      });
      fail(`esbuild printed warnings:\n${messages.join('\n')}`);
    }
    const require = createRequire(join(root, 'package.json'));
    copyFileSync(
      require.resolve('@access-requests/mock-server/mockServiceWorker.js'),
      join(SITE, 'mockServiceWorker.js'),
    );
  });

  await step('internal links and offline resources', () => {
    const { pages, links, broken, external } = checkLinks(SITE);
    // TypeDoc copies a linked file that is not a document as it is: a Markdown file there is a link
    // that should have gone to a guide's page (or the repository).
    const raw = filesUnder(SITE, (name) => name.endsWith('.md')).map((file) => relative(SITE, file));
    if (raw.length)
      fail(
        `Links lead to raw Markdown copied into the site (link to a document of the site, or to the repository):\n  ${raw.join('\n  ')}`,
      );
    if (broken.length) fail(`${broken.length} broken internal link(s):\n  ${broken.join('\n  ')}`);
    if (external.length)
      fail(`Pages load from outside the site (it must work offline):\n  ${external.join('\n  ')}`);
    console.log(
      `  ${pages} pages, ${links} internal links and resources, all resolved; nothing loaded from outside`,
    );
  });

  if (withBrowser) {
    await step('live examples in headless Chromium', async () => {
      const results = await checkInBrowser(SITE, liveChecks(source.elements), [
        'index.html',
        renderedHttpApi(),
      ]);
      for (const r of results) console.log(`  ${r.ok ? '✔' : '✘'} ${r.page}: ${r.detail}`);
      const failed = results.filter((r) => !r.ok);
      if (failed.length) fail(`${failed.length} page(s) failed in Chromium.`);
    });
  }

  const total = performance.now() - started;
  console.log(`\nThe docs site is in ${relative(root, SITE)}/ (${(total / 1000).toFixed(1)} s):`);
  for (const [name, ms] of timings) console.log(`  ${(ms / 1000).toFixed(1).padStart(5)} s  ${name}`);
  console.log('Serve it with `pnpm docs:serve` to run the live examples.');
} catch (error) {
  if (error instanceof DocsBuildError) {
    for (const [name, ms] of timings) console.log(`  ${(ms / 1000).toFixed(1).padStart(5)} s  ${name}`);
    console.error(`\n✘ docs build: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

/**
 * TypeDoc names a document after its front matter's `title`; a page without one (benchmarks.md,
 * which `pnpm bench` writes) gets its first heading.
 * @param {string} text
 */
function withTitle(text) {
  if (text.startsWith('---\n')) return text;
  const heading = /^#\s+(.+)$/m.exec(text)?.[1]?.trim();
  return heading ? `---\ntitle: ${JSON.stringify(heading.replace(/`/g, ''))}\n---\n\n${text}` : text;
}

/**
 * A guide may link to a file of the repository outside docs/ (the contract, an example); in the
 * site such a link goes to the file in the repository.
 * @param {string} text
 * @param {string} path the guide's path under docs/
 */
function linkOutsideDocs(text, path) {
  return text.replace(/\]\((?!#|[a-z][a-z0-9+.-]*:)([^)\s]+)\)/gi, (whole, target) => {
    const [file = '', anchor = ''] = String(target).split('#');
    const resolved = posix.normalize(posix.join('docs', posix.dirname(path), file));
    if (resolved.startsWith('docs/') || resolved === 'docs') return whole;
    const kind =
      existsSync(join(root, resolved)) && statSync(join(root, resolved)).isDirectory() ? 'tree' : 'blob';
    return `](${REPOSITORY}/${kind}/main/${resolved}${anchor ? `#${anchor}` : ''})`;
  });
}

/** The documents the staged ones name as their children (front matter `children:`). */
function childDocuments() {
  /** @type {string[]} */
  const children = [];
  for (const path of DOCUMENTS) {
    const file = join(root, 'docs', path);
    if (!existsSync(file)) continue;
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
    for (const match of front.matchAll(/^\s+-\s+(\S+\.md)$/gm))
      children.push(join(dirname(path), match[1] ?? ''));
  }
  return children;
}

/** Where TypeDoc put the Redocly page (it copies linked files into the site's media folder). */
function renderedHttpApi() {
  const candidates = ['media/http-api.html', 'http-api.html'];
  const found = candidates.find((path) => existsSync(join(SITE, path)));
  return found ?? fail('The HTTP API page is not in the site: no page links to http-api.html.');
}

/**
 * Redocly's page inlines its whole bundle (`--inlineBundle`), but its sidebar shows the Redocly
 * logo from Redocly's CDN once the page runs. Point that image at an inline one, so the page loads
 * nothing from outside; the attribution ("API docs by Redocly") and its link stay as they are.
 * Telemetry is off (`REDOCLY_TELEMETRY=off`), which the page must say too.
 * @param {string} html
 */
function offlineRedoc(html) {
  const logo = `data:image/svg+xml,${encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="20" viewBox="0 0 96 20"><text x="0" y="15" font-family="sans-serif" font-size="15" font-weight="700" fill="#0044d4">Redocly</text></svg>',
  )}`;
  const cdn = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
  // Other CDN addresses in the bundle (icon sets) serve features this contract does not use; the
  // Chromium check proves the page loads nothing from outside.
  if (!cdn.test(html))
    note(
      'the Redocly page no longer names its CDN logo: the Chromium check shows whether it loads anything from outside.',
    );
  const replaced = html.replace(cdn, logo);
  if (!/"disableTelemetry":true/.test(replaced)) fail('The Redocly page was built with telemetry on.');
  return replaced;
}

/**
 * Redocly prints a Node 20 notice as a banner on every run: that is not about the docs. Anything
 * else that warns is.
 * @param {string} line
 */
function redoclyWarning(line) {
  if (/^\s*[║╔╚]/.test(line)) return false;
  return /warn|⚠/i.test(line);
}
