/**
 * Request templates: a user's named requests to start a New Request from (`/v1/templates`). The
 * selection is checked as a submission's is when saved; what no longer resolves is reported, not
 * refused, when a template is read later (`unavailable`), so the form can open with the rest.
 */
import { LIMITS as CONTRACT_LIMITS } from '@access-requests/contract';
import type { FieldError, RawQuery, Schemas } from './api.js';
import { clip, readBody, readQuery, throwIfInvalid } from './input.js';
import { pageByOffset, readPageRequest } from './pagination.js';
import { apiProblem, fieldError, forbidden, validationFailed } from './problems.js';
import type { BackendState } from './state.js';
import { resolveSubmission } from './submission-rules.js';
import { isoTime, userView } from './views.js';
import { LIMITS } from './constants.js';

type TemplateRequest = Schemas['TemplateRequest'];

/** A saved template, as the backend keeps it. */
export interface StoredTemplate {
  readonly id: string;
  readonly ownerId: string;
  name: string;
  readonly request: TemplateRequest;
  readonly createdAt: number;
  updatedAt: number;
}

/** The templates of one world: by id, and the ids deleted lately (a retried delete answers 204). */
export interface TemplateStore {
  readonly byId: Map<string, StoredTemplate>;
  readonly deleted: Map<string, { readonly ownerId: string; readonly at: number }>;
  next: number;
}

export const createTemplateStore = (): TemplateStore => ({ byId: new Map(), deleted: new Map(), next: 1 });

const templateNotFound = (id: string) =>
  apiProblem(404, 'not-found', `No template ${clip(id, 100)} is visible to you.`);

/** What of `request` no longer resolves: a submission's errors, minus what only a submission asks for. */
function unresolved(state: BackendState, callerId: string, request: TemplateRequest): FieldError[] {
  const { ticket_type_id: ticketTypeId, ...selection } = request;
  const { errors } = resolveSubmission(
    state.catalog,
    callerId,
    { ...selection, duration_hours: selection.duration_hours ?? 1 },
    [],
    state.scheduler.now(),
  );
  // A template carries no ticket id, no custom-field answers nor, always, a justification: those
  // the form asks for at submission.
  const kept = errors.filter(
    (e) =>
      !(
        e.code === 'required' &&
        (e.field === 'justification' || e.field === 'ticket' || e.field.startsWith('custom_fields.'))
      ),
  );
  if (ticketTypeId !== undefined && !state.catalog.world.org.ticketTypes.some((t) => t.id === ticketTypeId))
    kept.push(fieldError('ticket_type_id', 'unknown', `There is no ticket type ${clip(ticketTypeId)}.`));
  return kept;
}

function view(state: BackendState, callerId: string, template: StoredTemplate): Schemas['Template'] {
  const mine = template.ownerId === callerId;
  return {
    id: template.id,
    name: template.name,
    owner: userView(state.catalog, template.ownerId),
    request: template.request,
    unavailable: unresolved(state, callerId, template.request).map(({ field, code, message }) => ({
      field,
      code: code === 'not_allowed' ? 'not_allowed' : 'unknown',
      message,
    })),
    created_at: isoTime(template.createdAt),
    updated_at: isoTime(template.updatedAt),
    can: { rename: mine, delete: mine },
  };
}

const owned = (state: BackendState, ownerId: string) =>
  [...state.templates.byId.values()].filter((t) => t.ownerId === ownerId);

/** The name is free among the owner's templates (regardless of case), `except` the one renamed. */
function checkName(
  state: BackendState,
  ownerId: string,
  name: string | undefined,
  errors: FieldError[],
  except?: string,
): void {
  if (name === undefined || errors.some((e) => e.field === 'name')) return;
  const folded = name.trim().toLocaleLowerCase('en');
  const clash = owned(state, ownerId).find(
    (t) => t.id !== except && t.name.trim().toLocaleLowerCase('en') === folded,
  );
  if (clash)
    errors.push(fieldError('name', 'not_allowed', `You already have a template named ${clip(clash.name)}.`));
}

