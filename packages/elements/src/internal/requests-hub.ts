// One shared source of request changes per client: the SDK's event stream (one watch() however many
// elements listen, ended when the last one leaves; polling while the stream fails) and the answers of
// the elements' own actions, so a card changes as soon as its details panel revoked or favourited it.
import type { AccessClient, AccessRequest, WatchState, components } from '@access-requests/sdk';

export type Me = components['schemas']['Me'];
export type RequestListener = (request: AccessRequest, source: 'stream' | 'action') => void;
/** Told how changes arrive: live from the stream, or by polling (undefined: not known yet). */
export type LiveStateListener = (state: WatchState | undefined) => void;

interface Hub {
  readonly listeners: Set<RequestListener>;
  readonly stateListeners: Set<LiveStateListener>;
  /** How the running watch receives changes, once it has said. */
  state?: WatchState | undefined;
  controller?: AbortController;
  /** Resolves once the running stream has connected (the server sends every change from then on). */
  connected?: Promise<void>;
  /** Whether the running watch has connected once (a first stream, or a first poll round). */
  isConnected?: boolean;
  /** Told when the running watch connects for the first time. */
  readonly firstConnectListeners: Set<() => void>;
}

const hubs = new WeakMap<AccessClient, Hub>();
const callers = new WeakMap<AccessClient, Promise<Me>>();

function hubOf(client: AccessClient): Hub {
  let hub = hubs.get(client);
  if (!hub) {
    hubs.set(
      client,
      (hub = { listeners: new Set(), stateListeners: new Set(), firstConnectListeners: new Set() }),
    );
  }
  return hub;
}

function emit(hub: Hub, request: AccessRequest, source: 'stream' | 'action'): void {
  for (const listener of [...hub.listeners]) listener(request, source);
}

function setState(hub: Hub, state: WatchState | undefined): void {
  hub.state = state;
  for (const listener of [...hub.stateListeners]) listener(state);
}

async function pump(
  client: AccessClient,
  hub: Hub,
  signal: AbortSignal,
  onConnect: () => void,
): Promise<void> {
  try {
    const onStateChange = (state: WatchState) => setState(hub, state);
    for await (const update of client.watch({ signal, onConnect, onStateChange }))
      emit(hub, update.request, 'stream');
  } catch (error) {
    // A stream the server refuses for good (say, 401): the lists still work, without live updates.
    if (!signal.aborted) console.warn('Live request updates stopped:', error);
  }
  // Ended for good: it no longer polls either.
  if (!signal.aborted) setState(hub, undefined);
}

/** Listens to every change of a request the client's caller can see; returns the unsubscribe. */
export function subscribeToRequests(client: AccessClient, listener: RequestListener): () => void {
  const hub = hubOf(client);
  hub.listeners.add(listener);
  if (!hub.controller) {
    const controller = new AbortController();
    hub.controller = controller;
    let connected!: () => void;
    hub.connected = new Promise((resolve) => (connected = resolve));
    hub.isConnected = false;
    void pump(client, hub, controller.signal, () => {
      connected();
      if (hub.isConnected) return;
      hub.isConnected = true;
      for (const listener of [...hub.firstConnectListeners]) listener();
    });
  }
  return () => {
    hub.listeners.delete(listener);
    if (hub.listeners.size === 0) {
      hub.controller?.abort();
      delete hub.controller;
      delete hub.connected;
      delete hub.isConnected;
      setState(hub, undefined);
    }
  };
}

/**
 * Listens to how the client's shared watch receives changes (told of what is known already in a
 * microtask, outside the caller's update); returns the unsubscribe. The watch runs while someone
 * `subscribeToRequests`.
 */
export function subscribeToLiveState(client: AccessClient, listener: LiveStateListener): () => void {
  const hub = hubOf(client);
  hub.stateListeners.add(listener);
  queueMicrotask(() => {
    if (hub.stateListeners.has(listener)) listener(hub.state);
  });
  return () => hub.stateListeners.delete(listener);
}

/**
 * Calls `listener` when the client's shared watch connects for the first time, if it has not yet:
 * what an element loaded before then may have changed before the stream began to tell (a fresh
 * stream has nothing to resume from), so the element reads it again. Returns the unsubscribe.
 */
export function onFirstConnect(client: AccessClient, listener: () => void): () => void {
  const hub = hubOf(client);
  if (hub.isConnected) return () => undefined;
  const once = () => {
    hub.firstConnectListeners.delete(once);
    listener();
  };
  hub.firstConnectListeners.add(once);
  return () => hub.firstConnectListeners.delete(once);
}

/**
 * Resolves once the client's shared event stream is connected, so that changes made from then on
 * reach its listeners (tests wait for it before changing the server); rejects when no listener has
 * started one.
 */
export function streamConnected(client: AccessClient): Promise<void> {
  return hubs.get(client)?.connected ?? Promise.reject(new Error('No event stream runs for this client.'));
}

/** Tells every listener of the client about requests an action just changed or created. */
export function publishRequests(client: AccessClient, ...requests: AccessRequest[]): void {
  const hub = hubs.get(client);
  if (hub) for (const request of requests) emit(hub, request, 'action');
}

/** The caller (`GET /v1/me`), fetched once per client. */
export function callerOf(client: AccessClient): Promise<Me> {
  let pending = callers.get(client);
  if (!pending) {
    pending = client.me();
    callers.set(client, pending);
    pending.catch(() => callers.delete(client));
  }
  return pending;
}

/** Whether `next` is at least as new as `current` (stale stream echoes must not undo an action). */
export function isNewer(next: AccessRequest, current: AccessRequest): boolean {
  return Date.parse(next.updated_at) >= Date.parse(current.updated_at);
}
