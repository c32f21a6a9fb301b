/** The reference server's service boundary (`Backend`) and the types it speaks. */
import type { components } from '@access-requests/contract';
import type { Notification, NotificationChannel, NotificationFilter } from './notifications.js';

export type { Notification, NotificationChannel, NotificationFilter } from './notifications.js';
export { ApiProblem } from './problems.js';

/**
 * The contract's schemas by name (from `@access-requests/contract`): the shapes the backend answers.
 *
 * @example
 * ```ts
 * import type { Schemas } from '@access-requests/mock-server';
 *
 * const me = (await (await fetch(`${api.baseUrl}/v1/me`, { headers })).json()) as Schemas['Me'];
 * ```
 */
export type Schemas = components['schemas'];

/**
 * An `application/problem+json` body (RFC 9457), as the contract defines it.
 *
 * @example
 * ```ts
 * const problem = (await response.json()) as Problem;
 * console.log(problem.status, problem.title, problem.detail);
 * ```
 */
export type Problem = Schemas['Problem'];

/**
 * One entry of a problem's `errors`: the field (a body path such as `resources[3].permission_id`,
 * or a query parameter or header name), a code and a message.
 *
 * @example
 * ```ts
 * const forJustification = (problem.errors ?? []).filter((e: FieldError) => e.field === 'justification');
 * ```
 */
export type FieldError = Schemas['FieldError'];

/**
 * Who is calling: resolved from the bearer token by `backend.authenticate()`.
 *
 * @example
 * ```ts
 * const caller: Caller | undefined = backend.authenticate('demo-alice'); // { userId: 'usr_alice' }
 * if (caller) console.log(backend.me(caller).user.name);
 * ```
 */
export interface Caller {
  /** The user's id (`usr_alice`). */
  readonly userId: string;
}

/**
 * Raw query values as the transport read them: a name ending in `[]` (and any repeated name) gives
 * an array. The backend validates them (422 with the parameter's name as `field`).
 *
 * @example
 * ```ts
 * const query: RawQuery = {
 *   search: 'payments',
 *   'resource_type_id[]': ['rt_postgresql_database'],
 *   limit: '20',
 * };
 * const page = backend.resources({ userId: 'usr_alice' }, query);
 * ```
 */
export type RawQuery = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * What an idempotent create answers: `replayed` is true when an earlier answer for the same key and
 * body was replayed (nothing new was created).
 *
 * @example
 * ```ts
 * const body = {
 *   resources: [{ resource_id: 'res_staging_payments_db', permission_id: 'perm_pg_readonly' }],
 *   duration_hours: 1,
 * };
 * const first: CreateResult = backend.submit({ userId: 'usr_alice' }, body, 'key-1');
 * const again = backend.submit({ userId: 'usr_alice' }, body, 'key-1');
 * console.log(again.replayed, again.body.requests[0]?.id === first.body.requests[0]?.id); // true true
 * ```
 */
export interface CreateResult {
  /** Always 201. */
  readonly status: 201;
  /** The created requests, one per access flow. */
  readonly body: Schemas['AccessRequestList'];
  /** Whether this is a replay of an earlier answer. */
  readonly replayed: boolean;
}

/**
 * What `extend` answers: 200 with the request when the extension was granted at once (an automatic
 * flow), 202 when it waits for the flow's approvers. A replay of the same key and body answers the same.
 *
 * @example
 * ```ts
 * const body = { hours: 2, justification: 'Still on it.' };
 * const result: ExtendResult = backend.extend(alice, id, body, 'key-1');
 * console.log(result.status, result.body.extension?.pending?.hours); // 202 2, under a flow with approvers
 * ```
 */
export interface ExtendResult {
  /** 200: granted at once; 202: waiting for approval. */
  readonly status: 200 | 202;
  /** The request after the call, as the caller sees it. */
  readonly body: Schemas['AccessRequest'];
}

