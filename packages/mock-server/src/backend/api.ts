/**
 * The reference server's service boundary: one method per operation of the contract.
 *
 * The transport (msw handlers in `../handlers/`) parses HTTP into these calls and turns their results
 * and `ApiProblem`s into responses; everything else — rules, state, time, validation of bodies and
 * query values — lives behind this interface, in the backend.
 */
import type { components } from '@access-requests/contract';
import type { Notification, NotificationChannel, NotificationFilter } from './notifications.js';

export type { Notification, NotificationChannel, NotificationFilter } from './notifications.js';

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];
export type FieldError = Schemas['FieldError'];

/** A problem+json answer. Thrown by the backend; the transport sends it as it is. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly problem: Problem;
  readonly headers: Readonly<Record<string, string>>;
  constructor(status: number, problem: Problem, headers: Record<string, string> = {}) {
    super(problem.detail);
    this.name = 'ApiProblem';
    this.status = status;
    this.problem = problem;
    this.headers = headers;
  }
}

/** Who is calling: resolved from the bearer token. */
export interface Caller {
  readonly userId: string;
}

/**
 * Raw query values as the transport read them: a name ending in `[]` (and any repeated name) gives
 * an array. The backend validates them (422 with the parameter's name as `field`).
 */
export type RawQuery = Readonly<Record<string, string | readonly string[] | undefined>>;

/** An idempotent create: `replayed` is true when an earlier answer for the same key and body was replayed. */
export interface CreateResult {
  readonly status: 201;
  readonly body: Schemas['AccessRequestList'];
  readonly replayed: boolean;
}

/** One event of the stream, already shaped for the subscriber who receives it. */
export interface StreamEvent {
  /** Monotonic, opaque; sent as the SSE `id:` and accepted back as `Last-Event-ID`. */
  readonly id: string;
  readonly data: Schemas['RequestUpdatedEvent'];
}

/** Options of the seeded world. */
export interface WorldOptions {
  /** Same seed, same world (ids, names, history). Default 1. */
  readonly seed?: number;
  /** Number of catalog resources. Default 2,000; 100,000 must work. */
  readonly catalogSize?: number;
  /**
   * How fast simulated time runs against real time: 0 freezes it (tests advance it by hand),
   * 1 is real time, 60 makes a minute pass each second. Default 0.
   */
  readonly speed?: number;
  /** The simulated clock's start. Default 2026-01-15T09:00:00Z. */
  readonly startTime?: Date;
}

export interface Backend {
  /** The caller for a bearer token, or undefined (401). */
  authenticate(token: string): Caller | undefined;

  me(caller: Caller): Schemas['Me'];
  grantees(caller: Caller, query: RawQuery): Schemas['GranteePage'];

  resourceTypes(caller: Caller, query: RawQuery): Schemas['ResourceTypePage'];
  permissions(caller: Caller, query: RawQuery): Schemas['PermissionPage'];
  resources(caller: Caller, query: RawQuery): Schemas['ResourcePage'];
  apps(caller: Caller, query: RawQuery): Schemas['AppPage'];
  bundles(caller: Caller, query: RawQuery): Schemas['BundlePage'];

  /** `body` is the parsed JSON as sent; the backend validates it. */
  preview(caller: Caller, body: unknown): Schemas['Preview'];
  submit(caller: Caller, body: unknown, idempotencyKey: string | undefined): CreateResult;

  listRequests(caller: Caller, query: RawQuery): Schemas['AccessRequestPage'];
  getRequest(caller: Caller, id: string): Schemas['AccessRequest'];
  requestResources(caller: Caller, id: string, query: RawQuery): Schemas['RequestResourcePage'];
  /** 202 with the request now `revoking` (or `revoked` from `pending_approval`). */
  revoke(caller: Caller, id: string): Schemas['AccessRequest'];
  requestAgain(caller: Caller, id: string, body: unknown, idempotencyKey: string | undefined): CreateResult;
  favorite(caller: Caller, id: string): Schemas['AccessRequest'];
  unfavorite(caller: Caller, id: string): Schemas['AccessRequest'];
  accessDetails(caller: Caller, id: string): Schemas['AccessDetails'];
  myAccess(caller: Caller): Schemas['MyAccess'];

  approvals(caller: Caller, query: RawQuery): Schemas['AccessRequestPage'];
  approve(caller: Caller, id: string, body: unknown): Schemas['AccessRequest'];
  reject(caller: Caller, id: string, body: unknown): Schemas['AccessRequest'];

  /**
   * Subscribes to the caller's events (requests they requested, hold or must approve). Events after
   * `lastEventId` are replayed first (none for an unknown id), then new ones are delivered as they
   * happen. Returns the unsubscribe function.
   */
  subscribe(caller: Caller, lastEventId: string | undefined, onEvent: (event: StreamEvent) => void): () => void;

  // ---- control (outside /v1; for tests and the demo) -----------------------------------------------
  /** The notifications sent so far (oldest first), optionally for one recipient or one request. */
  notifications(filter?: NotificationFilter): Notification[];
  /** Empties the outbox. */
  clearNotifications(): void;
  /** The org's notification channel, as `/v1/me` reports it. */
  readonly notificationChannel: NotificationChannel;
  /** Switches the org's notification channel (what `/v1/me` says, where new notifications go). */
  setNotificationChannel(channel: NotificationChannel): void;

  /** The simulated time. */
  now(): Date;
  /** Moves simulated time forward, running every transition that falls due, in order. */
  advance(milliseconds: number): void;
  /** Changes how fast simulated time runs (see `WorldOptions.speed`). */
  setSpeed(speed: number): void;
  /** Runs the transitions that are due at the current simulated time (the transport calls it before each request and on a timer). */
  tick(): void;
  /** Throws the state away and rebuilds the seeded world (same options unless given). */
  reset(options?: WorldOptions): void;
  /** The options the current world was built with. */
  readonly options: Required<Omit<WorldOptions, 'startTime'>> & { startTime: Date };
}
