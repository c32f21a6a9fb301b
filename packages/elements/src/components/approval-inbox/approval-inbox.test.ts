import { assert, expect, fixture, html } from '@open-wc/testing';
import { ApiError, type AccessClient, type AccessRequest } from '@access-requests/sdk';
import { deepActiveElement } from '../../internal/dialog.js';
import { describeTarget } from '../../internal/format.js';
import {
  advance,
  clientFor,
  expectNoContractViolations,
  resetServer,
  streamReady,
  textOf,
  until,
  type DemoUser,
} from '../../internal/test-support.js';
import './approval-inbox.define.js';
import '../my-access/my-access.define.js';
import '../request-list/request-list.define.js';
import type { ApprovalInbox } from './approval-inbox.js';
import type { MyAccess } from '../my-access/my-access.js';
import type { RequestList } from '../request-list/request-list.js';

const PROD_DB = {
  resources: [{ resource_id: 'res_prod_payments_db', permission_id: 'perm_pg_readonly' }],
  duration_hours: 2,
  justification: 'Investigate INC-77',
};

const root = (el: ApprovalInbox) => el.shadowRoot!;
const items = (el: ApprovalInbox) => [...root(el).querySelectorAll<HTMLElement>('article[part="item"]')];
const titles = (el: ApprovalInbox) => items(el).map((item) => textOf(item.querySelector('h3')));
const itemFor = (el: ApprovalInbox, title: string) =>
  items(el).find((item) => textOf(item.querySelector('h3')) === title);
const button = (scope: ParentNode, name: string) =>
  [...scope.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => (b.getAttribute('aria-label') ?? textOf(b)) === name,
  );
const dialog = (el: ApprovalInbox) => root(el).querySelector<HTMLDialogElement>('#decision')!;

async function inboxFor(user: DemoUser, client: AccessClient = clientFor(user)): Promise<ApprovalInbox> {
  const el = await fixture<ApprovalInbox>(html`<approval-inbox .client=${client}></approval-inbox>`);
  // Its first page is in: requests, the empty state, or an error (which fails here, saying what it is).
  await until(
    () => items(el).length || root(el).querySelector('[part="empty"], [part="error"]'),
    'the inbox is loaded',
  );
  const error = root(el).querySelector('[part="error"]');
  if (error) throw new Error(`The inbox could not load: ${textOf(error)}`);
  return el;
}

/** Bob's inbox and Alice's request list, side by side, both listening to the event stream. */
async function bobAndAlice() {
  const bob = clientFor('bob');
  const alice = clientFor('alice');
  const [request] = await alice.submit(PROD_DB);
  const inbox = await inboxFor('bob', bob);
  const list = await fixture<RequestList>(html`<request-list .client=${alice}></request-list>`);
  await until(() => list.items.length > 0, 'Alice’s list is loaded');
  await streamReady('bob', bob);
  await streamReady('alice', alice);
  return { inbox, list, alice, request: request! };
}

function type(textarea: HTMLTextAreaElement, value: string): void {
  textarea.value = value;
  textarea.dispatchEvent(new Event('input'));
}

