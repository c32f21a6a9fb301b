// Prefill for hosts: turns the ids a host gives (`resource-ids`, `grantee-id`, `app-id`, `bundle-id`,
// or the `prefill` property: a closed request to edit, or a request body's fields) into the catalog
// entries the form shows, and says what it could not find. Resources are looked up by id
// (`GET /v1/catalog/resources?id[]=…`, 100 at a time); people, apps and bundles are short lists, read
// page by page.
import { msg, str } from '../../internal/locale.js';
import type { AccessClient, AccessRequest, Template } from '@access-requests/sdk';
import { LIMITS } from '@access-requests/contract';
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
  type RequestInput,
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

/** A resource to select, with the permission wanted on it. */
interface WantedResource {
  readonly id: string;
  readonly permissionId: string;
  /** How the notes name it when it is left out. */
  readonly label: string;
}

/**
 * What the form is asked to open with, whoever asks: the prefill attributes, or the `prefill`
 * property (a closed request to edit, or the fields of a request body).
 */
interface Wanted {
  readonly granteeId: string;
  readonly resources: readonly WantedResource[];
  readonly app: WantedResource | undefined;
  readonly bundle: { readonly id: string; readonly label: string } | undefined;
  readonly duration: number | undefined;
  readonly justification: string;
  readonly ticket: { readonly typeId: string; readonly id: string } | undefined;
  /** The custom fields' answers, as the form holds them (text), by field id. */
  readonly customFields: Readonly<Record<string, string>>;
  /** The Permission filter, when nothing to request is named. */
  readonly permissionFilter: string;
  readonly tab: Tab | undefined;
  /**
   * `exact`: each permission is the one wanted, and what is no longer offered is left out and listed
   * (a request to edit); `first`: a permission not offered gives way to the item's first (attributes).
   */
  readonly permissions: 'exact' | 'first';
  /** Where the form opens when there is something to request. */
  readonly step: Draft['step'];
}

