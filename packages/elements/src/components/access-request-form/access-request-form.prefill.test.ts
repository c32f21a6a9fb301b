import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import type { AccessRequest } from '@access-requests/sdk';
import './access-request-form.define.js';
import type { AccessRequestForm } from './access-request-form.js';
import type { RequestPrefill } from './prefill.js';
import {
  aliceRequest,
  choose,
  clientFor,
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  RequestFormPage,
  resetServer,
  textOf,
  typeInto,
  until,
} from '../../internal/test-support.js';

/** A form for Alice opened with `prefill`, once it shows the New Request step with its selection. */
async function openWith(prefill: RequestPrefill, keepDrafts = false): Promise<RequestFormPage> {
  if (!keepDrafts) sessionStorage.clear();
  const el = await fixture<AccessRequestForm>(
    html`<access-request-form .client=${clientFor('alice')} .prefill=${prefill}></access-request-form>`,
  );
  const page = new RequestFormPage(el as ConstructorParameters<typeof RequestFormPage>[0]);
  await until(() => page.title() === 'New Request', 'the New Request step');
  return page;
}

const reviewPermissions = (page: RequestFormPage) =>
  [...page.root.querySelectorAll<HTMLSelectElement>('#selected [data-row] select')].map((s) => s.value);

describe('<access-request-form>: prefilled from a closed request (Edit and request again)', () => {
  before(ignoreResizeObserverLoopReports);
  beforeEach(resetServer);
  // The drafts these tests leave (saved as the form leaves the page) would open the next file's forms.
  afterEach(() => {
    fixtureCleanup();
    sessionStorage.clear();
  });
  after(expectNoContractViolations);

  it('opens with the request’s resources and permissions, and submits what the user changed', async () => {
    const rejected = await aliceRequest('rejected'); // prod-payments-db, Admin, 2 hours
    const page = await openWith(rejected);
    await until(() => page.reviewNames().length === 1, 'the selection');
    expect(page.reviewNames()).to.deep.equal(['prod-payments-db']);
    expect(reviewPermissions(page)).to.deep.equal(['perm_pg_admin']);
    expect(page.part('prefill-notice')).to.equal(null);
    await expect(page.el).to.be.accessible();

    choose(
      page.root.querySelector<HTMLSelectElement>('#selected [data-row="0"] select')!,
      'perm_pg_readonly',
    );
    await page.el.updateComplete;
    await page.next();
    expect(page.field('Duration in Hours').value).to.equal(String(rejected.duration_hours));
    expect(page.field<HTMLTextAreaElement>('Justification').value).to.equal(rejected.justification ?? '');
    typeInto(page.field<HTMLTextAreaElement>('Justification'), 'ReadOnly is enough for the audit.');
    await page.el.updateComplete;
    const [created] = await page.submit();
    expect(created!.id).to.not.equal(rejected.id);
    expect(created!.duration_hours).to.equal(rejected.duration_hours);
    if (created!.target.type !== 'resources') throw new Error('a request for resources');
    expect(created!.target.resources_summary.map((p) => p.permission.id)).to.deep.equal(['perm_pg_readonly']);
  });

  it('keeps the user’s changes over a reload, and opens afresh when the prefill is set again', async () => {
    const rejected = await aliceRequest('rejected');
    const page = await openWith(rejected);
    await until(() => page.reviewNames().length === 1, 'the selection');
    choose(
      page.root.querySelector<HTMLSelectElement>('#selected [data-row="0"] select')!,
      'perm_pg_readonly',
    );
    await page.el.updateComplete;
    // The page reloads: the same prefill, the user's draft.
    page.el.remove();
    const reloaded = await openWith(rejected, true);
    await until(() => reviewPermissions(reloaded).length === 1, 'the selection');
    expect(reviewPermissions(reloaded)).to.deep.equal(['perm_pg_readonly']);
    // Edit and request again pressed again: the request as it was.
    (reloaded.el as AccessRequestForm).prefill = { ...rejected };
    await until(() => reviewPermissions(reloaded)[0] === 'perm_pg_admin', 'the request’s own permission');
  });

  it('says which resources no longer exist or no longer offer the permission, and keeps the rest', async () => {
    const rejected = await aliceRequest('rejected');
    if (rejected.target.type !== 'resources') throw new Error('a request for resources');
    const [pair] = rejected.target.resources_summary;
    // The same request, as if the catalog had changed since: one resource retired, one permission gone.
    const changed: AccessRequest = {
      ...rejected,
      target: {
        ...rejected.target,
        resource_count: 3,
        resources_summary: [
          pair!,
          {
            resource: { id: 'res_retired_ledger_db', name: 'retired-ledger-db' },
            permission: { id: 'perm_pg_readonly', name: 'ReadOnly' },
          },
          {
            resource: { id: 'res_prod_orders_db', name: 'prod-orders-db' },
            permission: { id: 'perm_pg_superuser', name: 'Superuser' },
          },
        ],
      },
    };
    const page = await openWith(changed);
    const notice = await until(() => page.part('prefill-notice'), 'the notice');
    expect(textOf(notice)).to.equal(
      'No longer available, so left out: retired-ledger-db (ReadOnly), prod-orders-db (Superuser). Choose something else to request.',
    );
    await until(() => textOf(page.part('announcer')).includes('retired-ledger-db (ReadOnly)'), 'announced');
    await until(() => page.reviewNames().length === 1, 'the selection');
    expect(page.reviewNames()).to.deep.equal(['prod-payments-db']);
    expect(reviewPermissions(page)).to.deep.equal(['perm_pg_admin']);
  });

  it('says so when nothing of the request is left, and opens empty', async () => {
    const bundle = await aliceRequest((r) => r.target.type === 'bundle' && r.can.request_again);
    if (bundle.target.type !== 'bundle') throw new Error('a bundle');
    const page = await openWith({
      ...bundle,
      target: { ...bundle.target, bundle: { id: 'bun_retired', name: 'Retired on-call' } },
    });
    const notice = await until(() => page.part('prefill-notice'), 'the notice');
    expect(textOf(notice)).to.contain('left out: Retired on-call.');
    expect(page.reviewNames()).to.deep.equal([]);
  });

  it('takes the fields of a request body too, with the ticket', async () => {
    const page = await openWith({
      resources: [{ resource_id: 'res_aws_1234', permission_id: 'perm_aws_readonly' }],
      duration_hours: 3,
      justification: 'Cost report.',
      ticket: { type_id: 'tt_jira', id: 'OPS-12' },
    });
    await until(() => page.reviewNames().length === 1, 'the selection');
    expect(reviewPermissions(page)).to.deep.equal(['perm_aws_readonly']);
    await page.next();
    expect(page.field('Duration in Hours').value).to.equal('3');
    expect(page.field<HTMLSelectElement>('Ticket Type').value).to.equal('tt_jira');
    expect(page.field('Ticket ID').value).to.equal('OPS-12');
  });
});
