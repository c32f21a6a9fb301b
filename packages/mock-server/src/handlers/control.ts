/**
 * The reference server's control surface, for tests and the demo: the simulated clock, reset to
 * the seed, and fault injection. `/_control/*` (see `control-routes.ts`) is this over HTTP; Node
 * tests call it directly (`server.control.advance(…)`).
 */
import type { Backend, Notification, NotificationChannel, NotificationFilter, WorldOptions } from '../backend/api.js';
import type { Fault, FaultInjector, FaultSpec } from './faults.js';

export interface ClockState {
  /** The simulated time, RFC 3339. */
  readonly now: string;
  /** How fast simulated time runs against real time (0: frozen). */
  readonly speed: number;
}

export interface OrgState {
  readonly notification_channel: NotificationChannel;
}

export interface WorldState extends ClockState {
  readonly seed: number;
  readonly catalog_size: number;
}

export interface Control {
  clock(): ClockState;
  /** Moves simulated time forward, running every transition that falls due (grants, approvals, expiry). */
  advance(by: { seconds?: number; milliseconds?: number; minutes?: number; hours?: number }): ClockState;
  setSpeed(speed: number): ClockState;
  /** Rebuilds the seeded world (same options unless given) and clears every fault. */
  reset(options?: WorldOptions): WorldState;
  /** The org settings the control API can change. */
  org(): OrgState;
  /** Switches where notifications go (and what `/v1/me` reports). */
  setNotificationChannel(channel: NotificationChannel): OrgState;
  /** The notification outbox: what would have been sent through Slack, Teams or email. */
  readonly notifications: {
    list(filter?: NotificationFilter): Notification[];
    clear(): void;
  };
  readonly faults: {
    add(spec: FaultSpec): Fault;
    list(): Fault[];
    remove(id: string): boolean;
    clear(): void;
  };
}

function checkedNumber(value: unknown, name: string, min: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new RangeError(`${name} must be a number of at least ${min}.`);
  }
  return value;
}

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
    faults: {
      add: (spec) => faults.add(spec),
      list: () => faults.list(),
      remove: (id) => faults.remove(id),
      clear: () => faults.clear(),
    },
  };
}