function findReadable(state: BackendState, id: string): StoredTemplate {
  const template = state.templates.byId.get(id);
  if (!template) throw templateNotFound(id);
  return template;
}

function findOwned(state: BackendState, callerId: string, id: string): StoredTemplate {
  const template = findReadable(state, id);
  if (template.ownerId !== callerId) throw forbidden("Only the template's owner may change it.");
  return template;
}

/** `GET /v1/templates`: the caller's own, by name. */
export function listTemplates(
  state: BackendState,
  callerId: string,
  query: RawQuery,
): Schemas['TemplatePage'] {
  const { values, errors } = readQuery('listTemplates', query);
  const page = readPageRequest(values, errors, { list: 'templates', callerId });
  throwIfInvalid(errors);
  const sorted = owned(state, callerId).sort(
    (a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id),
  );
  return pageByOffset(sorted, page, (t) => view(state, callerId, t));
}

/** `GET /v1/templates/{id}`: anyone of the org may read one (its link is shared). */
export const getTemplate = (state: BackendState, callerId: string, id: string): Schemas['Template'] =>
  view(state, callerId, findReadable(state, id));

/** `POST /v1/templates`: a 201 with the template, or the first answer for the same key and body. */
export function createTemplate(
  state: BackendState,
  callerId: string,
  body: unknown,
  key: string | undefined,
): { status: 201; body: Schemas['Template']; replayed: boolean } {
  const now = state.scheduler.now();
  const lookup = state.idempotency.lookup<Schemas['Template']>(`${callerId} create-template`, key, body, now);
  if (lookup.kind === 'replay') return { status: 201, body: lookup.answer, replayed: true };
  const input = readBody('createTemplate', body);
  const errors = [...input.errors];
  const { name, request } = input.body;
  checkName(state, callerId, name, errors);
  if (
    owned(state, callerId).length >= CONTRACT_LIMITS.templatesPerUser.maximum &&
    !errors.some((e) => e.field === 'name')
  )
    errors.push(
      fieldError(
        'name',
        'too_many',
        `You have ${CONTRACT_LIMITS.templatesPerUser.maximum} templates, the most there can be: delete one first.`,
      ),
    );
  if (request) {
    for (const e of unresolved(state, callerId, request)) errors.push({ ...e, field: `request.${e.field}` });
  }
  if (errors.length > 0 || name === undefined || request === undefined)
    throw validationFailed(errors, 'request body');
  const template: StoredTemplate = {
    id: `tpl_${String(state.templates.next++).padStart(6, '0')}`,
    ownerId: callerId,
    name: name.trim(),
    request,
    createdAt: now,
    updatedAt: now,
  };
  state.templates.byId.set(template.id, template);
  const answer = view(state, callerId, template);
  if (lookup.kind === 'new') lookup.remember(answer);
  return { status: 201, body: answer, replayed: false };
}

/** `PATCH /v1/templates/{id}`: the owner renames it. */
export function renameTemplate(
  state: BackendState,
  callerId: string,
  id: string,
  body: unknown,
): Schemas['Template'] {
  const template = findOwned(state, callerId, id);
  const input = readBody('renameTemplate', body);
  const errors = [...input.errors];
  checkName(state, callerId, input.body.name, errors, template.id);
  const { name } = input.body;
  if (errors.length > 0 || name === undefined) throw validationFailed(errors, 'request body');
  if (name.trim() !== template.name) {
    template.name = name.trim();
    template.updatedAt = state.scheduler.now();
  }
  return view(state, callerId, template);
}

/** `DELETE /v1/templates/{id}`: the owner deletes it; a retry within a day answers the same. */
export function deleteTemplate(state: BackendState, callerId: string, id: string): void {
  const now = state.scheduler.now();
  const gone = state.templates.deleted.get(id);
  if (gone && gone.ownerId === callerId && now - gone.at < LIMITS.idempotencyTtlMs) return;
  findOwned(state, callerId, id);
  state.templates.byId.delete(id);
  state.templates.deleted.set(id, { ownerId: callerId, at: now });
}
