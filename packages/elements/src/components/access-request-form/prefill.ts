// Prefill for hosts: turns the ids a host gives (`resource-ids`, `grantee-id`, `app-id`, `bundle-id`)
// into the catalog entries the form shows. Resources are looked up by id (`GET /v1/catalog/resources
// ?id[]=…`, 100 at a time); people, apps and bundles are short lists, read page by page.
import { msg, str } from '../../internal/locale.js';
import type { AccessClient } from '@access-requests/sdk';
import { callerOf, type Me } from '../../internal/requests-hub.js';
import {
  emptyDraft,
  hasTarget,
  loadDraft,
  selfOf,
  type App,
  type Bundle,
  type Draft,
  type Grantee,
  type Resource,
  type SelectedResource,
  type Tab,
} from './draft.js';

/** "a b,c" → ["a", "b", "c"] (spaces or commas), without repeats. */
export function parseIds(value: string | readonly string[] | null | undefined): string[] {
  const parts = typeof value === 'string' ? value.split(/[\s,]+/) : [...(value ?? [])];
  return [...new Set(parts.map((p) => p.trim()).filter(Boolean))];
}

async function findInPages<T extends { id: string }>(
  pages: AsyncGenerator<{ items: T[] }>,
  id: string,
  maxPages = Infinity,
): Promise<T | undefined> {
  let seen = 0;
  for await (const page of pages) {
    const found = page.items.find((item) => item.id === id);
    if (found || ++seen >= maxPages) return found;
  }
  return undefined;
}

export const findGrantee = (
  client: AccessClient,
  id: string,
  signal: AbortSignal,
): Promise<Grantee | undefined> => findInPages(client.grantees().pages({ limit: 100, signal }), id);
export const findApp = (client: AccessClient, id: string, signal: AbortSignal): Promise<App | undefined> =>
  findInPages(client.apps().pages({ limit: 100, signal }), id);
export const findBundle = (
  client: AccessClient,
  id: string,
  signal: AbortSignal,
): Promise<Bundle | undefined> => findInPages(client.bundles().pages({ limit: 100, signal }), id);

export interface ResolvedResources {
  readonly found: SelectedResource[];
  readonly missing: string[];
}

/** Resources per look-up: the contract's limit on `id[]`. */
const IDS_PER_LOOKUP = 100;

async function lookUp(
  client: AccessClient,
  ids: readonly string[],
  granteeId: string | undefined,
  signal: AbortSignal,
) {
  const byId = new Map<string, Resource>();
  for (let start = 0; start < ids.length; start += IDS_PER_LOOKUP) {
    const filters = {
      id: ids.slice(start, start + IDS_PER_LOOKUP),
      ...(granteeId ? { grantee_id: granteeId } : {}),
    };
    for await (const resource of client.resources(filters, { signal })) byId.set(resource.id, resource);
  }
  return byId;
}

/**
 * The resources of `ids`, each with `permissionId` when it offers it, else its first permission; in
 * the order given. Those the grantee may not receive are still chosen when the caller can see them,
 * so that the preview says why, next to their rows.
 */
export async function resolveResources(
  client: AccessClient,
  ids: readonly string[],
  permissionId: string,
  granteeId: string | undefined,
  signal: AbortSignal,
): Promise<ResolvedResources> {
  const byId = await lookUp(client, ids, granteeId, signal);
  const unseen = ids.filter((id) => !byId.has(id));
  if (granteeId && unseen.length)
    for (const [id, resource] of await lookUp(client, unseen, undefined, signal)) byId.set(id, resource);
  const found: SelectedResource[] = [];
  for (const id of ids) {
    const resource = byId.get(id);
    const permission = resource?.permissions.find((p) => p.id === permissionId) ?? resource?.permissions[0];
    if (resource && permission) found.push({ resource, permissionId: permission.id });
  }
  return { found, missing: ids.filter((id) => !found.some((s) => s.resource.id === id)) };
}

