/**
 * JSON with object keys sorted at every level, so that equal values give equal strings (the
 * fingerprint of an idempotent body, of a cursor's filters). Its recursion is bounded: a value
 * nested deeper than the contract's `jsonDepth` is refused with a `400` problem before any step
 * could overflow the stack (the transport refuses such bodies first; this guards direct callers).
 */
import { LIMITS } from '@access-requests/contract';
import { apiProblem } from './problems.js';

const MAX_DEPTH = LIMITS.jsonDepth.maximum;

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value, 1)) ?? 'null';
}

function sortKeys(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) {
    throw apiProblem(
      400,
      'malformed-request',
      `The value nests arrays and objects deeper than ${MAX_DEPTH} levels.`,
    );
  }
  if (Array.isArray(value)) return value.map((item) => sortKeys(item, depth + 1));
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v, depth + 1)]));
}
