import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './access-request-form.define.js';
import { draftKey, type Draft } from './draft.js';
import {
  addFault,
  advance,
  choose,
  clientFor,
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  openRequestForm,
  pendingFaults,
  resetServer,
  setNotificationChannel,
  streamReady,
  textOf,
  typeInto,
  until,
  type RequestFormPage,
} from '../../internal/test-support.js';

/** Alice's three resources under three access flows: automatic, Bob, Bob and Carol. */
const MIXED = {
  'resource-ids': 'res_staging_payments_db, res_prod_payments_db res_aws_1234',
  'permission-id': 'perm_pg_readonly',
};
const JUSTIFICATION = 'Investigating INC-4821: duplicated payouts.';

const aliceRequestIds = async () =>
  (await clientFor('alice').requests({ scope: 'mine' }).page({ limit: 200 })).items.map((r) => r.id);
const badges = (page: RequestFormPage) =>
  [...page.root.querySelectorAll('[part="created-request"] status-badge')].map((b) =>
    textOf(b.shadowRoot!.querySelector('[part="label"]')),
  );

async function fill(
  page: RequestFormPage,
  values: {
    duration?: string;
    justification?: string;
    ticketType?: string;
    ticketId?: string;
    /** Production cloud's required custom field. */
    changeType?: string;
  },
) {
  if (values.duration !== undefined) typeInto(page.field('Duration in Hours'), values.duration);
  if (values.justification !== undefined)
    typeInto(page.field<HTMLTextAreaElement>('Justification'), values.justification);
  if (values.ticketType !== undefined)
    choose(page.field<HTMLSelectElement>('Ticket Type'), values.ticketType);
  if (values.ticketId !== undefined) typeInto(page.field('Ticket ID'), values.ticketId);
  if (values.changeType !== undefined) {
    const field = await until(
      () => page.root.querySelector<HTMLSelectElement>('#custom-change_type'),
      'Change type',
    );
    choose(field, values.changeType);
  }
  await page.el.updateComplete;
}

