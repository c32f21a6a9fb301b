// The form's draft: everything the user chose and typed, the request body it makes, and its copy in
// session storage (per user), so that nothing is lost to a reload or a failed submit.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { components } from '@access-requests/sdk';

type Schemas = components['schemas'];
export type Resource = Schemas['Resource'];
export type App = Schemas['App'];
export type Bundle = Schemas['Bundle'];
export type Grantee = Schemas['Grantee'];
export type Preview = Schemas['Preview'];
export type PreviewGroup = Schemas['PreviewGroup'];
export type RequestInput = Schemas['AccessRequestInput'];
export type OrgSettings = Schemas['OrgSettings'];
export type TicketType = Schemas['TicketType'];
export type FieldError = Schemas['FieldError'];
/** A question an access flow asks (text, choice or number), as the preview's groups carry it. */
export type CustomField = Schemas['CustomField'];

export type Tab = 'resources' | 'apps' | 'bundles';
export const TABS: readonly Tab[] = ['resources', 'apps', 'bundles'];
export const isTab = (value: unknown): value is Tab => TABS.includes(value as Tab);

/** A selected resource and the permission requested on it. */
export interface SelectedResource {
  readonly resource: Resource;
  readonly permissionId: string;
}

export interface Draft {
  readonly tab: Tab;
  readonly step: 'choose' | 'details';
  /** Who receives the access; undefined until the caller is known (then the caller). */
  readonly grantee: Grantee | undefined;
  /** By resource id, in the order they were selected (the submission's order). */
  readonly selection: ReadonlyMap<string, SelectedResource>;
  readonly app: { readonly app: App; readonly permissionId: string } | undefined;
  readonly bundle: Bundle | undefined;
  readonly search: string;
  readonly typeIds: readonly string[];
  readonly permissionIds: readonly string[];
  /** The Duration in Hours field as typed. */
  readonly duration: string;
  /** Whether the user typed a duration (else it follows the org's default, within the flows' maximum). */
  readonly durationTouched: boolean;
  readonly justification: string;
  readonly ticketTypeId: string;
  readonly ticketId: string;
  /**
   * The custom fields' values as typed (a choice's id; a number as its field's text), by field id. A
   * value stays while its field is no longer asked (it may come back) but is sent only while asked.
   */
  readonly customFields: Readonly<Record<string, string>>;
  /** The Start's date in the host's time zone (2026-01-15), '' for Now. */
  readonly startDate: string;
  /** The Start chosen on that date, as the contract's `starts_at` (a whole hour, UTC); '' for none. */
  readonly startsAt: string;
  /** The Idempotency-Key of the submission in flight or failed, and the body it was made for. */
  readonly idempotency: { readonly key: string; readonly body: string } | undefined;
  /** The host's prefill the draft started from ('' for none). */
  readonly prefillKey: string;
}

/** The caller as the grantee: the default of Request on Behalf of. */
export const selfOf = (me: { readonly user: Omit<Grantee, 'is_self'> }): Grantee => ({
  ...me.user,
  is_self: true,
});

export function emptyDraft(defaultDurationHours = 1): Draft {
  return {
    tab: 'resources',
    step: 'choose',
    grantee: undefined,
    selection: new Map(),
    app: undefined,
    bundle: undefined,
    search: '',
    typeIds: [],
    permissionIds: [],
    duration: String(defaultDurationHours),
    durationTouched: false,
    justification: '',
    ticketTypeId: '',
    ticketId: '',
    customFields: {},
    startDate: '',
    startsAt: '',
    idempotency: undefined,
    prefillKey: '',
  };
}

/** Whether the draft has something to request on its current tab. */
export function hasTarget(draft: Draft): boolean {
  if (draft.tab === 'apps') return draft.app !== undefined;
  if (draft.tab === 'bundles') return draft.bundle !== undefined;
  return draft.selection.size > 0;
}

/** The duration as a whole number of hours, or undefined when the field holds anything else. */
export function durationHours(draft: Draft): number | undefined {
  const text = draft.duration.trim();
  if (!/^\d+$/.test(text)) return undefined;
  const hours = Number(text);
  return Number.isSafeInteger(hours) ? hours : undefined;
}

