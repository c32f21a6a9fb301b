// The control API takes only values the server can live with: out-of-range ones are 422 naming the
// field, and the largest ones that pass leave every time-dependent call (and reset) answering.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getResponse } from 'msw';
import { createBackend } from '../backend/index.js';
import { createContractCheck } from '../testing/contract-check.js';
import { loadContractValidator } from '../testing/load-contract.js';
import { createControl, createHandlers, FaultInjector } from './index.js';

const BASE = 'http://api.test';
const backend = createBackend({ catalogSize: 50 });
const faults = new FaultInjector();
const check = createContractCheck(loadContractValidator());
const handlers = createHandlers(backend, { baseUrl: BASE, faults, onResponse: check.hook });
after(() => check.assertNoViolations());

async function send(method: string, path: string, body?: unknown) {
  const response = await getResponse(
    handlers,
    new Request(`${BASE}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-alice' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  assert.ok(response);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Every call that reads the clock answers, and the clock is RFC 3339. */
async function assertAlive() {
  for (const path of ['/v1/me', '/v1/my-access', '/v1/access-requests', '/v1/approvals']) {
    assert.equal((await send('GET', path)).status, 200, path);
  }
  const clock = await send('GET', '/_control/clock');
  assert.equal(clock.status, 200);
  assert.match(String(clock.body['now']), /^\d{4}-\d\d-\d\dT/);
}

describe('control API bounds', () => {
  it('refuses out-of-range values with 422 naming the field', async () => {
    const cases: [string, string, unknown, string][] = [
      ['PUT', '/_control/clock/speed', { speed: 1e308 }, 'speed'],
      ['PUT', '/_control/clock/speed', { speed: 10_001 }, 'speed'],
      ['POST', '/_control/clock/advance', { hours: 3e9 }, 'hours'],
      ['POST', '/_control/clock/advance', { milliseconds: Number.MAX_SAFE_INTEGER }, 'milliseconds'],
      ['POST', '/_control/clock/advance', { hours: 87_600, minutes: 1 }, ''],
      ['POST', '/_control/reset', { catalog_size: 1_000_000 }, 'catalog_size'],
      ['POST', '/_control/reset', { seed: 1e300 }, 'seed'],
      ['POST', '/_control/reset', { speed: 1e308 }, 'speed'],
    ];
    for (const [method, path, body, field] of cases) {
      const answer = await send(method, path, body);
      assert.equal(answer.status, 422, `${path} ${JSON.stringify(body)}`);
      assert.deepEqual(
        (answer.body['errors'] as { field: string }[]).map((e) => e.field),
        [field],
      );
    }
    await assertAlive();
    assert.equal((await send('POST', '/_control/reset', {})).status, 200);
  });

  it('keeps the server answering at the largest values it takes', async () => {
    assert.equal((await send('PUT', '/_control/clock/speed', { speed: 10_000 })).status, 200);
    await assertAlive();
    assert.equal((await send('PUT', '/_control/clock/speed', { speed: 0 })).status, 200);
    for (let i = 0; i < 3; i += 1) {
      assert.equal((await send('POST', '/_control/clock/advance', { hours: 87_600 })).status, 200);
    }
    await assertAlive();
    // However often it is advanced, the clock stops at its latest time and keeps answering.
    for (let i = 0; i < 800; i += 1) backend.advance(87_600 * 3_600_000);
    assert.equal(backend.now().toISOString(), '9000-01-01T00:00:00.000Z');
    await assertAlive();
    assert.equal((await send('POST', '/_control/reset', { speed: 0 })).status, 200);
    await assertAlive();
  });

  it('throws a RangeError for the same values in Node', () => {
    const control = createControl(backend, faults);
    assert.throws(() => control.setSpeed(1e308), RangeError);
    assert.throws(() => control.advance({ hours: 3e9 }), RangeError);
    assert.throws(() => control.reset({ catalogSize: 1_000_000 }), RangeError);
    assert.equal(control.clock().speed, 0);
  });
});