/**
 * One event of the stream, already shaped for the subscriber who receives it (its `can` flags are
 * theirs).
 *
 * @example
 * ```ts
 * const stop = backend.subscribe({ userId: 'usr_alice' }, undefined, (event: StreamEvent) => {
 *   console.log(event.id, event.data.request.status);
 * });
 * ```
 */
export interface StreamEvent {
  /** Monotonic, opaque; sent as the SSE `id:` and accepted back as `Last-Event-ID`. */
  readonly id: string;
  /** The event's JSON, as the stream's `data:` line carries it. */
  readonly data: Schemas['RequestUpdatedEvent'];
}

/**
 * Options of the seeded world, taken by `createBackend` and every runtime.
 *
 * @example
 * ```ts
 * const world: WorldOptions = {
 *   seed: 7,
 *   catalogSize: 100_000,
 *   speed: 60,
 *   startTime: new Date('2026-03-01T08:00:00Z'),
 * };
 * const backend = createBackend(world);
 * ```
 */
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

/**
 * The reference server's service boundary: one method per operation of the contract, plus the
 * clock and the outbox. The handlers parse HTTP into these calls; `createBackend` implements it
 * over a seeded world. Wrap a method to change one answer for a test.
 *
 * @example
 * ```ts
 * const backend: Backend = createBackend();
 * const alice = backend.authenticate('demo-alice')!;
 * const body = {
 *   resources: [{ resource_id: 'res_staging_payments_db', permission_id: 'perm_pg_readonly' }],
 *   duration_hours: 1,
 * };
 * const [request] = backend.submit(alice, body, undefined).body.requests;
 * backend.advance(5_000); // granting → active
 * console.log(backend.getRequest(alice, request!.id).status);
 * ```
 */
export interface Backend {
  /** The caller for a bearer token, or undefined (401). */
  authenticate(token: string): Caller | undefined;

  /** `GET /v1/me`: the caller and the org's settings. */
  me(caller: Caller): Schemas['Me'];
  /** `GET /v1/grantees`: people the caller may request for, the caller first. */
  grantees(caller: Caller, query: RawQuery): Schemas['GranteePage'];

  /** `GET /v1/catalog/resource-types`. */
  resourceTypes(caller: Caller, query: RawQuery): Schemas['ResourceTypePage'];
  /** `GET /v1/catalog/permissions`. */
  permissions(caller: Caller, query: RawQuery): Schemas['PermissionPage'];
  /** `GET /v1/catalog/resources`. */
  resources(caller: Caller, query: RawQuery): Schemas['ResourcePage'];
  /**
   * `GET /v1/catalog/resource-matches`: every resource `resources` would list for the same search and
   * filters, up to `max_resources_per_request`, with how many matched and how many the grantee may not
   * receive.
   */
  matchingResources(caller: Caller, query: RawQuery): Schemas['ResourceMatches'];
  /** `GET /v1/catalog/apps`. */
  apps(caller: Caller, query: RawQuery): Schemas['AppPage'];
  /** `GET /v1/catalog/bundles`. */
  bundles(caller: Caller, query: RawQuery): Schemas['BundlePage'];

  /** `POST /v1/access-requests/preview`. `body` is the parsed JSON as sent; the backend validates it. */
  preview(caller: Caller, body: unknown): Schemas['Preview'];
  /** `POST /v1/access-requests`: one request per access flow; idempotent with a key. */
  submit(caller: Caller, body: unknown, idempotencyKey: string | undefined): CreateResult;

