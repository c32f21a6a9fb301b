/** The simulated durations and limits of the reference server, in one place. */
import { LIMITS as CONTRACT_LIMITS } from '@access-requests/contract';

const SECOND = 1000;
const HOUR = 60 * 60 * SECOND;

export const LIFECYCLE = {
  /** `granting` → `active` (or `failed`): how long provisioning takes. */
  grantingMs: 5 * SECOND,
  /** `revoking` → `revoked`: how long removing the access takes. */
  revokingMs: 5 * SECOND,
  /** One hour, the unit of `duration_hours`. */
  hourMs: HOUR,
} as const;

/**
 * The limits the server enforces by hand: those the contract states come from it (its `x-limit`
 * marks); request shapes are checked by its validators (`input.ts`); the rest are the server's own.
 */
export const LIMITS = {
  /** How long an Idempotency-Key is remembered (simulated time). */
  idempotencyTtlMs: 24 * HOUR,
  /** Events are kept while among the last `eventRetentionCount` OR younger than `eventRetentionMs`. */
  eventRetentionCount: 10_000,
  eventRetentionMs: 24 * HOUR,
  defaultPageSize: CONTRACT_LIMITS.pageSize.default,
  maxPageSize: CONTRACT_LIMITS.pageSize.maximum,
  maxIdempotencyKeyLength: CONTRACT_LIMITS.idempotencyKey.maxLength,
  /** Ids longer than this are not ids: `too_long` rather than `unknown`. */
  maxIdLength: 255,
} as const;

/**
 * The bounds of the simulated world: what `createBackend`, the CLI and the control API accept, so
 * that no option, however large, stops the server answering.
 */
export const WORLD_LIMITS = {
  /** Seeds are whole numbers from 0 to 2³² − 1. */
  maxSeed: 4_294_967_295,
  /** Generating 200,000 resources takes about 4 s and 230 MB; a larger catalog is refused. */
  maxCatalogSize: 200_000,
  /** Simulated seconds per real second: 10,000 is about a week a minute. */
  maxSpeed: 10_000,
  /** The farthest one advance may move the clock: ten years (of 365 days). */
  maxAdvanceMs: 10 * 365 * 24 * HOUR,
  /** The clock's range: times and a year's expiry after them stay RFC 3339 (four-digit years). */
  earliestTime: Date.parse('1970-01-01T00:00:00Z'),
  latestTime: Date.parse('9000-01-01T00:00:00Z'),
} as const;

/** The simulated clock's default start. */
export const DEFAULT_START_TIME = new Date('2026-01-15T09:00:00Z');
