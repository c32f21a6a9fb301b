// The whole request lifecycle played with the keyboard only, in <access-portal>: New Request,
// its details in My Requests, Use Access and Access Details, Revoke, Request again and the star.
// No pointer and no programmatic focus: only key presses. After every dialog that closes and every
// control that goes away, focus must be somewhere a keyboard user can go on from — never the page's
// body.
import { assert, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AccessRequest } from '@access-requests/sdk';
import { deepActiveElement } from './internal/dialog.js';
import {
  advance,
  clientFor,
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  resetServer,
  streamReady,
  textOf,
  until,
} from './internal/test-support.js';
import './all.define.js';
import type { AccessPortal } from './components/access-portal/access-portal.js';

const RESOURCE = 'staging-payments-db';
const JUSTIFICATION = 'Investigating the failed payouts of last night';
const AGAIN = 'The payouts need a second look';

/** Every key this journey presses. */
let keys = 0;

async function press(key: string): Promise<void> {
  keys++;
  await sendKeys({ press: key });
}

async function type(text: string): Promise<void> {
  keys += text.length;
  await sendKeys({ type: text });
}

const active = (): HTMLElement => deepActiveElement() as HTMLElement;

/** What assistive technology would call an element: its label, its labelling elements, or its text. */
function nameOf(element: Element | null): string {
  if (!element) return '';
  const aria = element.getAttribute('aria-label');
  if (aria) return aria;
  const root = element.getRootNode() as Document | ShadowRoot;
  const by = element.getAttribute('aria-labelledby');
  if (by)
    return by
      .split(' ')
      .map((id) => textOf(root.getElementById(id)))
      .join(' ');
  const labels = (element as HTMLInputElement).labels;
  if (labels?.length) return [...labels].map((label) => textOf(label)).join(' ');
  return textOf(element);
}

const focusLabel = (element: Element | null) =>
  element ? `<${element.localName}> "${nameOf(element).slice(0, 60)}"` : 'nothing';

/** Asserts focus is on a control a user can go on from (not the body) and that `expected` holds. */
function expectFocusOn(expected: (element: HTMLElement) => boolean, what: string): void {
  const now = active();
  assert.notEqual(now, document.body, `focus fell to <body> (${what})`);
  assert.isTrue(expected(now), `expected focus on ${what}, found ${focusLabel(now)}`);
}

async function focusSettlesOn(expected: (element: HTMLElement) => boolean, what: string): Promise<void> {
  await until(() => active() !== document.body && expected(active()), `focus on ${what}`).catch(() =>
    expectFocusOn(expected, what),
  );
}

/** What to reach: a name, a pattern of names, or a test of the element. */
type Target = string | RegExp | ((element: HTMLElement) => boolean);

const named = (name: Target) => (element: HTMLElement) =>
  typeof name === 'string'
    ? nameOf(element) === name
    : name instanceof RegExp
      ? name.test(nameOf(element))
      : name(element);

/** Presses Tab (Shift+Tab with `back`) until the focused control has that name: at most 80 presses. */
async function tabTo(name: Target, { back = false } = {}): Promise<HTMLElement> {
  const passed: string[] = [];
  for (let i = 0; i < 80; i++) {
    if (back) {
      keys++;
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
    } else {
      await press('Tab');
    }
    const now = active();
    if (named(name)(now)) return now;
    passed.push(focusLabel(now));
  }
  throw new Error(`Tab never reached "${String(name)}"; it passed:\n  ${passed.join('\n  ')}`);
}

/** Presses an arrow key (Down unless told) until the focused control has that name: at most 30 presses. */
async function arrowTo(name: Target, key = 'ArrowDown'): Promise<HTMLElement> {
  const passed: string[] = [focusLabel(active())];
  if (named(name)(active())) return active();
  for (let i = 0; i < 30; i++) {
    await press(key);
    const now = active();
    if (named(name)(now)) return now;
    passed.push(focusLabel(now));
  }
  throw new Error(`${key} never reached "${String(name)}"; it passed:\n  ${passed.join('\n  ')}`);
}

// ---- the portal as the user sees it

const root = (el: AccessPortal) => el.shadowRoot!;
const tab = (el: AccessPortal, name: string) =>
  [...root(el).querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => textOf(t) === name)!;
const shadowOf = (el: AccessPortal, selector: string) =>
  root(el).querySelector<HTMLElement>(selector)?.shadowRoot ?? null;
const list = (el: AccessPortal) =>
  root(el).querySelector<HTMLElement & { items: AccessRequest[] }>('request-list')!;
const cardOf = (el: AccessPortal, id: string) =>
  [...(shadowOf(el, 'request-list')?.querySelectorAll<HTMLElement>('article.card') ?? [])].find(
    (card) => list(el).items[Number(card.dataset['index'])]?.id === id,
  );
