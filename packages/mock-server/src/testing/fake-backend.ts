/**
 * A tiny stand-in `Backend` for the transport's own tests: one requester, one automatic flow,
 * requests that go granting → active one second after submission. Its answers follow the contract's
 * schemas, so the contract validator can check the transport around it. Not the reference world:
 * use `createBackend()` for that.
 *
 * Why a second backend at all: the transport's tests (handlers, HTTP server, Node runtime) assert
 * what the transport does — auth, faults, streaming, dropped connections, unsubscribing — and need
 * a backend whose every answer they can predict and whose subscribers they can count. Over the
 * seeded world a change to the rules or the demo data would break them for reasons that are not
 * theirs. It is test code only: not exported, not published (`files` leaves it out).
 */
import type { Backend, Caller, CreateResult, Schemas, StreamEvent } from '../backend/api.js';
import { when } from './test-waits.js';
import { apiProblem, fieldError, idempotencyMismatch, validationFailed } from '../backend/problems.js';

type AccessRequest = Schemas['AccessRequest'];

const ALICE = { id: 'usr_alice', name: 'Alice Example', email: 'alice@example.com' };
const START = Date.parse('2026-01-15T09:00:00Z');

const notFound = (id: string) => apiProblem(404, 'not-found', `No access request ${id} is visible to you.`);

/** The fake backend, with what its tests watch: the number of subscribers, and when it changes. */
export interface FakeBackend extends Backend {
  readonly subscribers: number;
  /** Resolves once exactly `count` clients are subscribed. */
  whenSubscribers(count: number): Promise<void>;
}

