import { expect, fixture, html } from '@open-wc/testing';
import type { AccessRequest } from '@access-requests/sdk';
import { deepActiveElement } from '../../internal/dialog.js';
import {
  advance,
  clientFor,
  expectNoContractViolations,
  resetServer,
  streamReady,
  textOf,
  until,
} from '../../internal/test-support.js';
import './access-notifications.define.js';
import type { AccessNotifications } from './access-notifications.js';

const PROD_DB = {
  resources: [{ resource_id: 'res_prod_payments_db', permission_id: 'perm_pg_readonly' }],
  duration_hours: 1,
  justification: 'Incident 42',
};
const STAGING_DB = {
  resources: [{ resource_id: 'res_staging_payments_db', permission_id: 'perm_pg_readonly' }],
  duration_hours: 1,
};
const LEGACY_CRM = {
  resources: [{ resource_id: 'res_crm_prod_accounts', permission_id: 'perm_crm_viewer' }],
  duration_hours: 1,
};

async function notifierFor(user: 'alice' | 'bob') {
  const client = clientFor(user);
  const el = await fixture<AccessNotifications>(
    html`<access-notifications placement="inline" .client=${client}></access-notifications>`,
  );
  await streamReady(user, client);
  // Let the seeded world's own pending transitions (a grant and a revocation due 3 s in) happen, and be told.
  await advance(5);
  await until(() => toasts(el).length >= (user === 'alice' ? 2 : 0), 'the seeded changes arrive');
  el.dismissAll();
  return el;
}

