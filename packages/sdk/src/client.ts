// Over 400 lines: about 160 are the public JSDoc (with examples) of the client's interface and types.
import createClient, { defaultPathSerializer, type Client, type PathSerializer } from 'openapi-fetch';
import type { AccessRequestStatus, components, operations, paths } from '@access-requests/contract';
import { ApiError, TimeoutError, problemFrom } from './errors.js';
import { paginate, type Page, type PageOptions, type Paginated } from './pagination.js';
import {
  checkedToken,
  createTransport,
  type Fetch,
  type RetryNotice,
  type RetryOptions,
  type TokenSource,
} from './transport.js';
import { createWatcher, type WatchOptions, type RequestUpdate, type WaitForOptions } from './watch.js';

/**
 * An access request as the API sends it: its status, who asked and for whom, what it gives access
 * to, its approvals and times, and `can` — what the caller may do with it now, decided by the server.
 *
 * @example
 * ```ts
 * import type { AccessRequest } from '@access-requests/sdk';
 *
 * function title(request: AccessRequest): string {
 *   return `${request.grantee.name}: ${request.status}`;
 * }
 * ```
 */
export type AccessRequest = components['schemas']['AccessRequest'];

/**
 * A named request to start a New Request from, as `templates()` and `template(id)` answer it.
 *
 * @example
 * ```ts
 * import type { Template } from '@access-requests/sdk';
 *
 * const warning = (template: Template) =>
 *   template.unavailable.length ? `${template.unavailable.length} item(s) can no longer be requested` : '';
 * ```
 */
export type Template = components['schemas']['Template'];

/**
 * A question an access flow asks on every request under it — a `text` (with an optional whole-value
 * `pattern`), a single `choice` or a `number` — as `preview()` lists it for each group
 * (`groups[].custom_fields`). Narrow it by `type`; answer it in `submit({ custom_fields })`, keyed by
 * `id`.
 *
 * @example
 * ```ts
 * import type { CustomField } from '@access-requests/sdk';
 *
 * function accepts(field: CustomField, value: string): boolean {
 *   if (field.type !== 'text' || field.pattern === undefined) return true;
 *   return new RegExp(`^(?:${field.pattern})$`, 'u').test(value.trim());
 * }
 * const preview = await client.preview(input);
 * const asked = preview.groups.flatMap((group) => group.custom_fields);
 * ```
 */
export type CustomField = components['schemas']['CustomField'];

/**
 * One answer to a custom field on a request (`request.custom_fields`), in its flow's order: the
 * field's `label`, the `value` sent and `display`, the text to show (a choice's label).
 *
 * @example
 * ```ts
 * import type { AccessRequest, CustomFieldAnswer } from '@access-requests/sdk';
 *
 * const lines = (request: AccessRequest) =>
 *   request.custom_fields.map((answer: CustomFieldAnswer) => `${answer.label}: ${answer.display}`);
 * ```
 */
export type CustomFieldAnswer = components['schemas']['CustomFieldAnswer'];

/**
 * The answers a submission gives (`submit({ custom_fields })`, `preview({ custom_fields })`), keyed by
 * field id: text and choice ids as strings, numbers as numbers.
 *
 * @example
 * ```ts
 * import type { CustomFieldAnswers } from '@access-requests/sdk';
 *
 * const answers: CustomFieldAnswers = { change_type: 'emergency', accounts_affected: 120 };
 * await client.submit({ resources, duration_hours: 2, justification, ticket, custom_fields: answers });
 * ```
 */
export type CustomFieldAnswers = components['schemas']['CustomFieldAnswers'];

/**
 * A list operation's filters with friendly names: `status` for `status[]`, `resource_type_id` for
 * `resource_type_id[]`; paging (`limit`, `cursor`) is separate, given to `page()`.
 *
 * @typeParam Op - The list operation's `operationId` (`'resources'`, `'listRequests'`, …).
 *
 * @example
 * ```ts
 * import type { ListFilters } from '@access-requests/sdk';
 *
 * const filters: ListFilters<'resources'> = { search: 'payments', permission_id: ['perm_pg_readonly'] };
 * for await (const resource of client.resources(filters)) console.log(resource.name);
 * ```
 */
