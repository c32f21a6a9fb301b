// The consumer check: what an integrator gets from the published packages, tried outside this
// workspace. The five packages are packed as they would be published (`scripts/pack.mjs`), then
// installed with plain npm in an empty project under the system's temp folder, and there:
//   1. a React 19 `.tsx` file and a Vue SFC (vue-tsc, strictTemplates) that use the elements
//      type-check, and the same with `status="activ"` fails on that line;
//   2. a bundle of one element holds that element (and what it renders) and nothing else;
//   3. `npx access-requests-mock --port 0` starts from the installed bin and an SDK lifecycle runs
//      against it over HTTP;
//   4. a node:test file that uses `@access-requests/mock-server/testing` with the contract check runs green;
//   5. a plain HTML page whose only script imports the script-tag build renders My Requests in
//      Chromium, the page and the API each served by the installed reference server, on two origins;
//   6. `npx @access-requests/cli --help` runs the installed CLI's bin, and `whoami` reaches the server.
// `KEEP_CONSUMER=1` keeps the scratch project and prints where it is.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ensurePacks, root } from './pack.mjs';
import { RENDERED_MARKDOWN, openScriptTagPage } from './script-tag-page.mjs';
import { BASELINES, BUDGETS } from './size-budgets.mjs';
import { budgetTable, initialChunks } from './sizes.mjs';

/** Exact versions an integrator on Node 20 would install beside our packages. */
const HOST_TOOLS = {
  typescript: '5.9.3',
  react: '19.3.1',
  'react-dom': '19.3.1',
  '@types/react': '19.3.3',
  vue: '3.5.45',
  'vue-tsc': '3.3.14',
  esbuild: '0.27.7',
};

const started = Date.now();
/** @type {{ name: string, ok: boolean, seconds: string, detail: string }[]} */
const results = [];

/**
 * Runs one named check; a throw fails it with the thrown message.
 * @param {string} name @param {() => Promise<string | void> | string | void} body
 */
async function check(name, body) {
  const t0 = Date.now();
  try {
    const detail = (await body()) ?? '';
    results.push({ name, ok: true, seconds: ((Date.now() - t0) / 1000).toFixed(1), detail });
    console.log(`  ✔ ${name}${detail ? `: ${detail}` : ''} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    results.push({ name, ok: false, seconds: ((Date.now() - t0) / 1000).toFixed(1), detail });
    console.log(`  ✘ ${name}\n${detail.replace(/^/gm, '      ')}`);
  }
}

/**
 * Runs a command in the scratch project and resolves with its output; rejects with the output on
 * failure (or, with `expectFailure`, on success).
 * @param {string} cwd
 * @param {string[]} command
 * @param {{ expectFailure?: boolean, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<string>}
 */
function run(cwd, command, { expectFailure = false, env = process.env } = {}) {
  const [cmd = '', ...args] = command;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      if (expectFailure ? status === 0 : status !== 0) {
        reject(
          new Error(
            `\`${command.join(' ')}\` ${expectFailure ? 'passed but should have failed' : `exited ${status}`}:\n${output.trim()}`,
          ),
        );
      } else resolve(output.trim());
    });
  });
}

/** The first line of `file` (relative to `dir`) that contains `needle`, 1-based. */
const lineOf = (/** @type {string} */ dir, /** @type {string} */ file, /** @type {string} */ needle) =>
  readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(needle)) + 1;

/**
 * Starts the installed `access-requests-mock` bin on a free port; answers its base URL and a stop function.
 * @param {string} cwd
 */
