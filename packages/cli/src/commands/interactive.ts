// `request` in a terminal without selection flags: search the catalog, pick resources and
// permissions (or an app, or a bundle), for whom, how long, why, the ticket and the access flows'
// required questions (custom fields). Flags given still count (`access-requests request --for
// dave@example.com` asks only the rest).
import { LIMITS, type AccessClient, type CustomField } from '@access-requests/sdk';
import type { Values } from '../args.js';
import type { Context } from '../command.js';
import { printable } from '../output.js';
import { choose, chooseSome, confirm, search, text } from '../prompts.js';
import { detailsFromFlags, previewed, type Draft } from './request.js';

const PAGE = 20;

/** What is wrong with `value` as an answer to a text or number field (true when nothing). */
function checkAnswer(field: CustomField, value: string): true | string {
  const trimmed = value.trim();
  if (!trimmed) return 'Required by the access flow';
  if (field.type === 'text') {
    if (trimmed.length > field.max_length) return `At most ${field.max_length} characters`;
    if (field.pattern !== undefined && !new RegExp(`^(?:${field.pattern})$`, 'u').test(trimmed))
      return field.pattern_hint ? `Must be ${field.pattern_hint}` : `Must match ${field.pattern}`;
    return true;
  }
  if (field.type === 'number') {
    const n = Number(trimmed);
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed) || !Number.isFinite(n)) return 'A number';
    if (field.integer && !Number.isInteger(n)) return 'A whole number';
    if (field.min !== undefined && n < field.min) return `At least ${field.min}`;
    if (field.max !== undefined && n > field.max) return `At most ${field.max}`;
  }
  return true;
}

/** Asks one custom field: a choice from its list, else a line of text checked as the server would. */
async function askField(context: Context, field: CustomField): Promise<string | number> {
  const label = printable(field.label);
  if (field.type === 'choice')
    return choose(
      context,
      label,
      printable(field.choices).map((c) => ({ name: c.label, value: c.id })),
    );
  const hint =
    field.type === 'text'
      ? (field.pattern_hint ?? field.description)
      : [
          field.integer ? 'a whole number' : 'a number',
          field.min !== undefined ? `from ${field.min}` : '',
          field.max !== undefined ? `to ${field.max}` : '',
        ]
          .filter(Boolean)
          .join(' ');
  const answer = await text(context, hint ? `${label} (${printable(hint)})` : label, {
    validate: (v) => checkAnswer(field, v),
  });
  return field.type === 'number' ? Number(answer.trim()) : answer.trim();
}

/** Items whose name is the typed words first, then those it starts with, then the rest (stable). */
function byCloseness<T extends { name: string }>(items: readonly T[], term: string | undefined): T[] {
  const words = term?.trim().toLowerCase();
  if (!words) return [...items];
  const rank = (item: T) => {
    const name = item.name.toLowerCase();
    return name === words ? 0 : name.startsWith(words) ? 1 : 2;
  };
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
    .map(({ item }) => item);
}

/** Resources found for the words typed, each with its type and app. */
async function pickResources(context: Context, client: AccessClient): Promise<Draft['resources']> {
  const picked: NonNullable<Draft['resources']> = [];
  for (;;) {
    const resource = await search(
      context,
      picked.length ? 'Another resource (type to search)' : 'Resource (type to search)',
      async (term, signal) => {
        const { items } = await client
          .resources(term ? { search: term } : {}, { signal })
          .page({ limit: PAGE });
        return byCloseness(printable(items), term).map((r) => ({
          name: r.name,
          value: r,
          description: `${r.resource_type.name} · ${r.app.name} · ${r.path}`,
        }));
      },
    );
    const permissions =
      resource.permissions.length === 1
        ? resource.permissions.map((p) => p.id)
        : await chooseSome(
            context,
            `Permissions on ${printable(resource.name)}`,
            printable(resource.permissions).map((p) => ({ name: p.name, value: p.id })),
          );
    picked.push(...permissions.map((permission_id) => ({ resource_id: resource.id, permission_id })));
    if (!(await confirm(context, 'Add another resource?', false))) return picked;
  }
}

