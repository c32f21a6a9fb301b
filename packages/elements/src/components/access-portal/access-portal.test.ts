import { assert, expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import type { AccessRequest } from '@access-requests/sdk';
import { deepActiveElement } from '../../internal/dialog.js';
import {
  aliceRequest,
  clientFor,
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  RequestFormPage,
  resetServer,
  textOf,
  until,
  type DemoUser,
} from '../../internal/test-support.js';
import './access-portal.define.js';
import type { AccessPortal } from './access-portal.js';
import type { ViewChangeRequestedDetail } from '../../internal/events.js';
import { hashFor, parseHash } from './routes.js';

const root = (el: AccessPortal) => el.shadowRoot!;
const tabs = (el: AccessPortal) => [...root(el).querySelectorAll<HTMLButtonElement>('[role="tab"]')];
const tab = (el: AccessPortal, name: string) => tabs(el).find((t) => textOf(t) === name)!;
const panel = (el: AccessPortal) => root(el).querySelector<HTMLElement>('[role="tabpanel"]:not([hidden])')!;
const inPanel = <T extends Element>(el: AccessPortal, selector: string) =>
  panel(el).querySelector<T>(selector)!;
const key = (target: Element, name: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true }));

async function portal(user: DemoUser): Promise<AccessPortal> {
  const el = await fixture<AccessPortal>(html`<access-portal .client=${clientFor(user)}></access-portal>`);
  await until(() => tabs(el).length > 0, 'the tabs');
  return el;
}

async function ready(el: AccessPortal, view: string): Promise<void> {
  await until(() => el.view === view && panel(el)?.id === `panel-${view}`, `the ${view} panel`);
  const inner = panel(el).firstElementChild as HTMLElement & { updateComplete?: Promise<unknown> };
  await inner?.updateComplete;
}