const badgeOf = (element: Element | null | undefined) =>
  textOf(element?.querySelector('status-badge')?.shadowRoot?.querySelector('[part="label"]'));
const inside = (host: Element | null, element: Element) =>
  !!host?.shadowRoot && (host.shadowRoot === element.getRootNode() || host.shadowRoot.contains(element));

describe('the keyboard-only journey of a request', () => {
  before(ignoreResizeObserverLoopReports);
  beforeEach(resetServer);
  after(expectNoContractViolations);

  it('plays the whole lifecycle without a pointer, and focus is never lost', async function () {
    // Some 150 key presses, each a round trip to the browser, and the server's answers in between.
    this.timeout(60_000);
    sessionStorage.clear();
    const client = clientFor('alice');
    const el = await fixture<AccessPortal>(html`<access-portal .client=${client}></access-portal>`);
    await until(() => root(el).querySelectorAll('[role="tab"]').length === 3, 'the tabs');
    keys = 0;

    // ---- 1. New Request
    await tabTo('My Requests');
    await press('ArrowLeft');
    await focusSettlesOn((e) => e === tab(el, 'New Request'), 'the New Request tab');
    const form = root(el).querySelector<HTMLElement>('access-request-form')!;
    const formRoot = form.shadowRoot!;
    /** The form's step with that heading is shown, and focus is on the heading. */
    const stepShown = async (title: string) => {
      const heading = () => formRoot.querySelector<HTMLElement>('#step-title');
      await until(() => textOf(heading()) === title, `the step “${title}”`);
      await focusSettlesOn((e) => e === heading(), `the heading “${title}”`);
    };
    await until(() => formRoot.querySelector('#results [data-row]'), 'the resources');
    await tabTo('Search');
    await type(RESOURCE);
    await until(
      () =>
        formRoot.querySelector('#results')?.getAttribute('aria-busy') === 'false' &&
        textOf(formRoot.querySelector('#results [data-row] .row-name')) === RESOURCE,
      `the results for ${RESOURCE}`,
    );
    const box = await tabTo(RESOURCE);
    await press('Space');
    await until(() => (box as HTMLInputElement).checked, 'the resource is ticked');
    const permission = (await tabTo(`Permission for ${RESOURCE}`)) as HTMLSelectElement;
    const first = permission.value;
    await press('ArrowDown');
    await until(() => permission.value !== first, 'another permission');
    const chosen = permission.selectedOptions[0]!.textContent.trim();
    await tabTo('Next');
    await press('Enter');
    await stepShown('Complete Additional Details');
    await tabTo('Duration in Hours');
    await type('2');
    await tabTo(/^Justification/);
    await type(JUSTIFICATION);
    const ticketType = (await tabTo(/^Ticket Type/)) as HTMLSelectElement;
    await press('ArrowDown');
    await until(() => ticketType.value !== '', 'a ticket type');
    await tabTo(/^Ticket ID/);
    await type('PAY-1');
    await tabTo('Submit Request');
    await press('Enter');
    await stepShown('Request submitted');
    const created = [...formRoot.querySelectorAll<HTMLElement>('[data-request-id]')];
    expect(created.map((c) => textOf(c.querySelector('.row-name')))).to.deep.equal([
      `${RESOURCE} (${chosen})`,
    ]);
    const id = created[0]!.dataset['requestId']!;

    // ---- 2. My Requests: the new request's details
    await tabTo('My Requests');
    await press('Enter');
    await focusSettlesOn((e) => e === tab(el, 'My Requests'), 'the My Requests tab');
    await until(() => cardOf(el, id), 'the new request’s card');
    // Into the list (its tab stop stayed on the card it was on when the new one came in), then Home:
    // the newest card is first.
    await tabTo((e) => e.localName === 'article');
    await press('Home');
    await focusSettlesOn((e) => e === cardOf(el, id), 'the new request’s card');
    await press('Enter');
    const details = root(el).querySelector('request-details')!;
    await focusSettlesOn((e) => inside(details, e) && e.id === 'title', 'the details’ title');
    expect(textOf(active())).to.equal(`${RESOURCE} (${chosen})`);
    await press('Escape');
    await focusSettlesOn((e) => e === cardOf(el, id), 'the request’s card again');

    // ---- 3. It becomes Active (an automatic flow: granting, then active)
    await streamReady('alice', client);
    await advance(5);
    await until(() => badgeOf(cardOf(el, id)) === 'Active', 'the card says Active');
    expectFocusOn((e) => e === cardOf(el, id), 'the card, while its status changes');

    // ---- 4. Use Access, then Access Details on My Access
    await press('Enter');
    await focusSettlesOn((e) => inside(details, e) && e.id === 'title', 'the details’ title');
    await tabTo('Use Access');
    await press('Enter');
    const myAccess = root(el).querySelector('my-access')!;
    const accessDialog = await until(
      () => myAccess.shadowRoot?.querySelector<HTMLDialogElement>('#details-dialog[open]'),
      'Access Details opens',
    );
    await until(() => accessDialog.querySelector('[part="instructions"]'), 'with the instructions');
    await focusSettlesOn((e) => accessDialog.contains(e), 'inside Access Details');
    await press('Escape');
    await until(() => !accessDialog.open, 'Access Details closes');
    await focusSettlesOn((e) => e === tab(el, 'My Access'), 'the My Access tab');
    await tabTo(/^Access Details: /);
    const opener = await arrowTo(`Access Details: ${RESOURCE} (${chosen})`);
    await press('Enter');
    await until(
      () => accessDialog.open && accessDialog.querySelector('[part="instructions"]'),
      'Access Details again',
    );
    await focusSettlesOn((e) => accessDialog.contains(e), 'inside Access Details');
    await press('Escape');
    await until(() => !accessDialog.open, 'Access Details closes');
    await focusSettlesOn((e) => e === opener, 'the Access Details button that opened it');

    // ---- 5. Revoke access, from the request's details in My Requests
    await tabTo('My Access', { back: true });
    await press('ArrowLeft');
    await focusSettlesOn((e) => e === tab(el, 'My Requests'), 'the My Requests tab');
    await tabTo('Revoke access');
    await press('Enter');
    const revoke = await until(
      () => details.shadowRoot?.querySelector<HTMLDialogElement>('#revoke-dialog[open]'),
      'the confirmation',
    );
    await focusSettlesOn((e) => revoke.contains(e) && nameOf(e) === 'Cancel', 'Cancel, in the confirmation');
    await tabTo('Yes');
    await press('Enter');
    await until(() => !revoke.open, 'the confirmation closes');
    await until(() => badgeOf(cardOf(el, id)) === 'Revoking', 'the card says Revoking');
    await focusSettlesOn(
      (e) => inside(details, e) && e.id === 'title',
      'the details’ title (Revoke is gone)',
    );
    await streamReady('alice', client);
    await advance(5);
    await until(() => badgeOf(cardOf(el, id)) === 'Revoked', 'the card says Revoked');
    expectFocusOn((e) => inside(details, e) && e.id === 'title', 'the details’ title, once revoked');

    // ---- 6. Request again, from Recent Requests on My Access
    await tabTo('My Requests', { back: true });
    await press('ArrowRight');
    await focusSettlesOn((e) => e === tab(el, 'My Access'), 'the My Access tab');
    await tabTo(/^Request again: /);
    const again = await arrowTo(`Request again: ${RESOURCE} (${chosen})`);
    await press('Enter');
    const againDialog = await until(
      () => myAccess.shadowRoot?.querySelector<HTMLDialogElement>('#again[open]'),
      'the Request again dialog',
    );
    await focusSettlesOn((e) => againDialog.contains(e), 'inside Request again');
    if (!/^Justification/.test(nameOf(active()))) await tabTo(/^Justification/);
    await type(AGAIN);
    await tabTo('Submit Request');
    await press('Enter');
    await until(() => againDialog.querySelector('#again-done'), 'the confirmation of the new request');
    await focusSettlesOn((e) => e.id === 'again-done', 'the confirmation’s heading');
    await tabTo('Close');
    await press('Enter');
    await until(() => !againDialog.open, 'Request again closes');
    await focusSettlesOn((e) => e === again && e.isConnected, 'the Request again button that opened it');

    // ---- 7. The star: favourite, then unfavourite
    await tabTo('My Access', { back: true });
    await press('ArrowLeft');
    await focusSettlesOn((e) => e === tab(el, 'My Requests'), 'the My Requests tab');
    await tabTo((e) => e.matches('article.card'));
    await press('Home');
    await arrowTo((e) => e === cardOf(el, id));
    const star = await tabTo(`Favorite ${RESOURCE} (${chosen})`);
    expect(star.getAttribute('aria-pressed')).to.equal('false');
    await press('Space');
    await until(() => list(el).items.find((r) => r.id === id)?.favorite, 'a favourite');
    await focusSettlesOn(
      (e) => named(`Favorite ${RESOURCE} (${chosen})`)(e) && e.getAttribute('aria-pressed') === 'true',
      'the pressed star',
    );
    // The star takes one change at a time: it is busy (aria-disabled) until the server's answer is in,
    // which can come after the event stream has already said the request is a favourite.
    await until(() => active().getAttribute('aria-disabled') === 'false', 'the star free again');
    await press('Space');
    await until(() => list(el).items.find((r) => r.id === id)?.favorite === false, 'no longer a favourite');
    await focusSettlesOn(
      (e) => named(`Favorite ${RESOURCE} (${chosen})`)(e) && e.getAttribute('aria-pressed') === 'false',
      'the star, no longer pressed',
    );

    console.log(`The keyboard-only journey took ${keys} keys.`);
  });
});