/** The fields the groups ask, each once (the same id in two flows is the same question), in order. */
export function fieldsOf(groups: readonly PreviewGroup[]): CustomField[] {
  const byId = new Map<string, CustomField>();
  for (const group of groups)
    for (const field of group.custom_fields) if (!byId.has(field.id)) byId.set(field.id, field);
  return [...byId.values()];
}

/** The answers to the `fields` asked: text trimmed, numbers as numbers; no empty answers, no non-numbers. */
export function customFieldsBody(
  values: Readonly<Record<string, string>>,
  fields: readonly CustomField[],
): NonNullable<RequestInput['custom_fields']> | undefined {
  const body: Record<string, string | number> = {};
  for (const field of fields) {
    const text = values[field.id]?.trim() ?? '';
    if (!text) continue;
    const number = Number(text);
    if (field.type !== 'number') body[field.id] = text;
    else if (Number.isFinite(number)) body[field.id] = number; // else the form says it is not a number
  }
  return Object.keys(body).length ? body : undefined;
}

/**
 * The body of `submit` (and `preview`) the draft makes; undefined when nothing is chosen. For a
 * preview an unreadable duration becomes 1, so the split can still be shown. `fields` are the custom
 * fields the (last previewed) flows ask: only their answers are sent.
 */
export function requestBody(
  draft: Draft,
  purpose: 'submit' | 'preview' = 'submit',
  fields: readonly CustomField[] = [],
): RequestInput | undefined {
  if (!hasTarget(draft)) return undefined;
  const body: RequestInput = { duration_hours: durationHours(draft) ?? (purpose === 'preview' ? 1 : 0) };
  if (draft.grantee && !draft.grantee.is_self) body.grantee_id = draft.grantee.id;
  if (draft.tab === 'apps' && draft.app)
    body.app = { app_id: draft.app.app.id, permission_id: draft.app.permissionId };
  else if (draft.tab === 'bundles' && draft.bundle) body.bundle = { bundle_id: draft.bundle.id };
  else
    body.resources = [...draft.selection.values()].map((s) => ({
      resource_id: s.resource.id,
      permission_id: s.permissionId,
    }));
  const justification = draft.justification.trim();
  if (justification) body.justification = justification;
  const ticketId = draft.ticketId.trim();
  if (draft.ticketTypeId && ticketId) body.ticket = { type_id: draft.ticketTypeId, id: ticketId };
  if (draft.startDate && draft.startsAt) body.starts_at = draft.startsAt;
  const custom = customFieldsBody(draft.customFields, fields);
  if (custom) body.custom_fields = custom;
  return body;
}

// ---- session storage

const VERSION = 1;
const SAVE_DELAY_MS = 250;
export const draftKey = (userId: string) => `access-requests:draft:${userId}`;

type StoredDraft = Omit<Draft, 'selection'> & {
  readonly v: number;
  readonly selection: readonly SelectedResource[];
};

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined; // storage disabled (privacy settings, sandboxed frames)
  }
}

export function saveDraft(userId: string, draft: Draft): void {
  const stored: StoredDraft = { ...draft, v: VERSION, selection: [...draft.selection.values()] };
  try {
    storage()?.setItem(draftKey(userId), JSON.stringify(stored));
  } catch {
    // Over quota: the draft lives on in the page, just not across a reload.
  }
}

export function clearDraft(userId: string): void {
  try {
    storage()?.removeItem(draftKey(userId));
  } catch {
    /* nothing to clear */
  }
}

const isString = (value: unknown): value is string => typeof value === 'string';
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter(isString) : []);
/** The string values of an object (a stored draft's custom fields), others dropped. */
const stringRecord = (value: unknown): Record<string, string> =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value).filter((entry): entry is [string, string] => isString(entry[1])),
      )
    : {};

