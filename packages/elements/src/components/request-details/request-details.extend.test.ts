// Extend access in <request-details>, against the reference server: under an automatic flow the
// expiry moves at once; under a flow with approvers the panel says "Extension pending" (and who must
// approve) while the access stays active; the server's field errors go next to the fields with what
// was typed kept; a retry after a lost answer sends the same Idempotency-Key and extends once.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AccessClient, AccessRequest } from '@access-requests/sdk';
import './request-details.define.js';
import type { RequestDetails } from './request-details.js';
import {
  addFault,
  aliceRequest,
  clientFor,
  expectFocus,
  expectNoContractViolations,
  resetServer,
  textOf,
  trackedClient,
  typeInto,
  until,
} from '../../internal/test-support.js';

const HOUR = 3_600_000;
const root = (el: RequestDetails) => el.shadowRoot!;
const button = (scope: ParentNode, name: string) =>
  [...scope.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => (b.getAttribute('aria-label') ?? textOf(b)) === name,
  );
const automatic = (r: AccessRequest) =>
  r.status === 'active' && r.can.extend && r.extension?.requires_approval === false;
const withApprovers = (r: AccessRequest) =>
  r.status === 'active' && r.can.extend && r.extension?.requires_approval === true;

async function details(request: AccessRequest, client: AccessClient = clientFor('alice')) {
  return fixture<RequestDetails>(
    html`<request-details .client=${client} .request=${request}></request-details>`,
  );
}

/** Opens the Extend access dialog from its button, and answers its fields. */
async function openExtend(el: RequestDetails) {
  const opener = await until(() => button(root(el), 'Extend access'), 'the Extend access button');
  opener.focus();
  await sendKeys({ press: 'Enter' });
  const dialog = await until(
    () => root(el).querySelector<HTMLDialogElement>('#extend[open]'),
    'the dialog opens',
  );
  return {
    opener,
    dialog,
    hours: dialog.querySelector<HTMLInputElement>('#extend-hours')!,
    justification: dialog.querySelector<HTMLTextAreaElement>('#extend-justification')!,
    submit: () => dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click(),
  };
}

