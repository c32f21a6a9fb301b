import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiProblem } from './problems.js';
import { canonicalJson } from './canonical-json.js';
import { createBackend } from './index.js';

/** `depth` arrays, one inside the other. */
function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < depth; i += 1) value = [value];
  return value;
}

describe('canonical JSON', () => {
  it('sorts keys at every level and drops undefined', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } }),
      '{"a":{"d":[{"y":2,"z":1}]},"b":1}',
    );
  });

  it('takes the contract depth (32) and refuses deeper values with a 400 problem, not a stack overflow', () => {
    assert.equal(canonicalJson(nested(32)), JSON.stringify(nested(32)));
    assert.throws(
      () => canonicalJson(nested(33)),
      (error: unknown) => error instanceof ApiProblem && error.status === 400,
    );
    assert.throws(
      () => canonicalJson(nested(100_000)),
      (error: unknown) => error instanceof ApiProblem && error.status === 400,
    );
  });

  it('keeps a backend called directly with a deep body and an Idempotency-Key answering a problem', () => {
    const backend = createBackend({ catalogSize: 20 });
    const caller = backend.authenticate('demo-alice');
    assert.ok(caller);
    assert.throws(
      () => backend.submit(caller, nested(5000), 'key-1'),
      (error: unknown) => error instanceof ApiProblem && error.status === 400,
    );
  });
});