export type ListFilters<Op extends keyof operations> = {
  [
    K in keyof NonNullable<operations[Op]['parameters']['query']> as K extends 'limit' | 'cursor'
      ? never
      : K extends `${infer Base}[]`
        ? Base
        : K
  ]?: NonNullable<operations[Op]['parameters']['query']>[K];
};

/**
 * What {@link createAccessClient} takes: where the API is, how to authenticate, and how patient to be.
 *
 * @example
 * ```ts
 * const options: AccessClientOptions = {
 *   baseUrl: 'https://access.example.com',
 *   token: async ({ refresh }) => (refresh ? renewToken() : currentToken()),
 *   retry: { retries: 5 },
 *   timeoutMs: 10_000,
 * };
 * const client = createAccessClient(options);
 * ```
 */
export interface AccessClientOptions {
  /** Where the API lives, without `/v1` (e.g. `https://access.example.com` or `http://127.0.0.1:4010`). */
  baseUrl: string;
  /** The bearer token, or a (sync or async) function read on every call and again after a 401. */
  token: TokenSource;
  /**
   * A fetch to use instead of `globalThis.fetch` (looked up on every call, so test interceptors installed
   * later still apply).
   */
  fetch?: (request: Request) => Promise<Response>;
  /** Retry policy for safe requests; `false` turns retries off. */
  retry?: RetryOptions | false;
  /** Per-attempt-inclusive limit for each call, in ms. None by default. */
  timeoutMs?: number;
}

/**
 * Options every call takes, as its last argument.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const me = await client.me({ signal: controller.signal, timeoutMs: 5_000 });
 * ```
 */
export interface CallOptions {
  /** Cancels the call (and its retries); it then rejects with the signal's `AbortError`. */
  signal?: AbortSignal | undefined;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number | undefined;
  /**
   * Hears each retry before its wait (a 429's `Retry-After`, a 503, a dropped connection), so the
   * user can be told when the next attempt goes and offered a Cancel (abort `signal`).
   */
  onRetry?: ((notice: RetryNotice) => void) | undefined;
}

/**
 * Options of the calls that create or change something and carry an `Idempotency-Key`: `submit`,
 * `requestAgain`, `revoke`, `extend`, `approve`, `reject` and `createTemplate`. The key makes them safe
 * to retry: the client retries them itself (with the same key), and a `TimeoutError` or
 * `NetworkError` carries the key so the caller can send the call again with it and never do it twice.
 * (`favorite`, `unfavorite` and `deleteTemplate` are PUT and DELETE, idempotent by their method: they
 * need no key.)
 *
 * @example
 * ```ts
 * // One key per user intent: sending the same call again replays the first answer.
 * const key = crypto.randomUUID();
 * const requests = await client.submit(body, { idempotencyKey: key });
 * await client.revoke(requests[0]!.id, { idempotencyKey: crypto.randomUUID() });
 * ```
 */
export interface ChangeOptions extends CallOptions {
  /** Sent as `Idempotency-Key`; one is generated per call when absent and reused across its retries. */
  idempotencyKey?: string;
}

/**
 * The typed client: the request lifecycle as calls named after what the user wants. Make one with
 * {@link createAccessClient}. Every call takes {@link CallOptions} last; lists are {@link Paginated}.
 *
 * @example
 * ```ts
 * import { createAccessClient, type AccessClient } from '@access-requests/sdk';
 *
 * async function pendingCount(client: AccessClient): Promise<number> {
 *   const { items } = await client.requests({ status: ['pending_approval'] }).page();
 *   return items.length;
 * }
 * await pendingCount(createAccessClient({ baseUrl: 'http://127.0.0.1:4010', token: 'demo-alice' }));
 * ```
 */
export interface AccessClient {
  /**
   * The raw typed openapi-fetch client, with the same token, retries and base URL, for anything the calls
   * below don't cover.
   */
  readonly raw: Client<paths>;