  /** `GET /v1/access-requests`: the caller's (`scope=mine`) or those made for others (`on_behalf`). */
  listRequests(caller: Caller, query: RawQuery): Schemas['AccessRequestPage'];
  /** `GET /v1/access-requests/{id}`. */
  getRequest(caller: Caller, id: string): Schemas['AccessRequest'];
  /** `GET /v1/access-requests/{id}/resources`. */
  requestResources(caller: Caller, id: string, query: RawQuery): Schemas['RequestResourcePage'];
  /**
   * `POST /v1/access-requests/{id}/revoke`: the request now `revoking` (or `revoked` from
   * `pending_approval`). With a key, a repeat replays the first answer (not `409`).
   */
  revoke(caller: Caller, id: string, idempotencyKey?: string): Schemas['AccessRequest'];
  /**
   * `POST /v1/access-requests/{id}/extend`: `hours` more of an active request, with a justification;
   * granted at once (200) or waiting for the flow's approvers (202). With a key, a repeat replays it.
   */
  extend(caller: Caller, id: string, body: unknown, idempotencyKey?: string): ExtendResult;
  /** `POST /v1/access-requests/{id}/request-again`: idempotent with a key. */
  requestAgain(caller: Caller, id: string, body: unknown, idempotencyKey: string | undefined): CreateResult;
  /** `PUT /v1/access-requests/{id}/favorite`. */
  favorite(caller: Caller, id: string): Schemas['AccessRequest'];
  /** `DELETE /v1/access-requests/{id}/favorite`. */
  unfavorite(caller: Caller, id: string): Schemas['AccessRequest'];
  /** `GET /v1/access-requests/{id}/access-details`: for an active request's grantee. */
  accessDetails(caller: Caller, id: string): Schemas['AccessDetails'];
  /** `GET /v1/my-access`: what the caller holds, recent closed requests, favorites. */
  myAccess(caller: Caller): Schemas['MyAccess'];

  /** `GET /v1/templates`: the caller's own templates, by name. */
  listTemplates(caller: Caller, query: RawQuery): Schemas['TemplatePage'];
  /** `GET /v1/templates/{id}`: any user may read a template by its id (its shared link). */
  getTemplate(caller: Caller, id: string): Schemas['Template'];
  /** `POST /v1/templates`: saves a named template; idempotent with a key. */
  createTemplate(
    caller: Caller,
    body: unknown,
    idempotencyKey: string | undefined,
  ): { status: 201; body: Schemas['Template']; replayed: boolean };
  /** `PATCH /v1/templates/{id}`: the owner renames it. */
  renameTemplate(caller: Caller, id: string, body: unknown): Schemas['Template'];
  /** `DELETE /v1/templates/{id}`: the owner deletes it (a repeat within a day answers the same). */
  deleteTemplate(caller: Caller, id: string): void;

  /** `GET /v1/approvals`: the requests waiting for the caller's decision. */
  approvals(caller: Caller, query: RawQuery): Schemas['AccessRequestPage'];
  /**
   * `POST /v1/access-requests/{id}/approve` (of the request, or of its pending extension); with a key,
   * a repeat replays the first answer.
   */
  approve(caller: Caller, id: string, body: unknown, idempotencyKey?: string): Schemas['AccessRequest'];
  /** `POST /v1/access-requests/{id}/reject`: `reason` required; with a key, a repeat replays it. */
  reject(caller: Caller, id: string, body: unknown, idempotencyKey?: string): Schemas['AccessRequest'];

  /**
   * Subscribes to the caller's events (requests they requested, hold or must approve). Events after
   * `lastEventId` are replayed first (none for an unknown id), then new ones are delivered as they
   * happen. Returns the unsubscribe function.
   */
  subscribe(
    caller: Caller,
    lastEventId: string | undefined,
    onEvent: (event: StreamEvent) => void,
  ): () => void;

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
  /**
   * Runs the transitions that are due at the current simulated time (the backend's own timer and operations
   * call it; nothing else needs to).
   */
  tick(): void;
  /** Throws the state away and rebuilds the seeded world (same options unless given). */
  reset(options?: WorldOptions): void;
  /** The options the current world was built with. */
  readonly options: Required<Omit<WorldOptions, 'startTime'>> & { startTime: Date };
}
