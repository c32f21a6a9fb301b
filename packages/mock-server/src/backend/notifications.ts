/**
 * What the reference server would send through the org's channel (Slack, Teams or email) when a
 * request changes status, or its extension is asked for, granted, rejected or dropped: one
 * notification for the grantee, and one for the requester when they asked on someone else's behalf.
 * Kept in an outbox that tests read and clear through the control API.
 */
import { statusInfo, type AccessRequestStatus } from '@access-requests/contract';
import type { CatalogIndex } from './catalog-index.js';
import type { StoredExtension, StoredRequest } from './records.js';
import { isoTime, userView } from './views.js';

/**
 * Where the org's notifications go, as `GET /v1/me` reports it.
 *
 * @example
 * ```ts
 * const channel: NotificationChannel = 'teams';
 * api.control.setNotificationChannel(channel);
 * ```
 */
export type NotificationChannel = 'slack' | 'teams' | 'email';
export const NOTIFICATION_CHANNELS: readonly NotificationChannel[] = ['slack', 'teams', 'email'];

/**
 * A notification the reference server would have sent (through Slack, Teams or email) for a status
 * change; kept in an outbox for tests to read (`control.notifications`, `GET /_control/notifications`).
 *
 * @example
 * ```ts
 * const [latest]: Notification[] = api.control.notifications.list({ recipientId: 'usr_alice' }).slice(-1);
 * console.log(latest?.channel, latest?.status, latest?.text);
 * ```
 */
export interface Notification {
  /** `ntf_000001`, in the order they were sent. */
  readonly id: string;
  /** The org's channel when it was sent. */
  readonly channel: NotificationChannel;
  /** Who it is for. */
  readonly recipient: { readonly id: string; readonly name: string; readonly email: string };
  /**
   * `grantee`: the person who holds (or will hold) the access; `requester`: who asked for it on their
   * behalf.
   */
  readonly role: 'grantee' | 'requester';
  /** The request whose status changed. */
  readonly request_id: string;
  /** Its new status. */
  readonly status: AccessRequestStatus;
  /** Its status before (`null` for a new request; the same as `status` for an extension's news). */
  readonly previous_status: AccessRequestStatus | null;
  /**
   * For news of an extension (asked for, granted, rejected or dropped), its status now; `null` for a
   * change of the request's status.
   */
  readonly extension_status: StoredExtension['status'] | null;
  /** The message, naming the access and the new status. */
  readonly text: string;
  /** When it was sent, on the simulated clock (RFC 3339). */
  readonly created_at: string;
}

/**
 * Which notifications to list: for one recipient, for one request, or both.
 *
 * @example
 * ```ts
 * const filter: NotificationFilter = { recipientId: 'usr_dave', requestId: request.id };
 * const forDave = api.control.notifications.list(filter);
 * ```
 */
export interface NotificationFilter {
  /** Only those addressed to this user id. */
  readonly recipientId?: string | undefined;
  /** Only those about this request id. */
  readonly requestId?: string | undefined;
}

/**
 * How a request's access reads in a sentence: "prod-payments-db (ReadOnly)", "2 resources", "the On-call
 * bundle".
 */
function accessName(catalog: CatalogIndex, request: StoredRequest): string {
  const { target } = request;
  if (target.kind === 'app')
    return `${catalog.app(target.appId).name} (${catalog.permission(target.permissionId).name})`;
  if (target.kind === 'bundle') return `the ${catalog.bundle(target.bundleId).name} bundle`;
  const [first] = target.pairs;
  if (!first) return 'no resources';
  const one = `${catalog.resource(first.resourceId).name} (${catalog.permission(first.permissionId).name})`;
  return target.pairs.length === 1 ? one : `${one} and ${target.pairs.length - 1} more`;
}

/** What happened, after "Your access …" / "Your request …". */
function outcome(catalog: CatalogIndex, request: StoredRequest): string {
  const label = statusInfo(request.status).label;
  switch (request.status) {
    case 'rejected': {
      const by = request.approvals.find((a) => a.status === 'rejected');
      const who = by ? ` by ${catalog.user(by.approverId).name}` : '';
      return `was ${label}${who}${request.rejectionReason ? `: ${request.rejectionReason}` : '.'}`;
    }
    case 'failed':
      return `${label}${request.statusReason ? `: ${request.statusReason}` : '.'} Contact your admin.`;
    case 'scheduled':
      return `is ${label}${request.startsAt === null ? '.' : `: it starts at ${isoTime(request.startsAt)}.`}`;
    case 'active':
      return `is ${label}${request.expiresAt === null ? '.' : ` until ${isoTime(request.expiresAt)}.`}`;
    case 'revoked':
      return request.revocationReason === 'expired' ? `was ${label}: it expired.` : `was ${label}.`;
    default:
      return `is ${label}.`;
  }
}

