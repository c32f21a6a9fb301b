// A pending extension in <approval-inbox>, against the reference server: labelled as an extension
// (the hours asked, the current expiry, the extension's justification), not as a new request; it
// joins the inbox live; Approve moves the expiry, Reject keeps it, and the access stays active.
import { expect, fixture, html } from '@open-wc/testing';
import type { AccessClient, AccessRequest } from '@access-requests/sdk';
import { describeTarget, formatDateTime } from '../../internal/format.js';
import {
  aliceRequest,
  clientFor,
  expectNoContractViolations,
  resetServer,
  streamReady,
  textOf,
  typeInto,
  until,
} from '../../internal/test-support.js';
import './approval-inbox.define.js';
import type { ApprovalInbox } from './approval-inbox.js';

const HOUR = 3_600_000;
const root = (el: ApprovalInbox) => el.shadowRoot!;
const itemOf = (el: ApprovalInbox, request: AccessRequest) =>
  root(el).querySelector<HTMLElement>(`article[data-key="${request.id}"]`) ?? undefined;
const button = (scope: ParentNode, name: string) =>
  [...scope.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => (b.getAttribute('aria-label') ?? textOf(b)) === name,
  );
const fact = (item: HTMLElement, term: string) =>
  textOf(
    [...item.querySelectorAll('dt')].find((dt) => textOf(dt) === term)?.parentElement?.querySelector('dd'),
  );

const extendable = (r: AccessRequest) =>
  r.status === 'active' && r.can.extend && r.extension?.requires_approval === true;
const why = 'The payout replay needs two more hours.';

async function inbox(client: AccessClient = clientFor('bob')): Promise<ApprovalInbox> {
  const el = await fixture<ApprovalInbox>(html`<approval-inbox .client=${client}></approval-inbox>`);
  await until(() => root(el).querySelector('[part="list"], [part="empty"]'), 'the inbox is loaded');
  return el;
}

/** Bob decides the extension from its item's button, with a reason. */
async function decide(
  el: ApprovalInbox,
  request: AccessRequest,
  decision: 'Approve' | 'Reject',
  reason = '',
) {
  const item = await until(() => itemOf(el, request), 'the extension is in the inbox');
  button(item, `${decision}: ${describeTarget(request)}`)!.click();
  const dialog = await until(
    () => root(el).querySelector<HTMLDialogElement>('#decision[open]'),
    'the decision dialog opens',
  );
  expect(textOf(dialog.querySelector('h2'))).to.equal(`${decision} this extension?`);
  if (reason) typeInto(dialog.querySelector('textarea')!, reason);
  dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await until(() => !dialog.open && !itemOf(el, request), 'the extension leaves the inbox');
}

describe('<approval-inbox> extensions', () => {
  beforeEach(resetServer);
  after(expectNoContractViolations);

  it('labels a pending extension as one: the hours asked, the current expiry, its justification', async () => {
    const request = await aliceRequest(extendable);
    await clientFor('alice').extend(request.id, { hours: 2, justification: why });
    const el = await inbox();
    const item = await until(() => itemOf(el, request), 'the extension is listed');
    expect(item.getAttribute('part')).to.equal('item extension');
    expect(textOf(item.querySelector('h3'))).to.equal(`Extension: ${describeTarget(request)}`);
    expect(fact(item, 'Hours asked')).to.equal('2 hours');
    expect(fact(item, 'Current expiry')).to.equal(formatDateTime('en', request.expires_at!));
    expect(fact(item, 'Justification')).to.equal(why);
    expect([...item.querySelectorAll('dt')].map((dt) => textOf(dt))).not.to.include('Duration');
    await expect(el).to.be.accessible();
  });

  it('takes in an extension asked for while it is open, and Approve moves the expiry', async () => {
    const request = await aliceRequest(extendable);
    const bob = clientFor('bob');
    const el = await inbox(bob);
    await streamReady('bob', bob);
    await clientFor('alice').extend(request.id, { hours: 2, justification: why });
    await until(() => itemOf(el, request), 'the extension joins the inbox live');
    await until(
      () =>
        textOf(root(el).querySelector('[part="announcer"]')) ===
        `New extension waiting for your decision: ${describeTarget(request)}.`,
      'and is announced as an extension',
    );
    await decide(el, request, 'Approve');
    await until(
      () =>
        textOf(root(el).querySelector('[part="announcer"]')).includes(
          `Extension approved: ${describeTarget(request)}.`,
        ),
      'the approval is announced',
    );
    const now = await clientFor('alice').request(request.id);
    expect(now.status).to.equal('active');
    expect(now.extension?.last?.status).to.equal('approved');
    expect(Date.parse(now.expires_at!) - Date.parse(request.expires_at!)).to.equal(2 * HOUR);
  });

  it('rejects an extension with a reason: the access stays active until its expiry', async () => {
    const request = await aliceRequest(extendable);
    await clientFor('alice').extend(request.id, { hours: 1, justification: why });
    const el = await inbox();
    await decide(el, request, 'Reject', 'Finish it tomorrow.');
    const now = await clientFor('alice').request(request.id);
    expect(now.status).to.equal('active');
    expect(now.expires_at).to.equal(request.expires_at);
    expect(now.extension?.last?.status).to.equal('rejected');
    expect(now.extension?.last?.reason).to.equal('Finish it tomorrow.');
  });
});
