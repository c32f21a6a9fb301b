/** The shapes of the `submit`/`preview` and `request-again` bodies, read from unknown JSON. */
import { BodyReader, type JsonObject } from './body-reader.js';

export interface ResourceSelectionInput {
  /** Position in the body's `resources`, for field paths. */
  readonly index: number;
  readonly resourceId: string | undefined;
  readonly permissionId: string | undefined;
}

export interface TicketInput {
  readonly typeId: string | undefined;
  readonly id: string | undefined;
}

export type TargetField = 'resources' | 'app' | 'bundle';

export interface SubmissionInput {
  readonly granteeId: string | undefined;
  /** Which of `resources`, `app`, `bundle` the body has, in that order. */
  readonly targetFields: readonly TargetField[];
  readonly resources: readonly ResourceSelectionInput[] | undefined;
  readonly app: { readonly appId: string | undefined; readonly permissionId: string | undefined } | undefined;
  readonly bundle: { readonly bundleId: string | undefined } | undefined;
  readonly durationHours: number | undefined;
  /** Trimmed; undefined when absent or blank. */
  readonly justification: string | undefined;
  readonly ticket: TicketInput | undefined;
}

const SUBMISSION_FIELDS = [
  'grantee_id',
  'resources',
  'app',
  'bundle',
  'duration_hours',
  'justification',
  'ticket',
] as const;

function readTicket(reader: BodyReader, body: JsonObject): TicketInput | undefined {
  const ticket = reader.object(body['ticket'], 'ticket');
  if (!ticket) return undefined;
  reader.rejectUnknownKeys(ticket, ['type_id', 'id'], 'ticket');
  return {
    typeId: reader.string(ticket, 'type_id', 'ticket', { required: true }),
    id: reader.string(ticket, 'id', 'ticket', { required: true }),
  };
}

function readJustification(reader: BodyReader, body: JsonObject): string | undefined {
  const justification = reader.string(body, 'justification', '');
  return justification === '' ? undefined : justification;
}

/** Reads a `submit`/`preview` body; `undefined` input when the body is not an object at all. */
export function readSubmission(body: unknown): { reader: BodyReader; input: SubmissionInput | undefined } {
  const reader = new BodyReader();
  const object = reader.object(body ?? [], '');
  if (!object) return { reader, input: undefined };
  reader.rejectUnknownKeys(object, SUBMISSION_FIELDS, '');

  const targetFields = (['resources', 'app', 'bundle'] as const).filter(
    (f) => object[f] !== undefined && object[f] !== null,
  );
  const resourceList = reader.array(object['resources'], 'resources');
  const resources = resourceList?.map((value, index): ResourceSelectionInput => {
    const path = `resources[${index}]`;
    const item = reader.object(value ?? [], path);
    if (!item) return { index, resourceId: undefined, permissionId: undefined };
    reader.rejectUnknownKeys(item, ['resource_id', 'permission_id'], path);
    return {
      index,
      resourceId: reader.string(item, 'resource_id', path, { required: true }),
      permissionId: reader.string(item, 'permission_id', path, { required: true }),
    };
  });
  const appObject = reader.object(object['app'], 'app');
  if (appObject) reader.rejectUnknownKeys(appObject, ['app_id', 'permission_id'], 'app');
  const bundleObject = reader.object(object['bundle'], 'bundle');
  if (bundleObject) reader.rejectUnknownKeys(bundleObject, ['bundle_id'], 'bundle');

  const input: SubmissionInput = {
    granteeId: reader.string(object, 'grantee_id', '') || undefined,
    targetFields,
    resources,
    app: appObject && {
      appId: reader.string(appObject, 'app_id', 'app', { required: true }),
      permissionId: reader.string(appObject, 'permission_id', 'app', { required: true }),
    },
    bundle: bundleObject && {
      bundleId: reader.string(bundleObject, 'bundle_id', 'bundle', { required: true }),
    },
    durationHours: reader.integer(object, 'duration_hours', '', { required: true }),
    justification: readJustification(reader, object),
    ticket: readTicket(reader, object),
  };
  return { reader, input };
}

export interface RequestAgainInput {
  readonly justification: string | undefined;
  readonly durationHours: number | undefined;
  readonly ticket: TicketInput | undefined;
}

/** Reads a `request-again` body. */
export function readRequestAgain(body: unknown): {
  reader: BodyReader;
  input: RequestAgainInput | undefined;
} {
  const reader = new BodyReader();
  const object = reader.object(body ?? [], '');
  if (!object) return { reader, input: undefined };
  reader.rejectUnknownKeys(object, ['justification', 'duration_hours', 'ticket'], '');
  return {
    reader,
    input: {
      justification: reader.string(object, 'justification', '', { required: true }),
      durationHours: reader.integer(object, 'duration_hours', ''),
      ticket: readTicket(reader, object),
    },
  };
}
