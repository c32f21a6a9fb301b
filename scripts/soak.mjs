// `pnpm soak`: many event-stream clients and steady mixed traffic against the HTTP reference server,
// on loopback only, for a bounded time. Says whether any call failed, whether any stream lost or
// repeated an event, and how the server's memory moved; exits 1 when any of that went wrong.
//
//   pnpm soak [--clients 500] [--rate 200] [--seconds 60]
//
// The server runs as its own process (so its memory is its own), its clock at 60× so that requests
// move through granting, active and revoking while the traffic runs.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SseParser } from '@access-requests/mock-server/testing';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '500' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
  },
});
const CLIENTS = positive('clients', values.clients);
const RATE = positive('rate', values.rate);
const SECONDS = positive('seconds', values.seconds);

/** @param {string} name @param {string} text */
function positive(name, text) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`soak: --${name} must be a whole number ≥ 1, got ${text}`);
    process.exit(2);
  }
  return value;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const USERS = ['demo-alice', 'demo-bob', 'demo-carol', 'demo-dave'];

// ---- the server, on loopback, in its own process

const server = spawn(
  process.execPath,
  [
    '--conditions=source',
    '--import',
    'tsx',
    'packages/mock-server/src/cli.ts',
    '--port',
    '0',
    '--host',
    '127.0.0.1',
    '--speed',
    '60',
    '--quiet',
    '--exit-with-parent',
  ],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
);
/** @type {string} */
const base = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const found = /Reference server: (http:\/\/127\.0\.0\.1:\d+)\/v1/.exec(out);
    if (found?.[1]) resolve(found[1]);
  });
  server.on('exit', (code) => reject(new Error(`the reference server exited (${code}) before it listened`)));
});

/** The server's resident memory, in MiB (Linux), or undefined where /proc does not tell. */
function serverRssMiB() {
  try {
    const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
    const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kib) ? kib / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** @param {string} token */
const headers = (token) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
/** @param {string} token @param {string} method @param {string} path @param {object} [body] */
const call = (token, method, path, body) =>
  fetch(`${base}${path}`, {
    method,
    headers: headers(token),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

// ---- the streams

/**
 * Per client: the event ids it received, in order, and the last version of each request it saw.
 * @typedef {{ token: string, ids: number[], latest: Map<string, string> }} Stream
 * @type {Stream[]}
 */
const streams = [];
const stop = new AbortController();
let streamErrors = 0;

/** @param {number} index */
async function openStream(index) {
  const token = USERS[index % USERS.length] ?? 'demo-alice';
  /** @type {Stream} */
  const stream = { token, ids: [], latest: new Map() };
  streams.push(stream);
  const response = await fetch(`${base}/v1/events`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: stop.signal,
  });
  if (!response.ok || !response.body) throw new Error(`stream ${index}: ${response.status}`);
  const body = response.body;
  void (async () => {
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const reader = body.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const event of parser.push(decoder.decode(value, { stream: true }))) {
          if (event.event !== 'request.updated') continue;
          stream.ids.push(Number(event.id));
          /** @type {{ request: { id: string, status: string, updated_at: string } }} */
          const { request } = JSON.parse(event.data);
          stream.latest.set(request.id, `${request.updated_at} ${request.status}`);
        }
      }
    } catch (error) {
      if (!stop.signal.aborted) {
        streamErrors++;
        console.error(`stream ${index} broke:`, error);
      }
    }
  })();
}

// ---- the traffic

/** @type {{ calls: number, errors: number, byKind: Record<string, number> }} */
const counts = { calls: 0, errors: 0, byKind: {} };
/** @type {string[]} */
const failures = [];
/** Requests the soak created, by token, to revoke and favourite later. @type {Map<string, string[]>} */
const mine = new Map(USERS.map((u) => [u, []]));
/** @param {string} token */
const idsOf = (token) => mine.get(token) ?? [];

/** @typedef {[name: string, weight: number, run: (token: string) => Promise<Response>]} Kind */
/** @type {Kind[]} */
const KINDS = [
  ['search', 30, (token) => call(token, 'GET', `/v1/catalog/resources?search=pay&limit=20`)],
  ['list', 25, (token) => call(token, 'GET', '/v1/access-requests?scope=mine&limit=50')],
  ['my-access', 10, (token) => call(token, 'GET', '/v1/my-access')],
  ['approvals', 5, (token) => call(token, 'GET', '/v1/approvals?status=pending')],
  [
    'submit',
    15,
    async (token) => {
      const response = await call(token, 'POST', '/v1/access-requests', {
        resources: [{ resource_id: 'res_staging_payments_db', permission_id: 'perm_pg_readonly' }],
        duration_hours: 1,
        justification: 'soak',
      });
      if (response.status === 201) {
        /** @type {{ requests: { id: string }[] }} */
        const { requests } = await response.clone().json();
        idsOf(token).push(...requests.map((r) => r.id));
      }
      return response;
    },
  ],
  [
    'favorite',
    8,
    (token) => {
      const ids = idsOf(token);
      const id = ids[Math.floor(Math.random() * ids.length)];
      return id ? call(token, 'PUT', `/v1/access-requests/${id}/favorite`) : call(token, 'GET', '/v1/me');
    },
  ],
  [
    'revoke',
    7,
    (token) => {
      const id = idsOf(token).shift();
      return id ? call(token, 'POST', `/v1/access-requests/${id}/revoke`) : call(token, 'GET', '/v1/me');
    },
  ],
];
const WEIGHT = KINDS.reduce((sum, [, weight]) => sum + weight, 0);