/** What to request: resources, a whole app with one permission, or a bundle. */
async function pickTarget(context: Context, client: AccessClient): Promise<Draft> {
  const kind = await choose(context, 'Request access by', [
    {
      name: 'Resource',
      value: 'resources' as const,
      description: 'search the catalog, pick resources and permissions',
    },
    { name: 'App', value: 'app' as const, description: 'a whole integration with one permission' },
    { name: 'Bundle', value: 'bundle' as const, description: 'a named set of resources and permissions' },
  ]);
  if (kind === 'resources') return { resources: await pickResources(context, client) };
  if (kind === 'app') {
    const app = await search(context, 'App (type to search)', async (term, signal) => {
      const { items } = await client.apps(term ? { search: term } : {}, { signal }).page({ limit: PAGE });
      return byCloseness(printable(items), term).map((a) => ({
        name: a.name,
        value: a,
        description: a.description,
      }));
    });
    const permission_id = await choose(
      context,
      `Permission on ${printable(app.name)}`,
      printable(app.permissions).map((p) => ({ name: p.name, value: p.id })),
    );
    return { app: { app_id: app.id, permission_id } };
  }
  const bundle = await search(context, 'Bundle (type to search)', async (term, signal) => {
    const { items } = await client.bundles(term ? { search: term } : {}, { signal }).page({ limit: PAGE });
    return byCloseness(printable(items), term).map((b) => ({
      name: b.name,
      value: b.id,
      description: b.description,
    }));
  });
  return { bundle: { bundle_id: bundle } };
}

/** The draft, asked for piece by piece; what the flags already say is not asked again. */
export async function draftInteractively(
  context: Context,
  client: AccessClient,
  values: Values,
): Promise<Draft> {
  const given = await detailsFromFlags(context, client, values);
  const call = { signal: context.signal };
  let draft: Draft = { ...(await pickTarget(context, client)), ...given };
  if (!given.grantee_id) {
    const { items } = await client.grantees({}, call).page({ limit: 50 });
    if (items.length > 1)
      draft.grantee_id = await choose(
        context,
        'For whom',
        printable(items).map((g) => ({
          name: g.is_self ? `${g.name} (you)` : g.name,
          value: g.id,
          description: g.email,
        })),
      );
  }
  // The preview says what the flows the items fall under allow and need.
  const { body, preview } = await previewed(context, client, draft);
  const max = Math.min(...preview.groups.map((g) => g.max_duration_hours), LIMITS.durationHours.maximum);
  if (given.duration_hours === undefined) {
    const hours = await text(context, `Duration in hours (1–${max})`, {
      initial: String(body.duration_hours),
      validate: (v) =>
        /^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= max
          ? true
          : `A whole number from 1 to ${max}`,
    });
    draft = { ...draft, duration_hours: Number(hours) };
  }
  if (given.justification === undefined) {
    const required = preview.groups.some((g) => g.justification_required);
    const justification = await text(context, `Justification${required ? '' : ' (optional)'}`, {
      validate: (v) =>
        v.trim().length > LIMITS.justification.maxLength
          ? `At most ${LIMITS.justification.maxLength} characters`
          : required && !v.trim()
            ? 'Required by the access flow'
            : true,
    });
    if (justification.trim()) draft = { ...draft, justification: justification.trim() };
  }
  if (!given.ticket && preview.groups.some((g) => g.ticket_required)) {
    const types = (await client.me(call)).org.ticket_types;
    const type = await choose(
      context,
      'Ticket system',
      printable(types).map((t) => ({ name: t.name, value: t })),
    );
    const pattern = type.id_pattern ? new RegExp(type.id_pattern) : undefined;
    const id = await text(context, `${printable(type.name)} ticket id`, {
      validate: (v) =>
        !v.trim()
          ? 'Required by the access flow'
          : pattern && !pattern.test(v.trim())
            ? `Not a ${type.name} id`
            : true,
    });
    draft = { ...draft, ticket: { type_id: type.id, id: id.trim() } };
  }
  // The required questions of the flows, each id once (the same id in two flows is one question),
  // unless --field answered it.
  const asked = new Map<string, CustomField>();
  for (const field of preview.groups.flatMap((g) => g.custom_fields))
    if (field.required && !asked.has(field.id) && given.custom_fields?.[field.id] === undefined)
      asked.set(field.id, field);
  for (const field of asked.values())
    draft = {
      ...draft,
      custom_fields: { ...draft.custom_fields, [field.id]: await askField(context, field) },
    };
  return draft;
}
