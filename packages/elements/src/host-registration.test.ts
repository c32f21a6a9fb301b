// A host that registers our classes under names of its own, with `customElements.define` and
// nothing else: no define module of ours runs in this page (the registry is the page's, so one
// define module imported here would register the inner elements and hide what is tested).
import { expect, fixture, html } from '@open-wc/testing';
import {
  AccessNotifications,
  AccessPortal,
  AccessRequestForm,
  ApprovalInbox,
  MyAccess,
  RequestDetails,
  RequestList,
  StatusBadge,
} from './index.js';
import {
  clientFor,
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  resetServer,
  textOf,
  until,
} from './internal/test-support.js';

// Classes are compared with `===`: a failing chai equality on a class makes the runner serialize it,
// and hang.
const registered = (tag: string) => customElements.get(tag);
const badgeLabel = (scope: ParentNode) =>
  textOf(scope.querySelector('status-badge')?.shadowRoot?.querySelector('[part="label"]'));
const cards = (list: Element) => [...(list.shadowRoot?.querySelectorAll<HTMLElement>('article.card') ?? [])];

async function hostList(): Promise<RequestList> {
  const el = await fixture<RequestList>(
    html`<my-requests style="block-size:40rem" .client=${clientFor('alice')}></my-requests>`,
  );
  await until(() => cards(el).length > 0, 'cards are shown');
  return el;
}

describe('a host registering our classes under its own names', () => {
  before(ignoreResizeObserverLoopReports);
  before(() => {
    // Nothing is registered yet: the inner elements must come from the classes themselves.
    expect(registered('status-badge') === undefined, '<status-badge> is not registered yet').to.equal(true);
    expect(registered('request-list') === undefined, '<request-list> is not registered yet').to.equal(true);
    customElements.define('my-requests', RequestList);
  });
  beforeEach(resetServer);
  after(expectNoContractViolations);

  it('gets an accessible list', async () => {
    const el = await hostList();
    await until(() => badgeLabel(cards(el)[0]!), 'the first badge shows its label');
    await expect(el).to.be.accessible();
  });

  it('<my-requests>: the cards’ status badges show their labels', async () => {
    const el = await hostList();
    expect(
      registered('status-badge') === StatusBadge,
      '<status-badge> is registered as StatusBadge',
    ).to.equal(true);
    await until(() => cards(el).every((card) => badgeLabel(card) !== ''), 'every badge shows its label');
    const labels = new Set(cards(el).map(badgeLabel));
    expect(labels).to.include('Pending Approval').and.to.include('Active');
  });

  it('<acme-portal>: every view renders with its inner elements working', async () => {
    expect(
      registered('access-request-form') === undefined,
      '<access-request-form> is not registered yet',
    ).to.equal(true);
    customElements.define('acme-portal', AccessPortal);
    const el = await fixture<AccessPortal>(html`<acme-portal .client=${clientFor('bob')}></acme-portal>`);
    const root = el.shadowRoot!;
    const tab = (name: string) =>
      [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((t) => textOf(t) === name);
    const inPanel = (selector: string) => root.querySelector(`[role="tabpanel"]:not([hidden]) ${selector}`);
    const show = async (name: string, selector: string) => {
      (await until(() => tab(name), `the ${name} tab`)).click();
      return until(() => {
        const inner = inPanel(selector);
        return inner?.shadowRoot ? inner : null;
      }, `${name} renders <${selector}>`);
    };

    const form = await show('New Request', 'access-request-form');
    expect(form instanceof AccessRequestForm, 'the form is an AccessRequestForm').to.equal(true);
    await until(
      () => textOf(form.shadowRoot!.querySelector('#step-title')) === 'New Request',
      'the form’s first step',
    );

    // RequestList is <my-requests> already (a registry takes a class once): <request-list> gets a subclass.
    const list = await show('My Requests', 'request-list');
    expect(list instanceof RequestList, 'the list is a RequestList').to.equal(true);
    const card = await until(() => cards(list)[0], 'Bob’s request card');
    await until(() => badgeLabel(card) === 'Active', 'its badge says Active');
    card.click();
    const details = await until(() => inPanel('request-details'), 'the details panel');
    expect(details instanceof RequestDetails, 'the details are a RequestDetails').to.equal(true);
    await until(() => badgeLabel(details.shadowRoot!) === 'Active', 'the details’ badge says Active');

    const myAccess = await show('My Access', 'my-access');
    expect(myAccess instanceof MyAccess, 'My Access is a MyAccess').to.equal(true);
    await until(
      () => myAccess.shadowRoot!.querySelector('[part~="section-active"] [part="item-title"]'),
      'Bob’s active access',
    );

    const inbox = await show('Approvals', 'approval-inbox');
    expect(inbox instanceof ApprovalInbox, 'the inbox is an ApprovalInbox').to.equal(true);
    await until(() => inbox.shadowRoot!.querySelector('[part="item"]'), 'a request waiting for Bob');

    expect(
      root.querySelector('access-notifications') instanceof AccessNotifications,
      'the notifier is an AccessNotifications',
    ).to.equal(true);
  });
});
