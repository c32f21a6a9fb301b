// The SDK's tests in Chromium: mocha (from @web/test-runner) and chai, against the reference server
// answered by the dev server on the page's origin (its responses checked against the contract there).
import { assert as chaiAssert } from '@open-wc/testing';

const g = globalThis as unknown as Record<
  'describe' | 'it' | 'before' | 'after' | 'beforeEach' | 'afterEach',
  never
>;
export const describe: typeof import('node:test').describe = g.describe;
export const it: typeof import('node:test').it = g.it;
export const before: typeof import('node:test').before = g.before;
export const after: typeof import('node:test').after = g.after;
export const beforeEach: typeof import('node:test').beforeEach = g.beforeEach;
export const afterEach: typeof import('node:test').afterEach = g.afterEach;
export const runtime = 'browser';

type ErrorCheck = (new (...args: never[]) => Error) | RegExp | ((error: unknown) => boolean);

function matches(error: unknown, expected: ErrorCheck | undefined): boolean {
  if (expected === undefined) return true;
  if (expected instanceof RegExp) return expected.test(String((error as Error)?.message ?? error));
  if (expected.prototype instanceof Error || expected === Error)
    return error instanceof (expected as new () => Error);
  return (expected as (error: unknown) => boolean)(error);
}

/** The subset of node:assert/strict the shared tests use, on chai. */
export const assert = {
  ok: (value: unknown, message?: string) => chaiAssert.ok(value, message),
  equal: <T>(actual: T, expected: T, message?: string) => chaiAssert.strictEqual(actual, expected, message),
  notEqual: <T>(actual: T, expected: T, message?: string) =>
    chaiAssert.notStrictEqual(actual, expected, message),
  deepEqual: <T>(actual: T, expected: T, message?: string) => chaiAssert.deepEqual(actual, expected, message),
  match: (actual: string, pattern: RegExp, message?: string) => chaiAssert.match(actual, pattern, message),
  async rejects(block: Promise<unknown> | (() => Promise<unknown>), expected?: ErrorCheck, message?: string) {
    try {
      await (typeof block === 'function' ? block() : block);
    } catch (error) {
      if (!matches(error, expected))
        throw new Error(message ?? `Rejected with an unexpected error: ${String(error)}`, { cause: error });
      return;
    }
    throw new Error(message ?? 'Expected a rejection, but it resolved.');
  },
};

export function apiBase(): string {
  return location.origin;
}