export function composeNotifications(
  catalog: CatalogIndex,
  request: StoredRequest,
  previousStatus: AccessRequestStatus | null,
  channel: NotificationChannel,
  now: number,
  nextId: () => string,
): Notification[] {
  const access = accessName(catalog, request);
  const grantee = catalog.user(request.granteeId);
  const requester = catalog.user(request.requesterId);
  const onBehalf = request.requesterId !== request.granteeId;
  const base = {
    channel,
    request_id: request.id,
    status: request.status,
    previous_status: previousStatus,
    extension_status: null,
    created_at: isoTime(now),
  };
  const what = outcome(catalog, request);
  let granteeText = `Your request for access to ${access} ${what}`;
  if (onBehalf) granteeText = `${requester.name} requested access to ${access} for you: it ${what}`;
  else if (request.status === 'active') granteeText = `Your access to ${access} ${what}`;
  const sent: [string, Notification['role'], string][] = [[grantee.id, 'grantee', granteeText]];
  if (onBehalf)
    sent.push([requester.id, 'requester', `Your request for ${grantee.name}'s access to ${access} ${what}`]);
  return sent.map(([to, role, text]) => ({
    id: nextId(),
    recipient: userView(catalog, to),
    role,
    text,
    ...base,
  }));
}

/** What happened to an extension, after "The extension by N hours …". */
function extensionOutcome(catalog: CatalogIndex, request: StoredRequest, extension: StoredExtension): string {
  const until = request.expiresAt === null ? '' : ` until ${isoTime(request.expiresAt)}`;
  switch (extension.status) {
    case 'pending':
      return `is waiting for approval; the access stays active${until}.`;
    case 'approved':
      return `was granted: the access is active${until}.`;
    case 'rejected': {
      const by = extension.approvals.find((a) => a.status === 'rejected');
      const who = by ? ` by ${catalog.user(by.approverId).name}` : '';
      return `was rejected${who}${extension.reason ? `: ${extension.reason}` : '.'}`;
    }
    case 'dropped':
      return `was dropped${extension.reason ? `: ${extension.reason}` : '.'}`;
  }
}

/** The news of an extension, for the grantee (and the requester of an on-behalf request). */
export function composeExtensionNotifications(
  catalog: CatalogIndex,
  request: StoredRequest,
  extension: StoredExtension,
  channel: NotificationChannel,
  now: number,
  nextId: () => string,
): Notification[] {
  const access = accessName(catalog, request);
  const grantee = catalog.user(request.granteeId);
  const onBehalf = request.requesterId !== request.granteeId;
  const what = `${extension.hours} ${extension.hours === 1 ? 'hour' : 'hours'} ${extensionOutcome(catalog, request, extension)}`;
  const sent: [string, Notification['role'], string][] = [
    [grantee.id, 'grantee', `The extension of your access to ${access} by ${what}`],
  ];
  if (onBehalf) {
    sent.push([
      request.requesterId,
      'requester',
      `The extension of ${grantee.name}'s access to ${access} by ${what}`,
    ]);
  }
  return sent.map(([to, role, text]) => ({
    id: nextId(),
    channel,
    recipient: userView(catalog, to),
    role,
    request_id: request.id,
    status: request.status,
    previous_status: request.status,
    extension_status: extension.status,
    text,
    created_at: isoTime(now),
  }));
}

/** The notifications sent so far, oldest first. */
export class NotificationOutbox {
  readonly #sent: Notification[] = [];
  #sequence = 0;

  nextId = (): string => `ntf_${String(++this.#sequence).padStart(6, '0')}`;

  add(notifications: readonly Notification[]): void {
    this.#sent.push(...notifications);
  }

  list(filter: NotificationFilter = {}): Notification[] {
    return this.#sent.filter(
      (n) =>
        (filter.recipientId === undefined || n.recipient.id === filter.recipientId) &&
        (filter.requestId === undefined || n.request_id === filter.requestId),
    );
  }

  clear(): void {
    this.#sent.length = 0;
  }
}
