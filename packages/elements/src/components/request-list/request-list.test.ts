import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import { STATUSES, createAccessClient, type AccessRequest } from '@access-requests/sdk';
import { describeTarget } from '../../internal/format.js';
import './request-list.define.js';
import type { RequestList } from './request-list.js';
import {
  addFault,
  advance,
  aliceRequest,
  clientFor,
  expectFocus,
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  resetServer,
  streamReady,
  textOf,
  until,
} from '../../internal/test-support.js';

const cards = (el: RequestList) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('article.card')].sort(
    (a, b) => Number(a.dataset['index']) - Number(b.dataset['index']),
  );
const badgeLabels = (el: RequestList) =>
  cards(el).map((card) =>
    textOf(card.querySelector('status-badge')!.shadowRoot!.querySelector('[part="label"]')),
  );
const byRole = (el: RequestList, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
/** The id of the request a card shows. */
const idOf = (card: Element | null | undefined) =>
  card?.getAttribute('aria-labelledby')?.replace(/^title-/, '');
const tabStops = (el: RequestList) => cards(el).filter((c) => c.tabIndex === 0);
const ORDERS_DB = {
  resources: [{ resource_id: 'res_dev_orders_db', permission_id: 'perm_pg_readonly' }],
  duration_hours: 1,
};

/** Gives Alice `count` more requests (the list then starts with them, newest first). */
async function moreAliceRequests(count: number): Promise<void> {
  const alice = clientFor('alice');
  for (let done = 0; done < count; done += 25)
    await Promise.all(Array.from({ length: Math.min(25, count - done) }, () => alice.submit(ORDERS_DB)));
}

/** Resolves once the list has rendered and its virtualizer has laid that out (a frame later). */
async function laidOut(el: RequestList): Promise<void> {
  await el.updateComplete;
  await new Promise(requestAnimationFrame);
  await new Promise(requestAnimationFrame);
  await el.updateComplete;
}

async function aliceList(height = '36rem', user: 'alice' | 'bob' = 'alice'): Promise<RequestList> {
  const el = await fixture<RequestList>(
    html`<request-list style="block-size:${height}" .client=${clientFor(user)}></request-list>`,
  );
  await until(() => cards(el).length > 0, 'cards are shown');
  return el;
}

describe('<request-list>', () => {
  before(ignoreResizeObserverLoopReports);
  beforeEach(resetServer);
  after(expectNoContractViolations);

  it('is accessible with its requests loaded', async () => {
    const el = await aliceList();
    await expect(el).to.be.accessible();
  });

  it('shows each of the eight statuses with its label, and the card details', async () => {
    const el = await aliceList('200rem');
    await until(() => cards(el).length === 13, 'all thirteen of Alice’s requests');
    expect(new Set(badgeLabels(el))).to.deep.equal(new Set(STATUSES.map((s) => s.label)));
    const feed = byRole(el, '[role="feed"]');
    expect(feed.getAttribute('aria-label')).to.equal('My Requests');
    const first = cards(el)[0]!;
    expect(first.getAttribute('aria-posinset')).to.equal('1');
    expect(textOf(first)).to.contain('For').and.to.contain('Duration').and.to.contain('Created');
    expect(textOf(first)).to.match(/\d+ hours?/);
    const rejected = cards(el).find(
      (c) =>
        textOf(c.querySelector('status-badge')!.shadowRoot!.querySelector('[part="label"]')) === 'Rejected',
    )!;
    expect(rejected.querySelector('status-badge')!.reason).to.contain('DBA team');
    const scheduled = cards(el).find(
      (c) =>
        textOf(c.querySelector('status-badge')!.shadowRoot!.querySelector('[part="label"]')) === 'Scheduled',
    )!;
    expect(textOf(scheduled.querySelector('.starts dt'))).to.equal('Starts');
    expect(scheduled.querySelector('.starts time')!.getAttribute('datetime')).to.equal(
      '2026-01-15T12:00:00Z',
    );
  });

  it('filters by several statuses at once through the Status control, by keyboard', async () => {
    const el = await aliceList('200rem');
    const button = byRole(el, '#status-button');
    expect(textOf(button)).to.match(/^Status/);
    const named = async (name: string) =>
      findAccessibilityNode(
        (await a11ySnapshot({})) as never,
        (node: { role?: string; name?: string }) => node.role === 'button' && node.name === name,
      );
    expect(await named('Status: All'), 'the filter is named by what it is and shows').to.be.ok;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    const box = (label: string) =>
      [...el.shadowRoot!.querySelectorAll<HTMLLabelElement>('#status-panel label')]
        .find((l) => textOf(l) === label)!
        .querySelector('input')!;
    const changes: unknown[] = [];
    el.addEventListener('filter-changed', (e) => changes.push(e.detail));
    box('Rejected').focus();
    await sendKeys({ press: 'Space' });
    box('Active').focus();
    await sendKeys({ press: 'Space' });
    expect(changes.at(-1)).to.deep.equal({ statuses: ['active', 'rejected'], scope: 'mine' });
    await until(() => cards(el).length === 5 && el.items.length === 5, 'four active and one rejected');
    expect(new Set(badgeLabels(el))).to.deep.equal(new Set(['Active', 'Rejected']));
    expect(textOf(button)).to.contain('Active, Rejected');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expectFocus(el.shadowRoot!, button, 'the Status button');
  });

  it('switches to the requests made on behalf of others', async () => {
    const el = await aliceList('200rem');
    const onBehalf = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[role="radiogroup"] input')][1]!;
    expect(textOf(onBehalf.closest('label'))).to.equal('On behalf of others');
    onBehalf.click();
    await until(() => el.items.length === 2 && cards(el).length === 2, 'the two requests for Dave');
    expect(cards(el).every((c) => textOf(c).includes('Dave Example'))).to.equal(true);
    expect(el.scope).to.equal('on_behalf');
  });

  it('opens a request by mouse', async () => {
    const el = await aliceList();
    const second = cards(el)[1]!;
    const selected = oneEvent(el, 'request-selected');
    second.querySelector<HTMLElement>('.card-title')!.click();
    const { detail } = await selected;
    expect(detail.request.id).to.equal(el.items[1]!.id);
    await el.updateComplete;
    expect(second.getAttribute('aria-current')).to.equal('true');
  });

  it('is one tab stop whose arrow keys move between cards, and Enter or Space opens one', async () => {
    const el = await aliceList();
    const tabStops = cards(el).filter((c) => c.tabIndex === 0);
    expect(tabStops).to.have.length(1);
    el.focus();
    expectFocus(el.shadowRoot!, cards(el)[0], 'the first card');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await until(() => el.shadowRoot!.activeElement === cards(el)[2], 'the third card has focus');
    expect(
      cards(el)
        .filter((c) => c.tabIndex === 0)
        .map((c) => c.dataset['index']),
    ).to.deep.equal(['2']);
    const opening = oneEvent(el, 'request-selected');
    await sendKeys({ press: 'Enter' });
    const opened = await opening;
    expect(opened.detail.request.id).to.equal(el.items[2]!.id);
    await sendKeys({ press: 'ArrowUp' });
    const reopening = oneEvent(el, 'request-selected');
    await sendKeys({ press: 'Space' });
    const again = await reopening;
    expect(again.detail.request.id).to.equal(el.items[1]!.id);
  });

  it('changes a card live when the request changes, and says so politely', async () => {
    const granting = await aliceRequest('granting');
    const el = await aliceList('200rem');
    const card = () => cards(el).find((c) => el.items[Number(c.dataset['index'])]!.id === granting.id)!;
    expect(
      textOf(card().querySelector('status-badge')!.shadowRoot!.querySelector('[part="label"]')),
    ).to.equal('Granting');
    await streamReady('alice', el.client!);
    await advance(5);
    await until(() => card().querySelector('status-badge')!.status === 'active', 'the card turns Active');
    const live = byRole(el, '[role="status"][aria-live="polite"]');
    await until(() => textOf(live).includes('is now Active'), 'the change is announced');
    expect(textOf(live)).to.contain('dev-orders-db');
  });

  it('adds a request made elsewhere while the list is open', async () => {
    const el = await aliceList();
    const before = el.items.length;
    await streamReady('alice', el.client!);
    const [created] = await clientFor('alice').submit(ORDERS_DB);
    await until(() => el.items.length === before + 1, 'the new request appears');
    expect(el.items[0]!.id).to.equal(created!.id);
  });

  it('shows a server error with a Retry that works', async () => {
    await addFault({ path: '/v1/access-requests', method: 'GET', kind: 'error', status: 500, times: 1 });
    const el = await fixture<RequestList>(html`<request-list .client=${clientFor('alice')}></request-list>`);
    const alert = await until(
      () => el.shadowRoot!.querySelector<HTMLElement>('[role="alert"]'),
      'the error is shown',
    );
    expect(textOf(alert)).to.contain('could not be loaded');
    await expect(el).to.be.accessible();
    const retry = [...alert.querySelectorAll('button')].find((b) => textOf(b) === 'Retry')!;
    retry.click();
    await until(() => cards(el).length > 0, 'the requests load on retry');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('shows the empty state, which hosts can replace', async () => {
    const el = await fixture<RequestList>(
      html`<request-list scope="on_behalf" statuses="failed" .client=${clientFor('alice')}></request-list>`,
    );
    const empty = await until(() => el.shadowRoot!.querySelector('[part="empty"]'), 'the empty state');
    expect(textOf(empty)).to.equal('No requests match the selected statuses.');
    await expect(el).to.be.accessible();
    const custom = await fixture<RequestList>(
      html`<request-list scope="on_behalf" statuses="failed" .client=${clientFor('alice')}
        ><p slot="empty">Nothing for your team yet.</p></request-list
      >`,
    );
    const slot = await until(
      () => custom.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="empty"]'),
      'the slot',
    );
    expect(slot.assignedElements().map(textOf)).to.deep.equal(['Nothing for your team yet.']);
  });

  it('is busy while loading', async () => {
    await addFault({ path: '/v1/access-requests', method: 'GET', kind: 'delay', delay_ms: 400 });
    const el = await fixture<RequestList>(html`<request-list .client=${clientFor('alice')}></request-list>`);
    const busy = el.shadowRoot!.querySelector('[aria-busy="true"]')!;
    expect(textOf(busy)).to.contain('Loading requests');
    await expect(el).to.be.accessible();
    await until(() => cards(el).length > 0, 'loaded');
  });

  it('marks and unmarks a favourite with the star on a card', async () => {
    const el = await aliceList('200rem');
    const index = el.items.findIndex((r: AccessRequest) => r.can.favorite && !r.favorite);
    const star = () => cards(el)[index]!.querySelector<HTMLButtonElement>('[part="star"]')!;
    expect(star().getAttribute('aria-pressed')).to.equal('false');
    expect(star().getAttribute('aria-label'), 'the star names what it marks').to.equal(
      `Favorite ${describeTarget(el.items[index]!)}`,
    );
    const changed = oneEvent(el, 'request-favorite-changed');
    star().click();
    const { detail } = await changed;
    expect(detail.request.favorite).to.equal(true);
    await until(() => star().getAttribute('aria-pressed') === 'true', 'the star is on');
    star().click();
    await until(() => star().getAttribute('aria-pressed') === 'false', 'the star is off again');
    expect((await clientFor('alice').request(detail.request.id)).favorite).to.equal(false);
    const onBehalf = el.items.findIndex((r) => r.requester.id !== r.grantee.id);
    expect(cards(el)[onBehalf]!.querySelector('[part="star"]')).to.equal(null);
  });

  it('says on the card when a star could not be changed, and Retry makes the same change', async () => {
    const el = await aliceList('200rem');
    const index = el.items.findIndex((r: AccessRequest) => r.can.favorite && !r.favorite);
    const id = el.items[index]!.id;
    const card = () => cards(el).find((c) => c.dataset['index'] === String(index))!;
    const star = () => card().querySelector<HTMLButtonElement>('[part="star"]')!;
    await addFault({ method: 'PUT', path: '/v1/access-requests/:id/favorite', kind: 'error', status: 500 });
    star().click();
    const failure = await until(() => card().querySelector('[part="card-error"]'), 'the failure on the card');
    expect(failure.getAttribute('role')).to.equal('alert');
    expect(textOf(failure)).to.match(/^Could not add to favorites: .+ Retry$/);
    expect(star().getAttribute('aria-pressed')).to.equal('false');
    expect((await clientFor('alice').request(id)).favorite).to.equal(false);
    const retry = [...failure.querySelectorAll('button')].find((b) => textOf(b) === 'Retry')!;
    const changed = oneEvent(el, 'request-favorite-changed');
    retry.click();
    expect((await changed).detail.request.favorite).to.equal(true);
    await until(() => !card().querySelector('[part="card-error"]'), 'the failure is gone');
    expect(star().getAttribute('aria-pressed')).to.equal('true');
    expect((await clientFor('alice').request(id)).favorite).to.equal(true);
  });

  it('sends one star change at a time, however often the star is pressed', async () => {
    const el = await aliceList('200rem');
    const index = el.items.findIndex((r: AccessRequest) => r.can.favorite && !r.favorite);
    const star = () => cards(el)[index]!.querySelector<HTMLButtonElement>('[part="star"]')!;
    const sent: string[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name.endsWith('/favorite')) sent.push(entry.name);
    });
    observer.observe({ type: 'resource', buffered: false });
    await addFault({ method: 'PUT', path: '/v1/access-requests/:id/favorite', kind: 'delay', delay_ms: 300 });
    star().click();
    await until(() => star().getAttribute('aria-disabled') === 'true', 'the star is busy');
    star().click();
    star().click();
    // The event stream can turn the star on before the server's answer frees it: wait for both.
    await until(
      () =>
        star().getAttribute('aria-pressed') === 'true' && star().getAttribute('aria-disabled') === 'false',
      'the star is on, and free again',
    );
    await until(() => sent.length >= 1, 'the call is seen');
    observer.disconnect();
    expect(sent).to.have.length(1);
  });

  it('catches up with what changed between its first page and the start of its event stream', async () => {
    // The stream is held back until the server has changed: a fresh stream has nothing to resume from.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const client = createAccessClient({
      baseUrl: location.origin,
      token: 'demo-alice',
      retry: false,
      fetch: async (request) => {
        if (new URL(request.url).pathname === '/v1/events') await held;
        return fetch(request);
      },
    });
    const el = await fixture<RequestList>(
      html`<request-list style="block-size:200rem" .client=${client}></request-list>`,
    );
    await until(() => cards(el).length > 0, 'cards are shown');
    const granting = el.items.find((r) => r.status === 'granting')!;
    const card = () => cards(el).find((c) => c.textContent?.includes(describeTarget(granting)))!;
    await advance(6);
    expect((await clientFor('alice').request(granting.id)).status).to.equal('active');
    release();
    await until(
      () => card().querySelector('status-badge')?.getAttribute('status') === 'active',
      'the card shows the change made before the stream began',
    );
  });

  it('keeps its tab stop and focus on the same request when a live update inserts a card above it', async () => {
    const el = await aliceList();
    await streamReady('alice', el.client!);
    const alice = clientFor('alice');
    const rendered = (id: string) =>
      until(() => cards(el).some((c) => idOf(c) === id), 'the new card is on top');
    const first = el.items[0]!.id;
    const [created] = await alice.submit(ORDERS_DB);
    await rendered(created!.id);
    await laidOut(el);
    expect(el.items[0]!.id).to.equal(created!.id);
    expect(tabStops(el).map(idOf), 'the tab stop stays on the request it was on').to.deep.equal([first]);

    el.focus();
    expect(idOf(el.shadowRoot!.activeElement)).to.equal(first);
    for (let i = 0; i < 2; i++) await sendKeys({ press: 'ArrowDown' });
    await until(() => el.shadowRoot!.activeElement === cards(el)[3], 'the fourth card has focus');
    const focused = el.items[3]!.id;
    const [another] = await alice.submit(ORDERS_DB);
    await rendered(another!.id);
    await laidOut(el);
    expect(idOf(el.shadowRoot!.activeElement), 'focus stays on the same request').to.equal(focused);
    expect(tabStops(el).map(idOf), 'and so does the one tab stop').to.deep.equal([focused]);
  });

  it('keeps the focused card in the DOM, with focus, when it is scrolled far out of view', async () => {
    await moreAliceRequests(60);
    const el = await aliceList();
    el.focus();
    for (let i = 0; i < 2; i++) await sendKeys({ press: 'ArrowDown' });
    await until(() => el.shadowRoot!.activeElement === cards(el)[2], 'the third card has focus');
    const focused = el.items[2]!.id;
    const feed = byRole(el, '[part="feed"]');
    const far = () => cards(el).some((c) => Number(c.dataset['index']) > 20);
    await until(() => {
      if (feed.scrollTop < 3000) feed.scrollTop += 3000;
      return far();
    }, 'the cards 3000 px further down are rendered');
    await laidOut(el);
    const active = el.shadowRoot!.activeElement;
    expect(idOf(active), 'focus stays on the card scrolled away').to.equal(focused);
    expect(active?.isConnected).to.equal(true);
    expect(tabStops(el).map(idOf), 'and it stays the tab stop').to.deep.equal([focused]);
    expect(active?.getAttribute('aria-posinset')).to.equal('3');
    feed.scrollTop = 0;
    await until(
      () =>
        !el.shadowRoot!.activeElement?.closest('[data-pinned]') &&
        cards(el).filter((c) => idOf(c) === focused).length === 1,
      'scrolled back, focus is on the card in its place, drawn once',
    );
    expect(idOf(el.shadowRoot!.activeElement)).to.equal(focused);
  });

  it('keeps cards in its feed, each with its place in the list, while it is out of view', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <div style="block-size: 3000px"></div>
        <request-list .client=${clientFor('alice')}></request-list>
      </div>`,
    );
    const el = page.querySelector<RequestList>('request-list')!;
    await until(() => el.items.length === 13 && el.shadowRoot!.querySelector('[role="feed"]'), 'loaded');
    await laidOut(el);
    const feed = byRole(el, '[role="feed"]');
    expect(feed.getBoundingClientRect().top, 'the list is below the viewport').to.be.above(innerHeight);
    await expect(el).to.be.accessible();
    const articles = [...feed.querySelectorAll('article')];
    expect(articles.length, 'the feed has articles').to.be.above(0);
    for (const article of articles) {
      const index = el.items.findIndex((r) => r.id === idOf(article));
      expect(article.getAttribute('aria-posinset')).to.equal(String(index + 1));
      expect(article.getAttribute('aria-setsize')).to.equal('13');
    }
    expect(tabStops(el), 'the list keeps its tab stop').to.have.length(1);
  });

  it('virtualises a long list and loads further pages as it scrolls', async () => {
    const alice = clientFor('alice');
    await moreAliceRequests(250);
    const el = await fixture<RequestList>(
      html`<request-list page-size="100" .client=${alice}></request-list>`,
    );
    await until(() => cards(el).length > 0, 'cards');
    expect(el.items.length).to.equal(100);
    expect(cards(el).length).to.be.below(30);
    const feed = byRole(el, '[part="feed"]');
    while (el.items.length < 263) {
      const loaded = el.items.length;
      // As a user does, keep scrolling to the end until the next page is in: the virtualiser may
      // still be measuring the rows the last scroll brought, so one scroll need not reach the end.
      await until(
        () => {
          feed.scrollTop = feed.scrollHeight;
          return el.items.length > loaded;
        },
        `the page after ${loaded} loads on scrolling`,
        6000,
      );
    }
    expect(el.items.length, 'every page was loaded by scrolling').to.equal(263);
    expect(cards(el).length).to.be.below(30);
    expect(textOf(byRole(el, '[part="count"]'))).to.equal('263 requests');
    expect(el.shadowRoot!.querySelector('[part="load-more"]')).to.equal(null);
  });
});
