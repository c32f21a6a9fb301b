import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import type { Template } from '@access-requests/sdk';
import {
  addFault,
  buttonNamed,
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
import { parseHash, templateHash } from './routes.js';

/** A production AWS account Alice may request and Dave may not (its flow leaves him out). */
const AWS = { resource_id: 'res_aws_1234', permission_id: 'perm_aws_readonly' };
const STAGING = { resource_id: 'res_staging_payments_db', permission_id: 'perm_pg_readonly' };

const root = (el: AccessPortal) => el.shadowRoot!;
const panel = (el: AccessPortal) => root(el).querySelector<HTMLElement>('[role="tabpanel"]:not([hidden])')!;
const formOf = (el: AccessPortal) => {
  const form = panel(el).querySelector<RequestFormPage['el']>('access-request-form');
  return form ? new RequestFormPage(form) : undefined;
};

const aliceTemplate = (): Promise<Template> =>
  clientFor('alice').createTemplate({
    name: 'Incident',
    request: { resources: [AWS, STAGING], duration_hours: 2, ticket_type_id: 'tt_jira' },
  });

/** A portal routing by hash, first loaded at `hash` (a link opened in a new tab). */
async function openedAt(hash: string, user: DemoUser): Promise<AccessPortal> {
  history.replaceState(null, '', hash);
  return fixture<AccessPortal>(
    html`<access-portal routing="hash" .client=${clientFor(user)}></access-portal>`,
  );
}

describe('<access-portal>: templates', () => {
  before(ignoreResizeObserverLoopReports);
  beforeEach(resetServer);
  afterEach(() => {
    fixtureCleanup();
    sessionStorage.clear();
    history.replaceState(null, '', location.pathname + location.search);
  });
  after(expectNoContractViolations);

  it('parses the template route', () => {
    expect(parseHash('#/new-request/template/tpl_000001')).to.deep.equal({
      view: 'new-request',
      requestId: '',
      templateId: 'tpl_000001',
    });
    expect(parseHash('#/new-request')).to.deep.equal({ view: 'new-request', requestId: '', templateId: '' });
  });

  it('opens New Request from a template’s link on first load, saying while it reads it', async () => {
    const template = await aliceTemplate();
    await addFault({ method: 'GET', path: '/v1/templates/:id', kind: 'delay', delay_ms: 1500, times: 1 });
    const el = await openedAt(templateHash(template.id), 'alice');
    const loading = await until(
      () => root(el).querySelector('[part="template-loading"]'),
      'the loading state',
    );
    expect(loading.getAttribute('role')).to.equal('status');
    expect(textOf(loading)).to.equal('Loading the template…');
    expect(el.view).to.equal('new-request');
    const form = await until(() => formOf(el), 'the form');
    await until(() => form.reviewNames().length === 2, 'the template’s selection');
    expect(form.reviewNames()).to.include('staging-payments-db');
    expect(form.part('prefill-notice')).to.equal(null);
    await form.next();
    expect(form.field('Duration in Hours').value).to.equal('2');
    expect(form.field<HTMLSelectElement>('Ticket Type').value).to.equal('tt_jira');
    expect(location.hash).to.equal(templateHash(template.id));
  });

  it('says what a shared template names that the reader cannot request, and leaves it out', async () => {
    const template = await aliceTemplate();
    const el = await openedAt(templateHash(template.id), 'dave');
    const form = await until(() => formOf(el), 'the form');
    await until(() => form.reviewNames().length === 1, 'what Dave may request');
    expect(form.reviewNames()).to.deep.equal(['staging-payments-db']);
    const notice = textOf(form.part('prefill-notice'));
    expect(notice).to.contain('No longer available, so left out');
    expect(notice).to.contain('res_aws_1234');
  });

  it('says when a linked template does not exist, and the form stays usable', async () => {
    const el = await openedAt(templateHash('tpl_999999'), 'alice');
    const alert = await until(() => root(el).querySelector('[part="template-error"]'), 'the error');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(textOf(alert)).to.contain('This template does not exist, or it was deleted.');
    expect(buttonNamed(alert, 'Retry')).to.equal(null);
    const form = await until(() => formOf(el), 'the form below');
    await until(() => form.title() === 'New Request', 'a new request');
    buttonNamed(alert, 'Dismiss')!.click();
    await until(() => !root(el).querySelector('[part="template-error"]'), 'the alert goes');
    expect(location.hash).to.equal('#/new-request');
    expect(root(el).activeElement?.id).to.equal('tab-new-request');
  });

  it('starts New Request from My Access’s Use template, its link in the address', async () => {
    const template = await aliceTemplate();
    const el = await openedAt('#/my-access', 'alice');
    const myAccess = await until(() => panel(el)?.querySelector('my-access') ?? undefined, 'My Access');
    const use = await until(
      () => myAccess.shadowRoot?.querySelector<HTMLButtonElement>('[aria-label="Use template: Incident"]'),
      'Use template',
    );
    use.click();
    await until(() => el.view === 'new-request', 'New Request');
    const form = await until(() => formOf(el), 'the form');
    await until(() => form.reviewNames().length === 2, 'the template’s selection');
    expect(location.hash).to.equal(templateHash(template.id));
    expect(root(el).activeElement?.id).to.equal('tab-new-request');
  });
});