/** The user's saved draft, if any and readable: a draft from another version or a damaged one is dropped. */
export function loadDraft(userId: string): Draft | undefined {
  let stored: Partial<StoredDraft> | undefined;
  try {
    const text = storage()?.getItem(draftKey(userId));
    stored = text ? (JSON.parse(text) as Partial<StoredDraft>) : undefined;
  } catch {
    stored = undefined;
  }
  if (!stored || stored.v !== VERSION) return undefined;
  const base = emptyDraft();
  const selection = new Map<string, SelectedResource>();
  for (const item of Array.isArray(stored.selection) ? stored.selection : []) {
    if (
      item &&
      isString(item.resource?.id) &&
      isString(item.permissionId) &&
      Array.isArray(item.resource.permissions)
    ) {
      selection.set(item.resource.id, item);
    }
  }
  return {
    ...base,
    tab: isTab(stored.tab) ? stored.tab : base.tab,
    step: stored.step === 'details' ? 'details' : 'choose',
    grantee: stored.grantee && isString(stored.grantee.id) ? stored.grantee : undefined,
    selection,
    app:
      stored.app && isString(stored.app.app?.id) && isString(stored.app.permissionId)
        ? stored.app
        : undefined,
    bundle:
      stored.bundle && isString(stored.bundle.id) && Array.isArray(stored.bundle.items)
        ? stored.bundle
        : undefined,
    search: isString(stored.search) ? stored.search : '',
    typeIds: strings(stored.typeIds),
    permissionIds: strings(stored.permissionIds),
    duration: isString(stored.duration) ? stored.duration : base.duration,
    durationTouched: stored.durationTouched === true,
    justification: isString(stored.justification) ? stored.justification : '',
    ticketTypeId: isString(stored.ticketTypeId) ? stored.ticketTypeId : '',
    ticketId: isString(stored.ticketId) ? stored.ticketId : '',
    customFields: stringRecord(stored.customFields),
    startDate: isString(stored.startDate) ? stored.startDate : '',
    startsAt: isString(stored.startsAt) ? stored.startsAt : '',
    idempotency:
      stored.idempotency && isString(stored.idempotency.key) && isString(stored.idempotency.body)
        ? stored.idempotency
        : undefined,
    prefillKey: isString(stored.prefillKey) ? stored.prefillKey : '',
  };
}

/**
 * Keeps the user's draft in session storage: soon after each change, and at once when the element
 * leaves the page or the page is hidden (a reload), so a reload loses nothing.
 */
export class DraftKeeper implements ReactiveController {
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    host: ReactiveControllerHost,
    /** The user and their draft, when there is a draft to keep. */
    private readonly current: () => { readonly userId: string; readonly draft: Draft } | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('pagehide', this.saveNow);
  }

  hostDisconnected(): void {
    removeEventListener('pagehide', this.saveNow);
    this.saveNow();
  }

  saveSoon(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(this.saveNow, SAVE_DELAY_MS);
  }

  saveNow = (): void => {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const current = this.current();
    if (current) saveDraft(current.userId, current.draft);
  };
}

// ---- the selection

/**
 * The permission a row starts with: the Permission filter's value when the resource has one, else its first.
 */
export function defaultPermission(resource: Resource, permissionFilter: readonly string[]): string {
  return (
    (resource.permissions.find((p) => permissionFilter.includes(p.id)) ?? resource.permissions[0])?.id ?? ''
  );
}

export interface Added {
  readonly selection: ReadonlyMap<string, SelectedResource>;
  readonly added: number;
  /** How many were not added because the cap was reached. */
  readonly skipped: number;
}

/** Adds resources (those already selected keep their permission) up to `cap` in all. */
export function addToSelection(
  selection: ReadonlyMap<string, SelectedResource>,
  items: readonly SelectedResource[],
  cap: number,
): Added {
  const next = new Map(selection);
  let added = 0;
  let skipped = 0;
  for (const item of items) {
    if (next.has(item.resource.id)) continue;
    if (next.size >= cap) {
      skipped += 1;
      continue;
    }
    next.set(item.resource.id, item);
    added += 1;
  }
  return { selection: next, added, skipped };
}
