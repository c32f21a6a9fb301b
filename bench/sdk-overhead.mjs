// What one SDK call costs over the fetch it makes: 1,000 sequential calls of the same small GET
// (`/v1/me`) through raw fetch (baseline), openapi-fetch alone (baseline) and the SDK's `me()`, in the
// same run, interleaved: over HTTP against a minimal node:http server in a child process that answers
// a fixed small JSON (so the server's work is neither measured nor competing for this process's CPU),
// then with a fetch that answers the same JSON from memory, timed in this process's CPU time (the
// client's own cost, which the shared machine's other work does not blur).
// Target (issue 15): the SDK's overhead at most openapi-fetch's + 3% of raw fetch.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import createClient from 'openapi-fetch';
import { createAccessClient } from '@access-requests/sdk';

const CALLS = 1_000;
const RUNS = 7;
const BLOCK = 100;
const WARM_UP = 300;
const TOKEN = 'demo-alice';
/** The fixed small answer, the same over HTTP and from memory. */
const BODY = JSON.stringify({
  user: { id: 'usr_alice', name: 'Alice', email: 'alice@example.com' },
  ok: true,
});

const SERVER = `
const body = ${JSON.stringify(BODY)};
const server = require('node:http').createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT) || 0, '127.0.0.1', () => console.log(server.address().port));
`;

/** The fixed-answer server in its own process; resolves with its base URL and a stop function. */
async function startServer() {
  const child = spawn(process.execPath, ['-e', SERVER], {
    env: { ...process.env, PORT: process.env.SDK_BENCH_PORT ?? '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = await once(child.stdout, 'data');
  return { baseUrl: `http://127.0.0.1:${String(chunk).trim()}`, stop: () => child.kill() };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** Wall-clock time, in ms. */
const wall = () => {
  const started = performance.now();
  return () => performance.now() - started;
};
/** This process's CPU time (user + system), in ms: what the machine's other work does not add to. */
const cpu = () => {
  const started = process.cpuUsage();
  return () => {
    const { user, system } = process.cpuUsage(started);
    return (user + system) / 1000;
  };
};

/**
 * The three variants calling `baseUrl` through `fetch`, warmed up, then RUNS runs of CALLS calls each,
 * in blocks of BLOCK with the variants taking turns in a rotating order (so that a slow moment of the
 * shared machine falls on every variant alike). Answers each variant's samples, one per run.
 */
async function measure(baseUrl, fetch, clock) {
  const openapi = createClient({ baseUrl, fetch });
  const sdk = createAccessClient({ baseUrl, token: TOKEN, fetch });
  const headers = { authorization: `Bearer ${TOKEN}` };
  /** Each variant: one call, its answer's JSON read. */
  const variants = {
    raw: () => fetch(new Request(`${baseUrl}/v1/me`, { headers })).then((r) => r.json()),
    openapi: () => openapi.GET('/v1/me', { headers }),
    sdk: () => sdk.me(),
  };
  const sequential = async (call, count) => {
    const elapsed = clock();
    for (let i = 0; i < count; i++) await call();
    return elapsed();
  };
  for (const call of Object.values(variants)) await sequential(call, WARM_UP);
  const names = Object.keys(variants);
  const samples = Object.fromEntries(names.map((name) => [name, Array(RUNS).fill(0)]));
  for (let run = 0; run < RUNS; run++)
    for (let block = 0; block < CALLS / BLOCK; block++)
      for (let turn = 0; turn < names.length; turn++) {
        const name = names[(block + turn) % names.length];
        samples[name][run] += await sequential(variants[name], BLOCK);
      }
  return samples;
}

/** The rows of one measurement: each variant's median and min, and the target row. */
function rows(samples, { label, what, target }) {
  const raw = median(samples.raw);
  // Each run's time over the raw fetch of the same run, then the median of those ratios.
  const ratio = (name) => median(samples[name].map((ms, run) => ms / samples.raw[run]));
  const perCall = (name) =>
    `${ratio(name).toFixed(3)}× raw; ${(((ratio(name) - 1) * raw * 1000) / CALLS).toFixed(1)} µs per call over raw fetch`;
  const row = (name, variant, note, extra = {}) => ({
    name: `${CALLS.toLocaleString('en')} sequential GETs, ${label}: ${variant}`,
    unit: 'ms',
    value: median(samples[name]),
    min: Math.min(...samples[name]),
    runs: RUNS,
    note,
    ...extra,
  });
  const sdk = ratio('sdk');
  const openapi = ratio('openapi');
  const targetRow = {
    name: `SDK ≤ openapi-fetch + 3%, ${label}`,
    unit: '×',
    value: sdk,
    target: `≤ ${(openapi + 0.03).toFixed(3)}× raw fetch (openapi-fetch's ${openapi.toFixed(3)}× + 0.03)`,
    met: sdk <= openapi + 0.03,
    tried:
      'no request clone and no copy of the answer (the body read once, as bytes, so a connection lost half-way is retried); the abort signal read only when needed; a lazy watch() tried and reverted. Left: the retry loop, the token check and the read-ahead of the body on every call. On this shared 2-core machine the figure moves by more than the 3% it is held to from run to run (in memory, from 15% below openapi-fetch alone to 36% above it on the same code within a day), so neither a meeting nor a miss is proven; a quiet machine and more runs are needed',
    note: `the SDK's ${what} over openapi-fetch's: ${((sdk - openapi) * 100).toFixed(1)}% of raw fetch's (median of ${RUNS} runs' ratios)`,
  };
  return [
    row('raw', 'raw fetch (baseline)', `fetch + response.json(), bearer header`, { baseline: true }),
    row('openapi', 'openapi-fetch alone (baseline)', perCall('openapi'), { baseline: true }),
    row('sdk', 'SDK me()', perCall('sdk')),
    ...(target ? [targetRow] : []),
  ];
}

/** An answer as the server's, made in this process: what the client side costs, without the network. */
const inMemory = async () =>
  new Response(BODY, {
    headers: { 'content-type': 'application/json', 'content-length': String(BODY.length) },
  });

export async function sdkOverheadBench() {
  const { baseUrl, stop } = await startServer();
  try {
    const http = await measure(baseUrl, (request) => fetch(request), wall);
    const memory = await measure('http://127.0.0.1:9', inMemory, cpu);
    return [
      ...rows(http, { label: 'over HTTP', what: 'time', target: true }),
      ...rows(memory, { label: 'fetch answered in memory, CPU time', what: 'CPU time', target: true }),
    ];
  } finally {
    stop();
  }
}