  /** The caller and the org's settings (ticket types, notification channel, limits). */
  me(call?: CallOptions): Promise<components['schemas']['Me']>;
  /** People the caller may request access for; the caller first. */
  grantees(
    filters?: ListFilters<'grantees'>,
    call?: CallOptions,
  ): Paginated<components['schemas']['Grantee']>;

  /** The catalog's resource types (the Resource Type filter), by `search` or `app_id`. */
  resourceTypes(
    filters?: ListFilters<'resourceTypes'>,
    call?: CallOptions,
  ): Paginated<components['schemas']['ResourceType']>;
  /**
   * The permissions resources can be requested with (the Permission filter), by `search` or
   * `resource_type_id`.
   */
  permissions(
    filters?: ListFilters<'permissions'>,
    call?: CallOptions,
  ): Paginated<components['schemas']['Permission']>;
  /** Catalog resources, by `search`, `resource_type_id`, `permission_id`, `grantee_id` or `id`. */
  resources(
    filters?: ListFilters<'resources'>,
    call?: CallOptions,
  ): Paginated<components['schemas']['Resource']>;
  /**
   * Every resource `resources` would list for the same `search`, `resource_type_id`, `permission_id`
   * and `grantee_id`, in one call ("Select all N matching"): the first `max_resources_per_request`
   * (1000) by name as `items`, how many match in all (`total`), and how many more match but the grantee
   * may not receive (`not_requestable`). `limit: 0` asks for the counts alone.
   */
  matchingResources(
    filters?: ListFilters<'matchingResources'> & { readonly limit?: number },
    call?: CallOptions,
  ): Promise<components['schemas']['ResourceMatches']>;
  /** The catalog's apps (integrations), requestable as a whole with one permission. */
  apps(filters?: ListFilters<'apps'>, call?: CallOptions): Paginated<components['schemas']['App']>;
  /** The catalog's bundles: named sets of resources and permissions, requestable in one go. */
  bundles(filters?: ListFilters<'bundles'>, call?: CallOptions): Paginated<components['schemas']['Bundle']>;

  /** How a submission would split by access flow, and every error it would meet — nothing is created. */
  preview(
    body: components['schemas']['AccessRequestInput'],
    call?: CallOptions,
  ): Promise<components['schemas']['Preview']>;
  /** Submits a request; answers one request per access flow. Safe to retry: it carries an Idempotency-Key. */
  submit(body: components['schemas']['AccessRequestInput'], call?: ChangeOptions): Promise<AccessRequest[]>;

  /** The caller's requests (`scope: 'mine'`) or those they made for others (`'on_behalf'`), newest first. */
  requests(filters?: ListFilters<'listRequests'>, call?: CallOptions): Paginated<AccessRequest>;
  /** One request by id (a `404` ApiError for one the caller may not see). */
  request(id: string, call?: CallOptions): Promise<AccessRequest>;
  /** The resource and permission pairs a request grants ("View resources"). */
  requestResources(id: string, call?: CallOptions): Paginated<components['schemas']['RequestResource']>;
  /**
   * Revokes (or withdraws a pending) request; answers it now `revoking` (or `revoked`). Safe to retry:
   * it carries an Idempotency-Key.
   */
  revoke(id: string, call?: ChangeOptions): Promise<AccessRequest>;
  /**
   * Asks for `hours` more of an active request, with a justification (only its requester may; see
   * `can.extend` and the request's `extension` policy). Under an automatic flow `expires_at` moves at
   * once; under a flow with approvers the answer has `extension.pending` and the access stays active
   * until its current `expires_at` while they decide. Safe to retry: it carries an Idempotency-Key.
   */
  extend(
    id: string,
    body: components['schemas']['ExtendInput'],
    call?: ChangeOptions,
  ): Promise<AccessRequest>;
  /** Asks for a closed request's access again. Safe to retry: it carries an Idempotency-Key. */
  requestAgain(
    id: string,
    body: components['schemas']['RequestAgainInput'],
    call?: ChangeOptions,
  ): Promise<AccessRequest[]>;
  /**
   * Marks a request as a favorite (only one the caller submitted for themself; else a `403` ApiError).
   * Idempotent (PUT): safe to retry without a key.
   */
  favorite(id: string, call?: CallOptions): Promise<AccessRequest>;
  /** Removes a request from the caller's favorites. Idempotent (DELETE): safe to retry without a key. */
  unfavorite(id: string, call?: CallOptions): Promise<AccessRequest>;
  /** How to use an active access: instructions, link, CLI snippet, expiry. */
  accessDetails(id: string, call?: CallOptions): Promise<components['schemas']['AccessDetails']>;
  /** What the caller holds now, their three most recent closed requests, and their favourites. */
  myAccess(call?: CallOptions): Promise<components['schemas']['MyAccess']>;

