/**
 * `/_control/*`: the control API over HTTP (no auth; outside `/v1` and outside the contract).
 * Documented in docs/reference-server.md. Every value is bounded (`WORLD_LIMITS`), so that none
 * that passes stops the server answering; and no web page of another origin may use it: a
 * request from another `Origin` is refused, and a changing one must say `Content-Type:
 * application/json`, which no cross-site form or `no-cors` fetch can send without a preflight.
 */
import type { FieldError, NotificationChannel, WorldOptions } from '../backend/api.js';
import { WORLD_LIMITS } from '../backend/constants.js';
import { NOTIFICATION_CHANNELS } from '../backend/notifications.js';
import { FaultSpecError, type FaultSpec } from './faults.js';
import { isJsonType } from './input.js';
import { invalidInput, json, noContent, problem } from './responses.js';
import { open, type Route, type RouteContext } from './routes.js';

type Fields = Record<string, unknown>;

/** Thrown for a bad control body; answered as a 422 naming the field. */
class BadField extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly code: FieldError['code'] = 'out_of_range',
  ) {
    super(message);
  }
}

function fields(body: unknown, allowed: readonly string[]): Fields {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new BadField('', 'The body must be a JSON object.', 'invalid_type');
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key))
      throw new BadField(key, `Unknown field ${key}; expected ${allowed.join(', ')}.`, 'unknown');
  }
  return body as Fields;
}

function optionalNumber(
  body: Fields,
  name: string,
  { min, max, integer }: { min: number; max: number; integer?: boolean },
): number | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    const kind = integer ? 'a whole number' : 'a number';
    throw new BadField(name, `${name} must be ${kind} from ${min} to ${max.toLocaleString('en-US')}.`);
  }
  return value;
}

const SPEED = { min: 0, max: WORLD_LIMITS.maxSpeed };
const UNIT_MS = { milliseconds: 1, seconds: 1000, minutes: 60_000, hours: 3_600_000 } as const;

/** Drops the options not given. */
const given = <T extends object>(options: T) =>
  Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;

function reset({ control, body }: RouteContext): Response {
  const input = fields(body, ['seed', 'catalog_size', 'speed']);
  const options: WorldOptions = given({
    seed: optionalNumber(input, 'seed', { min: 0, max: WORLD_LIMITS.maxSeed, integer: true }),
    catalogSize: optionalNumber(input, 'catalog_size', {
      min: 1,
      max: WORLD_LIMITS.maxCatalogSize,
      integer: true,
    }),
    speed: optionalNumber(input, 'speed', SPEED),
  });
  return json(control.reset(options));
}

function advance({ control, body }: RouteContext): Response {
  const units = Object.keys(UNIT_MS) as (keyof typeof UNIT_MS)[];
  const input = fields(body, units);
  const max = (unit: keyof typeof UNIT_MS) => Math.floor(WORLD_LIMITS.maxAdvanceMs / UNIT_MS[unit]);
  const by = Object.fromEntries(
    units.map((unit) => [unit, optionalNumber(input, unit, { min: 0, max: max(unit) })]),
  );
  if (Object.values(by).every((value) => value === undefined)) {
    throw new BadField(
      'seconds',
      'Give how far to advance: seconds, milliseconds, minutes or hours.',
      'required',
    );
  }
  const total = units.reduce((sum, unit) => sum + (by[unit] ?? 0) * UNIT_MS[unit], 0);
  if (total > WORLD_LIMITS.maxAdvanceMs) {
    throw new BadField('', 'One advance moves the clock at most ten years (87,600 hours).');
  }
  return json(control.advance(by));
}

function speed({ control, body }: RouteContext): Response {
  const value = optionalNumber(fields(body, ['speed']), 'speed', SPEED);
  if (value === undefined)
    throw new BadField('speed', 'speed is required (0 freezes time, 1 is real time).', 'required');
  return json(control.setSpeed(value));
}

function setOrg({ control, body }: RouteContext): Response {
  const channel = fields(body, ['notification_channel'])['notification_channel'];
  if (channel === undefined)
    throw new BadField('notification_channel', 'notification_channel is required.', 'required');
  if (!NOTIFICATION_CHANNELS.includes(channel as NotificationChannel)) {
    throw new BadField(
      'notification_channel',
      `notification_channel must be one of ${NOTIFICATION_CHANNELS.join(', ')}.`,
      'unknown',
    );
  }
  return json(control.setNotificationChannel(channel as NotificationChannel));
}

const listNotifications = ({ control, url }: RouteContext) =>
  json({
    items: control.notifications.list({
      recipientId: url.searchParams.get('recipient_id') ?? undefined,
      requestId: url.searchParams.get('request_id') ?? undefined,
    }),
  });

const routes: ReturnType<typeof open>[] = [
  open('GET', '/_control/clock', ({ control }) => json(control.clock())),
  open('POST', '/_control/clock/advance', advance, { body: 'required' }),
  open('PUT', '/_control/clock/speed', speed, { body: 'required' }),
  open('POST', '/_control/reset', reset, { body: 'optional' }),
  open('GET', '/_control/org', ({ control }) => json(control.org())),
  open('PUT', '/_control/org', setOrg, { body: 'required' }),
  open('GET', '/_control/notifications', listNotifications),
  open('DELETE', '/_control/notifications', ({ control }) => {
    control.notifications.clear();
    return noContent();
  }),
  open('GET', '/_control/faults', ({ control }) => json({ items: control.faults.list() })),
  open('POST', '/_control/faults', ({ control, body }) => json(control.faults.add(body as FaultSpec), 201), {
    body: 'required',
  }),
  open('DELETE', '/_control/faults', ({ control }) => {
    control.faults.clear();
    return noContent();
  }),
  open('DELETE', '/_control/faults/:id', (context) => {
    const id = context.params['id'] ?? '';
    return context.control.faults.remove(id)
      ? noContent()
      : problem(404, 'not-found', `No fault ${id}.`, context.instance);
  }),
];

/**
 * Why a control request is refused before it is looked at, if it is: another origin than the
 * server's own (or one `allowOrigin` accepts), or a change sent without `Content-Type:
 * application/json` (`{}` will do).
 */
function crossSite({ request, url, instance }: RouteContext, allowOrigin: (origin: string) => boolean) {
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== url.origin && !allowOrigin(origin)) {
    const detail = `The control API answers pages of ${url.origin} only, not of ${origin}.`;
    return problem(403, 'forbidden', detail, instance);
  }
  if (request.method !== 'GET' && !isJsonType(request.headers.get('content-type'))) {
    const message =
      'Send Content-Type: application/json (with a JSON body; {} will do): a control request without it could come from any web page.';
    return invalidInput(instance, 'Content-Type', 'required', message);
  }
  return undefined;
}

/**
 * Every control route, refusing cross-site requests (from any origin but the server's own and those
 * `allowOrigin` accepts) and answering a bad field as a 422 naming it.
 */
export const controlRoutesFor = (allowOrigin: (origin: string) => boolean = () => false): Route[] =>
  routes.map((route) => ({
    ...route,
    resolve(context: RouteContext) {
      try {
        return crossSite(context, allowOrigin) ?? route.resolve(context);
      } catch (error) {
        if (error instanceof BadField)
          return invalidInput(context.instance, error.field, error.code, error.message);
        if (error instanceof FaultSpecError)
          return invalidInput(context.instance, error.field, 'not_allowed', error.message);
        throw error;
      }
    },
  }));