describe('<access-portal>', () => {
  before(ignoreResizeObserverLoopReports);
  beforeEach(resetServer);
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));
  after(expectNoContractViolations);

  it('is accessible in each view', async () => {
    const el = await portal('bob');
    await until(() => tabs(el).length === 4, 'Approvals for an approver');
    for (const view of ['New Request', 'My Requests', 'My Access', 'Approvals']) {
      tab(el, view).click();
      await until(() => panel(el)?.getAttribute('aria-labelledby') === tab(el, view).id, `${view} shows`);
      await until(
        () =>
          !panel(el).querySelector('[role="status"][aria-busy="true"], p.state[role="status"]') ||
          view === 'My Requests',
        `${view} is loaded`,
        6000,
      ).catch(() => undefined);
      await expect(el).to.be.accessible();
    }
  });

  it('shows New Request, My Requests and My Access as tabs — and Approvals to approvers only', async () => {
    const alice = await portal('alice');
    await until(() => alice.views.length === 3, 'Alice’s views');
    expect(tabs(alice).map((t) => textOf(t))).to.deep.equal(['New Request', 'My Requests', 'My Access']);
    assert.exists(root(alice).querySelector('[role="tablist"]'));
    const selected = tab(alice, 'My Requests');
    expect(selected.getAttribute('aria-selected')).to.equal('true');
    expect(selected.tabIndex).to.equal(0);
    expect(panel(alice).getAttribute('aria-labelledby')).to.equal(selected.id);
    expect(selected.getAttribute('aria-controls')).to.equal(panel(alice).id);
    const bob = await portal('bob');
    await until(() => tabs(bob).length === 4, 'Bob’s Approvals tab');
    expect(textOf(tabs(bob)[3])).to.equal('Approvals');
  });

  it('leaves Approvals when the user becomes someone who approves nothing', async () => {
    const el = await portal('bob');
    await until(() => tabs(el).length === 4, 'Approvals for Bob');
    tab(el, 'Approvals').click();
    await ready(el, 'approvals');
    el.client = clientFor('dave');
    await until(() => el.view === 'my-requests' && tabs(el).length === 3, 'Dave has no Approvals');
  });

  it('switches views on a click or the arrow keys, telling the host first', async () => {
    const el = await portal('alice');
    const changes: ViewChangeRequestedDetail[] = [];
    el.addEventListener('view-change-requested', (e) => changes.push(e.detail));
    tab(el, 'My Access').click();
    await ready(el, 'my-access');
    assert.exists(inPanel(el, 'my-access'));
    tab(el, 'My Access').focus();
    key(tab(el, 'My Access'), 'ArrowLeft');
    await ready(el, 'my-requests');
    expect(deepActiveElement()).to.equal(tab(el, 'My Requests'));
    key(tab(el, 'My Requests'), 'Home');
    await ready(el, 'new-request');
    key(tab(el, 'New Request'), 'ArrowLeft');
    await ready(el, 'my-access'); // wraps around
    expect(changes.map((c) => c.view)).to.deep.equal([
      'my-access',
      'my-requests',
      'new-request',
      'my-access',
    ]);
  });

  it('lets a host route by itself: view-change-requested can be cancelled, and `view` set', async () => {
    const el = await portal('alice');
    el.addEventListener('view-change-requested', (e) => e.preventDefault());
    tab(el, 'My Access').click();
    await el.updateComplete;
    expect(el.view).to.equal('my-requests');
    el.view = 'my-access';
    await ready(el, 'my-access');
    expect(el.getAttribute('view')).to.equal('my-access');
  });

  it('opens a request card’s details beside the list, and Use Access opens its Access Details', async () => {
    const el = await portal('alice');
    const list = await until(
      () => inPanel<HTMLElement & { items: readonly AccessRequest[] }>(el, 'request-list'),
      'the list',
    );
    const requestOf = (card: HTMLElement) => list.items[Number(card.dataset['index'])];
    const card = await until(
      () =>
        [...list.shadowRoot!.querySelectorAll<HTMLElement>('article.card')].find((c) => {
          const request = requestOf(c);
          return request?.status === 'active' && request.can.use_access;
        }),
      'the card of an Active request',
    );
    const active = requestOf(card)!;
    card.querySelector<HTMLElement>('[part="card-title"]')!.click();
    const details = inPanel<HTMLElement & { request?: AccessRequest }>(el, 'request-details');
    await until(() => details.request?.id === active.id, 'the details panel shows the request');
    const useAccess = await until(
      () =>
        [...details.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find(
          (b) => textOf(b) === 'Use Access',
        ),
      'Use Access',
    );
    useAccess.click();
    await ready(el, 'my-access');
    const dialog = await until(
      () => inPanel(el, 'my-access').shadowRoot!.querySelector<HTMLDialogElement>('#details-dialog[open]'),
      'Access Details is open',
    );
    await until(() => dialog.querySelector('[part="instructions"]'), 'with the instructions');
    dialog.close();
    await until(() => deepActiveElement() === tab(el, 'My Access'), 'focus back on the My Access tab');
  });

  it('opens New Request prefilled from a closed request on Edit and request again', async () => {
    const el = await portal('alice');
    const rejected = await aliceRequest('rejected');
    el.showRequest(rejected);
    const details = await until(
      () => inPanel<HTMLElement & { request?: AccessRequest }>(el, 'request-details'),
      'the details panel',
    );
    const edit = await until(
      () =>
        [...(details.shadowRoot?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find(
          (b) => textOf(b) === 'Edit and request again',
        ),
      'Edit and request again',
    );
    expect(details.shadowRoot!.querySelector('[part="request-again"]')).to.not.equal(null);
    edit.click();
    await ready(el, 'new-request');
    await until(() => deepActiveElement() === tab(el, 'New Request'), 'focus on the New Request tab');
    const form = new RequestFormPage(inPanel(el, 'access-request-form'));
    await until(() => form.reviewNames().length === 1, 'the request’s resource is selected');
    expect(form.title()).to.equal('New Request');
    expect(form.reviewNames()).to.deep.equal(['prod-payments-db']);
    expect(form.root.querySelector<HTMLSelectElement>('#selected select')!.value).to.equal('perm_pg_admin');
    // The draft the form keeps as it leaves the page would open the next tests' forms.
    fixtureCleanup();
    sessionStorage.clear();
  });

  it('opens New Request prefilled from My Access’s Edit and request again too', async () => {
    const el = await portal('alice');
    tab(el, 'My Access').click();
    await ready(el, 'my-access');
    const myAccess = inPanel(el, 'my-access');
    const edit = await until(
      () =>
        myAccess.shadowRoot?.querySelector<HTMLButtonElement>(
          '[part="edit-again-button"][aria-label="Edit and request again: staging-payments-db (ReadWrite)"]',
        ),
      'Edit and request again on Recent Requests',
    );
    edit.click();
    await ready(el, 'new-request');
    const form = new RequestFormPage(inPanel(el, 'access-request-form'));
    await until(() => form.reviewNames().length === 1, 'the request’s resource is selected');
    expect(form.reviewNames()).to.deep.equal(['staging-payments-db']);
    expect(form.root.querySelector<HTMLSelectElement>('#selected select')!.value).to.equal(
      'perm_pg_readwrite',
    );
    fixtureCleanup();
    sessionStorage.clear();
  });

  it('routes the notifier’s Access Details to My Access, with the dialog open', async () => {
    const el = await portal('alice');
    const active = await aliceRequest((r) => r.status === 'active' && r.can.use_access);
    const notifier = root(el).querySelector('access-notifications')!;
    notifier.dispatchEvent(
      new CustomEvent('access-details-requested', {
        detail: { request: active },
        bubbles: true,
        composed: true,
      }),
    );
    await ready(el, 'my-access');
    const myAccess = inPanel(el, 'my-access');
    await until(
      () => myAccess.shadowRoot!.querySelector('#details-dialog[open] [part="instructions"]'),
      'Access Details is open',
    );
    expect(textOf(myAccess.shadowRoot!.querySelector('#details-dialog-subtitle'))).to.not.equal('');
  });

  it('goes to My Requests from the form’s success view', async () => {
    const el = await portal('alice');
    tab(el, 'New Request').click();
    await ready(el, 'new-request');
    const form = new RequestFormPage(inPanel(el, 'access-request-form'));
    await until(() => form.rows().length > 0 && form.settled(), 'the form shows resources');
    await form.pick('staging-payments-db');
    await form.next();
    await form.submit();
    form.button('My Requests').click();
    await ready(el, 'my-requests');
    await until(() => deepActiveElement() === tab(el, 'My Requests'), 'focus on the My Requests tab');
  });

  it('keeps the view in the location hash with routing="hash"', async () => {
    const el = await portal('alice');
    el.routing = 'hash';
    await el.updateComplete;
    expect(location.hash).to.equal('#/my-requests');
    tab(el, 'My Access').click();
    await ready(el, 'my-access');
    expect(location.hash).to.equal('#/my-access');
    location.hash = '#/new-request';
    await ready(el, 'new-request');
    const request = await aliceRequest('rejected');
    location.hash = hashFor('my-requests', request.id);
    await ready(el, 'my-requests');
    const details = inPanel<HTMLElement & { requestId: string }>(el, 'request-details');
    await until(() => details.requestId === request.id, 'the details of the linked request');
    const active = await aliceRequest((r) => r.status === 'active' && r.can.use_access);
    location.hash = hashFor('my-access', active.id);
    await until(
      () => inPanel(el, 'my-access')?.shadowRoot?.querySelector('#details-dialog[open]'),
      'Access Details opens from the link',
    );
    expect(location.hash).to.equal('#/my-access');
    expect(parseHash('#/nowhere')).to.deep.equal({ view: 'my-requests', requestId: '', templateId: '' });
    // A link cut off or edited by hand, whose id no id can be: the view, without an id.
    location.hash = '#/my-requests/req_%E0';
    await ready(el, 'my-requests');
    expect(parseHash('#/new-request/template/tpl_%E0')).to.deep.equal({
      view: 'new-request',
      requestId: '',
      templateId: '',
    });
  });

  it('has its own notifier, unless told not to', async () => {
    const el = await portal('alice');
    assert.exists(root(el).querySelector('access-notifications'));
    const quiet = await fixture<AccessPortal>(
      html`<access-portal no-notifications .client=${clientFor('alice')}></access-portal>`,
    );
    expect(root(quiet).querySelectorAll('access-notifications').length).to.equal(0);
  });
});