async function startMock(cwd) {
  const child = spawn(
    'npx',
    ['--no-install', 'access-requests-mock', '--port', '0', '--quiet', '--exit-with-parent'],
    { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`access-requests-mock printed no URL in 30 s:\n${output}`)),
      30_000,
    );
    const onData = (/** @type {Buffer} */ chunk) => {
      output += chunk;
      // The banner's first line: `Reference server: http://127.0.0.1:PORT/v1 (ready in … ms)`.
      const found = /Reference server: (http:\/\/\S+?)\/v1\b/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`access-requests-mock exited ${code}:\n${output}`)));
  });
  return {
    url: /** @type {string} */ (url),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(undefined);
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

console.log('▶ consumer check: the packed packages, installed with npm outside the workspace');
const tarballs = await ensurePacks({ log: (line) => console.log(`  ${line}`) });
const scratch = mkdtempSync(join(tmpdir(), 'ar-consumer-'));
/** @type {{ url: string, stop(): Promise<unknown> } | undefined} */
let mock;
try {
  await check('npm install of the five tarballs and the host tools', async () => {
    writeFileSync(
      join(scratch, 'package.json'),
      JSON.stringify(
        {
          name: 'consumer',
          private: true,
          type: 'module',
          dependencies: {
            ...Object.fromEntries(
              Object.entries(tarballs).map(([folder, path]) => [
                `@access-requests/${folder}`,
                `file:${path}`,
              ]),
            ),
            ...HOST_TOOLS,
          },
        },
        null,
        2,
      ),
    );
    await run(scratch, [
      'npm',
      'install',
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      '--prefer-offline',
      '--loglevel=error',
    ]);
    return `${Object.keys(tarballs).length} packages from .packs/`;
  });

  // The elements' fixtures, as an integrator's project would hold them: good/ must type-check; bad/
  // is the same with one mistake, `status="activ"`, which must be its only error.
  const fixtures = join(root, 'packages/elements/test/consumer');
  const mistake = (/** @type {string} */ text, /** @type {string} */ file) => {
    const wrong = text.replace('<status-badge status="active"', '<status-badge status="activ"');
    if (wrong === text) throw new Error(`${file} has no <status-badge status="active"> to get wrong`);
    return wrong;
  };
  for (const [file, badName] of [
    ['tsconfig.json'],
    ['env.d.ts'],
    ['good.tsx', 'bad.tsx'],
    ['Good.vue', 'Bad.vue'],
  ]) {
    const text = readFileSync(join(fixtures, /** @type {string} */ (file)), 'utf8');
    mkdirSync(join(scratch, 'good'), { recursive: true });
    mkdirSync(join(scratch, 'bad'), { recursive: true });
    writeFileSync(join(scratch, 'good', /** @type {string} */ (file)), text);
    writeFileSync(
      join(scratch, 'bad', badName ?? /** @type {string} */ (file)),
      badName ? mistake(text, /** @type {string} */ (file)) : text,
    );
  }
  const good = join(scratch, 'good');
  const bad = join(scratch, 'bad');

  // The four type-checks run side by side: each is a whole TypeScript program.
  const tsc = ['npx', '--no-install', 'tsc', '--noEmit', '-p', '.'];
  const vueTsc = ['npx', '--no-install', 'vue-tsc', '--noEmit', '-p', '.'];
  const [goodReact, badReact, goodVue, badVue] = [
    run(good, tsc),
    run(bad, tsc, { expectFailure: true }),
    run(good, vueTsc),
    run(bad, vueTsc, { expectFailure: true }),
  ];
  // Each is awaited below; until then, a rejection is not unhandled.
  for (const pending of [goodReact, badReact, goodVue, badVue]) pending.catch(() => {});
  /**
   * The one error in `file` that `output` must hold, on the line of the wrong value.
   * @param {string} output
   * @param {string} file
   */
  const onlyErrorIn = (output, file) => {
    const at = `${file}(${lineOf(bad, file, '<status-badge status="activ"')},`;
    const errors = output.split('\n').filter((l) => /error TS\d+/.test(l) && l.startsWith(file));
    if (errors.length !== 1 || !errors[0]?.startsWith(at))
      throw new Error(`expected one error in ${file}, at ${at}…), got:\n${output}`);
    return errors[0].replace(/^.*error /, 'error ');
  };
  await check('React 19: a .tsx file that uses the elements type-checks', async () => void (await goodReact));
  await check('React 19: status="activ" is a type error, on its line', async () =>
    onlyErrorIn(await badReact, 'bad.tsx'),
  );
  await check(
    'Vue 3 (vue-tsc, strictTemplates): an SFC that uses the elements type-checks',
    async () => void (await goodVue),
  );
  await check('Vue 3: status="activ" is a type error, on its line', async () =>
    onlyErrorIn(await badVue, 'Bad.vue'),
  );

  /** Bundles `entry` with the installed packages; answers the element folders and the packages it holds. */
  async function bundleOf(/** @type {string} */ entry) {
    const result = await build({
      stdin: { contents: `import '${entry}';`, resolveDir: scratch, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      splitting: true,
      outdir: join(scratch, 'bundle'),
      conditions: ['browser', 'production'],
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
    // What ends up in the bundle: inputs that put bytes into some output (parsed but shaken off is not
    // in it).
    const inputs = [
      ...new Set(
        Object.values(result.metafile.outputs).flatMap((o) =>
          Object.entries(o.inputs)
            .filter(([, i]) => i.bytesInOutput > 0)
            .map(([path]) => path),
        ),
      ),
    ];
    const componentsOf = (/** @type {string[]} */ paths) =>
      new Set(
        paths
          .map((p) => /@access-requests\/elements\/dist\/components\/([^/]+)\//.exec(p)?.[1])
          .filter(Boolean),
      );
    const components = componentsOf(inputs);
    const outputs = result.metafile.outputs;
    const initial = initialChunks(result.metafile);
    const initialComponents = componentsOf(
      [...initial].flatMap((chunk) =>
        Object.entries(outputs[chunk]?.inputs ?? {})
          .filter(([, i]) => i.bytesInOutput > 0)
          .map(([path]) => path),
      ),
    );
    const packages = new Set(
      inputs.map((p) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(p)?.[1]).filter(Boolean),
    );
    return { components, initialComponents, packages };
  }
  await check('one element bundled alone holds only itself and what it renders', async () => {
    const badge = await bundleOf('@access-requests/elements/status-badge.js');
    if ([...badge.components].join() !== 'status-badge')
      throw new Error(`status-badge's bundle holds ${[...badge.components].join(', ')}`);
    const list = await bundleOf('@access-requests/elements/request-list.js');
    if ([...list.components].sort().join() !== 'request-list,status-badge') {
      throw new Error(
        `request-list's bundle holds ${[...list.components].join(', ')} (expected request-list and the status-badge it renders)`,
      );
    }
    for (const absent of ['marked', 'dompurify', 'msw']) {
      if (list.packages.has(absent)) throw new Error(`request-list's bundle holds ${absent}`);
    }
    const every = await bundleOf('@access-requests/elements/define.js');
    if (every.components.size !== 9 || every.components.size !== every.initialComponents.size)
      throw new Error(
        `define.js holds ${[...every.components].join(', ')}, eager: ${[...every.initialComponents].join(', ')}`,
      );
    const portal = await bundleOf('@access-requests/elements/access-portal.js');
    const lazy = ['access-request-form', 'my-access', 'approval-inbox'];
    const eager = lazy.filter((name) => portal.initialComponents.has(name));
    if (eager.length) throw new Error(`access-portal loads ${eager.join(', ')} before its first view`);
    const missing = lazy.filter((name) => !portal.components.has(name));
    if (missing.length) throw new Error(`access-portal's bundle has no chunk for ${missing.join(', ')}`);
    return `status-badge: ${[...badge.packages].join(', ')}; access-portal loads ${lazy.join(', ')} when first shown; request-list adds ${[...list.packages].filter((p) => !badge.packages.has(p)).join(', ')}`;
  });

  await check('every entry point within its size budget (esbuild --minify, gzip -9)', async () => {
    const { table, over } = await budgetTable(scratch, BUDGETS, BASELINES);
    console.log(table.replace(/^/gm, '      '));
    if (over.length) throw new Error(`over budget (scripts/size-budgets.mjs):\n${over.join('\n')}`);
    return `${BUDGETS.length} entries`;
  });

  await check('npx access-requests-mock --port 0 starts from the installed bin', async () => {
    mock = await startMock(scratch);
    return mock.url;
  });
  await check('an SDK lifecycle runs against it over HTTP', async () => {
    if (!mock) throw new Error('no reference server');
    cpSync(
      join(root, 'packages/mock-server/examples/http-lifecycle.example.mjs'),
      join(scratch, 'lifecycle.mjs'),
    );
    return (
      await run(scratch, ['node', 'lifecycle.mjs'], {
        env: { ...process.env, ACCESS_REQUESTS_URL: mock.url },
      })
    )
      .split('\n')
      .at(-1);
  });
  await check(
    'npx @access-requests/cli --help runs the installed CLI, and whoami reaches the server',
    async () => {
      if (!mock) throw new Error('no reference server');
      const help = await run(scratch, ['npx', '--no-install', '@access-requests/cli', '--help']);
      if (!help.startsWith('Usage: access-requests <command>')) throw new Error(`--help printed:\n${help}`);
      const env = { ...process.env, ACCESS_REQUESTS_URL: mock.url, ACCESS_REQUESTS_TOKEN: 'demo-alice' };
      const me = await run(scratch, ['npx', '--no-install', 'access-requests', 'whoami', '--json'], { env });
      return `whoami: ${JSON.parse(me).user.name}`;
    },
  );
  await check('a node:test file using @access-requests/mock-server/testing, contract check on', async () => {
    cpSync(
      join(root, 'packages/mock-server/examples/node-test.example.mjs'),
      join(scratch, 'integration.test.mjs'),
    );
    const output = await run(scratch, ['node', '--test', '--test-reporter=spec', 'integration.test.mjs']);
    const passed = /ℹ pass (\d+)/.exec(output)?.[1];
    if (!passed || passed === '0') throw new Error(`no test passed:\n${output}`);
    return `${passed} tests passed`;
  });

  await check('a plain page with only the script-tag build renders My Requests in Chromium', async () => {
    // The installed reference server serves the page (`staticDir`) and, on another origin, the API.
    const http = createRequire(join(scratch, 'consumer.js')).resolve('@access-requests/mock-server/http');
    const { startHttpServer } = await import(pathToFileURL(http).href);
    const opened = await openScriptTagPage({
      cdnDir: join(scratch, 'node_modules/@access-requests/elements/cdn'),
      startHttpServer,
    });
    if (opened.hasImportMap) throw new Error('the page has an import map');
    if (opened.markdown !== RENDERED_MARKDOWN)
      throw new Error(`the lazy Markdown chunk rendered ${opened.markdown}`);
    if (opened.problems.length) throw new Error(`the page reported:\n${opened.problems.join('\n')}`);
    return `first card "${opened.title}", badge "${opened.label}"`;
  });
} finally {
  await mock?.stop();
  if (process.env.KEEP_CONSUMER) console.log(`  scratch project kept at ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}

const failed = results.filter((r) => !r.ok).length;
console.log(
  `${results.length - failed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`,
);
process.exit(failed ? 1 : 0);