describe('<approval-inbox>', () => {
  beforeEach(resetServer);
  after(expectNoContractViolations);

  it('is accessible', async () => {
    const el = await inboxFor('bob');
    await expect(el).to.be.accessible();
  });

  it('lists what waits for my decision, oldest first, with the details to decide on', async () => {
    const el = await inboxFor('bob');
    expect(titles(el)).to.deep.equal([
      'AWS production account 1234 (ReadOnly)',
      'AWS production account 1234 (Admin)',
      'prod-orders-db (ReadOnly)',
      'prod-orders-db (ReadOnly) and 1 more',
    ]);
    expect(textOf(root(el).querySelector('[part="count"]'))).to.equal('4 requests wait for your decision');
    const facts = textOf(
      itemFor(el, 'prod-orders-db (ReadOnly) and 1 more')!.querySelector('[part="facts"]'),
    );
    for (const text of [
      'Requested by',
      'Alice Example',
      'For',
      'Duration',
      '8 hours',
      'Justification',
      'Investigating INC-4821',
      'Ticket',
      'Jira PAY-4821',
      'Access flow',
      'Production databases – manager approval',
    ]) {
      expect(facts).to.contain(text);
    }
    expect(textOf(itemFor(el, 'prod-orders-db (ReadOnly)')!.querySelector('[part="facts"]'))).to.contain(
      'Dave Example',
    );
    const twoApprovers = itemFor(el, 'AWS production account 1234 (Admin)')!;
    expect(textOf(twoApprovers.querySelector('[part="approvals"]')))
      .to.contain('Bob Example: Waiting for a decision')
      .and.to.contain('Carol Example');
    assert.exists(button(twoApprovers, 'Approve: AWS production account 1234 (Admin)'));
    assert.exists(button(twoApprovers, 'Reject: AWS production account 1234 (Admin)'));
  });

  it('moves between requests with the arrow keys; only the current one’s buttons are tab stops', async () => {
    const el = await inboxFor('bob');
    const [first, second] = items(el);
    expect(first!.tabIndex).to.equal(0);
    expect(second!.tabIndex).to.equal(-1);
    expect([...second!.querySelectorAll('button')].map((b) => b.tabIndex)).to.deep.equal([-1, -1]);
    first!.focus();
    first!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    expect(deepActiveElement()).to.equal(second);
    expect([...second!.querySelectorAll('button')].map((b) => b.tabIndex)).to.deep.equal([0, 0]);
    expect([...first!.querySelectorAll('button')].map((b) => b.tabIndex)).to.deep.equal([-1, -1]);
  });

  it('approves with an optional reason; the requester sees it live', async () => {
    const { inbox, list, request } = await bobAndAlice();
    const approved: AccessRequest[] = [];
    inbox.addEventListener('request-approved', (e) => approved.push(e.detail.request));
    const item = itemFor(inbox, 'prod-payments-db (ReadOnly)')!;
    button(item, 'Approve: prod-payments-db (ReadOnly)')!.click();
    await until(() => dialog(inbox).open, 'the Approve dialog');
    expect(textOf(dialog(inbox).querySelector('h2'))).to.equal('Approve this request?');
    expect(dialog(inbox).querySelector('textarea')!.required).to.equal(false);
    await expect(inbox).to.be.accessible();
    type(dialog(inbox).querySelector('textarea')!, 'OK for INC-77');
    button(dialog(inbox), 'Approve')!.click();
    await until(() => approved.length === 1, 'request-approved');
    expect(approved[0]!.id).to.equal(request.id);
    expect(approved[0]!.approvals[0]!.reason).to.equal('OK for INC-77');
    expect(dialog(inbox).open).to.equal(false);
    expect(titles(inbox)).not.to.include('prod-payments-db (ReadOnly)');
    await until(
      () =>
        textOf(root(inbox).querySelector('[role="status"][aria-live]')).includes(
          'Approved: prod-payments-db (ReadOnly).',
        ),
      'announced',
    );

    await until(
      () => list.items.find((r) => r.id === request.id)?.status === 'granting',
      'Alice’s card turns Granting',
    );
    await advance(6);
    await until(() => list.items.find((r) => r.id === request.id)?.status === 'active', 'then Active');
  });

  it('says when a request with a scheduled start starts; approved early, it turns Scheduled', async () => {
    const bob = clientFor('bob');
    const [request] = await clientFor('alice').submit({ ...PROD_DB, starts_at: '2026-01-15T14:00:00Z' });
    const inbox = await inboxFor('bob', bob);
    const item = itemFor(inbox, 'prod-payments-db (ReadOnly)')!;
    const start = [...item.querySelectorAll('[part="facts"] > div')].find(
      (row) => textOf(row.querySelector('dt')) === 'Start',
    );
    expect(start?.querySelector('time')?.getAttribute('datetime')).to.equal('2026-01-15T14:00:00Z');
    expect(textOf(start?.querySelector('time'))).to.match(/GMT/);
    const approved: AccessRequest[] = [];
    inbox.addEventListener('request-approved', (e) => approved.push(e.detail.request));
    button(item, 'Approve: prod-payments-db (ReadOnly)')!.click();
    await until(() => dialog(inbox).open, 'the Approve dialog');
    button(dialog(inbox), 'Approve')!.click();
    await until(() => approved.length === 1, 'request-approved');
    expect(approved[0]!.id).to.equal(request!.id);
    expect(approved[0]!.status).to.equal('scheduled');
  });

  it('rejects only with a reason under 124 characters; the requester sees the reason live', async () => {
    const { inbox, request, alice: aliceClient } = await bobAndAlice();
    // The same client as Alice's list: one event stream for both.
    const alice = await fixture<MyAccess>(html`<my-access .client=${aliceClient}></my-access>`);
    await until(() => alice.myAccess, 'Alice’s My Access is loaded', 8000);
    const rejected: AccessRequest[] = [];
    inbox.addEventListener('request-rejected', (e) => rejected.push(e.detail.request));
    button(itemFor(inbox, 'prod-payments-db (ReadOnly)')!, 'Reject: prod-payments-db (ReadOnly)')!.click();
    const form = dialog(inbox);
    await until(() => form.open, 'the Reject dialog');
    const textarea = form.querySelector('textarea')!;
    expect(textarea.required).to.equal(true);
    expect(textarea.maxLength).to.equal(123);

    button(form, 'Reject')!.click();
    await until(() => textarea.getAttribute('aria-invalid') === 'true', 'a reason is required');
    expect(textOf(form.querySelector('#decision-reason-error'))).to.equal(
      'Enter a reason for the rejection.',
    );
    await expect(inbox).to.be.accessible();

    type(textarea, 'x'.repeat(124)); // as a script or a paste past maxlength could
    button(form, 'Reject')!.click();
    await until(
      () => textOf(form.querySelector('#decision-reason-error')) === 'Use fewer than 124 characters.',
      'refused here',
    );
    expect(rejected).to.have.length(0);
    // …and the server refuses it too.
    const refused = await clientFor('bob')
      .reject(request.id, { reason: 'x'.repeat(124) })
      .catch((e: unknown) => e);
    expect(refused).to.be.instanceOf(ApiError);
    expect((refused as ApiError).status).to.equal(422);
    expect((refused as ApiError).errorsFor('reason')).to.have.length(1);

    type(textarea, 'Use the read replica');
    await inbox.updateComplete;
    expect(textOf(form.querySelector('#decision-reason-hint'))).to.equal('20 of 123 characters');
    button(form, 'Reject')!.click();
    await until(() => rejected.length === 1, 'request-rejected');
    expect(rejected[0]!.rejection_reason).to.equal('Use the read replica');
    expect(titles(inbox)).not.to.include('prod-payments-db (ReadOnly)');

    const recent = () => textOf(alice.shadowRoot!.querySelector('[part~="section-recent"]'));
    await until(
      () => recent().includes('Rejection Reason: Use the read replica'),
      'Alice’s Recent Requests show the rejection',
    );
  });

  it('updates live: requests withdrawn or decided by someone else leave, new ones join', async () => {
    const bob = clientFor('bob');
    const el = await inboxFor('bob', bob);
    await streamReady('bob', bob);
    const waiting = el.approvals;
    const twoApprovers = waiting.find((r) => describeTarget(r) === 'AWS production account 1234 (Admin)')!;
    const own = waiting.find((r) => describeTarget(r) === 'prod-orders-db (ReadOnly) and 1 more')!;
    const colleague = waiting.find((r) => describeTarget(r) === 'AWS production account 1234 (ReadOnly)')!;

    // Carol approves a request that also needs Bob: it stays, showing her decision.
    await clientFor('carol').approve(twoApprovers.id);
    await until(
      () =>
        textOf(
          itemFor(el, 'AWS production account 1234 (Admin)')?.querySelector('[part="approvals"]'),
        ).includes('Carol Example: Approved'),
      'Carol’s approval shows',
    );
    // Carol rejects another: it leaves.
    await clientFor('carol').reject(colleague.id, { reason: 'No ticket' });
    await until(
      () => !titles(el).includes('AWS production account 1234 (ReadOnly)'),
      'the rejected request leaves',
    );
    // Alice withdraws hers: it leaves.
    await clientFor('alice').revoke(own.id);
    await until(
      () => !titles(el).includes('prod-orders-db (ReadOnly) and 1 more'),
      'the withdrawn request leaves',
    );
    // Alice asks for something Bob approves: it joins, last (oldest first).
    await clientFor('alice').submit(PROD_DB);
    await until(() => titles(el).at(-1) === 'prod-payments-db (ReadOnly)', 'the new request joins');
    await until(
      () =>
        textOf(root(el).querySelector('[role="status"][aria-live]')).includes(
          'New request waiting for your decision',
        ),
      'announced',
    );
  });

  it('says so when nothing waits', async () => {
    const el = await inboxFor('dave');
    expect(textOf(root(el).querySelector('[part="empty"]'))).to.equal('Nothing waits for your decision');
    await expect(el).to.be.accessible();
  });

  it('pages with Load more', async () => {
    const el = await fixture<ApprovalInbox>(
      html`<approval-inbox page-size="3" .client=${clientFor('bob')}></approval-inbox>`,
    );
    await until(() => items(el).length === 3, 'the first page');
    expect(textOf(root(el).querySelector('[part="count"]'))).to.equal('3+ requests wait for your decision');
    root(el).querySelector<HTMLButtonElement>('[part="load-more"]')!.click();
    await until(() => items(el).length === 4, 'the second page');
    expect(root(el).querySelectorAll('[part="load-more"]').length).to.equal(0);
  });

  it('shows the answers to the flow’s custom fields, for each approver to see before deciding', async () => {
    const [request] = await clientFor('alice').submit({
      resources: [{ resource_id: 'res_aws_1234', permission_id: 'perm_aws_readonly' }],
      duration_hours: 1,
      justification: 'Rotate the leaked key',
      ticket: { type_id: 'tt_jira', id: 'SEC-101' },
      custom_fields: { change_type: 'emergency', accounts_affected: 12 },
    });
    for (const approver of ['bob', 'carol'] as const) {
      const el = await inboxFor(approver);
      const item = items(el).find((i) => i.dataset['key'] === request!.id);
      const rows = [...item!.querySelectorAll('[part="facts"] > div')].map((d) => [
        textOf(d.querySelector('dt')),
        textOf(d.querySelector('dd')),
      ]);
      const justification = rows.findIndex(([term]) => term === 'Justification');
      expect(rows.slice(justification + 2, justification + 4), approver).to.deep.equal([
        ['Change type', 'Emergency change'],
        ['Accounts affected', '12'],
      ]);
      // A request whose flow asks nothing shows no answers.
      const plain = itemFor(el, 'prod-orders-db (ReadOnly) and 1 more');
      if (plain) expect(textOf(plain.querySelector('[part="facts"]'))).not.to.contain('Change type');
    }
  });
});
