/**
 * The reference backend: the `Backend` interface over one seeded world. It owns the world's state
 * (rebuilt on reset, with its clock, `scheduler.ts`) and the event subscribers (kept across resets).
 */
import { generateWorld } from '../demo-data/generate.js';
import { ApiProblem, type Backend, type Caller, type StreamEvent, type WorldOptions } from './api.js';
import { isVisibleTo } from './access-rules.js';
import { indexWorld, type CatalogIndex } from './catalog-index.js';
import * as catalogService from './catalog-queries.js';
import { Scheduler, type RealTimeSource, type TimerApi } from './scheduler.js';
import { DEFAULT_START_TIME, WORLD_LIMITS } from './constants.js';
import type { EventRecord } from './events.js';
import { HISTORY_SPAN_MS, playHistory, type HistoryIds } from './history.js';
import { advanceTo, runDueJobs } from './lifecycle.js';
import { BackendDefect } from './problems.js';
import * as requestService from './requests.js';
import { createState, type BackendState, type StatusChange } from './state.js';
import * as submissionService from './submission.js';
import * as templateService from './templates.js';
import { requestView } from './views.js';
import {
  composeExtensionNotifications,
  composeNotifications,
  NOTIFICATION_CHANNELS,
  type Notification,
  type NotificationChannel,
  type NotificationFilter,
} from './notifications.js';
import { DEMO_USERS } from '../fixtures.js';

/** @internal */
export type StatusListener = (change: StatusChange) => void;

/**
 * The backend `createBackend` makes: the `Backend` operations and the ids of the seeded history.
 *
 * @example
 * ```ts
 * const backend: ReferenceBackend = createBackend();
 * const alice = backend.authenticate('demo-alice');
 * ```
 */
export interface ReferenceBackend extends Backend {
  /**
   * Hears every status change (creation included, with `previousStatus` null), e.g. to notify the
   * grantee and the requester. Returns the unsubscribe function. Internal: it hands out the
   * backend's own records, not the contract's views.
   *
   * @internal
   */
  onStatusChange(listener: StatusListener): () => void;
  /** The ids of the seeded history's requests, by what each shows. */
  readonly history: HistoryIds;
}

/**
 * What a backend reads real time from, replaceable in tests: the clock (`Date.now` by default) and
 * the timers that fire due transitions while the simulated clock runs.
 *
 * @example
 * ```ts
 * let now = Date.parse('2026-01-15T09:00:00Z');
 * const dependencies: BackendDependencies = { realTime: () => now };
 * const backend = createBackend({ speed: 1 }, dependencies);
 * now += 5_000; // five real seconds later, as far as the backend can tell
 * ```
 */
export interface BackendDependencies {
  /** Real time in milliseconds (default `Date.now`). */
  readonly realTime?: RealTimeSource;
  /** Timers (default the global `setTimeout`). */
  readonly timers?: TimerApi;
}

type ResolvedOptions = Backend['options'];
type Subscriber = { readonly callerId: string; readonly onEvent: (event: StreamEvent) => void };

const TOKENS: ReadonlyMap<string, string> = new Map(
  Object.values(DEMO_USERS).map((user) => [user.token, user.userId]),
);

function resolveOptions(options: WorldOptions, previous?: ResolvedOptions): ResolvedOptions {
  const seed = options.seed ?? previous?.seed ?? 1;
  const catalogSize = options.catalogSize ?? previous?.catalogSize ?? 2000;
  const speed = options.speed ?? previous?.speed ?? 0;
  const startTime = options.startTime ?? previous?.startTime ?? DEFAULT_START_TIME;
  const { maxSeed, maxCatalogSize, maxSpeed, earliestTime, latestTime } = WORLD_LIMITS;
  if (!Number.isInteger(seed) || seed < 0 || seed > maxSeed) {
    throw new RangeError(`seed must be a whole number from 0 to ${maxSeed}, got ${seed}`);
  }
  if (!Number.isInteger(catalogSize) || catalogSize < 0 || catalogSize > maxCatalogSize) {
    throw new RangeError(
      `catalogSize must be a whole number from 0 to ${maxCatalogSize}, got ${catalogSize}`,
    );
  }
  if (!Number.isFinite(speed) || speed < 0 || speed > maxSpeed) {
    throw new RangeError(`speed must be a number from 0 to ${maxSpeed}, got ${speed}`);
  }
  const start = startTime.getTime();
  if (!(start >= earliestTime && start <= latestTime)) {
    throw new RangeError('startTime must be a valid date from 1970 to 9000');
  }
  return { seed, catalogSize, speed, startTime: new Date(startTime.getTime()) };
}