describe('<access-request-form>: details, the split and submitting', () => {
  before(ignoreResizeObserverLoopReports);
  beforeEach(resetServer);
  after(expectNoContractViolations);

  it('is accessible on Complete Additional Details, and shows how a mixed selection splits', async () => {
    const page = await openRequestForm('alice', MIXED);
    await until(() => page.flows().length === 3, 'three flows');
    await expect(page.el).to.be.accessible();
    const [nonprod, prodDb, cloud] = page.flows();
    expect(nonprod)
      .to.contain('Development and staging – automatic')
      .and.contain('Approved automatically')
      .and.contain('Up to 24 hours');
    expect(prodDb)
      .to.contain('Approval by Bob Example')
      .and.contain('Justification required')
      .and.contain('prod-payments-db (ReadOnly)');
    expect(cloud)
      .to.contain('Approval by Bob Example and Carol Example')
      .and.contain('Ticket required')
      .and.contain('Up to 8 hours');
    expect(textOf(page.part('split'))).to.contain('It will be sent as 3 requests, one per access flow.');
    // The most restrictive flow bounds the duration.
    expect(page.field('Duration in Hours').max).to.equal('8');
  });

  it('refuses a duration beyond the flow’s maximum, next to the field', async () => {
    const page = await openRequestForm('alice', {
      'resource-ids': 'res_prod_payments_db',
      'permission-id': 'perm_pg_readonly',
    });
    const duration = page.field('Duration in Hours');
    await until(() => duration.max, 'the maximum of the flow');
    expect(duration.max).to.equal('12');
    await fill(page, { duration: '13', justification: JUSTIFICATION });
    const before = await aliceRequestIds();
    page.button('Submit Request').click();
    await until(() => page.errorOf(duration), 'the duration error');
    expect(page.errorOf(duration)).to.equal(
      'Production databases – manager approval allows at most 12 hours.',
    );
    expect(duration.getAttribute('aria-invalid')).to.equal('true');
    await until(() => page.root.activeElement === duration, 'focus on the duration');
    await fill(page, { duration: '12' });
    expect(duration.getAttribute('aria-invalid')).to.equal('false');
    expect(await aliceRequestIds()).to.deep.equal(before);
    const [request] = await page.submit();
    expect(request!.duration_hours).to.equal(12);
  });

  it('sends the preview once after Next, when the duration follows a shorter flow maximum too', async () => {
    const page = await openRequestForm('alice');
    // Kubernetes production allows at most 1 hour, under the org's default of 4.
    await page.search('payments');
    page.tick('payments');
    await until(() => page.reviewNames().includes('payments'), 'payments is selected');
    // A fault that delays nothing: what remains of it counts the previews the server saw.
    const times = 100;
    await addFault({
      method: 'POST',
      path: '/v1/access-requests/preview',
      kind: 'delay',
      delay_ms: 0,
      times,
    });
    const seen = async () =>
      times - ((await pendingFaults()).find((f) => f.path === '/v1/access-requests/preview')?.remaining ?? 0);
    const settled = () => page.part('split')?.getAttribute('aria-busy') === 'false';
    await page.next();
    const duration = page.field('Duration in Hours');
    await until(() => settled() && duration.value === '1', 'the split, and the duration at its maximum');
    expect(await seen(), 'previews after Next').to.equal(1);
    expect(page.errorOf(duration)).to.equal('');

    // A duration the user types is the server's to check: one more preview.
    await fill(page, { duration: '2' });
    await until(settled, 'the split for 2 hours');
    expect(await seen(), 'previews after typing a duration').to.equal(2);
  });

  it('requires a justification where a flow does', async () => {
    const page = await openRequestForm('alice', { 'resource-ids': 'res_prod_payments_db' });
    const justification = page.field<HTMLTextAreaElement>('Justification');
    expect(justification.required).to.equal(true);
    page.button('Submit Request').click();
    await until(() => page.root.activeElement === justification, 'focus on the justification');
    expect(page.errorOf(justification)).to.equal(
      'A justification is required by Production databases – manager approval.',
    );
    await expect(page.el).to.be.accessible();
    await fill(page, { justification: JUSTIFICATION });
    expect(page.errorOf(justification)).to.equal('');
    expect(textOf(page.root.querySelector('#justification-counter'))).to.equal(
      `${JUSTIFICATION.length} of 1,000 characters`,
    );
    const [request] = await page.submit();
    expect(request!.justification).to.equal(JUSTIFICATION);
  });

  it('takes a Ticket Type and a Ticket ID checked against the type’s pattern', async () => {
    const page = await openRequestForm('alice', {
      'resource-ids': 'res_aws_1234',
      justification: JUSTIFICATION,
    });
    const type = page.field<HTMLSelectElement>('Ticket Type');
    expect([...type.options].map((o) => o.text)).to.deep.equal(['None', 'Jira', 'ServiceNow', 'Other']);
    page.button('Submit Request').click();
    await until(() => page.errorOf(type), 'a ticket is required');
    expect(page.errorOf(type)).to.equal(
      'A ticket is required by Production cloud – manager and security approval.',
    );
    await fill(page, { ticketType: 'tt_jira', ticketId: 'pay 4821' });
    const id = page.field('Ticket ID');
    expect(page.errorOf(id)).to.equal('This Ticket ID does not match the format of Jira tickets.');
    await fill(page, { ticketId: 'PAY-4821', changeType: 'standard' });
    expect(page.errorOf(id)).to.equal('');
    const [request] = await page.submit();
    expect(request!.ticket).to.deep.equal({ type: { id: 'tt_jira', name: 'Jira' }, id: 'PAY-4821' });
  });

  it('creates one request per access flow, shows them with live statuses, and leads to My Requests', async () => {
    const page = await openRequestForm('alice', { ...MIXED, 'my-requests-href': '/requests' });
    await fill(page, {
      ticketType: 'tt_servicenow',
      ticketId: 'INC0004821',
      justification: JUSTIFICATION,
      duration: '2',
      changeType: 'investigation',
    });
    const before = await aliceRequestIds();
    const requests = await page.submit();
    expect(requests).to.have.length(3);
    expect(new Set(requests.map((r) => r.access_flow.id))).to.deep.equal(
      new Set(['flow_nonprod', 'flow_prod_db', 'flow_prod_cloud']),
    );
    expect((await aliceRequestIds()).length).to.equal(before.length + 3);
    await expect(page.el).to.be.accessible();
    expect(textOf(page.part('done-summary'))).to.equal('3 requests were created, one per access flow.');
    expect(badges(page)).to.deep.equal(['Granting', 'Pending Approval', 'Pending Approval']);
    await streamReady('alice', page.el.client);
    await advance(5);
    await until(() => badges(page)[0] === 'Active', 'the automatic request turns Active');
    const link = page.button<HTMLAnchorElement>('My Requests');
    expect(link.getAttribute('href')).to.equal(`${location.origin}/requests`);
    link.addEventListener('click', (e) => e.preventDefault());
    const navigated = oneEvent(page.el, 'my-requests-requested');
    link.click();
    await navigated;
  });

  it('keeps every value when a submit fails, and a retry creates the requests once', async () => {
    const page = await openRequestForm('alice', MIXED);
    await fill(page, {
      ticketType: 'tt_jira',
      ticketId: 'PAY-1',
      justification: JUSTIFICATION,
      duration: '3',
      changeType: 'emergency',
    });
    const before = await aliceRequestIds();
    await addFault({ method: 'POST', path: '/v1/access-requests', kind: 'error', status: 500, times: 1 });
    page.button('Submit Request').click();
    const alert = await until(
      () => (textOf(page.part('form-error')) ? page.part('form-error') : null),
      'the failure is shown',
    );
    expect(textOf(alert)).to.match(
      /^Your request could not be submitted: .+ Everything you entered is kept; submit it again to retry\.$/,
    );
    expect(alert.getAttribute('role')).to.equal('alert');
    await until(() => page.root.activeElement === alert, 'focus on the message');
    expect(page.field<HTMLTextAreaElement>('Justification').value).to.equal(JUSTIFICATION);
    expect(page.field('Duration in Hours').value).to.equal('3');
    expect(page.field('Ticket ID').value).to.equal('PAY-1');
    expect(page.field<HTMLSelectElement>('Change type').value).to.equal('emergency');
    expect(page.button('Submit Request').getAttribute('aria-disabled')).to.equal('false');
    const requests = await page.submit();
    expect(requests).to.have.length(3);
    const after = await aliceRequestIds();
    expect(after.length).to.equal(before.length + 3);
    expect(after.filter((id) => !before.includes(id)).sort()).to.deep.equal(requests.map((r) => r.id).sort());
  });

  it('reuses its Idempotency-Key after a lost answer: the retry replays, nothing is created twice', async () => {
    const page = await openRequestForm('alice', { 'resource-ids': 'res_staging_payments_db' });
    const before = await aliceRequestIds();
    await addFault({ method: 'POST', path: '/v1/access-requests', kind: 'commit_then_drop', times: 1 });
    page.button('Submit Request').click();
    await until(() => textOf(page.part('form-error')), 'the lost answer is reported');
    expect((await aliceRequestIds()).length).to.equal(before.length + 1); // the server did the work
    const [request] = await page.submit();
    const after = await aliceRequestIds();
    expect(after.length).to.equal(before.length + 1);
    expect(after).to.include(request!.id);
  });

  it('says when a rate-limited submit will be retried, and Cancel keeps everything entered', async () => {
    const retrying = clientFor('alice', { retry: {} });
    const page = await openRequestForm(retrying, { 'resource-ids': 'res_staging_payments_db' });
    await fill(page, { justification: 'Rate limited once', duration: '3' });
    const before = await aliceRequestIds();
    await addFault({ method: 'POST', path: '/v1/access-requests', kind: 'rate_limit', retry_after: 30 });
    page.button('Submit Request').click();
    const wait = await until(() => page.part('retry-wait'), 'the wait is shown');
    expect(textOf(wait.querySelector('[role="status"]'))).to.equal(
      'Too many requests right now. Trying again in 30 s.',
    );
    expect(textOf(wait.querySelector('[aria-hidden="true"]'))).to.match(/^Trying again in (30|29) s\.$/);
    await expect(page.el).to.be.accessible();
    [...wait.querySelectorAll('button')].find((b) => textOf(b) === 'Cancel')!.click();
    await until(() => textOf(page.part('form-error')).startsWith('Submission cancelled.'), 'cancelled');
    expect(page.part('retry-wait')).to.equal(null);
    expect(page.field<HTMLTextAreaElement>('Justification').value).to.equal('Rate limited once');
    expect(page.field('Duration in Hours').value).to.equal('3');
    expect(await aliceRequestIds()).to.deep.equal(before);
    const [request] = await page.submit();
    const after = await aliceRequestIds();
    expect(after.length).to.equal(before.length + 1);
    expect(after).to.include(request!.id);
  });

  it('restores the draft after a reload, for the same user only; Back keeps the selection', async () => {
    const page = await openRequestForm('alice', {
      'resource-ids': 'res_staging_payments_db res_prod_orders_db',
    });
    await fill(page, { justification: 'Half-written justification', duration: '5' });
    await until(() => {
      const saved = JSON.parse(sessionStorage.getItem(draftKey('usr_alice')) ?? '{}') as Partial<Draft>;
      return saved.justification === 'Half-written justification' && saved.duration === '5';
    }, 'the draft is saved (soon after the change, without leaving the page)');
    page.el.remove();
    const again = await openRequestForm(
      'alice',
      { 'resource-ids': 'res_staging_payments_db res_prod_orders_db' },
      true,
    );
    await until(() => again.title() === 'Complete Additional Details', 'back on the details step');
    expect(again.field<HTMLTextAreaElement>('Justification').value).to.equal('Half-written justification');
    expect(again.field('Duration in Hours').value).to.equal('5');
    again.button('Back').click();
    await until(
      () => again.title() === 'New Request' && again.reviewNames().length === 2,
      'the selection is kept',
    );
    expect(again.reviewNames()).to.deep.equal(['staging-payments-db', 'prod-orders-db']);
    await again.next();
    expect(again.field<HTMLTextAreaElement>('Justification').value).to.equal('Half-written justification');
    again.el.remove();
    const dave = await openRequestForm('dave', {}, true);
    expect(dave.reviewNames()).to.deep.equal([]);
  });

  it('opens with what a host prefills: resources, permission, duration, justification, grantee', async () => {
    const page = await openRequestForm('alice', {
      'resource-ids': 'res_staging_payments_db,res_dev_orders_db',
      'permission-id': 'perm_pg_readwrite',
      duration: '6',
      justification: 'Access denied on the orders dashboard.',
      'grantee-id': 'usr_dave',
    });
    expect(page.title()).to.equal('Complete Additional Details');
    expect(textOf(page.part('summary')))
      .to.contain('Dave Example')
      .and.contain('2 resources');
    expect(page.field('Duration in Hours').value).to.equal('6');
    expect(page.field<HTMLTextAreaElement>('Justification').value).to.equal(
      'Access denied on the orders dashboard.',
    );
    page.button('Back').click();
    await until(() => page.reviewNames().length === 2, 'the review');
    expect(
      [...page.root.querySelectorAll<HTMLSelectElement>('#selected select')].map((s) => s.value),
    ).to.deep.equal(['perm_pg_readwrite', 'perm_pg_readwrite']);
    const [request] = await (await page.next(), page.submit());
    expect(request!.grantee.id).to.equal('usr_dave');
    expect(request!.duration_hours).to.equal(6);
  });

  it('shows a preview error next to the resource it is about', async () => {
    const page = await openRequestForm('alice', {
      'resource-ids': 'res_staging_payments_db res_aws_1234',
      'grantee-id': 'usr_dave',
      justification: 'x',
    });
    const select = await until(
      () =>
        page.root.querySelector<HTMLSelectElement>('#selected [data-row="1"] select[aria-invalid="true"]'),
      'the error on the second row',
    );
    expect(page.errorOf(select)).to.contain(
      'Dave Example cannot receive access to AWS production account 1234',
    );
    page.button('Submit Request').click();
    await until(() => page.root.activeElement === select, 'focus on that row');
    page.button('Remove AWS production account 1234').click();
    await until(
      () => !page.root.querySelector('[aria-invalid="true"]') && page.flows().length === 1,
      'fixed',
    );
  });

  it('says how the user will be notified, from the org’s channel', async () => {
    const expected = {
      slack: 'You will receive a notification via Slack.',
      teams: 'You will receive a notification via Microsoft Teams.',
      email: 'You will receive a notification by email.',
    } as const;
    const page = await openRequestForm('alice', { 'resource-ids': 'res_staging_payments_db' });
    for (const channel of ['slack', 'teams', 'email'] as const) {
      await setNotificationChannel(channel);
      if (page.title() === 'Request submitted') {
        page.button('New Request').click();
        await until(() => page.title() === 'New Request' && page.settled(), 'a new request');
        await page.pick('staging-payments-db');
        await page.next();
      }
      await page.submit();
      expect(textOf(page.part('notification'))).to.equal(expected[channel]);
    }
  });

  it('is a form control: a host form sees its value and validity', async () => {
    const host = await fixture<HTMLFormElement>(
      html`<form><access-request-form name="access"></access-request-form></form>`,
    );
    sessionStorage.clear();
    const el = host.querySelector('access-request-form')!;
    el.setAttribute('resource-ids', 'res_staging_payments_db');
    el.client = clientFor('alice');
    await until(() => new FormData(host).get('access'), 'the form value');
    const value = new FormData(host).get('access');
    if (typeof value !== 'string') throw new Error('The form value is not text');
    const body = JSON.parse(value) as Record<string, unknown>;
    expect(body).to.deep.include({
      resources: [{ resource_id: 'res_staging_payments_db', permission_id: 'perm_pg_readonly' }],
    });
    expect(el.form).to.equal(host);
    expect(el.checkValidity()).to.equal(true);
    host.reset();
    await until(() => !el.checkValidity() && el.validity.valueMissing, 'reset: nothing chosen');
    expect(new FormData(host).get('access')).to.equal(null);
  });
});