/** @returns {Kind} */
function pick() {
  let roll = Math.random() * WEIGHT;
  for (const kind of KINDS) if ((roll -= kind[1]) < 0) return kind;
  return /** @type {Kind} */ (KINDS[0]);
}

async function oneCall() {
  const [name, , run] = pick();
  const token = USERS[Math.floor(Math.random() * USERS.length)] ?? 'demo-alice';
  counts.calls++;
  counts.byKind[name] = (counts.byKind[name] ?? 0) + 1;
  try {
    const response = await run(token);
    // 409 is a revoke that raced the clock (already revoking or expired): an answer, not a failure.
    if (response.status >= 500 || (response.status >= 400 && response.status !== 409)) {
      counts.errors++;
      failures.push(`${name}: ${response.status} ${await response.text()}`);
    } else {
      await response.arrayBuffer();
    }
  } catch (error) {
    counts.errors++;
    failures.push(`${name}: ${String(error)}`);
  }
}

// ---- run

console.log(`Soak: ${CLIENTS} event-stream clients, ${RATE} requests/s for ${SECONDS} s against ${base}`);
const openedAt = Date.now();
for (let i = 0; i < CLIENTS; i += 50) {
  await Promise.all(Array.from({ length: Math.min(50, CLIENTS - i) }, (_, j) => openStream(i + j)));
}
console.log(`  ${CLIENTS} streams open in ${Date.now() - openedAt} ms`);

/** @type {(number | undefined)[]} */
const memory = [];
/** @type {number[]} */
const latencies = [];
const started = Date.now();
/** @type {Set<Promise<void>>} */
const inFlight = new Set();
const sampler = setInterval(() => memory.push(serverRssMiB()), 5000);
memory.push(serverRssMiB());
while (Date.now() - started < SECONDS * 1000) {
  const tickStart = Date.now();
  for (let i = 0; i < RATE / 10; i++) {
    const at = Date.now();
    const pending = oneCall().then(() => {
      latencies.push(Date.now() - at);
    });
    inFlight.add(pending);
    void pending.finally(() => inFlight.delete(pending));
  }
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - (Date.now() - tickStart))));
}
await Promise.all(inFlight);
clearInterval(sampler);
memory.push(serverRssMiB());

// Let the streams drain what the last calls caused: wait until each user's streams agree with each
// other and stop growing (bounded: 10 s).
const drainedBy = Date.now() + 10_000;
let previous = -1;
for (;;) {
  const total = streams.reduce((sum, s) => sum + s.ids.length, 0);
  if (total === previous || Date.now() > drainedBy) break;
  previous = total;
  await new Promise((resolve) => setTimeout(resolve, 500));
}
stop.abort();

// ---- verdicts

let duplicated = 0;
let outOfOrder = 0;
for (const stream of streams) {
  stream.ids.forEach((id, i) => {
    const before = stream.ids[i - 1];
    if (before === undefined) return;
    if (id === before) duplicated++;
    else if (id < before) outOfOrder++;
  });
}
// Every client of a user was open for the whole run: each must have seen the same events.
let lost = 0;
for (const token of USERS) {
  const ofUser = streams.filter((s) => s.token === token);
  const all = new Set(ofUser.flatMap((s) => s.ids));
  for (const stream of ofUser) lost += all.size - new Set(stream.ids).size;
}
// And the last version each stream saw of a request is the server's version now.
let stale = 0;
for (const token of USERS) {
  const stream = streams.find((s) => s.token === token);
  if (!stream) continue;
  const ids = [...stream.latest.keys()].slice(-50);
  for (const id of ids) {
    const response = await call(token, 'GET', `/v1/access-requests/${id}`);
    if (!response.ok) continue;
    /** @type {{ status: string, updated_at: string }} */
    const request = await response.json();
    if (stream.latest.get(id) !== `${request.updated_at} ${request.status}`) stale++;
  }
}
server.kill();

latencies.sort((a, b) => a - b);
/** @param {number} p */
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))];
const events = streams.reduce((sum, s) => sum + s.ids.length, 0);
const mib = memory.filter((m) => m !== undefined);
const first = mib[0];
const last = mib.at(-1);
console.log(
  `  ${counts.calls} calls (${Object.entries(counts.byKind)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}), ${(counts.calls / SECONDS).toFixed(0)}/s`,
);
console.log(
  `  latency p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms, max ${latencies.at(-1) ?? 0} ms`,
);
console.log(`  ${events} events delivered over ${CLIENTS} streams`);
console.log(`  errors: ${counts.errors} calls, ${streamErrors} streams`);
console.log(
  `  events lost: ${lost}, duplicated: ${duplicated}, out of order: ${outOfOrder}, stale: ${stale}`,
);
if (first !== undefined && last !== undefined) {
  console.log(
    `  server memory (RSS, MiB): start ${first.toFixed(0)}, peak ${Math.max(...mib).toFixed(0)}, end ${last.toFixed(0)}` +
      ` (samples every 5 s: ${mib.map((m) => m.toFixed(0)).join(' ')})`,
  );
}
for (const failure of failures.slice(0, 10)) console.log(`  ✘ ${failure}`);
const ok = counts.errors === 0 && streamErrors === 0 && lost + duplicated + outOfOrder + stale === 0;
console.log(ok ? 'Soak passed.' : 'Soak FAILED.');
process.exit(ok ? 0 : 1);