export function createFakeBackend(): FakeBackend {
  let now = START;
  let speed = 0;
  let seq = 0;
  let eventSeq = 0;
  const requests = new Map<string, AccessRequest & { grantAt: number }>();
  const events: StreamEvent[] = [];
  const listeners = new Set<(event: StreamEvent) => void>();
  const subscriptionChanges = new Set<() => void>();
  const subscriptionsChanged = () => subscriptionChanges.forEach((listener) => listener());
  const idempotency = new Map<string, { body: string; result: Schemas['AccessRequestList'] }>();

  const view = ({ grantAt: _grantAt, ...request }: AccessRequest & { grantAt: number }): AccessRequest =>
    request;
  const publish = (request: AccessRequest & { grantAt: number }) => {
    eventSeq += 1;
    const event: StreamEvent = {
      id: `evt_${String(eventSeq).padStart(6, '0')}`,
      data: { type: 'request.updated', request: view(request) },
    };
    events.push(event);
    for (const listener of listeners) listener(event);
  };
  const get = (id: string) => {
    const request = requests.get(id);
    if (!request) throw notFound(id);
    return request;
  };
  const page = <T>(items: T[]) => ({ items, next_cursor: null });
  const templates = new Map<string, Schemas['Template']>();
  const template = (id: string) => {
    const found = templates.get(id);
    if (!found) throw notFound(id);
    return found;
  };

  const backend: FakeBackend = {
    get subscribers() {
      return listeners.size;
    },
    whenSubscribers: (count) =>
      when(
        () => listeners.size === count,
        (listener) => (subscriptionChanges.add(listener), () => subscriptionChanges.delete(listener)),
        `${count} subscriber(s)`,
      ),
    authenticate: (token): Caller | undefined => (token === 'demo-alice' ? { userId: ALICE.id } : undefined),
    me: () => ({
      user: ALICE,
      org: {
        max_resources_per_request: 1000,
        ticket_types: [],
        notification_channel: 'email',
        default_duration_hours: 8,
      },
      is_approver: false,
    }),
    grantees: () => page([{ ...ALICE, is_self: true }]),
    notifications: () => [],
    clearNotifications: () => {},
    notificationChannel: 'email',
    setNotificationChannel: () => {},
    resourceTypes: () => page([]),
    permissions: () => page([]),
    resources: (_caller, query) => {
      if (query.limit !== undefined && !/^\d+$/.test(String(query.limit))) {
        throw validationFailed(
          [fieldError('limit', 'invalid_type', 'limit must be a whole number.')],
          'query',
        );
      }
      return page([]);
    },
    matchingResources: () => ({ items: [], total: 0, not_requestable: 0 }),
    apps: () => page([]),
    bundles: () => page([]),
    preview: () => ({ groups: [], errors: [], server_time: new Date(now).toISOString() }),
    submit(_caller, body, key): CreateResult {
      const serialized = JSON.stringify(body);
      const earlier = key === undefined ? undefined : idempotency.get(key);
      if (earlier && earlier.body === serialized)
        return { status: 201, body: earlier.result, replayed: true };
      if (earlier) {
        throw idempotencyMismatch();
      }
      seq += 1;
      const at = new Date(now).toISOString();
      const request = {
        id: `req_fake_${seq}`,
        status: 'granting' as const,
        status_reason: null,
        access_flow: { id: 'flow_auto', name: 'Automatic' },
        requester: ALICE,
        grantee: ALICE,
        target: {
          type: 'app' as const,
          app: { id: 'app_github', name: 'GitHub' },
          permission: { id: 'perm_write', name: 'Write' },
        },
        duration_hours: 1,
        justification: null,
        ticket: null,
        approvals: [],
        rejection_reason: null,
        revocation_reason: null,
        created_at: at,
        updated_at: at,
        starts_at: null,
        granted_at: null,
        expires_at: null,
        revoked_at: null,
        favorite: false,
        custom_fields: [],
        extension: null,
        can: {
          revoke: false,
          favorite: true,
          request_again: false,
          use_access: false,
          approve: false,
          reject: false,
          extend: false,
        },
        grantAt: now + 1000,
      };
      requests.set(request.id, request);
      publish(request);
      const result = { requests: [view(request)] };
      if (key !== undefined) idempotency.set(key, { body: serialized, result });
      return { status: 201, body: result, replayed: false };
    },
    listRequests: () => page([...requests.values()].map(view)),
    getRequest: (_caller, id) => view(get(id)),
    requestResources: (_caller, id) => (get(id), page([])),
    revoke: (_caller, id) => view(get(id)),
    extend: (_caller, id) => ({ status: 200, body: view(get(id)) }),
    requestAgain: (caller, id, body, key) => (get(id), backend.submit(caller, body, key)),
    favorite: (_caller, id) => view(get(id)),
    unfavorite: (_caller, id) => view(get(id)),
    accessDetails: (_caller, id) => {
      throw notFound(id);
    },
    myAccess: () => ({ active: [], recent: [], favorites: [], scheduled: [] }),
    approvals: () => page([]),
    approve: (_caller, id) => view(get(id)),
    reject: (_caller, id) => view(get(id)),
    // Templates, kept as sent (no catalog to check them against).
    listTemplates: () => page([...templates.values()]),
    getTemplate: (_caller, id) => template(id),
    createTemplate: (_caller, body) => {
      const { name = '', request = {} } = body as Partial<Schemas['TemplateInput']>;
      const at = new Date(now).toISOString();
      const id = `tpl_${String(templates.size + 1).padStart(6, '0')}`;
      const created = { id, name, owner: ALICE, request, unavailable: [], created_at: at, updated_at: at };
      templates.set(id, { ...created, can: { rename: true, delete: true } });
      return { status: 201, body: template(id), replayed: false };
    },
    renameTemplate: (_caller, id, body) => {
      const { name } = body as Partial<Schemas['TemplateUpdate']>;
      const renamed = { ...template(id), ...(name === undefined ? {} : { name }) };
      templates.set(id, renamed);
      return renamed;
    },
    deleteTemplate: (_caller, id) => {
      template(id);
      templates.delete(id);
    },
    subscribe(_caller, lastEventId, onEvent) {
      const from = events.findIndex((event) => event.id === lastEventId);
      if (from >= 0) for (const event of events.slice(from + 1)) onEvent(event);
      listeners.add(onEvent);
      subscriptionsChanged();
      return () => {
        listeners.delete(onEvent);
        subscriptionsChanged();
      };
    },
    now: () => new Date(now),
    advance(milliseconds) {
      now += milliseconds;
      backend.tick();
    },
    setSpeed(value) {
      speed = value;
    },
    tick() {
      for (const request of requests.values()) {
        if (request.status === 'granting' && request.grantAt <= now) {
          const at = new Date(request.grantAt).toISOString();
          Object.assign(request, {
            status: 'active',
            granted_at: at,
            updated_at: at,
            expires_at: new Date(request.grantAt + 3_600_000).toISOString(),
          });
          publish(request);
        }
      }
    },
    reset() {
      now = START;
      requests.clear();
      events.length = 0;
      idempotency.clear();
      templates.clear();
    },
    get options() {
      return { seed: 1, catalogSize: 0, speed, startTime: new Date(START) };
    },
  };
  return backend;
}
