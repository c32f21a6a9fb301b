import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import type { Template } from '@access-requests/sdk';
import './access-request-form.define.js';
import type { AccessRequestForm } from './access-request-form.js';
import {
  clientFor,
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  openRequestForm,
  RequestFormPage,
  resetServer,
  textOf,
  typeInto,
  until,
} from '../../internal/test-support.js';

/** A production AWS account Alice may request and Dave may not (its flow leaves him out). */
const AWS = { resource_id: 'res_aws_1234', permission_id: 'perm_aws_readonly' };

/** The details step of a form for Alice with `name` chosen. */
async function detailsWith(name: string): Promise<RequestFormPage> {
  const page = await openRequestForm('alice');
  await page.pick(name);
  await page.next();
  return page;
}

async function openTemplatePanel(page: RequestFormPage): Promise<HTMLInputElement> {
  page.button('Save as template').click();
  await until(() => page.part('template-name'), 'the template panel');
  return page.part('template-name') as HTMLInputElement;
}

describe('<access-request-form>: request templates', () => {
  before(ignoreResizeObserverLoopReports);
  beforeEach(resetServer);
  afterEach(() => {
    fixtureCleanup();
    sessionStorage.clear();
  });
  after(expectNoContractViolations);

  it('saves the request as a named template, once, with its duration, justification and ticket type', async () => {
    const page = await detailsWith('staging-payments-db');
    typeInto(page.field('Duration in Hours'), '3');
    typeInto(page.field<HTMLTextAreaElement>('Justification'), 'Load tests of the payouts.');
    await page.el.updateComplete;
    const name = await openTemplatePanel(page);
    expect(page.root.activeElement).to.equal(name);
    await expect(page.el).to.be.accessible();
    typeInto(name, 'Staging load tests');
    const saved = oneEvent(page.el, 'template-saved');
    page.button('Save template').click();
    const { template } = (await saved).detail as { template: Template };
    expect(template.name).to.equal('Staging load tests');
    expect(template.request).to.deep.equal({
      resources: [{ resource_id: 'res_staging_payments_db', permission_id: 'perm_pg_readonly' }],
      duration_hours: 3,
      justification: 'Load tests of the payouts.',
    });
    await until(() => page.part('template-saved'), 'the saved note');
    expect(textOf(page.part('template-saved'))).to.contain('Staging load tests');
    const listed = await clientFor('alice').templates().page();
    expect(listed.items.map((t) => t.name)).to.deep.equal(['Staging load tests']);
    // The request itself is untouched: still on the details step, ready to submit.
    expect(page.title()).to.equal('Complete Additional Details');
  });

  it('shows a taken name next to the field and keeps what was typed', async () => {
    await clientFor('alice').createTemplate({
      name: 'Payments',
      request: { resources: [{ resource_id: 'res_staging_payments_db', permission_id: 'perm_pg_readonly' }] },
    });
    const page = await detailsWith('staging-payments-db');
    const name = await openTemplatePanel(page);
    page.button('Save template').click();
    await until(() => textOf(page.part('template-name-error')) !== '', 'the blank name refused');
    typeInto(name, 'payments');
    page.button('Save template').click();
    await until(
      () =>
        name.getAttribute('aria-invalid') === 'true' &&
        textOf(page.part('template-name-error')).includes('already'),
      'the taken name refused',
    );
    expect(page.errorOf(name)).to.contain('already have a template');
    expect(name.value).to.equal('payments');
    expect(page.root.activeElement).to.equal(name);
    expect((await clientFor('alice').templates().page()).items).to.have.length(1);
  });

  it('opens New Request from a shared template, leaving out and naming what the reader cannot request', async () => {
    const template = await clientFor('alice').createTemplate({
      name: 'Incident',
      request: {
        resources: [AWS, { resource_id: 'res_staging_payments_db', permission_id: 'perm_pg_readonly' }],
        duration_hours: 2,
        ticket_type_id: 'tt_jira',
      },
    });
    sessionStorage.clear();
    const asDave = await clientFor('dave').template(template.id);
    expect(asDave.unavailable.map((u) => u.field)).to.deep.equal(['resources[0].resource_id']);
    const el = await fixture<AccessRequestForm>(
      html`<access-request-form .client=${clientFor('dave')} .prefill=${asDave}></access-request-form>`,
    );
    const page = new RequestFormPage(el as ConstructorParameters<typeof RequestFormPage>[0]);
    await until(() => page.reviewNames().length === 1, 'the template selection');
    // What Dave may not request is left out, and the form says so; the rest is chosen.
    expect(page.reviewNames()).to.deep.equal(['staging-payments-db']);
    expect(textOf(page.part('prefill-notice'))).to.contain('res_aws_1234');
    await page.next();
    expect(page.field('Duration in Hours').value).to.equal('2');
    expect(page.field<HTMLSelectElement>('Ticket Type').value).to.equal('tt_jira');
  });
});
