// The server-side search behind "By Resource": the Search text, the Resource Type and Permission
// filters and the grantee make a query; its cursor pages load as the list scrolls. The first keystroke
// after a pause searches at once; while typing goes on, the search waits until the text has stood still
// for SEARCH_DELAY_MS. Each new query aborts the previous one and answers to older queries are ignored;
// the results shown stay until the next ones are in (the list is marked busy meanwhile). With each
// first page goes a count of every match (`resource-matches?limit=0`), for Select all N matching.
import type { ReactiveController, ReactiveElement } from 'lit';
import { LIMITS } from '@access-requests/contract';
import type { AccessClient, components, ListFilters } from '@access-requests/sdk';
import { LatestTask } from '../../internal/latest-task.js';
import { PagedList } from '../../internal/paged-list.js';
import type { Resource } from './draft.js';

export type ResourceType = components['schemas']['ResourceType'];
export type ResourceMatches = components['schemas']['ResourceMatches'];
export type Permission = components['schemas']['Permission'];

export const PAGE_SIZE = 100;
/**
 * How long the Search text stands still before a search goes while typing, and how long a quiet
 * spell makes the next keystroke search at once. About one search's round trip and paint at 100,000
 * resources (`pnpm bench`), and shorter than the gap between most people's keystrokes.
 */
export const SEARCH_DELAY_MS = 60;

export interface ResourceQuery {
  readonly search: string;
  readonly typeIds: readonly string[];
  readonly permissionIds: readonly string[];
  readonly granteeId: string | undefined;
}

interface Deps {
  client(): AccessClient | undefined;
}

async function everyPage<T>(pages: AsyncGenerator<{ items: T[] }>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page.items);
  return all;
}

/** How many resources a query matches in all, and how many more the grantee may not receive. */
export interface MatchCounts {
  readonly total: number;
  readonly notRequestable: number;
}

/** How a filter's options stand: loading, loaded, or failed (with why). */
export type OptionsState =
  { readonly status: 'loading' | 'ready' } | { readonly status: 'error'; readonly error: unknown };

export class ResourceSearch implements ReactiveController {
  types: readonly ResourceType[] = [];
  permissions: readonly Permission[] = [];
  typesState: OptionsState = { status: 'loading' };
  permissionsState: OptionsState = { status: 'loading' };
  /** The counts of the query shown (`GET /v1/catalog/resource-matches?limit=0`); undefined until in. */
  matches: MatchCounts | undefined;

