import { assert, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AccessRequest } from '@access-requests/sdk';
import './request-details.define.js';
import '../request-list/request-list.define.js';
import type { RequestDetails } from './request-details.js';
import { describeTarget } from '../../internal/format.js';
import {
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

const root = (el: RequestDetails) => el.shadowRoot!;
const button = (el: RequestDetails, name: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => (b.getAttribute('aria-label') ?? textOf(b)) === name,
  );
const section = (el: RequestDetails, title: string) =>
  [...root(el).querySelectorAll('section[aria-labelledby]')].find(
    (s) => textOf(s.querySelector('h3')) === title,
  );
const dialog = (el: RequestDetails, id: string) => root(el).querySelector<HTMLDialogElement>(`#${id}`)!;
const badgeOf = (host: ParentNode | undefined) =>
  textOf(host?.querySelector('status-badge')?.shadowRoot?.querySelector('[part="label"]'));

async function details(request: AccessRequest): Promise<RequestDetails> {
  return fixture<RequestDetails>(
    html`<request-details .client=${clientFor('alice')} .request=${request}></request-details>`,
  );
}

/** A host page: the list and the panel side by side on one client, wired as a host would wire them. */
async function page() {
  const client = clientFor('alice');
  const host = await fixture<HTMLDivElement>(
    html`<div style="display: flex; align-items: start; gap: 1rem">
      <request-list style="flex: 1; block-size: 36rem" .client=${client}></request-list>
      <request-details style="flex: 1" .client=${client}></request-details>
    </div>`,
  );
  const list = host.querySelector('request-list')!;
  const panel = host.querySelector('request-details')!;
  list.addEventListener('request-selected', (e) => (panel.request = e.detail.request));
  await until(
    () => list.items.length > 0 && list.shadowRoot!.querySelector('article.card'),
    'the list is loaded',
  );
  const card = (id: string) =>
    [...list.shadowRoot!.querySelectorAll<HTMLElement>('article.card')].find(
      (c) => list.items[Number(c.dataset['index'])]?.id === id,
    )!;
  return { list, panel, card, client };
}

describe('<request-details>', () => {
  before(ignoreResizeObserverLoopReports);
  beforeEach(resetServer);
  after(expectNoContractViolations);

  it('is accessible', async () => {
    const el = await details(await aliceRequest('pending_approval'));
    await expect(el).to.be.accessible();
  });

  it('shows what the request is for, for whom, why, and its timeline', async () => {
    const request = await aliceRequest(
      (r) => r.ticket?.id === 'PAY-4821' && r.status === 'pending_approval' && r.approvals.length === 1,
    );
    const el = await details(request);
    const heading = root(el).querySelector('h2')!;
    expect(textOf(heading)).to.contain('and 1 more');
    expect(badgeOf(root(el))).to.equal('Pending Approval');
    const facts = textOf(root(el).querySelector('[part="facts"]'));
    for (const text of [
      'Requested for',
      'Alice Example',
      'Requested by',
      'Duration',
      '8 hours',
      'Justification',
      'INC-4821',
      'Ticket',
      'PAY-4821',
    ]) {
      expect(facts).to.contain(text);
    }
    expect(textOf(section(el, 'Approvals')))
      .to.contain('Bob Example')
      .and.to.contain('Waiting for a decision');
    expect(textOf(section(el, 'Timeline'))).to.contain('Requested by Alice Example');
    assert.exists(button(el, 'Close'));
    assert.exists(button(el, 'Revoke access'));
    expect(button(el, 'Request again')).to.equal(undefined);
  });

  it('says when a scheduled request starts and ends, and cancels it before the start', async () => {
    const scheduled = await aliceRequest('scheduled');
    const el = await details(scheduled);
    expect(badgeOf(root(el))).to.equal('Scheduled');
    const facts = root(el).querySelector('[part="facts"]')!;
    expect(textOf(facts)).to.contain('Start');
    expect(facts.querySelector('time')!.getAttribute('datetime')).to.equal('2026-01-15T12:00:00Z');
    expect(textOf(facts.querySelector('time'))).to.match(/GMT/);
    const timeline = [...section(el, 'Timeline')!.querySelectorAll('[part="timeline-item"]')].map((li) => [
      li.querySelector('time')!.getAttribute('datetime'),
      textOf(li.querySelector('span')),
    ]);
    expect(timeline.slice(-2)).to.deep.equal([
      ['2026-01-15T12:00:00Z', 'Starts'],
      ['2026-01-15T16:00:00.000Z', 'Expires'],
    ]);
    button(el, 'Revoke access')!.click();
    const confirm = dialog(el, 'revoke-dialog');
    await until(() => confirm.open, 'the confirmation');
    const revoked = oneEvent(el, 'request-revoked');
    [...confirm.querySelectorAll('button')].find((b) => textOf(b) === 'Yes')!.click();
    const { detail } = await revoked;
    expect(detail.request.status).to.equal('revoked');
    await until(() => badgeOf(root(el)) === 'Revoked', 'Revoked at once, before its start');
  });

  it('pages through View resources', async () => {
    const request = await aliceRequest(
      (r) => r.status === 'active' && r.target.type === 'resources' && r.target.resource_count === 2,
    );
    const el = await fixture<RequestDetails>(
      html`<request-details
        resources-page-size="1"
        .client=${clientFor('alice')}
        .request=${request}
      ></request-details>`,
    );
    const view = button(el, 'View resources')!;
    expect(view.getAttribute('aria-expanded')).to.equal('false');
    view.click();
    const list = () => root(el).querySelectorAll('#resources li');
    await until(() => list().length === 1, 'the first page of resources');
    expect(view.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    button(el, 'Load more resources')!.click();
    await until(() => list().length === 2, 'the second page');
    expect(button(el, 'Load more resources')).to.equal(undefined);
    expect(textOf(root(el).querySelector('#resources'))).to.contain('ReadOnly');
  });

  it('shows the Rejection Reason under Approvals for a rejected request', async () => {
    const el = await details(await aliceRequest('rejected'));
    const approvals = section(el, 'Approvals')!;
    expect(textOf(approvals)).to.contain('Bob Example').and.to.contain('Rejected');
    expect(textOf(approvals.querySelector('[part="rejection-reason"]'))).to.match(
      /^Rejection Reason .*DBA team/,
    );
    expect(textOf(section(el, 'Timeline'))).to.contain('Rejected by Bob Example');
    await expect(el).to.be.accessible();
  });

  it('revokes after confirmation: the card shows Revoking, then Revoked', async () => {
    const active = await aliceRequest((r) => r.status === 'active' && r.favorite);
    const { list, panel, card, client } = await page();
    card(active.id).click();
    await until(() => button(panel, 'Revoke access'), 'the panel opens');
    button(panel, 'Revoke access')!.click();
    const confirm = dialog(panel, 'revoke-dialog');
    await until(() => confirm.open, 'the confirmation opens');
    expect(textOf(confirm.querySelector('h2'))).to.equal('Revoke access?');
    expectFocus(
      root(panel),
      [...confirm.querySelectorAll('button')].find((b) => textOf(b) === 'Cancel'),
      'Cancel',
    );
    await expect(panel).to.be.accessible();
    const revoked = oneEvent(panel, 'request-revoked');
    [...confirm.querySelectorAll('button')].find((b) => textOf(b) === 'Yes')!.click();
    const { detail } = await revoked;
    expect(detail.request.status).to.equal('revoking');
    await until(() => !confirm.open, 'the confirmation closes');
    await until(() => badgeOf(card(active.id)) === 'Revoking', 'the card says Revoking');
    expectFocus(root(panel), root(panel).querySelector('h2'), 'the panel title');
    expect(button(panel, 'Revoke access')).to.equal(undefined);
    await streamReady('alice', client);
    await advance(5);
    await until(() => badgeOf(card(active.id)) === 'Revoked', 'then Revoked');
    await until(() => badgeOf(root(panel)) === 'Revoked', 'and so does the panel');
    expect(list.items.find((r) => r.id === active.id)!.revocation_reason).to.equal('user');
  });

  it('keeps the access when the confirmation is cancelled, and gives focus back', async () => {
    const el = await details(await aliceRequest((r) => r.status === 'active' && r.favorite));
    const revoke = button(el, 'Revoke access')!;
    revoke.focus();
    await sendKeys({ press: 'Enter' });
    const confirm = dialog(el, 'revoke-dialog');
    await until(() => confirm.open, 'the confirmation opens');
    await sendKeys({ press: 'Escape' });
    await until(() => !confirm.open, 'Escape closes it');
    expectFocus(root(el), revoke, 'Revoke access');
    revoke.click();
    await until(() => confirm.open, 'it opens again');
    [...confirm.querySelectorAll('button')].find((b) => textOf(b) === 'Cancel')!.click();
    expect(confirm.open).to.equal(false);
    expectFocus(root(el), revoke, 'Revoke access');
    expect(badgeOf(root(el))).to.equal('Active');
  });

  it('has no Revoke for a request made on your behalf, and says only the requester can revoke', async () => {
    const onBehalf = await aliceRequest((r) => r.requester.name === 'Bob Example');
    const el = await details(onBehalf);
    await until(() => root(el).querySelector('[part="notice"]'), 'the notice');
    expect(button(el, 'Revoke access')).to.equal(undefined);
    expect(root(el).querySelector('[part="star"]')).to.equal(null);
    expect(textOf(root(el).querySelector('[part="notice"]'))).to.equal(
      'Bob Example made this request on your behalf. Only the requester can revoke the request.',
    );
    await expect(el).to.be.accessible();
    // A stale copy that still offers Revoke: the server refuses, and the dialog says why.
    el.request = { ...onBehalf, can: { ...onBehalf.can, revoke: true } };
    await el.updateComplete;
    button(el, 'Revoke access')!.click();
    const confirm = dialog(el, 'revoke-dialog');
    await until(() => confirm.open, 'the confirmation opens');
    [...confirm.querySelectorAll('button')].find((b) => textOf(b) === 'Yes')!.click();
    const alert = await until(() => confirm.querySelector('[role="alert"]'), 'the refusal is shown');
    expect(textOf(alert)).to.contain('only the requester can revoke it');
    expect(confirm.open).to.equal(true);
  });

  it('requests a closed request again, with field errors next to the fields', async () => {
    const rejected = await aliceRequest('rejected');
    const { list, panel, client } = await page();
    await streamReady('alice', client); // so that the stream, too, tells the list of the new request
    panel.request = rejected;
    await panel.updateComplete;
    button(panel, 'Request again')!.click();
    const form = dialog(panel, 'again');
    await until(() => form.open, 'the dialog opens');
    await expect(panel).to.be.accessible();
    const justification = form.querySelector<HTMLTextAreaElement>('#again-justification')!;
    const duration = form.querySelector<HTMLInputElement>('#again-duration')!;
    expect(textOf(form.querySelector('label[for="again-duration"]'))).to.match(/^Duration in Hours/);
    expect(duration.value).to.equal('');
    expect(duration.placeholder).to.equal('2');
    const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    submit.click();
    await until(
      () => justification.getAttribute('aria-invalid') === 'true',
      'an empty justification is refused',
    );
    expect(textOf(form.querySelector('#again-justification-error'))).to.equal('Enter a justification.');
    justification.focus();
    await sendKeys({ type: 'Ledger backfill, with the DBA team.' });
    expect(textOf(form.querySelector('#again-justification-hint'))).to.equal('35 of 1,000 characters');
    duration.value = '999';
    duration.dispatchEvent(new Event('input'));
    submit.click();
    await until(() => duration.getAttribute('aria-invalid') === 'true', 'the server’s error on the duration');
    expect(textOf(form.querySelector('#again-duration-error'))).to.contain('at most 12 hours');
    expect(justification.value).to.equal('Ledger backfill, with the DBA team.');
    expect(form.open).to.equal(true);
    duration.value = '1';
    duration.dispatchEvent(new Event('input'));
    const before = list.items.length;
    const submitted = oneEvent(panel, 'request-again-submitted');
    submit.click();
    submit.click(); // a double click sends once
    const { detail } = await submitted;
    expect(detail.source.id).to.equal(rejected.id);
    expect(detail.requests).to.have.length(1);
    expect(detail.requests[0]!.duration_hours).to.equal(1);
    expect(detail.requests[0]!.status).to.equal('pending_approval');
    await until(() => textOf(form.querySelector('h2')) === 'Request submitted', 'the dialog confirms');
    expect(form.querySelector('[part="created"] status-badge')!.getAttribute('status')).to.equal(
      'pending_approval',
    );
    [...form.querySelectorAll('button')].find((b) => textOf(b) === 'Close')!.click();
    expect(form.open).to.equal(false);
    await until(() => list.items[0]?.id === detail.requests[0]!.id, 'the new request tops the list');
    await streamReady('alice', client); // the stream's copy of the new request has arrived too
    expect(list.items.length).to.equal(before + 1);
  });

  it('marks and unmarks a favourite from the panel, and the card follows', async () => {
    const request = await aliceRequest((r) => r.can.favorite && !r.favorite);
    const { panel, card } = await page();
    card(request.id).click();
    const star = await until(() => button(panel, `Favorite ${describeTarget(request)}`), 'the star');
    expect(star.getAttribute('aria-pressed')).to.equal('false');
    const changed = oneEvent(panel, 'request-favorite-changed');
    star.click();
    const { detail } = await changed;
    expect(detail.request.favorite).to.equal(true);
    await until(
      () => button(panel, `Favorite ${describeTarget(request)}`)!.getAttribute('aria-pressed') === 'true',
      'the panel star is on',
    );
    await until(
      () => card(request.id).querySelector('[part="star"]')!.getAttribute('aria-pressed') === 'true',
      'so is the card’s',
    );
    button(panel, `Favorite ${describeTarget(request)}`)!.click();
    await until(
      () => card(request.id).querySelector('[part="star"]')!.getAttribute('aria-pressed') === 'false',
      'both off again',
    );
    expect(button(panel, `Favorite ${describeTarget(request)}`)!.getAttribute('aria-pressed')).to.equal(
      'false',
    );
  });

  it('fires access-use-requested for an active request, and closes with X', async () => {
    const el = await details(await aliceRequest((r) => r.status === 'active' && r.favorite));
    const using = oneEvent(el, 'access-use-requested');
    button(el, 'Use Access')!.click();
    const used = await using;
    expect(used.detail.request.status).to.equal('active');
    const closing = oneEvent(el, 'details-closed');
    button(el, 'Close')!.click();
    const closed = await closing;
    expect(closed.detail.request!.id).to.equal(used.detail.request.id);
    await el.updateComplete;
    expect(textOf(root(el).querySelector('[part="placeholder"]'))).to.equal(
      'Select a request to see its details.',
    );
    await expect(el).to.be.accessible();
  });

  it('closes with Escape from inside the panel, like X, and keeps focus off the page body', async () => {
    const request = await aliceRequest((r) => r.status === 'active' && r.favorite);
    const el = await details(request);
    button(el, 'Use Access')!.focus();
    const closing = oneEvent(el, 'details-closed');
    await sendKeys({ press: 'Escape' });
    const closed = await closing;
    expect(closed.detail.request!.id).to.equal(request.id);
    const placeholder = await until(() => root(el).querySelector('[part="placeholder"]'), 'the panel closes');
    expect(textOf(placeholder)).to.equal('Select a request to see its details.');
    await until(() => document.activeElement !== document.body, 'focus stays in the element');
    expectFocus(root(el), placeholder, 'the empty panel');
    await expect(el).to.be.accessible();
  });

  it('gives focus to the empty panel when X closes it', async () => {
    const el = await details(await aliceRequest('pending_approval'));
    button(el, 'Close')!.focus();
    await sendKeys({ press: 'Enter' });
    const placeholder = await until(() => root(el).querySelector('[part="placeholder"]'), 'the panel closes');
    await until(() => document.activeElement !== document.body, 'focus stays in the element');
    expectFocus(root(el), placeholder, 'the empty panel');
  });

  it('closes an open dialog with Escape first, and the panel only with the next Escape', async () => {
    const el = await details(await aliceRequest((r) => r.status === 'active' && r.favorite));
    const revoke = button(el, 'Revoke access')!;
    revoke.focus();
    await sendKeys({ press: 'Enter' });
    const confirm = dialog(el, 'revoke-dialog');
    await until(() => confirm.open, 'the confirmation opens');
    let closed = false;
    el.addEventListener('details-closed', () => (closed = true));
    await sendKeys({ press: 'Escape' });
    await until(() => !confirm.open, 'Escape closes the confirmation');
    await el.updateComplete;
    expect(closed, 'the panel stays open').to.equal(false);
    expectFocus(root(el), revoke, 'Revoke access');
    await sendKeys({ press: 'Escape' });
    await until(() => closed, 'the next Escape closes the panel');
  });

  it('loads a request by its id', async () => {
    const failed = await aliceRequest('failed');
    const el = await fixture<RequestDetails>(
      html`<request-details request-id=${failed.id} .client=${clientFor('alice')}></request-details>`,
    );
    await until(() => root(el).querySelector('h2'), 'the request is loaded');
    expect(badgeOf(root(el))).to.equal('Failed');
    expect(textOf(root(el).querySelector('[part="facts"]'))).to.contain('Failure reason');
    assert.exists(button(el, 'Request again'));
  });

  it('lists the answers to the flow’s custom fields beside the justification, and none when there are none', async () => {
    const [request] = await clientFor('alice').submit({
      resources: [{ resource_id: 'res_prod_payments_db', permission_id: 'perm_pg_readonly' }],
      duration_hours: 1,
      justification: 'Investigate INC-4821',
      custom_fields: { incident_id: ' INC-4821 ' },
    });
    const el = await details(request!);
    const terms = () =>
      [...root(el).querySelectorAll('[part="facts"] > div')].map((d) => [
        textOf(d.querySelector('dt')),
        textOf(d.querySelector('dd')),
      ]);
    expect(terms()).to.deep.include(['Incident ID', 'INC-4821']);
    await expect(el).to.be.accessible();
    el.request = await aliceRequest((r) => r.access_flow.id === 'flow_prod_db' && !r.custom_fields.length);
    await el.updateComplete;
    expect(terms().map(([term]) => term)).not.to.include('Incident ID');
  });
});
