// The reference server's requests per second beside Prism mocking the same contract, on the same
// three endpoints (list requests, catalog search, preview), with autocannon at 20 connections; and
// the server's memory with 100,000 catalog resources. Target (issue 15): ≥ 1.0× Prism per endpoint,
// while the reference server does its real work (auth, validation, the world at 100,000 resources).
//
// Both servers run in processes of their own, as `pnpm mock` and `prism mock` start them; Prism is
// fetched on demand (`pnpm dlx`), never a workspace dependency. Runs alternate between the two so
// that other load on the machine falls on both alike.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('..', import.meta.url));
const PRISM = '@stoplight/prism-cli@5.16.0';
const CONTRACT = 'packages/contract/access-requests.yaml';
const CATALOG_SIZE = 100_000;
const CONNECTIONS = 20;
const RUNS = 5;
const SECONDS = 2;

const PREVIEW_BODY = JSON.stringify({
  resources: [
    { resource_id: 'res_prod_payments_db', permission_id: 'perm_pg_readonly' },
    { resource_id: 'res_prod_orders_db', permission_id: 'perm_pg_readonly' },
  ],
  duration_hours: 8,
  justification: 'Investigating INC-4821: duplicated payouts in the EU region.',
});

const ENDPOINTS = [
  { name: 'list requests', method: 'GET', path: '/v1/access-requests' },
  { name: 'catalog search', method: 'GET', path: '/v1/catalog/resources?search=payments' },
  { name: 'preview', method: 'POST', path: '/v1/access-requests/preview', body: PREVIEW_BODY },
];

/**
 * Preloaded into the reference server's process: on an IPC `memory` message, collects garbage and
 * answers `process.memoryUsage()`. The server's own code is untouched.
 */
const MEMORY_PROBE = `data:text/javascript,${encodeURIComponent(
  "process.on('message', (m) => { if (m === 'memory') { globalThis.gc(); process.send(process.memoryUsage()); } });",
)}`;

/** Spawns `command` and resolves with the child and the first match of `ready` in its stdout. */
function start(command, args, ready, what, options = {}) {
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let out = '';
  const url = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      out += chunk;
      const found = ready.exec(out);
      if (found?.[1]) {
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve(found[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) =>
      reject(new Error(`${what} exited (${code}) before it listened:\n${out.slice(-2000)}`)),
    );
  });
  return { child, url };
}

/** A port free on loopback right now (Prism takes no port 0). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return exited;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const MIB = 1024 * 1024;

/** One autocannon run: requests per second, and how many answers were not 2xx (or failed). */
async function load(base, endpoint, seconds = SECONDS) {
  const result = await autocannon({
    url: `${base}${endpoint.path}`,
    method: endpoint.method,
    connections: CONNECTIONS,
    duration: seconds,
    headers: {
      authorization: 'Bearer demo-alice',
      ...(endpoint.body ? { 'content-type': 'application/json' } : {}),
    },
    ...(endpoint.body ? { body: endpoint.body } : {}),
  });
  return { perSecond: result.requests.total / result.duration, failed: result.non2xx + result.errors };
}

/** The reference server's memory, after a full garbage collection (its RSS from /proc where there is one). */
function memoryOf(child) {
  return new Promise((resolve) => {
    child.once('message', (usage) => {
      let rss = usage.rss;
      try {
        const kib = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
        if (Number.isFinite(kib)) rss = kib * 1024;
      } catch {
        // Not Linux: Node's own figure.
      }
      resolve({ ...usage, rss });
    });
    child.send('memory');
  });
}

export async function serverThroughputBench() {
  const reference = start(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      MEMORY_PROBE,
      '--conditions=source',
      '--import',
      'tsx',
      'packages/mock-server/src/cli.ts',
      ...['--port', '0', '--catalog-size', String(CATALOG_SIZE), '--speed', '0', '--quiet'],
      '--exit-with-parent',
    ],
    /Reference server: (http:\/\/127\.0\.0\.1:\d+)\/v1/,
    'the reference server',
    { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  const prism = start(
    'pnpm',
    ['dlx', PRISM, 'mock', '--host', '127.0.0.1', '-p', String(await freePort()), CONTRACT],
    /Prism is listening on (http:\/\/127\.0\.0\.1:\d+)/,
    `Prism (${PRISM}, through pnpm dlx)`,
  );
  const rows = [];
  try {
    const [referenceUrl, prismUrl] = await Promise.all([reference.url, prism.url]);
    const idle = await memoryOf(reference.child);
    const servers = [
      { name: 'reference server', url: referenceUrl },
      { name: `Prism ${PRISM.split('@')[2]}`, url: prismUrl },
    ];
    for (const endpoint of ENDPOINTS) {
      // A short warm-up each (JIT, caches), then alternating runs.
      for (const server of servers) await load(server.url, endpoint, 1);
      const samples = servers.map(() => []);
      const failed = servers.map(() => 0);
      for (let run = 0; run < RUNS; run++) {
        for (const [i, server] of servers.entries()) {
          const one = await load(server.url, endpoint);
          samples[i].push(one.perSecond);
          failed[i] += one.failed;
        }
      }
      const [ours, theirs] = samples.map(median);
      for (const [i, server] of servers.entries()) {
        rows.push({
          name: `${endpoint.name} (${endpoint.method} ${endpoint.path.split('?')[0]}): ${server.name}`,
          unit: 'req/s',
          value: median(samples[i]),
          min: Math.min(...samples[i]),
          runs: RUNS,
          ...(i === 1 ? { baseline: true } : {}),
          note:
            `${CONNECTIONS} connections, ${RUNS} × ${SECONDS} s` +
            (failed[i] ? `; ${failed[i]} answers not 2xx or failed` : ''),
        });
      }
      const ratio = ours / theirs;
      rows.push({
        name: `${endpoint.name}: reference server ÷ Prism`,
        unit: '×',
        value: ratio,
        min: Math.min(...samples[0]) / Math.max(...samples[1]),
        runs: RUNS,
        target: '≥ 1.0× Prism',
        met: ratio >= 1,
        note: 'medians; min is the worst run against the best',
      });
    }
    const loaded = await memoryOf(reference.child);
    for (const [when, usage] of [
      ['after start', idle],
      ['after the load', loaded],
    ]) {
      rows.push(
        {
          name: `reference server memory, ${CATALOG_SIZE.toLocaleString('en')} resources, ${when}: RSS`,
          unit: 'MB',
          value: usage.rss / MIB,
          note: 'resident set, after a full GC (MiB)',
        },
        {
          name: `reference server memory, ${CATALOG_SIZE.toLocaleString('en')} resources, ${when}: heap used`,
          unit: 'MB',
          value: usage.heapUsed / MIB,
          note: `V8 heap in use after a full GC (MiB); external ${(usage.external / MIB).toFixed(1)} MiB`,
        },
      );
    }
  } finally {
    // `pnpm dlx` passes the signal on to Prism.
    await Promise.all([stop(reference.child), stop(prism.child)]);
  }
  return rows;
}