  readonly #list: PagedList<Resource>;
  readonly #countCall: LatestTask;
  readonly #typesCall: LatestTask;
  readonly #permissionsCall: LatestTask;
  #query: ResourceQuery | undefined;
  #client: AccessClient | undefined;
  /** The resource types the Permission options were loaded for (undefined: not loaded). */
  #permissionsFor: string | undefined;
  /** Runs out SEARCH_DELAY_MS after the Search text last changed (undefined: typing has paused). */
  #typing: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveElement,
    private readonly deps: Deps,
  ) {
    host.addController(this);
    this.#list = new PagedList(host);
    this.#typesCall = new LatestTask(host);
    this.#permissionsCall = new LatestTask(host);
    this.#countCall = new LatestTask(host);
  }

  get items(): readonly Resource[] {
    return this.#list.items;
  }
  get nextCursor(): string | null {
    return this.#list.nextCursor;
  }
  get status() {
    return this.#list.status;
  }
  /** Whether a first page was ever in (what is shown answers some query, maybe an older one). */
  get loaded(): boolean {
    return this.#list.loaded;
  }
  get error(): unknown {
    return this.#list.error;
  }
  get loadingMore(): boolean {
    return this.#list.loadingMore;
  }
  get moreError(): unknown {
    return this.#list.moreError;
  }

  hostDisconnected(): void {
    this.#list.cancel();
    clearTimeout(this.#typing);
    this.#typing = undefined;
    for (const call of [this.#typesCall, this.#permissionsCall, this.#countCall]) call.cancel();
    // Start over when connected again.
    this.#query = undefined;
    this.#client = undefined;
    this.#permissionsFor = undefined;
  }

  /**
   * Brings the results in line with `query`: nothing happens when it is the one shown; a change of
   * the Search text loads at once when typing had paused and otherwise waits for the next pause; any
   * other change loads at once.
   */
  sync(query: ResourceQuery): void {
    const client = this.deps.client();
    if (!client) return;
    if (client !== this.#client) {
      this.#client = client;
      this.#query = undefined;
      this.#permissionsFor = undefined;
      this.types = [];
      this.#loadTypes(client);
    }
    this.#syncPermissions(client, query.typeIds);
    const previous = this.#query;
    if (previous && JSON.stringify(previous) === JSON.stringify(query)) return;
    const onlyText =
      previous !== undefined &&
      previous.search !== query.search &&
      JSON.stringify({ ...previous, search: '' }) === JSON.stringify({ ...query, search: '' });
    this.#load(client, query, onlyText && this.#keystroke() ? SEARCH_DELAY_MS : 0);
  }

  /** Notes a change of the Search text; whether typing was already going on (no pause before it). */
  #keystroke(): boolean {
    const typing = this.#typing !== undefined;
    clearTimeout(this.#typing);
    this.#typing = setTimeout(() => (this.#typing = undefined), SEARCH_DELAY_MS);
    return typing;
  }

  /** Loads the first page of the current query again (Retry). */
  reload(): void {
    const client = this.deps.client();
    if (client && this.#query) this.#load(client, this.#query, 0);
  }

  /** Loads the Resource Type options again (their Retry). */
  reloadTypes(): void {
    const client = this.deps.client();
    if (client) this.#loadTypes(client);
  }

  /** Loads the Permission options again (their Retry). */
  reloadPermissions(typeIds: readonly string[]): void {
    const client = this.deps.client();
    if (!client) return;
    this.#permissionsFor = undefined;
    this.#syncPermissions(client, typeIds);
  }

  #loadTypes(client: AccessClient): void {
    this.typesState = { status: 'loading' };
    this.#typesCall.start(
      (signal) => everyPage(client.resourceTypes().pages({ limit: LIMITS.pageSize.maximum, signal })),
      (outcome) => {
        if (outcome.ok) this.types = outcome.value;
        this.typesState = outcome.ok ? { status: 'ready' } : { status: 'error', error: outcome.error };
        this.host.requestUpdate();
      },
    );
  }

  #syncPermissions(client: AccessClient, typeIds: readonly string[]): void {
    const key = typeIds.join(' ');
    if (key === this.#permissionsFor) return;
    this.#permissionsFor = key;
    this.permissionsState = { status: 'loading' };
    this.#permissionsCall.start(
      (signal) =>
        everyPage(
          client
            .permissions(typeIds.length ? { resource_type_id: [...typeIds] } : {})
            .pages({ limit: LIMITS.pageSize.maximum, signal }),
        ),
      (outcome) => {
        // A failure stays until Retry or another choice of types: no loop of calls on every update.
        if (outcome.ok) this.permissions = outcome.value;
        this.permissionsState = outcome.ok ? { status: 'ready' } : { status: 'error', error: outcome.error };
        this.host.requestUpdate();
      },
    );
  }

  #filters(query: ResourceQuery) {
    return {
      ...(query.search.trim() ? { search: query.search.trim() } : {}),
      ...(query.typeIds.length ? { resource_type_id: [...query.typeIds] } : {}),
      ...(query.permissionIds.length ? { permission_id: [...query.permissionIds] } : {}),
      ...(query.granteeId ? { grantee_id: query.granteeId } : {}),
    };
  }

  #load(client: AccessClient, query: ResourceQuery, delay: number): void {
    this.#query = query;
    const filters = this.#filters(query);
    this.matches = undefined;
    this.#countCall.cancel();
    this.#list.load((cursor, signal) => {
      // With the first page (after the same pause while typing): how many match in all.
      if (cursor === undefined) this.#count(client, filters);
      return client.resources(filters).page({ cursor, limit: PAGE_SIZE, signal });
    }, delay);
  }

  #count(client: AccessClient, filters: ListFilters<'matchingResources'>): void {
    this.#countCall.start(
      (signal) => client.matchingResources({ ...filters, limit: 0 }, { signal }),
      (outcome) => {
        // Without the counts the button still works: it says no number.
        this.matches = outcome.ok
          ? { total: outcome.value.total, notRequestable: outcome.value.not_requestable }
          : undefined;
        this.host.requestUpdate();
      },
    );
  }

  /** Every resource of the query shown, up to the cap, in one call ("Select all N matching"). */
  allMatching(): Promise<ResourceMatches> {
    const client = this.deps.client();
    const query = this.#query;
    if (!client || !query) return Promise.reject(new Error('No search to select from.'));
    return client.matchingResources(this.#filters(query));
  }

  /** Loads the next page, if there is one and none is loading. Resolves when it is in. */
  loadMore(): Promise<void> {
    return this.#list.loadMore();
  }
}
