/**
 * Shared helpers of the backend's tests. The name ends in `.test.ts` so that the build leaves it out
 * like the tests themselves (it holds no tests of its own).
 */
import assert from 'node:assert/strict';
import { ApiProblem, type Caller, type FieldError } from './api.js';
import { createBackend, type BackendDependencies, type ReferenceBackend } from './backend.js';
import type { WorldOptions } from './api.js';

export const alice: Caller = { userId: 'usr_alice' };
export const bob: Caller = { userId: 'usr_bob' };
export const carol: Caller = { userId: 'usr_carol' };
export const dave: Caller = { userId: 'usr_dave' };

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

/** A small, frozen world: fast to build, time moves only when a test says so. */
export function smallBackend(
  options: WorldOptions = {},
  dependencies: BackendDependencies = {},
): ReferenceBackend {
  return createBackend({ catalogSize: 300, ...options }, dependencies);
}

/**
 * Times `call` for each query (once to warm up, then the mean of five runs), prints each figure under
 * `title` and fails only past a second: the figures are indicative on a shared machine.
 */
export function timeQueries<Q>(
  title: string,
  cases: readonly [string, Q][],
  call: (query: Q) => unknown,
): void {
  for (const [label, query] of cases) {
    call(query);
    const runs = 5;
    const started = performance.now();
    for (let i = 0; i < runs; i++) call(query);
    const ms = (performance.now() - started) / runs;
    console.log(`${title}, ${label}: ${ms.toFixed(2)} ms`);
    assert.ok(ms < 1000, `${label} took ${ms} ms`);
  }
}

/** Runs `action`, expecting an ApiProblem with `status`; returns it for further checks. */
export function expectProblem(action: () => unknown, status: number): ApiProblem {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof ApiProblem, `expected an ApiProblem, got ${String(error)}`);
    assert.equal(error.status, status, `expected ${status}, got ${error.status}: ${error.problem.detail}`);
    assert.equal(error.problem.status, status);
    return error;
  }
  assert.fail(`expected a ${status} problem, but the call succeeded`);
}

/** The field errors of a problem, as `field code` strings, for compact assertions. */
export function fieldCodes(errors: readonly FieldError[] | undefined): string[] {
  return (errors ?? []).map((e) => `${e.field} ${e.code}`);
}

/** Expects a 422 whose errors include every `field code` given. */
export function expectFieldErrors(action: () => unknown, ...expected: string[]): FieldError[] {
  const problem = expectProblem(action, 422);
  const errors = problem.problem.errors ?? [];
  for (const entry of expected)
    assert.ok(fieldCodes(errors).includes(entry), `missing ${entry} in ${JSON.stringify(errors)}`);
  return errors;
}
