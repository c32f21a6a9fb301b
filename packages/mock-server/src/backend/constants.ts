/** The simulated durations and limits of the reference server, in one place. */

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

export const LIMITS = {
  /** How long an Idempotency-Key is remembered (simulated time). */
  idempotencyTtlMs: 24 * HOUR,
  /** Events are kept while they are among the last `eventRetentionCount` OR younger than `eventRetentionMs`. */
  eventRetentionCount: 10_000,
  eventRetentionMs: 24 * HOUR,
  defaultPageSize: 50,
  maxPageSize: 500,
  maxIdempotencyKeyLength: 255,
  maxJustificationLength: 1000,
  /** Reasons are "under 124 characters". */
  maxReasonLength: 123,
  maxTicketIdLength: 100,
  maxSearchLength: 200,
  maxCursorLength: 1024,
  /** Ids longer than this are not ids: `too_long` rather than `unknown`. */
  maxIdLength: 255,
  maxFilterValues: 100,
} as const;

/** The simulated clock's default start. */
export const DEFAULT_START_TIME = new Date('2026-01-15T09:00:00Z');
