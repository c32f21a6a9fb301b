/**
 * `/_control/*`: the control API over HTTP (no auth; outside `/v1` and outside the contract).
 * Documented in docs/reference-server.md.
 */
import type { FieldError, NotificationChannel, WorldOptions } from '../backend/api.js';
import { NOTIFICATION_CHANNELS } from '../backend/notifications.js';
import { FaultSpecError, type FaultSpec } from './faults.js';
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
  { min, integer }: { min: number; integer?: boolean },
): number | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < min ||
    (integer && !Number.isInteger(value))
  ) {
    throw new BadField(
      name,
      `${name} must be ${integer ? 'a whole number' : 'a number'} of at least ${min}.`,
    );
  }
  return value;
}

/** Drops the options not given. */
const given = <T extends object>(options: T) =>
  Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;

function reset({ control, body }: RouteContext): Response {
  const input = fields(body, ['seed', 'catalog_size', 'speed']);
  const options: WorldOptions = given({
    seed: optionalNumber(input, 'seed', { min: 0, integer: true }),
    catalogSize: optionalNumber(input, 'catalog_size', { min: 1, integer: true }),
    speed: optionalNumber(input, 'speed', { min: 0 }),
  });
  return json(control.reset(options));
}

function advance({ control, body }: RouteContext): Response {
  const units = ['milliseconds', 'seconds', 'minutes', 'hours'] as const;
  const input = fields(body, units);
  const by = Object.fromEntries(units.map((unit) => [unit, optionalNumber(input, unit, { min: 0 })]));
  if (Object.values(by).every((value) => value === undefined)) {
    throw new BadField(
      'seconds',
      'Give how far to advance: seconds, milliseconds, minutes or hours.',
      'required',
    );
  }
  return json(control.advance(by));
}

function speed({ control, body }: RouteContext): Response {
  const value = optionalNumber(fields(body, ['speed']), 'speed', { min: 0 });
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

/** Every control route, a bad field answered as a 422 naming it. */
export const controlRoutes: Route[] = routes.map((route) => ({
  ...route,
  resolve(context: RouteContext) {
    try {
      return route.resolve(context);
    } catch (error) {
      if (error instanceof BadField)
        return invalidInput(context.instance, error.field, error.code, error.message);
      if (error instanceof FaultSpecError)
        return invalidInput(context.instance, error.field, 'not_allowed', error.message);
      throw error;
    }
  },
}));
