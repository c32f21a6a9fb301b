import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AccessClient, AccessRequest } from '@access-requests/sdk';
import './access-request-form.define.js';
import '../request-details/request-details.define.js';
import type { AccessRequestForm } from './access-request-form.js';
import { draftKey, type Draft } from './draft.js';
import {
  addFault,
  choose,
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

const JUSTIFICATION = 'Investigating INC-4821: duplicated payouts.';
const PROD_CLOUD = 'Production cloud – manager and security approval';
const PROD_DB = 'Production databases – manager approval';
/** Production cloud asks Change type (required) and Accounts affected; production databases Incident ID. */
const CLOUD = { 'resource-ids': 'res_aws_1234', justification: JUSTIFICATION };
const CLOUD_AND_DB = { 'resource-ids': 'res_aws_1234 res_prod_payments_db', justification: JUSTIFICATION };

/** The help texts a control's aria-describedby names (its error left out). */
const helpOf = (page: RequestFormPage, control: Element) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter((id) => id && !id.endsWith('-error'))
    .map((id) => textOf(page.root.getElementById(id)));

/** The ticket Production cloud requires. */
async function fillTicket(page: RequestFormPage): Promise<void> {
  choose(page.field<HTMLSelectElement>('Ticket Type'), 'tt_jira');
  typeInto(page.field('Ticket ID'), 'PAY-4821');
  await page.el.updateComplete;
}

describe('<access-request-form>: the custom fields of the access flows', () => {
  before(ignoreResizeObserverLoopReports);
  beforeEach(resetServer);
  afterEach(() => {
    fixtureCleanup();
    sessionStorage.clear();
  });
  after(expectNoContractViolations);

  it('shows each field the preview asks, once, with its label, help, required mark and who asks it', async () => {
    const page = await openRequestForm('alice', CLOUD_AND_DB);
    const change = await until(
      () => page.root.querySelector<HTMLSelectElement>('[data-field="change_type"]'),
      'the Change type field',
    );
    await expect(page.el).to.be.accessible();
    expect(page.field<HTMLSelectElement>('Change type')).to.equal(change);
    expect(change.required).to.equal(true);
    expect(textOf(page.root.querySelector('label[for="custom-change_type"]'))).to.equal('Change type');
    expect([...change.options].map((o) => [o.value, o.text])).to.deep.equal([
      ['', 'Choose…'],
      ['standard', 'Standard change'],
      ['emergency', 'Emergency change'],
      ['investigation', 'Investigation only'],
    ]);
    expect(helpOf(page, change)).to.deep.equal([`Asked by ${PROD_CLOUD}`]);

    const accounts = page.field('Accounts affected');
    expect(textOf(page.root.querySelector('label[for="custom-accounts_affected"]'))).to.equal(
      'Accounts affected (optional)',
    );
    expect([accounts.type, accounts.inputMode, accounts.min, accounts.max, accounts.step]).to.deep.equal([
      'number',
      'numeric',
      '1',
      '10000',
      '1',
    ]);
    expect(accounts.required).to.equal(false);

    const incident = page.field('Incident ID');
    expect([incident.type, incident.required, incident.maxLength]).to.deep.equal(['text', false, 200]);
    expect(helpOf(page, incident)).to.deep.equal([
      'The incident this access is for, if any.',
      'INC- followed by 4 to 8 digits',
      `Asked by ${PROD_DB}`,
    ]);
    // Each field once, after the details the form always asks.
    const order = [...page.root.querySelectorAll('.fields label')].map((l) => l.getAttribute('for'));
    // Each field once, in the order of the groups (the cloud account's first), after the details the
    // form always asks.
    expect(order.slice(-3)).to.deep.equal([
      'custom-change_type',
      'custom-accounts_affected',
      'custom-incident_id',
    ]);
    expect(order.indexOf('ticket-id')).to.be.below(order.indexOf('custom-change_type'));
    // The split says what each flow asks.
    expect(page.flows().find((f) => f.startsWith(PROD_CLOUD))).to.contain(
      'Asks for Change type and Accounts affected',
    );
  });

  it('says nothing about who asks a field when the whole request does', async () => {
    const page = await openRequestForm('alice', CLOUD);
    const change = await until(() => labelledOrNull(page, 'Change type'), 'the Change type field');
    expect(helpOf(page, change)).to.deep.equal([]);
    expect(page.root.querySelector('[data-field="incident_id"]')).to.equal(null);
  });

  it('checks the answers as the server does, next to each field, and focuses the first problem', async () => {
    const page = await openRequestForm('alice', CLOUD_AND_DB);
    await fillTicket(page);
    const change = await until(() => labelledOrNull<HTMLSelectElement>(page, 'Change type'), 'Change type');
    const incident = page.field('Incident ID');
    const accounts = page.field('Accounts affected');

    typeInto(incident, 'INC-12');
    incident.dispatchEvent(new Event('blur'));
    await page.el.updateComplete;
    expect(page.errorOf(incident)).to.equal(
      'Incident ID does not match the expected format: INC- followed by 4 to 8 digits.',
    );
    expect(incident.getAttribute('aria-invalid')).to.equal('true');
    typeInto(incident, ' INC-4821 ');
    await page.el.updateComplete;
    expect(page.errorOf(incident)).to.equal('');
    expect(incident.getAttribute('aria-invalid')).to.equal('false');

    for (const [typed, error] of [
      ['0', 'Accounts affected must be at least 1.'],
      ['10001', 'Accounts affected must be at most 10,000.'],
      ['2.5', 'Accounts affected must be a whole number.'],
    ] as const) {
      typeInto(accounts, typed);
      accounts.dispatchEvent(new Event('blur'));
      await page.el.updateComplete;
      expect(page.errorOf(accounts), typed).to.equal(error);
    }
    // What is not a number yet (the input itself holds '' for it) is said, not taken for no answer.
    typeInto(accounts, '');
    accounts.focus();
    await sendKeys({ type: '1e' });
    await page.el.updateComplete;
    expect(page.errorOf(accounts)).to.equal('Accounts affected must be a number.');
    typeInto(accounts, '');

    page.button('Submit Request').click();
    await until(() => page.root.activeElement === change, 'focus on Change type');
    expect(page.errorOf(change)).to.equal('Change type is required.');
    expect(change.getAttribute('aria-invalid')).to.equal('true');
    await expect(page.el).to.be.accessible();

    choose(change, 'emergency');
    typeInto(accounts, '3');
    await page.el.updateComplete;
    expect(page.errorOf(change)).to.equal('');
    const requests = await page.submit();
    const answers = Object.fromEntries(
      requests.map((r) => [r.access_flow.id, r.custom_fields.map((a) => [a.id, a.value, a.display])]),
    );
    expect(answers).to.deep.equal({
      flow_prod_cloud: [
        ['change_type', 'emergency', 'Emergency change'],
        ['accounts_affected', 3, '3'],
      ],
      flow_prod_db: [['incident_id', 'INC-4821', 'INC-4821']],
    });
  });

  it('shows the server’s error on a field under that field, and keeps every answer', async () => {
    // A choice the flow no longer offers by the time the request is sent: the client cannot know it.
    const alice = clientFor('alice');
    const stale: AccessClient = {
      ...alice,
      submit: (body, call) =>
        alice.submit({ ...body, custom_fields: { ...body.custom_fields, change_type: 'rollback' } }, call),
    };
    const page = await openRequestForm(stale, CLOUD);
    await fillTicket(page);
    const change = await until(() => labelledOrNull<HTMLSelectElement>(page, 'Change type'), 'Change type');
    choose(change, 'standard');
    typeInto(page.field('Accounts affected'), '12');
    await page.el.updateComplete;
    page.button('Submit Request').click();
    await until(() => page.root.activeElement === change, 'focus on Change type');
    expect(page.errorOf(change)).to.match(/Change type/);
    expect(change.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(page.part('form-error'))).to.equal(
      'Your request could not be submitted. Correct the highlighted fields and submit it again.',
    );
    expect(change.value).to.equal('standard');
    expect(page.field('Accounts affected').value).to.equal('12');
    // Changing the answer settles the server's objection to the old one.
    choose(change, 'investigation');
    await page.el.updateComplete;
    expect(page.errorOf(change)).to.equal('');
  });

  it('keeps the answers across Back and Next, a failed submit and the saved draft; sends only those asked', async () => {
    const page = await openRequestForm('alice', CLOUD_AND_DB);
    await fillTicket(page);
    const change = await until(() => labelledOrNull<HTMLSelectElement>(page, 'Change type'), 'Change type');
    choose(change, 'investigation');
    typeInto(page.field('Accounts affected'), '40');
    typeInto(page.field('Incident ID'), 'INC-77777');
    await until(() => {
      const saved = JSON.parse(sessionStorage.getItem(draftKey('usr_alice')) ?? '{}') as Partial<Draft>;
      return saved.customFields?.['incident_id'] === 'INC-77777';
    }, 'the answers are saved with the draft');

    // Back, leave out the database: its field goes, its answer stays in the draft.
    page.button('Back').click();
    await until(() => page.reviewNames().length === 2, 'the selection');
    page.button('Remove prod-payments-db').click();
    await until(() => page.reviewNames().length === 1, 'the database is removed');
    await page.next();
    await until(() => page.flows().length === 1, 'one flow');
    expect(page.root.querySelector('[data-field="incident_id"]')).to.equal(null);
    expect(page.field<HTMLSelectElement>('Change type').value).to.equal('investigation');
    expect(page.field('Accounts affected').value).to.equal('40');

    // It comes back with the database, answered as before.
    page.button('Back').click();
    await until(() => page.title() === 'New Request' && page.settled(), 'the selection step');
    await page.pick('prod-payments-db');
    await page.next();
    const incident = await until(() => labelledOrNull(page, 'Incident ID'), 'Incident ID is back');
    expect(incident.value).to.equal('INC-77777');

    await addFault({ method: 'POST', path: '/v1/access-requests', kind: 'error', status: 500, times: 1 });
    page.button('Submit Request').click();
    await until(() => textOf(page.part('form-error')), 'the failure is shown');
    expect(page.field<HTMLSelectElement>('Change type').value).to.equal('investigation');
    expect(page.field('Accounts affected').value).to.equal('40');
    expect(page.field('Incident ID').value).to.equal('INC-77777');
    const requests = await page.submit();
    expect(requests.flatMap((r) => r.custom_fields.map((a) => a.display)).sort()).to.deep.equal([
      '40',
      'INC-77777',
      'Investigation only',
    ]);
  });

  it('sends no answer for a field no longer asked (a database alone, after answering the cloud’s)', async () => {
    const page = await openRequestForm('alice', CLOUD_AND_DB);
    const change = await until(() => labelledOrNull<HTMLSelectElement>(page, 'Change type'), 'Change type');
    choose(change, 'standard');
    await page.el.updateComplete;
    page.button('Back').click();
    await until(() => page.reviewNames().length === 2, 'the selection');
    page.button('Remove AWS production account 1234').click();
    await until(() => page.reviewNames().length === 1, 'the cloud account is removed');
    await page.next();
    await until(() => page.flows().length === 1 && !labelledOrNull(page, 'Change type'), 'one flow');
    const [request] = await page.submit();
    expect(request!.access_flow.id).to.equal('flow_prod_db');
    expect(request!.custom_fields).to.deep.equal([]);
  });

  it('the submitted request’s details panel shows the answers', async () => {
    const page = await openRequestForm('alice', CLOUD);
    await fillTicket(page);
    const change = await until(() => labelledOrNull<HTMLSelectElement>(page, 'Change type'), 'Change type');
    choose(change, 'emergency');
    await page.el.updateComplete;
    const [request] = await page.submit();
    const panel = await fixture<HTMLElement>(
      html`<request-details .client=${clientFor('alice')} .request=${request}></request-details>`,
    );
    const facts = panel.shadowRoot!.querySelector('[part="facts"]')!;
    const rows = [...facts.querySelectorAll('div')].map((d) => [
      textOf(d.querySelector('dt')),
      textOf(d.querySelector('dd')),
    ]);
    expect(rows).to.deep.include(['Change type', 'Emergency change']);
    expect(rows.map(([term]) => term)).not.to.include('Accounts affected');
  });

  it('Edit and request again opens with the closed request’s answers', async () => {
    const alice = clientFor('alice');
    const [created] = await alice.submit({
      resources: [{ resource_id: 'res_aws_1234', permission_id: 'perm_aws_readonly' }],
      duration_hours: 2,
      justification: JUSTIFICATION,
      ticket: { type_id: 'tt_jira', id: 'PAY-4821' },
      custom_fields: { change_type: 'emergency', accounts_affected: 7 },
    });
    const closed: AccessRequest = await alice.revoke(created!.id);
    expect(closed.status).to.equal('revoked');
    sessionStorage.clear();
    const el = await fixture<AccessRequestForm>(
      html`<access-request-form .client=${alice} .prefill=${closed}></access-request-form>`,
    );
    const page = new RequestFormPage(el as ConstructorParameters<typeof RequestFormPage>[0]);
    await until(() => page.title() === 'New Request' && page.reviewNames().length === 1, 'the selection');
    await page.next();
    const change = await until(() => labelledOrNull<HTMLSelectElement>(page, 'Change type'), 'Change type');
    expect(change.value).to.equal('emergency');
    expect(page.field('Accounts affected').value).to.equal('7');
  });
});

function labelledOrNull<T extends HTMLElement = HTMLInputElement>(page: RequestFormPage, label: string) {
  try {
    return page.field<T>(label);
  } catch {
    return null;
  }
}