/** The contract's operations over the state and the caller's id; the constructor wraps each in `#run`. */
const OPERATIONS = {
  me: (s, callerId) => catalogService.me(s.catalog, callerId, s.notificationChannel),
  grantees: (s, callerId, query) => catalogService.grantees(s.catalog, callerId, query),
  resourceTypes: (s, _, query) => catalogService.resourceTypes(s.catalog, query),
  permissions: (s, _, query) => catalogService.permissions(s.catalog, query),
  resources: (s, callerId, query) => catalogService.resources(s.catalog, callerId, query),
  matchingResources: (s, callerId, query) => catalogService.matchingResources(s.catalog, callerId, query),
  apps: (s, _, query) => catalogService.apps(s.catalog, query),
  bundles: (s, _, query) => catalogService.bundles(s.catalog, query),
  preview: submissionService.preview,
  submit: submissionService.submit,
  requestAgain: submissionService.requestAgain,
  listRequests: requestService.listRequests,
  getRequest: requestService.getRequest,
  requestResources: requestService.requestResources,
  revoke: requestService.revoke,
  extend: requestService.extend,
  favorite: (s, callerId, id) => requestService.markFavorite(s, callerId, id, true),
  unfavorite: (s, callerId, id) => requestService.markFavorite(s, callerId, id, false),
  accessDetails: requestService.accessDetails,
  myAccess: requestService.myAccess,
  approvals: requestService.approvals,
  approve: (s, callerId, id, body, key) => requestService.decide(s, callerId, id, body, 'approve', key),
  reject: (s, callerId, id, body, key) => requestService.decide(s, callerId, id, body, 'reject', key),
  listTemplates: templateService.listTemplates,
  getTemplate: templateService.getTemplate,
  createTemplate: templateService.createTemplate,
  renameTemplate: templateService.renameTemplate,
  deleteTemplate: templateService.deleteTemplate,
} satisfies { [K in keyof Backend]?: Over<Backend[K]> };

type Operation = keyof typeof OPERATIONS;
type Over<F> = F extends (caller: Caller, ...args: infer A) => infer R
  ? (state: BackendState, callerId: string, ...args: A) => R
  : never;

class SeededBackend implements Omit<ReferenceBackend, Operation> {
  #options: ResolvedOptions;
  #state!: BackendState;
  #history!: HistoryIds;
  /** The last world built: a reset to the same seed and size reuses it (worlds are immutable). */
  #cachedWorld: { key: string; catalog: CatalogIndex } | undefined;
  readonly #subscribers = new Set<Subscriber>();
  readonly #statusListeners = new Set<StatusListener>();
  readonly #dependencies: BackendDependencies;

  constructor(options: WorldOptions, dependencies: BackendDependencies) {
    this.#dependencies = dependencies;
    this.#options = resolveOptions(options);
    this.#build();
    for (const [name, operation] of Object.entries(OPERATIONS)) {
      const over = operation as (state: BackendState, callerId: string, ...args: unknown[]) => unknown;
      Object.assign(this, {
        [name]: (caller: Caller, ...args: unknown[]) =>
          this.#run(name, (state) => over(state, caller.userId, ...args)),
      });
    }
  }

