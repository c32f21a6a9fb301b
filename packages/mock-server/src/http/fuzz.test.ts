// Property-based fuzzing (fast-check) of every endpoint of the API and of the control API, over
// real HTTP: random methods, ids, query strings, headers and bodies (JSON of the right names and
// wrong values, JSON of any shape, text that is not JSON). Whatever arrives, the answer is never
// a 5xx, every 4xx is problem+json repeating its status, every answer keeps to the contract (the
// contract check sees each one), and the server still answers a health call afterwards.
// Bounded (`numRuns`, FUZZ_RUNS to change) and seeded: FUZZ_SEED=<seed> replays a run; the seed is
// printed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createContractCheck } from '../testing/contract-check.js';
import { loadContractValidator } from '../testing/load-contract.js';
import { controlRoutesFor } from '../handlers/control-routes.js';
import { ROUTES } from '../handlers/index.js';
import { startHttpServer, type RunningHttpServer } from './server.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 25);
console.log(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`);

const check = createContractCheck(loadContractValidator());
let server: RunningHttpServer;
before(async () => {
  server = await startHttpServer({ port: 0, speed: 0, log: false, catalogSize: 50, onResponse: check.hook });
});
after(async () => {
  await server.close();
  check.assertNoViolations();
});

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
});
/** Ids: real-looking, any text percent-encoded, and percent-encodings that are not UTF-8. */
const id = fc.oneof(
  fc.constantFrom('req_unknown', '.', '..', '%2e%2e', '%zz', '%C0%AF', '%ED%A0%80', '%', 'a'.repeat(300)),
  fc.string().map(encodeURIComponent),
  fc
    .array(fc.constantFrom('%', 'z', 'Z', '0', '9', 'A', 'f', 'E', 'D', '.', '_', '~', '-'))
    .map((c) => c.join('')),
);
const QUERY_NAMES = [
  'limit',
  'cursor',
  'search',
  'scope',
  'status',
  'status[]',
  'favorite',
  'grantee_id',
  'id[]',
  'resource_type_id[]',
  'permission_id[]',
  'app_id[]',
  'last_event_id',
  'recipient_id',
  'request_id',
];
const query = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_NAMES), printable), fc.oneof(printable, fc.string())), {
    maxLength: 4,
  })
  .map((pairs) => new URLSearchParams(pairs).toString());
const FIELDS = [
  'resources',
  'app',
  'bundle',
  'grantee_id',
  'duration_hours',
  'justification',
  'ticket',
  'reason',
  'seed',
  'catalog_size',
  'speed',
  'hours',
  'minutes',
  'seconds',
  'milliseconds',
  'notification_channel',
  'path',
  'kind',
  'method',
  'status',
  'retry_after',
  'delay_ms',
  'times',
];
/** A catalog large enough to take seconds to build is a valid reset, not something to fuzz with. */
const slowReset = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Record<string, unknown>)['catalog_size'] === 'number' &&
  ((value as Record<string, number>)['catalog_size'] ?? 0) > 1000;
const jsonValue = fc.jsonValue({ maxDepth: 3 });
const body = fc.oneof(
  fc
    .dictionary(fc.constantFrom(...FIELDS), fc.oneof(jsonValue, fc.double(), fc.integer()))
    .filter((b) => !slowReset(b))
    .map((b) => JSON.stringify(b)),
  jsonValue.filter((b) => !slowReset(b)).map((b) => JSON.stringify(b)),
  fc.constantFrom('', '{', '[]', 'null', '{"a":}', '['.repeat(40) + ']'.repeat(40), '\u0000', '"\ud800"'),
  fc.string(),
);
const headers = fc.record(
  {
    authorization: fc.oneof(
      fc.constantFrom('Bearer demo-alice', 'Bearer demo-bob', 'Bearer nobody', 'Basic x'),
      printable,
    ),
    'content-type': fc.oneof(
      fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'text/plain',
        'application/x-www-form-urlencoded',
      ),
      printable,
    ),
    'idempotency-key': fc.oneof(printable, fc.constant('k'.repeat(300))),
    'last-event-id': printable,
    origin: fc.constantFrom('http://127.0.0.1', 'https://evil.example', 'null'),
  },
  { requiredKeys: [] },
);
const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD');
const CONTROL_ROUTES = controlRoutesFor();

/** Sends one fuzzed request; asserts the answer's shape. */
async function probe(
  path: string,
  sent: { method: string; query: string; headers: Record<string, string>; body: string },
) {
  const controller = new AbortController();
  const withBody = sent.method !== 'GET' && sent.method !== 'HEAD';
  const url = `${server.url}${path}${sent.query ? `?${sent.query}` : ''}`;
  const response = await fetch(url, {
    method: sent.method,
    headers: sent.headers,
    signal: controller.signal,
    ...(withBody ? { body: sent.body } : {}),
  });
  const what = `${sent.method} ${url} → ${response.status}`;
  assert.ok(response.status < 500, what);
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    controller.abort();
    return;
  }
  const text = await response.text();
  if (response.status >= 400 && sent.method !== 'HEAD') {
    assert.equal(response.headers.get('content-type'), 'application/problem+json', what);
    assert.equal((JSON.parse(text) as { status: unknown }).status, response.status, what);
  }
}

async function assertAlive() {
  const me = await fetch(`${server.url}/v1/me`, { headers: { authorization: 'Bearer demo-alice' } });
  assert.equal(me.status, 200);
}

describe(`fuzzing every endpoint over HTTP (seed ${SEED})`, () => {
  for (const route of [...ROUTES, ...CONTROL_ROUTES]) {
    it(`${route.method} ${route.path}: never a 5xx, always problem+json for a 4xx`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.record({ id, method: fc.oneof(fc.constant(route.method), method), query, headers, body }),
          async (sent) => {
            try {
              await probe(route.path.replace(':id', sent.id), sent);
            } finally {
              // A fuzzed fault or clock speed must not reach the next request.
              server.control.faults.clear();
              server.control.setSpeed(0);
            }
          },
        ),
        { numRuns: RUNS, seed: SEED },
      );
      await assertAlive();
    });
  }
});
