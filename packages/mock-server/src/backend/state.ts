/** The backend's mutable state: one per seeded world (a reset builds a new one). */
import type { AccessRequestStatus } from '@access-requests/contract';
import { createTemplateStore, type TemplateStore } from './templates.js';
import { createRandom, deriveSeed, type Random } from '../demo-data/random.js';
import { isVisibleTo } from './access-rules.js';
import type { CatalogIndex } from './catalog-index.js';
import { EventLog, type EventRecord } from './events.js';
import { IdempotencyStore } from './idempotency.js';
import { NotificationOutbox, type NotificationChannel } from './notifications.js';
import { clip } from './input.js';
import { notFound } from './problems.js';
import type { StoredExtension, StoredRequest } from './records.js';
import type { Scheduler } from './scheduler.js';

/** A request's status changed (or it was created: `previousStatus` null). */
export interface StatusChange {
  readonly request: StoredRequest;
  readonly previousStatus: AccessRequestStatus | null;
}

/** A request's extension was asked for, decided or dropped (`extension` as it is now). */
export interface ExtensionChange {
  readonly request: StoredRequest;
  readonly extension: StoredExtension;
}

export interface BackendState {
  readonly catalog: CatalogIndex;
  /** Every request, in creation order. */
  readonly requests: Map<string, StoredRequest>;
  /** The one clock: simulated time and the transitions waiting for it. */
  readonly scheduler: Scheduler;
  readonly events: EventLog;
  readonly idempotency: IdempotencyStore;
  /** The next request id; history swaps it for the fixtures added later (see `history.ts`). */
  newRequestId: (time: number) => string;
  nextSequence: number;
  /** True while the seeded history is played: it leaves no events and tells no listener. */
  quiet: boolean;
  readonly notifyStatusChange: (change: StatusChange) => void;
  readonly notifyExtensionChange: (change: ExtensionChange) => void;
  /** Where notifications go now (the org's setting; the control API can switch it). */
  notificationChannel: NotificationChannel;
  readonly outbox: NotificationOutbox;
  /** The users' request templates. */
  readonly templates: TemplateStore;
}

interface StateHooks {
  readonly onEvent: (event: EventRecord) => void;
  readonly onStatusChange: (change: StatusChange) => void;
  readonly onExtensionChange: (change: ExtensionChange) => void;
  /** Where event ids continue from (they stay unique across resets). */
  readonly firstEventSequence: number;
}

export function createState(catalog: CatalogIndex, scheduler: Scheduler, hooks: StateHooks): BackendState {
  const { world } = catalog;
  return {
    catalog,
    requests: new Map(),
    scheduler,
    events: new EventLog(hooks.firstEventSequence, hooks.onEvent),
    idempotency: new IdempotencyStore(),
    newRequestId: createRequestIds(createRandom(deriveSeed(world.seed, 'request-ids'))),
    nextSequence: 1,
    quiet: false,
    notifyStatusChange: hooks.onStatusChange,
    notifyExtensionChange: hooks.onExtensionChange,
    notificationChannel: world.org.notificationChannel,
    outbox: new NotificationOutbox(),
    templates: createTemplateStore(),
  };
}

/** The request, if the caller may see it; else 404 (indistinguishable from "does not exist"). */
export function findVisible(state: BackendState, callerId: string, requestId: string): StoredRequest {
  const request = state.requests.get(requestId);
  if (!request || !isVisibleTo(request, callerId)) throw notFound(clip(requestId, 100));
  return request;
}

/**
 * Request ids in the contract's style (`req_` + a ULID: 10 characters of time, 16 of randomness,
 * Crockford base32). The randomness is seeded, so the same operations give the same ids.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function createRequestIds(random: Random): (time: number) => string {
  return (time) => {
    let timePart = '';
    let rest = Math.max(0, Math.floor(time));
    for (let i = 0; i < 10; i++) {
      timePart = CROCKFORD.charAt(rest % 32) + timePart;
      rest = Math.floor(rest / 32);
    }
    let randomPart = '';
    for (let i = 0; i < 16; i++) randomPart += CROCKFORD.charAt(random.int(0, 31));
    return `req_${timePart}${randomPart}`;
  };
}