export interface ResolvedResources {
  readonly found: SelectedResource[];
  readonly missing: WantedResource[];
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
 * The resources wanted, each with its permission when it offers it (else, unless `exact`, its first);
 * in the order given. Those the grantee may not receive are still chosen when the caller can see them,
 * so that the preview says why, next to their rows.
 */
export async function resolveResources(
  client: AccessClient,
  wanted: readonly WantedResource[],
  exact: boolean,
  granteeId: string | undefined,
  signal: AbortSignal,
): Promise<ResolvedResources> {
  const ids = wanted.map((w) => w.id);
  const byId = await lookUp(client, ids, granteeId, signal);
  const unseen = ids.filter((id) => !byId.has(id));
  if (granteeId && unseen.length)
    for (const [id, resource] of await lookUp(client, unseen, undefined, signal)) byId.set(id, resource);
  const found: SelectedResource[] = [];
  const missing: WantedResource[] = [];
  for (const item of wanted) {
    const resource = byId.get(item.id);
    const permission =
      resource?.permissions.find((p) => p.id === item.permissionId) ??
      (exact ? undefined : resource?.permissions[0]);
    if (resource && permission && !found.some((s) => s.resource.id === item.id))
      found.push({ resource, permissionId: permission.id });
    else if (!resource || !permission) missing.push(item);
  }
  return { found, missing };
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

/**
 * What the `prefill` property takes: a closed request to edit and request again (its target with each
 * permission, duration, justification, ticket, answers to custom fields and grantee, as
 * `request-edit-requested` gives it), a request template (`client.template(id)`: its selection,
 * duration, justification and ticket type; what is no longer offered is left out and said), or the
 * fields of a request body (`AccessRequestInput`, every field optional).
 *
 * @example
 * ```ts
 * import type { AccessRequestForm, RequestPrefill } from '@access-requests/elements';
 *
 * const form = document.querySelector<AccessRequestForm>('access-request-form')!;
 * document.addEventListener('request-edit-requested', (event) => {
 *   form.prefill = event.detail.request; // the closed request, to change and submit again
 * });
 * const onCall: RequestPrefill = {
 *   resources: [{ resource_id: 'res_prod_payments_db', permission_id: 'perm_pg_readonly' }],
 *   duration_hours: 2,
 *   ticket: { type_id: 'tt_jira', id: 'PAY-4821' },
 * };
 * form.prefill = onCall;
 * ```
 */
export type RequestPrefill = AccessRequest | Template | Partial<RequestInput>;

const isRequest = (prefill: RequestPrefill): prefill is AccessRequest => 'target' in prefill;
const isTemplate = (prefill: RequestPrefill): prefill is Template => 'unavailable' in prefill;

/** A template's request as the fields of a request body (its ticket type kept; the ticket id is asked). */
function templateFields(template: Template): Partial<RequestInput> & { ticketTypeId?: string } {
  const { ticket_type_id: ticketTypeId, ...fields } = template.request;
  return { ...fields, ...(ticketTypeId === undefined ? {} : { ticketTypeId }) };
}

/** Tells prefills apart ('' for none): a saved draft made from the same prefill is the user's, and wins. */
export function prefillKey(prefill: Prefill, request?: RequestPrefill): string {
  if (request)
    return isRequest(request)
      ? `request:${request.id}`
      : isTemplate(request)
        ? `template:${request.id}:${request.updated_at}`
        : JSON.stringify(request);
  const normal = { ...prefill, resourceIds: parseIds(prefill.resourceIds) };
  const given = Object.values(normal).some((value) =>
    Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '',
  );
  return given ? JSON.stringify(normal) : '';
}

function fromAttributes(prefill: Prefill, cap: number): Wanted {
  const permissionId = prefill.permissionId;
  return {
    granteeId: prefill.granteeId,
    resources: parseIds(prefill.resourceIds)
      .slice(0, cap)
      .map((id) => ({ id, permissionId, label: id })),
    app: prefill.appId ? { id: prefill.appId, permissionId, label: prefill.appId } : undefined,
    bundle: prefill.bundleId ? { id: prefill.bundleId, label: prefill.bundleId } : undefined,
    duration: prefill.duration,
    justification: prefill.justification,
    ticket: undefined,
    customFields: {},
    permissionFilter: permissionId,
    tab: prefill.tab,
    permissions: 'first',
    step: 'details',
  };
}

/** The resource and permission pairs of a request: its summary when that holds them all, else every page. */
async function pairsOf(client: AccessClient, request: AccessRequest, signal: AbortSignal) {
  const target = request.target;
  if (target.type !== 'resources') return [];
  if (target.resources_summary.length >= target.resource_count) return target.resources_summary;
  const pairs: { resource: { id: string; name: string }; permission: { id: string; name: string } }[] = [];
  for await (const page of client
    .requestResources(request.id)
    .pages({ limit: LIMITS.pageSize.maximum, signal }))
    pairs.push(...page.items);
  return pairs;
}

async function fromRequestPrefill(
  client: AccessClient,
  prefill: RequestPrefill,
  me: Me,
  signal: AbortSignal,
): Promise<Wanted> {
  const base = {
    permissionFilter: '',
    tab: undefined,
    permissions: 'exact',
    step: 'choose',
  } as const;
  const label = (name: string, permission: string) => `${name} (${permission})`;
  if (isRequest(prefill)) {
    const target = prefill.target;
    const pairs = await pairsOf(client, prefill, signal);
    return {
      ...base,
      granteeId: prefill.grantee.id === me.user.id ? '' : prefill.grantee.id,
      resources: pairs.map((p) => ({
        id: p.resource.id,
        permissionId: p.permission.id,
        label: label(p.resource.name, p.permission.name),
      })),
      app:
        target.type === 'app'
          ? {
              id: target.app.id,
              permissionId: target.permission.id,
              label: label(target.app.name, target.permission.name),
            }
          : undefined,
      bundle: target.type === 'bundle' ? { id: target.bundle.id, label: target.bundle.name } : undefined,
      duration: prefill.duration_hours,
      justification: prefill.justification ?? '',
      ticket: prefill.ticket ? { typeId: prefill.ticket.type.id, id: prefill.ticket.id } : undefined,
      customFields: Object.fromEntries(prefill.custom_fields.map((a) => [a.id, String(a.value)])),
    };
  }
  const fields = isTemplate(prefill) ? templateFields(prefill) : prefill;
  return {
    ...base,
    ...fieldsWanted(fields),
  };
}

/** What the fields of a request body (or a template's) ask the form for. */
function fieldsWanted(prefill: Partial<RequestInput> & { ticketTypeId?: string }) {
  const label = (name: string, permission: string) => `${name} (${permission})`;
  return {
    granteeId: prefill.grantee_id ?? '',
    resources: (prefill.resources ?? []).map((r) => ({
      id: r.resource_id,
      permissionId: r.permission_id,
      label: label(r.resource_id, r.permission_id),
    })),
    app: prefill.app
      ? {
          id: prefill.app.app_id,
          permissionId: prefill.app.permission_id,
          label: label(prefill.app.app_id, prefill.app.permission_id),
        }
      : undefined,
    bundle: prefill.bundle ? { id: prefill.bundle.bundle_id, label: prefill.bundle.bundle_id } : undefined,
    duration: prefill.duration_hours,
    justification: prefill.justification ?? '',
    ticket: prefill.ticket
      ? { typeId: prefill.ticket.type_id, id: prefill.ticket.id }
      : prefill.ticketTypeId
        ? { typeId: prefill.ticketTypeId, id: '' }
        : undefined,
    customFields: Object.fromEntries(
      Object.entries(prefill.custom_fields ?? {}).map(([id, value]) => [id, String(value)]),
    ),
  };
}

/**
 * The draft a prefill opens: what it names is chosen (on `wanted.step` when something to request is),
 * and notes say what could not be.
 */
async function applyWanted(
  client: AccessClient,
  me: Me,
  fresh: Draft,
  wanted: Wanted,
  signal: AbortSignal,
): Promise<{ draft: Draft; notes: string[] }> {
  const notes: string[] = [];
  const exact = wanted.permissions === 'exact';
  /** What a request to edit named and is no longer offered. */
  const dropped: string[] = [];
  let draft = fresh;
  if (wanted.granteeId) {
    const grantee = await findGrantee(client, wanted.granteeId, signal);
    if (grantee) draft = { ...draft, grantee };
    else notes.push(msg(str`You cannot request access on behalf of ${wanted.granteeId}.`));
  }
  const granteeId = draft.grantee && !draft.grantee.is_self ? draft.grantee.id : undefined;
  const cap = me.org.max_resources_per_request;
  if (wanted.resources.length) {
    const { found, missing } = await resolveResources(client, wanted.resources, exact, granteeId, signal);
    const kept = found.slice(0, cap);
    draft = { ...draft, tab: 'resources', selection: new Map(kept.map((s) => [s.resource.id, s])) };
    if (exact) dropped.push(...missing.map((m) => m.label));
    else if (missing.length)
      notes.push(msg(str`These resources could not be found: ${missing.map((m) => m.id).join(', ')}.`));
  } else if (wanted.permissionFilter && !wanted.app) {
    draft = { ...draft, permissionIds: [wanted.permissionFilter] };
  }
  if (wanted.app) {
    const app = await findApp(client, wanted.app.id, signal);
    const offered = app?.permissions.find((p) => p.id === wanted.app?.permissionId);
    const permission = offered ?? (exact ? undefined : app?.permissions[0]);
    if (app && permission) draft = { ...draft, tab: 'apps', app: { app, permissionId: permission.id } };
    else if (exact) dropped.push(wanted.app.label);
    else notes.push(msg(str`The app ${wanted.app.id} could not be found.`));
  }
  if (wanted.bundle) {
    const bundle = await findBundle(client, wanted.bundle.id, signal);
    if (bundle) draft = { ...draft, tab: 'bundles', bundle };
    else if (exact) dropped.push(wanted.bundle.label);
    else notes.push(msg(str`The bundle ${wanted.bundle.id} could not be found.`));
  }
  if (dropped.length)
    notes.push(
      msg(str`No longer available, so left out: ${dropped.join(', ')}. Choose something else to request.`),
    );
  if (wanted.duration !== undefined && Number.isInteger(wanted.duration) && wanted.duration >= 1) {
    draft = { ...draft, duration: String(wanted.duration), durationTouched: true };
  }
  if (wanted.justification) draft = { ...draft, justification: wanted.justification };
  // Kept whatever the flows ask now: the details step shows (and sends) those still asked.
  draft = { ...draft, customFields: wanted.customFields };
  if (wanted.ticket) {
    const type = me.org.ticket_types.find((t) => t.id === wanted.ticket?.typeId);
    if (type) draft = { ...draft, ticketTypeId: type.id, ticketId: wanted.ticket.id };
    else if (wanted.ticket.id)
      notes.push(
        msg(str`The ticket ${wanted.ticket.id} was left out: its ticket type is no longer offered.`),
      );
    else notes.push(msg(str`The ticket type ${wanted.ticket.typeId} is no longer offered.`));
  }
  if (wanted.tab) draft = { ...draft, tab: wanted.tab };
  return { draft: hasTarget(draft) ? { ...draft, step: wanted.step } : draft, notes };
}

/**
 * What the form opens with: the caller (`GET /v1/me`), then their saved draft — or the host's prefill
 * (the `prefill` property, else the attributes), unless the saved draft was made from that same
 * prefill (then it holds the user's later changes) and the prefill is not asked for `afresh`.
 */
export async function openDraft(
  client: AccessClient,
  prefill: Prefill,
  request: RequestPrefill | undefined,
  signal: AbortSignal,
  { afresh = false } = {},
): Promise<{ me: Me; draft: Draft; notes: string[] }> {
  const me = await callerOf(client);
  const key = prefillKey(prefill, request);
  const saved = loadDraft(me.user.id);
  if (saved && saved.prefillKey === key && !(afresh && key)) return { me, draft: saved, notes: [] };
  const fresh: Draft = { ...emptyDraft(me.org.default_duration_hours), grantee: selfOf(me), prefillKey: key };
  if (!key) return { me, draft: saved ?? fresh, notes: [] };
  const wanted = request
    ? await fromRequestPrefill(client, request, me, signal)
    : fromAttributes(prefill, me.org.max_resources_per_request);
  return { me, ...(await applyWanted(client, me, fresh, wanted, signal)) };
}