const toasts = (el: AccessNotifications) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="toast"]'),
];
const live = (el: AccessNotifications) => el.shadowRoot!.querySelector('[role="status"][aria-live="polite"]');
const toastFor = (el: AccessNotifications, status: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="toast-${status}"]`);

describe('<access-notifications>', () => {
  beforeEach(() => resetServer());
  after(() => expectNoContractViolations());

  it('is accessible, empty and with toasts', async () => {
    const el = await notifierFor('alice');
    await expect(el).to.be.accessible();
    const [request] = await clientFor('alice').submit(STAGING_DB);
    await advance(6);
    await until(() => toastFor(el, 'active'), 'the Active toast');
    await expect(el).to.be.accessible();
    expect(request).to.exist;
  });

  it('shows an approval through to Active, with a button to Access Details, and announces it', async () => {
    const el = await notifierFor('alice');
    const opened: AccessRequest[] = [];
    el.addEventListener('access-details-requested', (e) => opened.push(e.detail.request));
    const [request] = await clientFor('alice').submit(PROD_DB);
    await clientFor('bob').approve(request!.id);
    await until(() => toastFor(el, 'granting'), 'the Granting toast');
    await advance(6);
    const active = (await until(() => toastFor(el, 'active'), 'the Active toast'))!;
    expect(textOf(active)).to.contain('prod-payments-db');
    await until(() => textOf(live(el)).includes('is now Active'), 'the change is announced');
    active.querySelector<HTMLButtonElement>('[part="action"]')!.click();
    expect(opened.map((r) => r.id)).to.deep.equal([request!.id]);
  });

  it('shows a rejection with its reason', async () => {
    const el = await notifierFor('alice');
    const [request] = await clientFor('alice').submit(PROD_DB);
    await clientFor('bob').reject(request!.id, { reason: 'Use the read replica' });
    const rejected = (await until(() => toastFor(el, 'rejected'), 'the Rejected toast'))!;
    expect(textOf(rejected)).to.contain('Reason: Use the read replica');
    await until(
      () => textOf(live(el)).includes('was Rejected: Use the read replica'),
      'the rejection is announced',
    );
  });

  it('shows a failure and sends the user to their admin', async () => {
    const el = await notifierFor('alice');
    await clientFor('alice').submit(LEGACY_CRM);
    await advance(6);
    const failed = (await until(() => toastFor(el, 'failed'), 'the Failed toast'))!;
    expect(textOf(failed)).to.contain('Contact your admin.');
    expect(failed.querySelector('[part="action"]')).to.equal(null);
  });

  it('never takes focus, and dismisses with the button or Escape', async () => {
    const outside = await fixture<HTMLInputElement>(html`<input aria-label="Search the host page" />`);
    const el = await notifierFor('alice');
    outside.focus();
    await clientFor('alice').submit(LEGACY_CRM);
    await clientFor('alice').submit(LEGACY_CRM);
    await advance(6);
    await until(() => toasts(el).length === 2, 'two Failed toasts');
    expect(deepActiveElement()).to.equal(outside);
    toasts(el)[0]!.querySelector<HTMLButtonElement>('[part="dismiss"]')!.click();
    await el.updateComplete;
    expect(toasts(el).length).to.equal(1);
    const [last] = toasts(el);
    last!.querySelector<HTMLButtonElement>('[part="dismiss"]')!.focus();
    last!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(toasts(el).length).to.equal(0);
  });

  it('lets toasts that need nothing go after a while, keeps Active until dismissed, and shows a bounded number', async () => {
    const el = await notifierFor('alice');
    el.duration = 300;
    el.maxToasts = 2;
    const alice = clientFor('alice');
    const [approved] = await alice.submit(PROD_DB);
    await clientFor('bob').approve(approved!.id);
    await until(() => toastFor(el, 'granting'), 'the Granting toast');
    await until(() => !toastFor(el, 'granting'), 'the Granting toast goes by itself', 3000);
    await advance(6);
    await until(() => toastFor(el, 'active'), 'the Active toast');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(toastFor(el, 'active'), 'Active stays').to.exist;
    await alice.submit(LEGACY_CRM);
    await alice.submit(LEGACY_CRM);
    await advance(6);
    await until(
      () => el.shadowRoot!.querySelectorAll('[part~="toast-failed"]').length === 2,
      'both failures shown',
    );
    expect(toasts(el).length, 'the oldest toast gave way').to.equal(2);
    expect(toastFor(el, 'active')).to.equal(null);
  });

  it('groups many changes that arrive at once into one toast', async () => {
    const el = await notifierFor('alice');
    const alice = clientFor('alice');
    for (let i = 0; i < 5; i++) await alice.submit(STAGING_DB);
    await advance(6);
    const group = (await until(
      () => el.shadowRoot!.querySelector('[part~="toast-group"]'),
      'one grouped toast',
    ))!;
    expect(textOf(group)).to.contain('5 of your requests changed status');
    expect(group.querySelectorAll('.group-list li').length).to.equal(5);
    expect(toasts(el).length).to.equal(1);
  });

  it('fires a cancelable event per change, so a host can show it its own way', async () => {
    const el = await notifierFor('alice');
    const heard: string[] = [];
    el.addEventListener('access-notification-received', (e) => {
      heard.push(e.detail.notification.request.status);
      e.preventDefault();
    });
    await clientFor('alice').submit(LEGACY_CRM);
    await advance(6);
    await until(() => heard.includes('failed'), 'the host heard of the failure');
    await el.updateComplete;
    expect(toasts(el)).to.deep.equal([]);
  });

  it('tells only of the user’s own requests', async () => {
    const el = await notifierFor('bob');
    const [request] = await clientFor('alice').submit(PROD_DB);
    await clientFor('bob').approve(request!.id);
    await advance(6);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(toasts(el)).to.deep.equal([]);
  });

  it('asks for browser notifications only when the host opts in', async () => {
    const plain = await fixture<AccessNotifications>(
      html`<access-notifications .client=${clientFor('alice')}></access-notifications>`,
    );
    expect(plain.shadowRoot!.querySelector('[part="permission"]')).to.equal(null);
    const opted = await fixture<AccessNotifications>(
      html`<access-notifications system-notifications .client=${clientFor('alice')}></access-notifications>`,
    );
    if (Notification.permission === 'default') {
      expect(textOf(opted.shadowRoot!.querySelector('[part="permission"]'))).to.equal(
        'Notify me in the background',
      );
    }
  });
});
