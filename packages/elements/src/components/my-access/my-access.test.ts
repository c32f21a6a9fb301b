// Over 400 lines: the behaviours of all three My Access lists and the Access Details dialog, one test each.
import { assert, expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { AccessRequest } from '@access-requests/sdk';
import { deepActiveElement } from '../../internal/dialog.js';
import { describeTarget } from '../../internal/format.js';
import {
  addFault,
  advance,
  clientFor,
  expectNoContractViolations,
  injectedMarkupHadItsChance,
  resetServer,
  setNotificationChannel,
  streamReady,
  textOf,
  until,
} from '../../internal/test-support.js';
import './my-access.define.js';
import type { MyAccess } from './my-access.js';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

const START = Date.parse('2026-01-15T09:00:00Z');

const root = (el: MyAccess) => el.shadowRoot!;
const section = (el: MyAccess, name: 'active' | 'recent' | 'favorites') =>
  root(el).querySelector<HTMLElement>(`[part~="section-${name}"]`)!;
const itemTitles = (el: MyAccess, name: 'active' | 'recent' | 'favorites') =>
  [...section(el, name).querySelectorAll('[part="item-title"]')].map((t) => textOf(t));
const buttonNamed = (scope: ParentNode, name: string | RegExp) =>
  [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) => {
    const label = b.getAttribute('aria-label') ?? textOf(b);
    return typeof name === 'string' ? label === name : name.test(label);
  });
const detailsDialog = (el: MyAccess) => root(el).querySelector<HTMLDialogElement>('#details-dialog')!;
const againDialog = (el: MyAccess) => root(el).querySelector<HTMLDialogElement>('#again')!;

async function myAccess(clock: { now: number } = { now: START }): Promise<MyAccess> {
  const el = await fixture<MyAccess>(
    html`<my-access .client=${clientFor('alice')} .now=${() => clock.now}></my-access>`,
  );
  await until(() => el.myAccess, 'My Access is loaded');
  await el.updateComplete;
  return el;
}

async function openDetails(el: MyAccess, name: RegExp): Promise<HTMLDialogElement> {
  const button = buttonNamed(section(el, 'active'), name);
  assert.exists(button, `an Access Details button named ${name}`);
  button.click();
  const dialog = detailsDialog(el);
  await until(
    () => dialog.open && dialog.querySelector('[part="instructions"]'),
    'the access details are shown',
  );
  return dialog;
}

function type(control: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input'));
}

/** Presses a Request again icon and types the justification. */
async function openAgain(
  el: MyAccess,
  from: 'recent' | 'favorites',
  name: RegExp,
  justification: string,
): Promise<HTMLDialogElement> {
  buttonNamed(section(el, from), name)!.click();
  const dialog = againDialog(el);
  await until(() => dialog.open, 'the Request again dialog opens');
  type(dialog.querySelector('textarea')!, justification);
  return dialog;
}

async function requestAgain(el: MyAccess, from: 'recent' | 'favorites', name: RegExp, justification: string) {
  const submitted: { requests: readonly AccessRequest[]; source: AccessRequest }[] = [];
  el.addEventListener('request-again-submitted', (e) => submitted.push(e.detail));
  const dialog = await openAgain(el, from, name, justification);
  buttonNamed(dialog, 'Submit Request')!.click();
  await until(() => dialog.querySelector('[part="notification-channel"]'), 'the confirmation');
  await until(() => submitted.length === 1, 'request-again-submitted');
  return { dialog, detail: submitted[0]! };
}