describe('<request-details> Extend access', () => {
  beforeEach(resetServer);
  after(expectNoContractViolations);

  it('moves the expiry at once under an automatic flow, announces it, and gives focus back', async () => {
    const request = await aliceRequest(automatic);
    const el = await details(request);
    const { opener, dialog, hours, justification, submit } = await openExtend(el);
    expectFocus(root(el), hours, 'the Hours field, inside the dialog');
    expect(textOf(dialog.querySelector('h2'))).to.equal('Extend access');
    expect(textOf(dialog.querySelector('#extend-hours-hint'))).to.equal('Up to 8 hours. 2 extensions left.');
    await expect(el).to.be.accessible();
    typeInto(hours, '3');
    typeInto(justification, 'The data migration runs late.');
    const extended = oneEvent(el, 'request-extended');
    submit();
    const { detail } = await extended;
    expect(Date.parse(detail.request.expires_at ?? '') - Date.parse(request.expires_at!)).to.equal(3 * HOUR);
    await until(() => !dialog.open, 'the dialog closes');
    expectFocus(root(el), opener, 'the Extend access button again');
    const time = root(el).querySelector('[part="expiry"] time')!;
    expect(time.getAttribute('datetime')).to.equal(detail.request.expires_at);
    await until(
      () =>
        textOf(root(el).querySelector('[part="announcer"]')).startsWith('Access extended: it now expires'),
      'the new expiry is announced',
    );
    const server = await clientFor('alice').request(request.id);
    expect(server.expires_at).to.equal(detail.request.expires_at);
    expect(server.extension?.remaining).to.equal(1);
    // Opened again, the dialog counts what is left and starts empty.
    const again = await openExtend(el);
    expect(textOf(again.dialog.querySelector('#extend-hours-hint'))).to.equal(
      'Up to 8 hours. 1 extension left.',
    );
    expect(again.hours.value).to.equal('');
  });

  it('says Extension pending, and who must approve, under a flow with approvers; the access stays active', async () => {
    const request = await aliceRequest(withApprovers);
    const el = await details(request);
    const { dialog, hours, justification, submit } = await openExtend(el);
    expect(textOf(dialog)).to.contain('The extension waits for the approvers;');
    typeInto(hours, '2');
    typeInto(justification, 'The payout replay needs two more hours.');
    submit();
    await until(() => !dialog.open, 'the dialog closes');
    const pending = await until(() => root(el).querySelector('[part="extension-pending"]'), 'the note');
    expect(textOf(pending)).to.equal('Extension pending: 2 hours, waiting for Bob Example.');
    // Extend is gone while one waits: focus goes to the panel's title, not to the page.
    expect(button(root(el), 'Extend access')).to.equal(undefined);
    expectFocus(root(el), root(el).querySelector('h2'), 'the panel title');
    expect(el.shadowRoot!.querySelector('status-badge')!.getAttribute('status')).to.equal('active');
    await until(
      () => textOf(root(el).querySelector('[part="announcer"]')).includes('Your access stays active until'),
      'the wait is announced',
    );
    const server = await clientFor('alice').request(request.id);
    expect(server.status).to.equal('active');
    expect(server.expires_at).to.equal(request.expires_at);
    expect(server.extension?.pending?.hours).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('puts the server’s field errors next to the fields and keeps what was typed', async () => {
    const request = await aliceRequest(withApprovers);
    const el = await details(request);
    const { dialog, hours, justification, submit } = await openExtend(el);
    submit();
    await until(() => hours.getAttribute('aria-invalid') === 'true', 'empty hours are refused');
    expect(textOf(dialog.querySelector('#extend-hours-error'))).to.equal(
      'Enter a whole number of hours, 1 or more.',
    );
    expectFocus(root(el), hours, 'the Hours field');
    typeInto(hours, '9');
    typeInto(justification, 'The replay needs a whole day.');
    submit();
    await until(() => dialog.querySelector('#extend-hours-error'), 'the server’s error on hours');
    await until(
      () => textOf(dialog.querySelector('#extend-hours-error')).includes('at most 4 hours per extension'),
      'the server says how many hours the flow allows',
    );
    expect(hours.getAttribute('aria-describedby')).to.contain('extend-hours-error');
    expect(dialog.open).to.equal(true);
    expect(hours.value).to.equal('9');
    expect(justification.value).to.equal('The replay needs a whole day.');
    await expect(el).to.be.accessible();
  });

  it('shows "no extension left" next to Hours when they were used up meanwhile (another tab, say)', async () => {
    const request = await aliceRequest(automatic);
    const el = await details(request);
    const { dialog, hours, justification, submit } = await openExtend(el);
    const alice = clientFor('alice');
    await alice.extend(request.id, { hours: 1, justification: 'First.' });
    await alice.extend(request.id, { hours: 1, justification: 'Second.' });
    typeInto(hours, '1');
    typeInto(justification, 'A third hour.');
    submit();
    const error = await until(() => dialog.querySelector('#extend-hours-error'), 'the refusal');
    expect(textOf(error)).to.contain('allows 2 extensions per request');
    expect(hours.getAttribute('aria-invalid')).to.equal('true');
    expect(dialog.open).to.equal(true);
    expect(justification.value).to.equal('A third hour.');
  });

  it('sends the same Idempotency-Key when the user retries after a lost answer, and extends once', async () => {
    const request = await aliceRequest(automatic);
    const { client, keys, press, settled } = trackedClient('alice');
    const el = await details(request, client);
    const { dialog, hours, justification, submit } = await openExtend(el);
    typeInto(hours, '2');
    typeInto(justification, 'The migration runs late.');
    await addFault({ method: 'POST', path: '/v1/access-requests/:id/extend', kind: 'commit_then_drop' });
    const first = await press(
      submit,
      () => !dialog.open,
      () => textOf(dialog.querySelector('[data-error]')) !== '',
      'the first press fails',
    );
    expect(first).to.equal(false);
    expect(hours.value).to.equal('2');
    expect(justification.value).to.equal('The migration runs late.');
    const second = await press(
      submit,
      () => !dialog.open,
      () => false,
      'the second press finishes',
    );
    expect(second).to.equal(true);
    await settled();
    expect(keys).to.have.length(2);
    expect(keys[0]).to.be.a('string');
    expect(keys[1]).to.equal(keys[0]);
    const server = await clientFor('alice').request(request.id);
    expect(server.extension?.extended_hours).to.equal(2);
    expect(Date.parse(server.expires_at!) - Date.parse(request.expires_at!)).to.equal(2 * HOUR);
  });
});