  /** The caller's request templates, by name; each says what in it can no longer be requested. */
  templates(filters?: ListFilters<'listTemplates'>, call?: CallOptions): Paginated<Template>;
  /**
   * A template by id — the caller's own or one shared by link (a `404` ApiError for none); `unavailable`
   * lists what in it the caller can no longer request, `can` whether they may rename or delete it.
   */
  template(id: string, call?: CallOptions): Promise<Template>;
  /**
   * Saves a named template (selection with permissions, and optionally duration, justification and
   * ticket type); the selection is checked as `submit` checks it (field errors under `request.`). Safe
   * to retry: it carries an Idempotency-Key.
   */
  createTemplate(body: components['schemas']['TemplateInput'], call?: ChangeOptions): Promise<Template>;
  /** Renames one of the caller's templates (a `422` for a name they already use). */
  renameTemplate(
    id: string,
    body: components['schemas']['TemplateUpdate'],
    call?: CallOptions,
  ): Promise<Template>;
  /** Deletes one of the caller's templates. Idempotent (DELETE): safe to retry without a key. */
  deleteTemplate(id: string, call?: CallOptions): Promise<void>;

  /** Requests waiting for the caller's decision (`status: 'pending'`) or already decided. */
  approvals(filters?: ListFilters<'approvals'>, call?: CallOptions): Paginated<AccessRequest>;
  /**
   * Approves a request waiting for the caller, with an optional `reason`. Safe to retry: it carries an
   * Idempotency-Key.
   */
  approve(
    id: string,
    body?: components['schemas']['ApproveInput'],
    call?: ChangeOptions,
  ): Promise<AccessRequest>;
  /**
   * Rejects a request waiting for the caller; `reason` (1–123 characters) is required and shown to the
   * requester. Safe to retry: it carries an Idempotency-Key.
   */
  reject(
    id: string,
    body: components['schemas']['RejectInput'],
    call?: ChangeOptions,
  ): Promise<AccessRequest>;

  /**
   * Live request updates from the event stream (resuming after drops; polling while it fails, and
   * where streaming is unavailable).
   */
  watch(watchOptions?: WatchOptions): AsyncGenerator<RequestUpdate>;
  /**
   * Resolves with the request once it is in one of `statuses`; rejects if it settles elsewhere or time
   * runs out.
   */
  waitFor(
    id: string,
    statuses: AccessRequestStatus | readonly AccessRequestStatus[],
    waitOptions?: WaitForOptions,
  ): Promise<AccessRequest>;
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** `status` → `status[]`, and paging options (openapi-fetch leaves out what is undefined). */
function toQuery(filters: object | undefined, page: PageOptions = {}): Record<string, unknown> {
  const query: Record<string, unknown> = { cursor: page.cursor, limit: page.limit };
  for (const [key, value] of Object.entries(filters ?? {}))
    query[Array.isArray(value) ? `${key}[]` : key] = value;
  return query;
}

/**
 * The base URL as the client uses it (no trailing slash), or a TypeError that says what is wrong:
 * a missing one, one without an http(s) scheme (`access.example.com`, `localhost:4010`), one that
 * already ends in `/v1` (every path adds it), or one with a query or fragment.
 */
function checkedBaseUrl(baseUrl: unknown): string {
  const text = typeof baseUrl === 'string' ? baseUrl.trim().replace(/\/+$/, '') : '';
  const url = URL.canParse(text) ? new URL(text) : undefined;
  const wrong = !text
    ? 'is required'
    : !url || !/^https?:$/.test(url.protocol) || !text.includes('//')
      ? 'needs a scheme, http:// or https://'
      : url.search || url.hash
        ? 'must have no query or fragment'
        : /\/v1$/.test(url.pathname)
          ? 'must not end in /v1 (each call adds it)'
          : '';
  if (wrong)
    throw new TypeError(
      `createAccessClient: baseUrl ${text && `'${text}' `}${wrong}: an absolute URL like 'https://access.example.com'.`,
    );
  return text;
}

/**
 * Path parameters as openapi-fetch writes them, refusing an empty id and the dot segments `.` and
 * `..`: URL parsing removes those (even percent-encoded), so the call would reach another path.
 */
const pathSerializer: PathSerializer = (pathname, params) => {
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' && /^(|\.|\.\.)$/.test(value)) {
      throw new TypeError(`The ${name} '${value}' is not an id: it would change the path of the call.`);
    }
  }
  return defaultPathSerializer(pathname, params);
};