describe('<my-access>', () => {
  beforeEach(async () => {
    await resetServer();
    delete window.__xss;
  });
  after(expectNoContractViolations);

  it('is accessible', async () => {
    const el = await myAccess();
    await expect(el).to.be.accessible();
  });

  it('shows Active Access, the three Recent Requests and the Favorites, with their actions', async () => {
    const el = await myAccess();
    expect([...root(el).querySelectorAll('h2')].map((h) => textOf(h))).to.include.members([
      'Active Access',
      'Recent Requests',
      'Favorites',
    ]);
    expect(itemTitles(el, 'active')).to.have.length(4);
    expect(itemTitles(el, 'recent')).to.deep.equal([
      'crm-prod-accounts (Editor)',
      'prod-payments-db (Admin)',
      'staging-payments-db (ReadWrite)',
    ]);
    expect(textOf(section(el, 'recent'))).to.contain(
      'Rejection Reason: Admin on production is for the DBA team',
    );
    expect(itemTitles(el, 'favorites')).to.include('On-call – payments');
    assert.exists(buttonNamed(section(el, 'recent'), 'Request again: prod-payments-db (Admin)'));
    assert.exists(buttonNamed(section(el, 'favorites'), 'Request again: On-call – payments'));
    // An active favourite offers its Access Details, not Request again.
    assert.exists(buttonNamed(section(el, 'favorites'), 'Access Details: payments (edit)'));
    expect(section(el, 'active').querySelectorAll('[part="again-button"]')).to.have.length(0);
  });

  it('asks the host to edit a closed request and request it again, beside Request again', async () => {
    const el = await myAccess();
    const recent = section(el, 'recent');
    const edit = buttonNamed(recent, 'Edit and request again: prod-payments-db (Admin)')!;
    assert.exists(edit);
    expect(edit.title).to.equal('Edit and request again');
    // Beside Request again, in the same list's arrow-key order.
    const items = [...recent.querySelectorAll<HTMLButtonElement>('[data-roving-item]')];
    const again = buttonNamed(recent, 'Request again: prod-payments-db (Admin)')!;
    expect(items.indexOf(edit)).to.equal(items.indexOf(again) + 1);
    const asked = oneEvent(el, 'request-edit-requested');
    edit.click();
    const { detail } = await asked;
    expect(detail.request.status).to.equal('rejected');
    expect(describeTarget(detail.request)).to.equal('prod-payments-db (Admin)');
    expect(section(el, 'active').querySelectorAll('[part="edit-again-button"]')).to.have.length(0);
  });

  it('moves between a list’s buttons with the arrow keys (one tab stop per list)', async () => {
    const el = await myAccess();
    // Access Details and Extend buttons alike (four active accesses, two of them extendable).
    const buttons = [...section(el, 'active').querySelectorAll<HTMLButtonElement>('[data-roving-item]')];
    expect(buttons.map((b) => b.tabIndex)).to.deep.equal([0, -1, -1, -1, -1, -1]);
    buttons[0]!.focus();
    buttons[0]!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }),
    );
    expect(deepActiveElement()).to.equal(buttons[1]);
    expect(buttons.map((b) => b.tabIndex)).to.deep.equal([-1, 0, -1, -1, -1, -1]);
    buttons[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true }));
    expect(deepActiveElement()).to.equal(buttons[5]);
  });

  it('shows Access Details: instructions, a web link, a CLI snippet and a countdown to the expiry', async () => {
    const clock = { now: START };
    const el = await myAccess(clock);
    const opener = buttonNamed(section(el, 'active'), 'Access Details: payments (edit)')!;
    opener.focus();
    const dialog = await openDetails(el, /^Access Details: payments \(edit\)$/);
    expect(textOf(dialog.querySelector('h2'))).to.equal('Access Details');
    const instructions = dialog.querySelector('[part="instructions"]')!;
    expect(textOf(instructions.querySelector('h2'))).to.equal('Use your Kubernetes dashboard access');
    expect(instructions.querySelectorAll('ol li').length).to.equal(3);
    const link = dialog.querySelector<HTMLAnchorElement>('a[part="link"]')!;
    expect(link.protocol).to.equal('https:');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(textOf(dialog.querySelector('[part="cli"] code'))).to.contain('kubectl');
    const timer = dialog.querySelector('[role="timer"]')!;
    expect(textOf(timer)).to.equal('Expires in 5 minutes, 5 seconds');
    expect(Boolean(timer.closest('[aria-live]'))).to.equal(false);
    clock.now += 65_000;
    await until(() => textOf(timer) === 'Expires in 4 minutes, 0 seconds', 'the countdown ticks');
    await expect(el).to.be.accessible();
    buttonNamed(dialog, 'Close')!.click();
    expect(dialog.open).to.equal(false);
    expect(deepActiveElement()).to.equal(opener);
  });

  it('counts down on the server’s clock when the host gives none, whatever the browser’s clock says', async () => {
    const el = await fixture<MyAccess>(html`<my-access .client=${clientFor('alice')}></my-access>`);
    await until(() => section(el, 'active'), 'the active section');
    const dialog = await openDetails(el, /^Access Details: payments \(edit\)$/);
    // The reference world's clock stands in January 2026, far from this browser's: only the answer's
    // server_time makes the countdown right.
    expect(textOf(dialog.querySelector('[role="timer"]'))).to.match(/^Expires in 5 minutes, [0-5] seconds$/);
  });

  it('loads the Access Details of another access opened right after one was closed', async () => {
    const el = await myAccess();
    const dialog = await openDetails(el, /^Access Details: payments-staging/);
    buttonNamed(dialog, 'Close')!.click();
    // Reopened before the dialog’s `close` event (queued by the Close) has arrived.
    const other = await openDetails(el, /^Access Details: crm-staging-accounts/);
    expect(textOf(other.querySelector('[part="instructions"]'))).to.contain('Use your Legacy CRM access');
  });

  it('never executes markup injected through the access instructions', async () => {
    const el = await myAccess();
    const dialog = await openDetails(el, /^Access Details: crm-staging-accounts/);
    await injectedMarkupHadItsChance(dialog);
    expect(window.__xss, 'nothing from the server ran').to.equal(undefined);
    const instructions = dialog.querySelector('[part="instructions"]')!;
    expect(textOf(instructions)).to.contain('Use your Legacy CRM access');
    expect(dialog.querySelectorAll('script, img, iframe').length).to.equal(0);
    expect(instructions.querySelectorAll('svg, math, style').length).to.equal(0);
    for (const node of dialog.querySelectorAll('*')) {
      for (const attribute of node.attributes) {
        expect(attribute.name, `${node.localName}[${attribute.name}]`).not.to.match(/^on/);
        expect(attribute.value.toLowerCase(), `${node.localName}[${attribute.name}]`).not.to.contain(
          'javascript:',
        );
      }
    }
    // The `javascript:` link is not offered; the hostile CLI snippet is shown as text.
    expect(dialog.querySelectorAll('[part="link"]').length).to.equal(0);
    expect(textOf(dialog)).to.contain('The access link is not a web address, so it is not shown.');
    expect(dialog.querySelector('[part="cli"] code')!.textContent).to.contain(
      '<script>window.__xss=1</script>',
    );
    await expect(el).to.be.accessible();
  });

  it('copies the CLI snippet, and selects it when the clipboard is refused', async () => {
    const el = await myAccess();
    const dialog = await openDetails(el, /^Access Details: payments \(edit\)$/);
    const live = () => textOf(dialog.querySelector('[role="status"][aria-live="polite"]'));
    const cli = dialog.querySelector('[part="cli"] code')!.textContent;
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
    const copied: string[] = [];
    try {
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: async (text: string) => void copied.push(text) },
      });
      buttonNamed(dialog, 'Copy')!.click();
      await until(() => live() === 'Copied', 'Copied is announced');
      expect(copied).to.deep.equal([cli]);
      expect(textOf(dialog.querySelector('[part="copy"]'))).to.equal('Copied');

      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) },
      });
      dialog.querySelector<HTMLButtonElement>('[part="copy"]')!.click();
      await until(() => live().includes('could not be copied'), 'the fallback is announced');
      expect(document.getSelection()?.toString()).to.equal(cli);
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      Object.defineProperty(Navigator.prototype, 'clipboard', original);
    }
  });

  it('stops the countdown when it leaves the page', async () => {
    // Nothing is left ticking: every interval started while the dialog is shown is cleared on leaving.
    const running = new Set<number>();
    const { setInterval: realSetInterval, clearInterval: realClearInterval } = window;
    window.setInterval = ((...args: Parameters<typeof realSetInterval>) => {
      const id = realSetInterval(...args);
      running.add(id);
      return id;
    }) as typeof realSetInterval;
    window.clearInterval = ((id?: number) => {
      if (id !== undefined) running.delete(id);
      realClearInterval(id);
    }) as typeof realClearInterval;
    try {
      const el = await myAccess();
      const dialog = await openDetails(el, /^Access Details: payments \(edit\)$/);
      assert.exists(dialog.querySelector('[role="timer"]'), 'the countdown');
      expect(running.size, 'the countdown ticks').to.be.above(0);
      el.remove();
      expect([...running], 'intervals still running').to.deep.equal([]);
    } finally {
      window.setInterval = realSetInterval;
      window.clearInterval = realClearInterval;
    }
  });

  it('opens Access Details from outside with showAccessDetails(id)', async () => {
    const el = await myAccess();
    const [active] = el.myAccess!.active;
    await el.showAccessDetails(active!.id);
    const dialog = detailsDialog(el);
    await until(
      () => dialog.open && dialog.querySelector('[part="instructions"]'),
      'the dialog opens with the details',
    );
    expect(textOf(dialog.querySelector('#details-dialog-subtitle'))).to.equal(
      textOf(section(el, 'active').querySelector('[part="item-title"]')),
    );
  });

  it('requests again from Recent Requests, asking only for a justification, and says Slack will notify', async () => {
    const el = await myAccess();
    buttonNamed(section(el, 'recent'), 'Request again: prod-payments-db (Admin)')!.click();
    const dialog = againDialog(el);
    await until(() => dialog.open, 'the dialog opens');
    expect([...dialog.querySelectorAll('input, textarea, select')].map((c) => c.id)).to.deep.equal([
      'again-justification',
      'again-duration',
    ]);
    expect(textOf(dialog.querySelector('label[for="again-justification"]'))).to.equal('Justification');
    expect(textOf(dialog.querySelector('label[for="again-duration"]'))).to.contain('Duration in Hours');
    buttonNamed(dialog, 'Submit Request')!.click();
    await el.updateComplete;
    const textarea = dialog.querySelector('textarea')!;
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(dialog.querySelector('#again-justification-error'))).to.equal('Enter a justification.');
    await expect(el).to.be.accessible();
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect(dialog.open).to.equal(true);

    buttonNamed(dialog, 'Cancel')!.click();
    const { dialog: done, detail } = await requestAgain(
      el,
      'recent',
      /^Request again: prod-payments-db \(Admin\)$/,
      'Ledger backfill, with a change ticket this time.',
    );
    expect(detail.source.status).to.equal('rejected');
    expect(detail.requests).to.have.length(1);
    expect(detail.requests[0]!.justification).to.equal('Ledger backfill, with a change ticket this time.');
    expect(textOf(done.querySelector('h2'))).to.equal('Request submitted');
    expect(textOf(done.querySelector('[part="created"]'))).to.contain('prod-payments-db (Admin)');
    expect(done.querySelector('[part="created"] status-badge')!.getAttribute('status')).to.equal(
      'pending_approval',
    );
    expect(textOf(done.querySelector('[part="notification-channel"]'))).to.equal(
      'You will receive a notification via Slack.',
    );
    await expect(el).to.be.accessible();
  });

  it('submits once however often Submit Request is pressed', async () => {
    const el = await myAccess();
    const before = (await clientFor('alice').requests().page({ limit: 200 })).items.length;
    const dialog = await openAgain(el, 'recent', /^Request again: staging-payments-db/, 'Once only');
    const submit = dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    submit.click();
    submit.click();
    submit.click();
    await until(() => dialog.querySelector('[part="notification-channel"]'), 'the confirmation');
    const after = (await clientFor('alice').requests().page({ limit: 200 })).items.length;
    expect(after - before).to.equal(1);
  });

  it('reuses its Idempotency-Key after a lost answer: Submit again replays, one request only', async () => {
    const el = await myAccess();
    const count = async () => (await clientFor('alice').requests().page({ limit: 200 })).items.length;
    const before = await count();
    await addFault({
      method: 'POST',
      path: '/v1/access-requests/:id/request-again',
      kind: 'commit_then_drop',
      times: 1,
    });
    const dialog = await openAgain(
      el,
      'recent',
      /^Request again: staging-payments-db/,
      'After a lost answer',
    );
    buttonNamed(dialog, 'Submit Request')!.click();
    await until(() => textOf(dialog.querySelector('[data-error]')), 'the lost answer is reported');
    expect(await count()).to.equal(before + 1); // the server did the work
    expect(dialog.querySelector('textarea')!.value).to.equal('After a lost answer');
    buttonNamed(dialog, 'Submit Request')!.click();
    await until(() => dialog.querySelector('[part="notification-channel"]'), 'the confirmation');
    expect(await count()).to.equal(before + 1);
  });

  it('says when a rate-limited Request again will be retried, and Cancel keeps the justification', async () => {
    const el = await fixture<MyAccess>(
      html`<my-access .client=${clientFor('alice', { retry: {} })} .now=${() => START}></my-access>`,
    );
    await until(() => el.myAccess, 'My Access is loaded');
    await addFault({
      method: 'POST',
      path: '/v1/access-requests/:id/request-again',
      kind: 'rate_limit',
      retry_after: 20,
    });
    const dialog = await openAgain(el, 'recent', /^Request again: staging-payments-db/, 'Wait for it');
    buttonNamed(dialog, 'Submit Request')!.click();
    const wait = await until(() => dialog.querySelector('[part="retry-wait"]'), 'the wait is shown');
    expect(textOf(wait.querySelector('[role="status"]'))).to.equal(
      'Too many requests right now. Trying again in 20 s.',
    );
    buttonNamed(wait, 'Cancel')!.click();
    await until(() => textOf(dialog.querySelector('[data-error]')).startsWith('Cancelled.'), 'cancelled');
    expect(dialog.querySelector('[part="retry-wait"]')).to.equal(null);
    expect(dialog.open).to.equal(true);
    expect(dialog.querySelector('textarea')!.value).to.equal('Wait for it');
  });

  it('requests again from Favorites, telling Microsoft Teams or email users how they will hear', async () => {
    await setNotificationChannel('teams');
    const el = await myAccess();
    const teams = await requestAgain(
      el,
      'favorites',
      /^Request again: On-call – payments$/,
      'On-call shift this weekend.',
    );
    expect(teams.detail.source.target.type).to.equal('bundle');
    expect(textOf(teams.dialog.querySelector('[part="notification-channel"]'))).to.equal(
      'You will receive a notification via Microsoft Teams.',
    );
    buttonNamed(teams.dialog, 'Close')!.click();

    await setNotificationChannel('email');
    const email = await requestAgain(
      el,
      'favorites',
      /^Request again: staging-payments-db \(ReadWrite\)$/,
      'More load-test data.',
    );
    expect(textOf(email.dialog.querySelector('[part="notification-channel"]'))).to.equal(
      'You will receive a notification by email.',
    );
  });

  it('puts the server’s field errors next to their fields', async () => {
    const el = await myAccess();
    const dialog = await openAgain(
      el,
      'favorites',
      /^Request again: staging-payments-db/,
      'A week of load tests',
    );
    const duration = dialog.querySelector<HTMLInputElement>('#again-duration')!;
    type(duration, '500');
    buttonNamed(dialog, 'Submit Request')!.click();
    await until(() => duration.getAttribute('aria-invalid') === 'true', 'the duration is marked invalid');
    expect(textOf(dialog.querySelector('#again-duration-error'))).to.not.equal('');
    expect(duration.getAttribute('aria-describedby')).to.contain('again-duration-error');
    expect(dialog.querySelectorAll('[part="notification-channel"]').length).to.equal(0);
  });

  it('keeps only the three most recent closed requests under Recent Requests, live', async () => {
    const client = clientFor('alice');
    const el = await fixture<MyAccess>(html`<my-access .client=${client}></my-access>`);
    await until(() => el.myAccess, 'loaded');
    await streamReady('alice', client);
    const submitAndWithdraw = async (resource_id: string) => {
      const [request] = await client.submit({
        resources: [{ resource_id, permission_id: 'perm_pg_readonly' }],
        duration_hours: 1,
        justification: 'Soon withdrawn',
      });
      await client.revoke(request!.id);
    };
    await submitAndWithdraw('res_prod_payments_db');
    await submitAndWithdraw('res_prod_orders_db');
    await until(
      () =>
        itemTitles(el, 'recent').join() ===
        'prod-orders-db (ReadOnly),prod-payments-db (ReadOnly),crm-prod-accounts (Editor)',
      'the two withdrawn requests lead Recent Requests, and only three show',
    );
    await expect(el).to.be.accessible();
  });

  it('shows an access as soon as it is granted', async () => {
    const client = clientFor('alice');
    const el = await fixture<MyAccess>(html`<my-access .client=${client}></my-access>`);
    await until(() => el.myAccess, 'loaded');
    await streamReady('alice', client);
    await advance(6);
    await until(
      () => itemTitles(el, 'active').length === 5,
      'the granted access appears under Active Access',
    );
    expect(itemTitles(el, 'active')).to.include('dev-orders-db (ReadWrite)');
  });
});
