// Extend on My Access, against the reference server: each active card that may be extended has
// Extend beside its expiry; under an automatic flow the card's expiry moves at once, under a flow with
// approvers the card says "Extension pending" and the access stays active.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AccessRequest } from '@access-requests/sdk';
import { describeTarget } from '../../internal/format.js';
import {
  aliceRequest,
  clientFor,
  expectFocus,
  expectNoContractViolations,
  resetServer,
  textOf,
  typeInto,
  until,
} from '../../internal/test-support.js';
import './my-access.define.js';
import type { MyAccess } from './my-access.js';

const root = (el: MyAccess) => el.shadowRoot!;
const card = (el: MyAccess, request: AccessRequest) =>
  [...root(el).querySelectorAll<HTMLElement>('[part~="section-active"] [part="item"]')].find(
    (item) => textOf(item.querySelector('[part="item-title"]')) === describeTarget(request),
  );
const extendButton = (el: MyAccess, request: AccessRequest) =>
  root(el).querySelector<HTMLButtonElement>(
    `[part="extend-button"][aria-label="${CSS.escape(`Extend access: ${describeTarget(request)}`)}"]`,
  ) ?? undefined;

/** The page's own live region (the Access Details dialog has one too, before it). */
const announced = (el: MyAccess) => textOf([...root(el).querySelectorAll('[part="announcer"]')].at(-1));

async function myAccess(): Promise<MyAccess> {
  const el = await fixture<MyAccess>(html`<my-access .client=${clientFor('alice')}></my-access>`);
  await until(() => el.myAccess, 'My Access is loaded');
  await el.updateComplete;
  return el;
}

async function extend(el: MyAccess, request: AccessRequest, hours: string, why: string) {
  const button = await until(() => extendButton(el, request), 'the Extend button on the card');
  button.focus();
  await sendKeys({ press: 'Enter' });
  const dialog = await until(
    () => root(el).querySelector<HTMLDialogElement>('#extend[open]'),
    'the Extend access dialog opens',
  );
  expectFocus(root(el), dialog.querySelector('#extend-hours'), 'the Hours field');
  typeInto(dialog.querySelector<HTMLInputElement>('#extend-hours')!, hours);
  typeInto(dialog.querySelector<HTMLTextAreaElement>('#extend-justification')!, why);
  dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await until(() => !dialog.open, 'the dialog closes');
  return button;
}

describe('<my-access> Extend', () => {
  beforeEach(resetServer);
  after(expectNoContractViolations);

  it('offers Extend beside the expiry of each active access that may be extended, and none elsewhere', async () => {
    const el = await myAccess();
    const data = el.myAccess!;
    for (const request of data.active)
      expect(!!extendButton(el, request), describeTarget(request)).to.equal(request.can.extend);
    expect(data.active.some((r) => r.can.extend)).to.equal(true);
    expect(root(el).querySelectorAll('[part~="section-recent"] [part="extend-button"]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('moves the card’s expiry at once under an automatic flow, and gives focus back to Extend', async () => {
    const request = await aliceRequest(
      (r) => r.status === 'active' && r.can.extend && r.extension?.requires_approval === false,
    );
    const el = await myAccess();
    await extend(el, request, '4', 'The migration runs late.');
    const expected = new Date(Date.parse(request.expires_at!) + 4 * 3_600_000).toISOString();
    const time = () => card(el, request)?.querySelector('[part="item-meta"] time')?.getAttribute('datetime');
    await until(
      () => time() && Date.parse(time()!) === Date.parse(expected),
      'the card shows the new expiry',
    );
    await until(() => announced(el).startsWith('Access extended'), 'the extension is announced');
    await until(() => extendButton(el, request), 'Extend is still there (one extension left)');
    expectFocus(root(el), extendButton(el, request), 'the card’s Extend button');
  });

  it('says Extension pending on the card under a flow with approvers, the access still active', async () => {
    const request = await aliceRequest(
      (r) => r.status === 'active' && r.can.extend && r.extension?.requires_approval === true,
    );
    const el = await myAccess();
    await extend(el, request, '1', 'The payout replay needs another hour.');
    const note = await until(
      () => card(el, request)?.querySelector('[part="extension-pending"]'),
      'the card says Extension pending',
    );
    expect(textOf(note)).to.equal('Extension pending: 1 hour, waiting for Bob Example.');
    expect(extendButton(el, request)).to.equal(undefined);
    expect(card(el, request)!.querySelector('status-badge')!.getAttribute('status')).to.equal('active');
    expect(card(el, request)!.querySelector('[part="item-meta"] time')!.getAttribute('datetime')).to.equal(
      request.expires_at,
    );
    // The Extend button went away: focus is not dropped on the page.
    await until(() => root(el).activeElement?.hasAttribute('data-roving-item'), 'focus stays in the list');
    await expect(el).to.be.accessible();
  });
});
