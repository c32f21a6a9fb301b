import { assert, expect, fixture, html, nextFrame } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { AccessRequest } from '@access-requests/sdk';
import { deepActiveElement } from '../../internal/dialog.js';
import { subscribeToRequests } from '../../internal/requests-hub.js';
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
import '../request-list/request-list.define.js';
import type { AccessNotification } from '../../internal/events.js';
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

async function notifierFor(user: 'alice' | 'bob', placement: 'inline' | 'corner' = 'inline') {
  const client = clientFor(user);
  const el = await fixture<AccessNotifications>(
    html`<access-notifications placement=${placement} .client=${client}></access-notifications>`,
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
const shownToasts = (el: AccessNotifications) => toasts(el).filter((t) => t.checkVisibility());
const more = (el: AccessNotifications) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"]');
const overlaps = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
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
    assert.exists(request);
  });

  it('shows an approval through to Active, with a button to Access Details, and announces it', async () => {
    const el = await notifierFor('alice');
    const opened: AccessRequest[] = [];
    el.addEventListener('access-details-requested', (e) => opened.push(e.detail.request));
    const [request] = await clientFor('alice').submit(PROD_DB);
    await clientFor('bob').approve(request!.id);
    await until(() => toastFor(el, 'granting'), 'the Granting toast');
    await advance(6);
    const active = await until(() => toastFor(el, 'active'), 'the Active toast');
    expect(textOf(active)).to.contain('prod-payments-db');
    await until(() => textOf(live(el)).includes('is now Active'), 'the change is announced');
    active.querySelector<HTMLButtonElement>('[part="action"]')!.click();
    expect(opened.map((r) => r.id)).to.deep.equal([request!.id]);
  });

  it('tells of an approval before a scheduled start, and of the start', async () => {
    const el = await notifierFor('alice');
    const told: AccessNotification[] = [];
    el.addEventListener('access-notification-received', (e) => told.push(e.detail.notification));
    const [request] = await clientFor('alice').submit({ ...PROD_DB, starts_at: '2026-01-15T12:00:00Z' });
    await clientFor('bob').approve(request!.id);
    const scheduled = await until(() => toastFor(el, 'scheduled'), 'the Scheduled toast');
    expect(textOf(scheduled)).to.match(
      /Your request for prod-payments-db \(ReadOnly\) is now Scheduled: it starts .*GMT/,
    );
    // The start comes with the seeded world's expiries: one burst, so the news is read from the events.
    await advance(3 * 3600 + 6);
    await until(
      () => told.some((n) => n.request.id === request!.id && n.request.status === 'active'),
      'the news that the access is Active, granted at its start',
    );
    expect(told.filter((n) => n.request.id === request!.id).map((n) => n.request.status)).to.deep.equal([
      'scheduled',
      'granting',
      'active',
    ]);
  });

  it('shows a rejection with its reason', async () => {
    const el = await notifierFor('alice');
    const [request] = await clientFor('alice').submit(PROD_DB);
    await clientFor('bob').reject(request!.id, { reason: 'Use the read replica' });
    const rejected = await until(() => toastFor(el, 'rejected'), 'the Rejected toast');
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
    const failed = await until(() => toastFor(el, 'failed'), 'the Failed toast');
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
    // A Granting toast shown after it goes by itself: had Active an expiry, it would have come first.
    const [later] = await alice.submit(PROD_DB);
    await clientFor('bob').approve(later!.id);
    await until(() => toastFor(el, 'granting'), 'a later Granting toast');
    await until(() => !toastFor(el, 'granting'), 'the later Granting toast goes by itself', 3000);
    assert.exists(toastFor(el, 'active'), 'Active stays');
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
    const group = await until(
      () => el.shadowRoot!.querySelector('[part~="toast-group"]'),
      'one grouped toast',
    );
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
    const heard: AccessNotification[] = [];
    el.addEventListener('access-notification-received', (e) => heard.push(e.detail.notification));
    const [request] = await clientFor('alice').submit(PROD_DB);
    // Bob's stream tells of Alice's request too (he approves it): the element hears it and stays quiet.
    const streamed: string[] = [];
    const stop = subscribeToRequests(el.client!, (r) => r.id === request!.id && streamed.push(r.status));
    try {
      await clientFor('bob').approve(request!.id);
      await advance(6);
      // Every change above has reached the element once a later one has (one ordered stream).
      await streamReady('bob', el.client!);
    } finally {
      stop();
    }
    expect(streamed).to.include('active');
    expect(heard).to.deep.equal([]);
    await el.updateComplete;
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

  it('shows the newest toast that stays, and the earlier ones behind a count the user can open', async () => {
    const el = await notifierFor('alice');
    const alice = clientFor('alice');
    for (let i = 0; i < 3; i++) await alice.submit(LEGACY_CRM);
    await advance(6);
    await until(() => toasts(el).length === 3, 'three Failed toasts');
    await el.updateComplete;
    expect(shownToasts(el)).to.deep.equal([toasts(el)[2]], 'only the newest shows');
    const count = more(el)!;
    expect(textOf(count)).to.equal('2 more updates');
    expect(count.getAttribute('aria-expanded')).to.equal('false');
    count.focus();
    count.click();
    await el.updateComplete;
    expect(shownToasts(el).length).to.equal(3);
    expect(count.getAttribute('aria-expanded')).to.equal('true');
    count.click();
    await el.updateComplete;
    expect(shownToasts(el).length).to.equal(1);
    await expect(el).to.be.accessible();
  });

  describe('in the corner, never over what has focus', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    for (const [width, height] of [
      [1280, 720],
      [375, 812],
    ] as const) {
      for (const [what, style] of [
        ['a button under the toasts’ corner', 'inset-block-end: 1.5rem; inset-inline-end: 1.5rem'],
        [
          'a form’s Next button at the bottom end',
          'inset-block-end: 0; inset-inline-end: 0; padding: 1rem 2rem',
        ],
      ] as const) {
        it(`moves off ${what} at ${width}x${height}`, async () => {
          await setViewport({ width, height });
          const focused = await fixture<HTMLButtonElement>(
            html`<button style="position: fixed; ${style}">Next</button>`,
          );
          const el = await notifierFor('alice', 'corner');
          focused.focus();
          await clientFor('alice').submit(STAGING_DB);
          await advance(6);
          await until(() => toastFor(el, 'active'), 'the Active toast');
          await el.updateComplete;
          await nextFrame();
          const target = focused.getBoundingClientRect();
          const covering = [...shownToasts(el), more(el)].filter(
            (t) => t && t.checkVisibility() && overlaps(t.getBoundingClientRect(), target),
          );
          expect(covering).to.deep.equal([]);
          expect(deepActiveElement()).to.equal(focused);
          expect(shownToasts(el).length, 'the toast is still there').to.equal(1);
        });
      }
    }

    it('stays off an open dialog', async () => {
      await setViewport({ width: 375, height: 812 });
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = `<dialog style="margin: 0; inset: auto 0 0 auto; inline-size: 100vw; block-size: 50vh"><p>Are you sure?</p></dialog>`;
      const dialog = root.querySelector('dialog')!;
      const el = await notifierFor('alice', 'corner');
      dialog.show();
      await clientFor('alice').submit(STAGING_DB);
      await advance(6);
      await until(() => toastFor(el, 'active'), 'the Active toast');
      await el.updateComplete;
      await nextFrame();
      const box = dialog.getBoundingClientRect();
      expect(shownToasts(el).filter((t) => overlaps(t.getBoundingClientRect(), box))).to.deep.equal([]);
      dialog.close();
    });
  });

  it('says a status change once, when a list of the same requests says it too', async () => {
    const client = clientFor('alice');
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <request-list style="block-size: 20rem" .client=${client}></request-list>
        <access-notifications placement="inline" .client=${client}></access-notifications>
      </div>`,
    );
    const el = page.querySelector<AccessNotifications>('access-notifications')!;
    const list = page.querySelector('request-list')!;
    await streamReady('alice', client);
    await advance(5);
    await until(() => toasts(el).length >= 2, 'the seeded changes arrive');
    el.dismissAll();
    const regions = [live(el)!, list.shadowRoot!.querySelector('[role="status"][aria-live="polite"]')!];
    const said: string[] = [];
    const observer = new MutationObserver(() => said.push(...regions.map(textOf).filter(Boolean)));
    for (const region of regions)
      observer.observe(region, { subtree: true, childList: true, characterData: true });
    try {
      await client.submit(STAGING_DB);
      await advance(6);
      await until(() => toastFor(el, 'active'), 'the Active toast');
      // Something only the notifications say (a burst), said after anything the Active change made them say.
      for (let i = 0; i < 5; i++) await client.submit(LEGACY_CRM);
      await advance(6);
      await until(
        () => textOf(live(el)).includes('5 of your requests changed status.'),
        'the burst is announced',
      );
    } finally {
      observer.disconnect();
    }
    const active = [...new Set(said)].flatMap(
      (text) => text.match(/staging-payments-db.{0,20} is now Active/g) ?? [],
    );
    expect(active.length, [...new Set(said)].join(' | ')).to.equal(1);
  });
});