/**
 * Makes the typed client for one API and one user. Every call returns the data of a success and
 * throws an {@link ApiError} on a problem answer, a {@link NetworkError} when the server cannot be
 * reached, and a {@link TimeoutError} when `timeoutMs` runs out. Lists are {@link Paginated}.
 * Bad options throw a `TypeError` at once, saying what is wrong (no `baseUrl`, one without
 * `http://` or `https://`, one ending in `/v1`, no `token`).
 *
 * @param options - Where the API is and how to authenticate; see {@link AccessClientOptions}.
 * @returns The client: one call per operation of the contract, plus `watch` and `waitFor`.
 *
 * @example
 * ```ts
 * import { createAccessClient } from '@access-requests/sdk';
 *
 * const client = createAccessClient({ baseUrl: 'http://127.0.0.1:4010', token: 'demo-alice' });
 * const [request] = await client.submit({
 *   resources: [{ resource_id: 'res_staging_payments_db', permission_id: 'perm_pg_readonly' }],
 *   duration_hours: 2,
 *   justification: 'Investigating INC-4211',
 * });
 * const active = await client.waitFor(request.id, 'active', { timeout: 60_000 });
 * console.log(`${active.id} is active until ${active.expires_at}`);
 * ```
 */
export function createAccessClient(options: AccessClientOptions): AccessClient {
  const baseUrl = checkedBaseUrl(options?.baseUrl);
  if (options.token === undefined || options.token === '') {
    throw new TypeError(
      'createAccessClient: token is required: a bearer token, or a function returning one.',
    );
  }
  if (typeof options.token === 'string') {
    try {
      checkedToken(options.token);
    } catch (error) {
      throw new TypeError(`createAccessClient: ${(error as Error).message}`, { cause: error });
    }
  }
  const baseFetch: Fetch = options.fetch ?? ((request) => globalThis.fetch(request));
  const transport = createTransport({ token: options.token, fetch: baseFetch, retry: options.retry ?? {} });

  /**
   * The raw typed openapi-fetch client, with the same token, retries and base URL, for anything the calls
   * below don't cover.
   */
  const raw: Client<paths> = createClient<paths>({ baseUrl, fetch: transport, pathSerializer });

  function init(call: CallOptions = {}) {
    const timeoutMs = call.timeoutMs ?? options.timeoutMs;
    const signals = [
      call.signal,
      timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs),
    ].filter((s) => s !== undefined);
    const { onRetry } = call;
    const signal = signals.length ? AbortSignal.any(signals) : undefined;
    if (!signal) return onRetry ? { fetch: (request: Request) => transport(request, { onRetry }) } : {};
    return {
      signal,
      // Nothing else holds the call's signal while its request is out: AbortSignal.any holds its
      // sources weakly, the Request made from it follows it weakly, and Node's timer holds a timeout
      // signal weakly. After a garbage collection the timeout would never fire (nor the caller's
      // abort reach the request). The call's own fetch holds the signal, and with it its sources,
      // until the answer is in.
      fetch: (request: Request) => transport(request, { onRetry }).finally(() => [signal, signals]),
    };
  }

  /** Unwraps a result: the data, or a thrown ApiError; a timeout becomes a TimeoutError. */
  async function unwrap<T>(pending: Promise<FetchResult<T>>, idempotencyKey?: string): Promise<T> {
    let result: FetchResult<T>;
    try {
      result = await pending;
    } catch (error) {
      if ((error as Error | undefined)?.name === 'TimeoutError' && !(error instanceof TimeoutError)) {
        throw new TimeoutError('The call timed out.', { cause: error, idempotencyKey });
      }
      throw error;
    }
    if (result.error !== undefined || !result.response.ok) {
      throw new ApiError(problemFrom(result.response, result.error), result.response);
    }
    return result.data as T;
  }

  const list = <T, Op extends keyof operations>(
    fetchPage: (query: never, call: ReturnType<typeof init>) => Promise<FetchResult<Page<T>>>,
    filters: ListFilters<Op> | undefined,
    call?: CallOptions,
  ): Paginated<T> =>
    paginate((page) =>
      unwrap(
        fetchPage(toQuery(filters, page) as never, init({ ...call, signal: page.signal ?? call?.signal })),
      ),
    );

  /** The call's key (the caller's, or a new one) and its init, which sends the key. */
  const idempotency = (call: ChangeOptions = {}) => {
    const key = call.idempotencyKey ?? crypto.randomUUID();
    return { key, init: { ...init(call), params: { header: { 'Idempotency-Key': key } } } };
  };
  /** The same, for a call on the request `id`. */
  const idempotencyOn = (id: string, call?: ChangeOptions) => {
    const { key, init } = idempotency(call);
    return { key, init: { ...init, params: { ...init.params, path: { id } } } };
  };
  const path = (id: string) => ({ params: { path: { id } } });

  // Each call is documented on the AccessClient interface.
  const client: AccessClient = {
    raw,

    me: (call?: CallOptions) => unwrap(raw.GET('/v1/me', init(call))),
    grantees: (filters?: ListFilters<'grantees'>, call?: CallOptions) =>
      list((query, i) => raw.GET('/v1/grantees', { params: { query }, ...i }), filters, call),

    resourceTypes: (filters?: ListFilters<'resourceTypes'>, call?: CallOptions) =>
      list((query, i) => raw.GET('/v1/catalog/resource-types', { params: { query }, ...i }), filters, call),
    permissions: (filters?: ListFilters<'permissions'>, call?: CallOptions) =>
      list((query, i) => raw.GET('/v1/catalog/permissions', { params: { query }, ...i }), filters, call),
    resources: (filters?: ListFilters<'resources'>, call?: CallOptions) =>
      list((query, i) => raw.GET('/v1/catalog/resources', { params: { query }, ...i }), filters, call),
    matchingResources: (
      filters?: ListFilters<'matchingResources'> & { readonly limit?: number },
      call?: CallOptions,
    ) =>
      unwrap(raw.GET('/v1/catalog/resource-matches', { params: { query: toQuery(filters) }, ...init(call) })),
    apps: (filters?: ListFilters<'apps'>, call?: CallOptions) =>
      list((query, i) => raw.GET('/v1/catalog/apps', { params: { query }, ...i }), filters, call),
    bundles: (filters?: ListFilters<'bundles'>, call?: CallOptions) =>
      list((query, i) => raw.GET('/v1/catalog/bundles', { params: { query }, ...i }), filters, call),

    preview: (body: components['schemas']['AccessRequestInput'], call?: CallOptions) =>
      unwrap(raw.POST('/v1/access-requests/preview', { body, ...init(call) })),
    submit: (body: components['schemas']['AccessRequestInput'], call?: ChangeOptions) => {
      const { key, init } = idempotency(call);
      return unwrap(raw.POST('/v1/access-requests', { body, ...init }), key).then((r) => r.requests);
    },

    requests: (filters?: ListFilters<'listRequests'>, call?: CallOptions) =>
      list((query, i) => raw.GET('/v1/access-requests', { params: { query }, ...i }), filters, call),
    request: (id: string, call?: CallOptions) =>
      unwrap(raw.GET('/v1/access-requests/{id}', { ...path(id), ...init(call) })),
    requestResources: (id: string, call?: CallOptions) =>
      list(
        (query, i) =>
          raw.GET('/v1/access-requests/{id}/resources', { params: { path: { id }, query }, ...i }),
        undefined,
        call,
      ),
    revoke: (id: string, call?: ChangeOptions) => {
      const { key, init } = idempotencyOn(id, call);
      return unwrap(raw.POST('/v1/access-requests/{id}/revoke', init), key);
    },
    extend: (id: string, body: components['schemas']['ExtendInput'], call?: ChangeOptions) => {
      const { key, init } = idempotencyOn(id, call);
      return unwrap(raw.POST('/v1/access-requests/{id}/extend', { body, ...init }), key);
    },
    requestAgain: (id: string, body: components['schemas']['RequestAgainInput'], call?: ChangeOptions) => {
      const { key, init } = idempotencyOn(id, call);
      return unwrap(raw.POST('/v1/access-requests/{id}/request-again', { body, ...init }), key).then(
        (r) => r.requests,
      );
    },
    favorite: (id: string, call?: CallOptions) =>
      unwrap(raw.PUT('/v1/access-requests/{id}/favorite', { ...path(id), ...init(call) })),
    unfavorite: (id: string, call?: CallOptions) =>
      unwrap(raw.DELETE('/v1/access-requests/{id}/favorite', { ...path(id), ...init(call) })),
    accessDetails: (id: string, call?: CallOptions) =>
      unwrap(raw.GET('/v1/access-requests/{id}/access-details', { ...path(id), ...init(call) })),
    myAccess: (call?: CallOptions) => unwrap(raw.GET('/v1/my-access', init(call))),

    templates: (filters?: ListFilters<'listTemplates'>, call?: CallOptions) =>
      list((query, i) => raw.GET('/v1/templates', { params: { query }, ...i }), filters, call),
    template: (id: string, call?: CallOptions) =>
      unwrap(raw.GET('/v1/templates/{id}', { ...path(id), ...init(call) })),
    createTemplate: (body: components['schemas']['TemplateInput'], call?: ChangeOptions) => {
      const { key, init } = idempotency(call);
      return unwrap(raw.POST('/v1/templates', { body, ...init }), key);
    },
    renameTemplate: (id: string, body: components['schemas']['TemplateUpdate'], call?: CallOptions) =>
      unwrap(raw.PATCH('/v1/templates/{id}', { body, ...path(id), ...init(call) })),
    deleteTemplate: (id: string, call?: CallOptions) =>
      unwrap(raw.DELETE('/v1/templates/{id}', { ...path(id), ...init(call) })).then(() => undefined),

    approvals: (filters?: ListFilters<'approvals'>, call?: CallOptions) =>
      list((query, i) => raw.GET('/v1/approvals', { params: { query }, ...i }), filters, call),
    approve: (id: string, body: components['schemas']['ApproveInput'] = {}, call?: ChangeOptions) => {
      const { key, init } = idempotencyOn(id, call);
      return unwrap(raw.POST('/v1/access-requests/{id}/approve', { body, ...init }), key);
    },
    reject: (id: string, body: components['schemas']['RejectInput'], call?: ChangeOptions) => {
      const { key, init } = idempotencyOn(id, call);
      return unwrap(raw.POST('/v1/access-requests/{id}/reject', { body, ...init }), key);
    },

    watch: (watchOptions?: WatchOptions): AsyncGenerator<RequestUpdate> => watcher.watch(watchOptions),
    waitFor: (
      id: string,
      statuses: AccessRequestStatus | readonly AccessRequestStatus[],
      waitOptions?: WaitForOptions,
    ) => watcher.waitFor(id, typeof statuses === 'string' ? [statuses] : statuses, waitOptions),
  };

  const watcher = createWatcher({
    baseUrl,
    transport,
    getRequest: (id, signal) => client.request(id, { signal }),
    pollSources: (signal) => [
      client.requests({ scope: 'mine' }, { signal }).page({ limit: 100 }),
      client.requests({ scope: 'on_behalf' }, { signal }).page({ limit: 100 }),
      client.approvals({ status: 'pending' }, { signal }).page({ limit: 100 }),
    ],
  });

  return client;
}