/** What a host asked the form to open with (the prefill attributes). */
export interface Prefill {
  readonly resourceIds: string;
  readonly permissionId: string;
  readonly duration: number | undefined;
  readonly justification: string;
  readonly granteeId: string;
  readonly appId: string;
  readonly bundleId: string;
  readonly tab: Tab | undefined;
}

/** Tells prefills apart ('' for none): a saved draft made from the same prefill is the user's, and wins. */
export function prefillKey(prefill: Prefill): string {
  const normal = { ...prefill, resourceIds: parseIds(prefill.resourceIds) };
  const given = Object.values(normal).some((value) =>
    Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '',
  );
  return given ? JSON.stringify(normal) : '';
}

/** The draft a prefill opens: what it names is chosen (on the details step when something to request is). */
export async function applyPrefill(
  client: AccessClient,
  me: Me,
  fresh: Draft,
  prefill: Prefill,
  signal: AbortSignal,
): Promise<{ draft: Draft; notes: string[] }> {
  const notes: string[] = [];
  let draft = fresh;
  if (prefill.granteeId) {
    const grantee = await findGrantee(client, prefill.granteeId, signal);
    if (grantee) draft = { ...draft, grantee };
    else notes.push(msg(str`You cannot request access on behalf of ${prefill.granteeId}.`));
  }
  const granteeId = draft.grantee && !draft.grantee.is_self ? draft.grantee.id : undefined;
  const ids = parseIds(prefill.resourceIds).slice(0, me.org.max_resources_per_request);
  if (ids.length) {
    const { found, missing } = await resolveResources(client, ids, prefill.permissionId, granteeId, signal);
    draft = { ...draft, tab: 'resources', selection: new Map(found.map((s) => [s.resource.id, s])) };
    if (missing.length) notes.push(msg(str`These resources could not be found: ${missing.join(', ')}.`));
  } else if (prefill.permissionId && !prefill.appId) {
    draft = { ...draft, permissionIds: [prefill.permissionId] };
  }
  if (prefill.appId) {
    const app = await findApp(client, prefill.appId, signal);
    const permission = app?.permissions.find((p) => p.id === prefill.permissionId) ?? app?.permissions[0];
    if (app && permission) draft = { ...draft, tab: 'apps', app: { app, permissionId: permission.id } };
    else notes.push(msg(str`The app ${prefill.appId} could not be found.`));
  }
  if (prefill.bundleId) {
    const bundle = await findBundle(client, prefill.bundleId, signal);
    if (bundle) draft = { ...draft, tab: 'bundles', bundle };
    else notes.push(msg(str`The bundle ${prefill.bundleId} could not be found.`));
  }
  if (prefill.duration !== undefined && Number.isInteger(prefill.duration) && prefill.duration >= 1) {
    draft = { ...draft, duration: String(prefill.duration), durationTouched: true };
  }
  if (prefill.justification) draft = { ...draft, justification: prefill.justification };
  if (prefill.tab) draft = { ...draft, tab: prefill.tab };
  return { draft: hasTarget(draft) ? { ...draft, step: 'details' } : draft, notes };
}

/**
 * What the form opens with: the caller (`GET /v1/me`), then their saved draft — or the host's prefill,
 * unless the saved draft was made from that same prefill (then it holds the user's later changes).
 */
export async function openDraft(
  client: AccessClient,
  prefill: Prefill,
  signal: AbortSignal,
): Promise<{ me: Me; draft: Draft; notes: string[] }> {
  const me = await callerOf(client);
  const key = prefillKey(prefill);
  const saved = loadDraft(me.user.id);
  if (saved && saved.prefillKey === key) return { me, draft: saved, notes: [] };
  const fresh: Draft = { ...emptyDraft(me.org.default_duration_hours), grantee: selfOf(me), prefillKey: key };
  if (!key) return { me, draft: saved ?? fresh, notes: [] };
  return { me, ...(await applyPrefill(client, me, fresh, prefill, signal)) };
}
