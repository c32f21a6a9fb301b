// `pnpm start` over real HTTP: it listens only on the host it prints, and serves only what the portal
// needs (its page, stylesheet and modules, and the reference server) — nothing else of the repository.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const rootDir = fileURLToPath(new URL('../..', import.meta.url));

/** Starts `pnpm start`'s script on a free port; resolves with the URL it prints. */
function start() {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'scripts/start.mjs'], {
    cwd: rootDir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', MOCK_CATALOG_SIZE: '50' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const found = /Demo portal: (http:\/\/\S+)/.exec(output);
      if (found) resolve({ child, url: new URL(found[1]) });
    });
    child.on('exit', (code) => reject(new Error(`scripts/start.mjs exited ${code}:\n${output}`)));
  });
}

/** Whether a TCP connection to `host:port` is accepted. */
const accepts = (host, port) =>
  new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** @returns {Promise<number>} the status of `GET path`, the path sent byte for byte */
function rawGet(url, path, host = url.host) {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) }, () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    );
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)));
    socket.on('error', reject);
  });
}

describe('pnpm start', () => {
  /** @type {{ child: import('node:child_process').ChildProcess, url: URL }} */
  let served;
  before(async () => {
    served = await start();
  });
  after(() => {
    served.child.kill();
  });

  it('prints 127.0.0.1 and listens there only, not on the other addresses of this machine', async () => {
    assert.equal(served.url.hostname, '127.0.0.1');
    const port = Number(served.url.port);
    assert.equal(await accepts('127.0.0.1', port), true);
    // Another loopback address (Linux routes all of 127/8 to lo) stands for every other interface.
    assert.equal(await accepts('127.0.0.2', port), false, '127.0.0.2');
    assert.equal(await accepts('::1', port), false, '::1');
  });

  it('serves the portal: its page, stylesheet, modules and their dependencies, and the reference server', async () => {
    for (const path of [
      '/',
      '/examples/portal/index.html',
      '/examples/portal/portal.css',
      '/examples/portal/main.ts',
      '/examples/portal/users.ts',
      '/packages/elements/src/all.define.ts',
      // Loaded only when Access Details opens (a dynamic import), and its dependencies.
      '/packages/elements/src/internal/markdown.ts',
      '/node_modules/.pnpm/marked@18.2.1/node_modules/marked/lib/marked.esm.js',
      '/_control/clock',
    ]) {
      assert.equal(await rawGet(served.url, path), 200, path);
    }
    const me = await fetch(new URL('/v1/me', served.url), {
      headers: { authorization: 'Bearer demo-alice' },
    });
    assert.equal(me.status, 200);
  });

  it('serves nothing else of the repository: dot-files, manifests, sources outside the portal, traversal', async () => {
    for (const path of [
      '/.git/config',
      '/.git/HEAD',
      '/.git',
      '/pnpm-lock.yaml',
      '/package.json',
      '/README.md',
      '/.changeset/config.json',
      '/examples/portal/e2e.mjs',
      '/examples/portal/package.json',
      '/scripts/serve.mjs',
      '/packages/mock-server/src/index.ts',
      '/packages/elements/package.json',
      '/node_modules/.pnpm/lock.yaml',
      '/node_modules/.modules.yaml',
      '/examples/portal/../../package.json',
      '/examples/portal/%2e%2e/%2e%2e/package.json',
      '/examples/portal/%2e%2e%2f%2e%2e%2fpackage.json',
      '/%2e%2e%2f%2e%2e%2fetc/passwd',
      '/..%2f..%2fetc/passwd',
      '/%2egit/config',
      '/examples/portal/main.ts%00.css',
      '/%zz',
      '/examples\\portal\\e2e.mjs',
    ]) {
      assert.equal(await rawGet(served.url, path), 404, path);
    }
  });

  it('answers only IP addresses and localhost names, so a page cannot reach it through DNS rebinding', async () => {
    const port = served.url.port;
    for (const path of ['/', '/examples/portal/main.ts', '/_control/clock', '/v1/catalog/resource-types']) {
      assert.equal(await rawGet(served.url, path, `rebound.attacker.example:${port}`), 403, path);
    }
    assert.equal(await rawGet(served.url, '/', `localhost:${port}`), 200);
    assert.equal(await rawGet(served.url, '/', `127.0.0.1:${port}`), 200);
  });
});