  get options(): ResolvedOptions {
    return {
      ...this.#options,
      speed: this.#state.scheduler.speed,
      startTime: new Date(this.#options.startTime.getTime()),
    };
  }

  get history(): HistoryIds {
    return this.#history;
  }

  #build(): void {
    const { seed, catalogSize, startTime, speed } = this.#options;
    const key = `${seed}:${catalogSize}`;
    if (this.#cachedWorld?.key !== key) {
      this.#cachedWorld = { key, catalog: indexWorld(generateWorld({ seed, catalogSize })) };
    }
    const start = startTime.getTime();
    this.#state?.scheduler.stop();
    const scheduler = new Scheduler(start - HISTORY_SPAN_MS, {
      ...this.#dependencies,
      onDue: () => this.tick(),
    });
    const catalog = this.#cachedWorld.catalog;
    this.#state = createState(catalog, scheduler, {
      onEvent: (event) => {
        // One view per caller, however many streams each has open (a page with several tabs, say).
        const shaped = new Map<string, StreamEvent>();
        this.#subscribers.forEach((subscriber) => this.#send(subscriber, event, shaped));
      },
      onStatusChange: (change) => this.#onStatusChange(change),
      onExtensionChange: ({ request, extension }) => {
        const { catalog, scheduler, notificationChannel, outbox } = this.#state;
        outbox.add(
          composeExtensionNotifications(
            catalog,
            request,
            extension,
            notificationChannel,
            scheduler.now(),
            outbox.nextId,
          ),
        );
      },
      firstEventSequence: this.#state?.events.nextSequence ?? 1,
    });
    this.#history = playHistory(this.#state, start);
    scheduler.setSpeed(speed);
  }

  /**
   * Sends the event to the subscriber if they may see its request, shaped for them (`shaped` keeps
   * the shape made for each caller, so their streams share one object and its encoding).
   */
  #send(
    { callerId, onEvent }: Subscriber,
    event: EventRecord,
    shaped = new Map<string, StreamEvent>(),
  ): void {
    if (!isVisibleTo(event.request, callerId)) return;
    let view = shaped.get(callerId);
    if (!view) {
      const request = requestView(this.#state.catalog, event.request, callerId);
      view = { id: event.id, data: { type: 'request.updated', request } };
      shaped.set(callerId, view);
    }
    const shapedView = view;
    callSafely(() => onEvent(shapedView));
  }

  /**
   * Every status change notifies the grantee (and the requester, for an on-behalf request) on the org's
   * channel, then the status listeners.
   */
  #onStatusChange(change: StatusChange): void {
    const { request, previousStatus } = change;
    const { catalog, scheduler, notificationChannel, outbox } = this.#state;
    outbox.add(
      composeNotifications(
        catalog,
        request,
        previousStatus,
        notificationChannel,
        scheduler.now(),
        outbox.nextId,
      ),
    );
    for (const listener of this.#statusListeners) callSafely(() => listener(change));
  }

  /**
   * Runs an API operation: what fell due first (a timer may be late, see `scheduler.ts`); anything
   * but an ApiProblem is a defect.
   */
  #run<T>(operation: string, body: (state: BackendState) => T): T {
    try {
      this.tick();
      return body(this.#state);
    } catch (error) {
      if (error instanceof ApiProblem) throw error;
      throw new BackendDefect(operation, error);
    } finally {
      this.#state.scheduler.arm();
    }
  }

  authenticate(token: string): Caller | undefined {
    const userId = TOKENS.get(token);
    return userId ? { userId } : undefined;
  }

  subscribe(
    caller: Caller,
    lastEventId: string | undefined,
    onEvent: (event: StreamEvent) => void,
  ): () => void {
    const subscriber = { callerId: caller.userId, onEvent };
    this.#run('subscribe', (state) => {
      const missed = lastEventId === undefined ? [] : (state.events.after(lastEventId) ?? []);
      for (const event of missed) this.#send(subscriber, event);
      this.#subscribers.add(subscriber);
    });
    return () => this.#subscribers.delete(subscriber);
  }

  notifications(filter?: NotificationFilter): Notification[] {
    return this.#run('notifications', (s) => s.outbox.list(filter));
  }

  clearNotifications(): void {
    this.#state.outbox.clear();
  }

  get notificationChannel(): NotificationChannel {
    return this.#state.notificationChannel;
  }

  setNotificationChannel(channel: NotificationChannel): void {
    if (!NOTIFICATION_CHANNELS.includes(channel)) {
      throw new RangeError(
        `notification_channel must be one of ${NOTIFICATION_CHANNELS.join(', ')}, got ${String(channel)}`,
      );
    }
    this.#state.notificationChannel = channel;
  }

  onStatusChange(listener: StatusListener): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  now(): Date {
    return new Date(this.#state.scheduler.now());
  }

  advance(milliseconds: number): void {
    const { maxAdvanceMs } = WORLD_LIMITS;
    if (!Number.isFinite(milliseconds) || milliseconds < 0 || milliseconds > maxAdvanceMs) {
      throw new RangeError(
        `advance() takes 0 to ${maxAdvanceMs} milliseconds (ten years), got ${milliseconds}`,
      );
    }
    // The clock stops at its latest time: nothing past it falls due.
    advanceTo(this.#state, Math.min(WORLD_LIMITS.latestTime, this.#state.scheduler.now() + milliseconds));
    this.#state.scheduler.arm();
  }

  setSpeed(speed: number): void {
    this.#state.scheduler.setSpeed(speed);
  }

  tick(): void {
    runDueJobs(this.#state, this.#state.scheduler.now());
    this.#state.scheduler.arm();
  }

  reset(options: WorldOptions = {}): void {
    // The options the world was built with (a speed set since then is not kept: a reset is a fresh start).
    this.#options = resolveOptions(options, this.#options);
    this.#build();
  }
}

function callSafely(listener: () => void): void {
  try {
    listener();
  } catch (error) {
    // A listener's failure must not undo or block the change that was already made.
    console.error('[mock-server] a backend listener failed', error);
  }
}

/**
 * A seeded, stateful, in-memory backend implementing every operation of the contract: the world
 * (users, catalog, access flows, a history of requests) generated from `seed`, the rules, and a
 * simulated clock (frozen by default). Give it to a runtime as `backend` to share one world, or to
 * set it up in Node before a test.
 *
 * @example
 * ```ts
 * import { createBackend } from '@access-requests/mock-server';
 * import { createReferenceServer } from '@access-requests/mock-server/node';
 *
 * const backend = createBackend({ seed: 7, catalogSize: 500 });
 * const api = createReferenceServer({ backend });
 * console.log(backend.history.alicePendingManager); // the id of a seeded request waiting for Bob
 * ```
 */
export function createBackend(
  options: WorldOptions = {},
  dependencies: BackendDependencies = {},
): ReferenceBackend {
  // The constructor installed every operation of `OPERATIONS`.
  return new SeededBackend(options, dependencies) as SeededBackend & Pick<Backend, Operation>;
}
