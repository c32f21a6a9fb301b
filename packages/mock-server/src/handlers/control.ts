/**
 * The reference server's control surface, for tests and the demo: the simulated clock, reset to
 * the seed, and fault injection. `/_control/*` (see `control-routes.ts`) is this over HTTP; Node
 * tests call it directly (`server.control.advance(…)`).
 */
import type {
  Backend,
  Notification,
  NotificationChannel,
  NotificationFilter,
  WorldOptions,
} from '../backend/api.js';
import type { Fault, FaultInjector, FaultSpec } from './faults.js';

/**
 * The simulated clock: what `GET /_control/clock` answers and `control.clock()` returns.
 *
 * @example
 * ```ts
 * const clock: ClockState = api.control.advance({ minutes: 2 });
 * console.log(clock.now); // '2026-01-15T09:02:00.000Z' from the seed's start, with speed 0
 * ```
 */
export interface ClockState {
  /** The simulated time, RFC 3339. */
  readonly now: string;
  /** How fast simulated time runs against real time (0: frozen). */
  readonly speed: number;
}

/**
 * The org settings the control API can change.
 *
 * @example
 * ```ts
 * const org: OrgState = api.control.setNotificationChannel('teams');
 * console.log(org.notification_channel); // 'teams', also in GET /v1/me
 * ```
 */
export interface OrgState {
  /** Where notifications go, and what `GET /v1/me` reports. */
  readonly notification_channel: NotificationChannel;
}

/**
 * The world after a reset: the clock, and the options it was built with.
 *
 * @example
 * ```ts
 * const world: WorldState = api.control.reset({ seed: 7 });
 * console.log(world.seed, world.catalog_size, world.now); // 7 2000 '2026-01-15T09:00:00.000Z'
 * ```
 */
export interface WorldState extends ClockState {
  /** The seed of the generated world: same seed, same ids. */
  readonly seed: number;
  /** Number of catalog resources. */
  readonly catalog_size: number;
}

/**
 * The reference server's control surface: the simulated clock, reset to the seed, the org's
 * notification channel and outbox, and fault injection. `/_control/...` is the same over HTTP; in
 * Node (and in a page running the worker) call it directly as `api.control`.
 *
 * @example
 * ```ts
 * const control: Control = api.control;
 * control.reset({ speed: 0 });
 * control.faults.add({ method: 'POST', path: '/v1/access-requests', kind: 'drop' });
 * control.advance({ seconds: 5 }); // granting → active
 * console.log(control.notifications.list({ recipientId: 'usr_alice' }).length);
 * ```
 */
export interface Control {
  /** The simulated time and speed. */
  clock(): ClockState;
  /** Moves simulated time forward, running every transition that falls due (grants, approvals, expiry). */
  advance(by: { seconds?: number; milliseconds?: number; minutes?: number; hours?: number }): ClockState;
  /** Sets how fast simulated time runs: 0 freezes it, 1 is real time, 60 a minute per second. */
  setSpeed(speed: number): ClockState;
  /** Rebuilds the seeded world (same options unless given) and clears every fault. */
  reset(options?: WorldOptions): WorldState;
  /** The org settings the control API can change. */
  org(): OrgState;
  /** Switches where notifications go (and what `/v1/me` reports). */
  setNotificationChannel(channel: NotificationChannel): OrgState;
  /** The notification outbox: what would have been sent through Slack, Teams or email. */
  readonly notifications: {
    /** What was sent so far (oldest first), optionally for one recipient or one request. */
    list(filter?: NotificationFilter): Notification[];
    /** Empties the outbox. */
    clear(): void;
  };
  /** Faults for the next matching `/v1` requests (see `FaultSpec`). */
  readonly faults: {
    /** Adds a fault; throws `FaultSpecError` for a spec that makes no sense. */
    add(spec: FaultSpec): Fault;
    /** The faults still waiting, with their remaining counts. */
    list(): Fault[];
    /** Removes one fault; false when there is none with that id. */
    remove(id: string): boolean;
    /** Removes every fault. */
    clear(): void;
  };
}

function checkedNumber(value: unknown, name: string, min: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new RangeError(`${name} must be a number of at least ${min}.`);
  }
  return value;
}

/**
 * The control surface over a backend and a fault injector (what every runtime's `control` is).
 * Needed only when assembling handlers by hand with `createHandlers`.
 *
 * @example
 * ```ts
 * import { createBackend, createControl, createHandlers, FaultInjector } from '@access-requests/mock-server';
 *
 * const backend = createBackend();
 * const faults = new FaultInjector();
 * const handlers = createHandlers(backend, { faults });
 * const control = createControl(backend, faults);
 * control.faults.add({ path: '/v1/me', kind: 'error', status: 502 });
 * ```
 */
export function createControl(backend: Backend, faults: FaultInjector): Control {
  const clock = (): ClockState => ({ now: backend.now().toISOString(), speed: backend.options.speed });
  const world = (): WorldState => ({
    ...clock(),
    seed: backend.options.seed,
    catalog_size: backend.options.catalogSize,
  });
  return {
    clock,
    advance({ milliseconds = 0, seconds = 0, minutes = 0, hours = 0 }) {
      const total =
        checkedNumber(milliseconds, 'milliseconds', 0) +
        checkedNumber(seconds, 'seconds', 0) * 1000 +
        checkedNumber(minutes, 'minutes', 0) * 60_000 +
        checkedNumber(hours, 'hours', 0) * 3_600_000;
      backend.advance(total);
      return clock();
    },
    setSpeed(speed) {
      backend.setSpeed(checkedNumber(speed, 'speed', 0));
      return clock();
    },
    reset(options) {
      faults.clear();
      backend.reset(options);
      return world();
    },
    org: () => ({ notification_channel: backend.notificationChannel }),
    setNotificationChannel(channel) {
      backend.setNotificationChannel(channel);
      return { notification_channel: backend.notificationChannel };
    },
    notifications: {
      list: (filter) => backend.notifications(filter),
      clear: () => backend.clearNotifications(),
    },
    faults,
  };
}
