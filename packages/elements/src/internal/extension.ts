// Extending an active access, as the details panel and My Access show it beside the expiry: the
// "Extension pending" note, and what is announced once an extension is granted or waits (the dialog
// is extend-form.ts).
import { html, nothing } from 'lit';
import { msg, str } from './locale.js';
import type { AccessClient, AccessRequest } from '@access-requests/sdk';
import { formatDateTime, formatHours } from './format.js';

export interface ExtendDeps {
  client(): AccessClient | undefined;
  /** Where focus goes when the opener is gone once the dialog closes (Extend, once pending or used up). */
  fallbackFocus(): HTMLElement | null | undefined;
  /** The request as the server answered: extended, or with its extension pending. */
  done(request: AccessRequest): void;
}

/** The extension waiting for approval: "Extension pending: 2 hours, waiting for Bob Example." */
export function pendingText(request: AccessRequest, locale: string): string {
  const pending = request.extension?.pending;
  if (!pending) return '';
  const hours = formatHours(locale, pending.hours);
  const waitingFor = pending.approvals.filter((a) => a.status === 'pending').map((a) => a.approver.name);
  return waitingFor.length
    ? msg(str`Extension pending: ${hours}, waiting for ${waitingFor.join(', ')}.`)
    : msg(str`Extension pending: ${hours}.`);
}

/** The "Extension pending" note, or nothing. */
export function renderPending(request: AccessRequest, locale: string) {
  const text = pendingText(request, locale);
  return text ? html`<span part="extension-pending" class="extension-pending">${text}</span>` : nothing;
}

/** What is said once the server answered an extension: granted (the new expiry), or waiting. */
export function extendedText(request: AccessRequest, locale: string): string {
  const until = request.expires_at ? formatDateTime(locale, request.expires_at) : '';
  return request.extension?.pending
    ? `${pendingText(request, locale)} ${msg(str`Your access stays active until ${until}.`)}`
    : msg(str`Access extended: it now expires ${until}.`);
}
