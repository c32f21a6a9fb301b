import { assert, expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './access-request-form.define.js';
import {
  addFault,
  buttonNamed,
  choose,
  clientFor,
  expectFocus,
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  labelled,
  openRequestForm,
  pendingFaults,
  recordingSearches,
  resetServer,
  type RequestFormPage,
  textOf,
  typeInto,
  until,
} from '../../internal/test-support.js';

type Page = RequestFormPage;

/** Opens a filter and ticks the boxes with these labels, by keyboard. */
async function filter(page: Page, label: 'Resource Type' | 'Permission', ...options: string[]) {
  const button = [...page.root.querySelectorAll<HTMLButtonElement>('[part="filter-button"]')].find((b) =>
    textOf(b).startsWith(label),
  )!;
  if (button.getAttribute('aria-expanded') !== 'true') button.click();
  await page.el.updateComplete;
  const panel = page.root.querySelector(`#${button.getAttribute('aria-controls')}`)!;
  for (const option of options) {
    const box = await until(
      () => [...panel.querySelectorAll('label')].find((l) => textOf(l) === option)?.querySelector('input'),
      `the ${label} option ${option}`,
    );
    box.focus();
    await sendKeys({ press: 'Space' });
    await page.el.updateComplete;
  }
  return button;
}

async function shiftTab() {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

describe('<access-request-form>: choosing what to request', () => {
  before(ignoreResizeObserverLoopReports);
  beforeEach(resetServer);
  after(expectNoContractViolations);

  it('is accessible on the New Request step', async () => {
    const page = await openRequestForm();
    await expect(page.el).to.be.accessible();
    expect(buttonNamed(page.root, 'All Resources')!.getAttribute('aria-selected')).to.equal('true');
    assert.exists(labelled(page.root, 'Request on Behalf of'));
    expect(textOf(page.root.querySelector('legend'))).to.equal('How would you like to access resources?');
    expect(textOf(page.root.querySelector('.how label'))).to.equal('By Resource');
    expect(page.count()).to.equal('0 of 1,000 selected');
  });

  it('searches on the server, with several resource types and permissions as filters', async () => {
    const page = await openRequestForm();
    await page.search('payments');
    const api = clientFor('alice');
    const expected = (await api.resources({ search: 'payments' }).page({ limit: 5 })).items.map(
      (r) => r.name,
    );
    expect(page.rowNames().slice(0, 5)).to.deep.equal(expected);
    expect(
      page.rows().every((r) => textOf(r.querySelector('.row-path')).toLowerCase().includes('payments')),
    ).to.equal(true);

    // Every permission is offered before a type narrows them.
    const all = await filter(page, 'Permission');
    await until(
      () => page.root.querySelectorAll('#permission-filter-panel input').length > 20,
      'all permissions',
    );
    all.click();
    const types = await filter(page, 'Resource Type', 'PostgreSQL database', 'Kubernetes namespace');
    expect(textOf(types)).to.contain('Kubernetes namespace, PostgreSQL database');
    await until(
      () =>
        page.settled() &&
        page
          .rows()
          .every((r) =>
            /^(PostgreSQL database|Kubernetes namespace) ·/.test(textOf(r.querySelector('.row-path'))),
          ),
      'only the two types',
    );
    await expect(page.el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await page.el.updateComplete;
    expect(types.getAttribute('aria-expanded')).to.equal('false');

    const permissions = await filter(page, 'Permission', 'ReadOnly (PostgreSQL database)');
    // Narrowed to the chosen types: no AWS permission is offered.
    const offered = [...page.root.querySelectorAll('#permission-filter-panel label')].map((l) => textOf(l));
    expect(offered).to.include('edit (Kubernetes namespace)').and.not.include('ReadOnly (AWS account)');
    await until(
      () =>
        page.settled() &&
        page.rows().length > 0 &&
        page.rows().every((r) => r.querySelector('select')!.value === 'perm_pg_readonly'),
      'rows preset to the filtered permission',
    );
    await filter(page, 'Permission', 'edit (Kubernetes namespace)');
    expect(textOf(permissions)).to.contain('edit (Kubernetes namespace), ReadOnly (PostgreSQL database)');
    const answer = await api
      .resources({
        search: 'payments',
        resource_type_id: ['rt_postgresql_database', 'rt_k8s_namespace'],
        permission_id: ['perm_pg_readonly', 'perm_k8s_edit'],
      })
      .page({ limit: 5 });
    await until(
      () =>
        page.settled() &&
        JSON.stringify(page.rowNames().slice(0, 5)) === JSON.stringify(answer.items.map((r) => r.name)),
      'the server’s answer',
    );
    expect(page.rowNames()).to.include('payments');
  });

  it('says in a filter when its options could not be loaded, and Retry loads them', async () => {
    await addFault({ method: 'GET', path: '/v1/catalog/resource-types', kind: 'error', status: 500 });
    await addFault({ method: 'GET', path: '/v1/catalog/permissions', kind: 'error', status: 500 });
    const page = await openRequestForm();
    const button = await filter(page, 'Resource Type');
    const panel = page.root.querySelector('#type-filter-panel')!;
    const failure = await until(() => panel.querySelector('[role="alert"]'), 'the failure in the filter');
    expect(textOf(failure)).to.match(/^The resource types could not be loaded: .+ Retry$/);
    expect(textOf(panel)).not.to.contain('Loading');
    await expect(page.el).to.be.accessible();
    [...failure.querySelectorAll('button')].find((b) => textOf(b) === 'Retry')!.click();
    await until(() => panel.querySelectorAll('input').length > 5, 'the resource types are loaded');
    expect(panel.querySelector('[role="alert"]')).to.equal(null);
    expect(page.root.activeElement).to.equal(button);
    const permissions = page.root.querySelector('#permission-filter-panel')!;
    await filter(page, 'Permission');
    const lost = await until(() => permissions.querySelector('[role="alert"]'), 'the permissions failure');
    expect(textOf(lost)).to.match(/^The permissions could not be loaded: .+ Retry$/);
    [...lost.querySelectorAll('button')].find((b) => textOf(b) === 'Retry')!.click();
    await until(() => permissions.querySelectorAll('input').length > 5, 'the permissions are loaded');
  });

  it('keeps the selection across searches, with its permissions, in the review', async () => {
    const page = await openRequestForm();
    const changes: number[] = [];
    page.el.addEventListener('selection-changed', (e) => changes.push(e.detail.count));
    await page.search('staging-payments-db', 'staging-payments-db');
    page.tick('staging-payments-db');
    await page.search('prod-orders-db', 'prod-orders-db');
    choose(page.rowOf('prod-orders-db')!.querySelector('select')!, 'perm_pg_admin');
    page.tick('prod-orders-db');
    await page.search('crm-prod-accounts', 'crm-prod-accounts');
    await until(() => page.reviewNames().length === 2, 'two in the review');
    expect(page.reviewNames()).to.deep.equal(['staging-payments-db', 'prod-orders-db']);
    expect(page.count()).to.equal('2 of 1,000 selected');
    expect(changes).to.deep.equal([1, 2]);
    const reviewSelects = [...page.root.querySelectorAll<HTMLSelectElement>('#selected select')];
    expect(reviewSelects.map((s) => s.value)).to.deep.equal(['perm_pg_readonly', 'perm_pg_admin']);
    expect(reviewSelects[1]!.getAttribute('aria-label')).to.equal('Permission for prod-orders-db');
    buttonNamed(page.root, 'Remove staging-payments-db')!.click();
    await until(() => page.reviewNames().length === 1, 'one left');
    expect(page.count()).to.equal('1 of 1,000 selected');
    expect(changes).to.deep.equal([1, 2, 1]);
    buttonNamed(page.root, 'Clear all')!.click();
    await until(() => page.reviewNames().length === 0, 'cleared');
    expect(textOf(page.part('selection-message'))).to.equal('The selection was cleared.');
  });

  it('closes a filter when Tab leaves it, and Escape closes it from anywhere inside', async () => {
    const page = await openRequestForm();
    const button = await filter(page, 'Resource Type', 'PostgreSQL database');
    const panel = page.root.querySelector<HTMLElement>('#type-filter-panel')!;
    const first = panel.querySelector('input')!;
    first.focus();
    await shiftTab();
    await page.el.updateComplete;
    expectFocus(page.root, button, 'the Resource Type button');
    expect(button.getAttribute('aria-expanded'), 'still open: focus is on its button').to.equal('true');
    await shiftTab();
    await page.el.updateComplete;
    expect(button.getAttribute('aria-expanded'), 'Tab out closes it').to.equal('false');
    expect(panel.hidden).to.equal(true);
    expectFocus(page.root, page.field('Search'), 'the Search field, where Shift+Tab went');

    await filter(page, 'Resource Type');
    const showAll = page.button('Show all', panel);
    showAll.focus();
    await sendKeys({ press: 'Escape' });
    await page.el.updateComplete;
    expect(button.getAttribute('aria-expanded'), 'Escape from Show all').to.equal('false');
    expectFocus(page.root, button, 'the Resource Type button');
  });

  it('keeps focus off the page body after Clear all and after removing the last selected resource', async () => {
    const page = await openRequestForm();
    await page.pick('staging-payments-db');
    await page.pick('prod-orders-db');
    const search = page.field('Search');
    const removeFirst = page.button('Remove staging-payments-db');
    removeFirst.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => page.reviewNames().length === 1, 'one left');
    const removeLast = await until(
      () =>
        page.root.activeElement === buttonNamed(page.root, 'Remove prod-orders-db')
          ? page.root.activeElement
          : null,
      'focus on the remaining row’s Remove',
    );
    await sendKeys({ press: 'Enter' });
    await until(() => page.reviewNames().length === 0, 'none left');
    await until(() => page.root.activeElement === search, 'focus on the search after removing the last');
    expect(removeLast.isConnected).to.equal(false);
    await page.pick('staging-payments-db');
    page.button('Clear all').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => page.reviewNames().length === 0, 'cleared');
    await until(() => page.root.activeElement === search, 'focus on the search after Clear all');
  });

  it('never lets a slow answer to an older search replace a newer one', async () => {
    const { client, searches } = recordingSearches('alice');
    const page = await openRequestForm(client);
    await addFault({ path: '/v1/catalog/resources', method: 'GET', kind: 'delay', delay_ms: 700, times: 1 });
    typeInto(labelled<HTMLInputElement>(page.root, 'Search')!, 'orders');
    // The debounced search is out, and the server holds it back.
    const older = await until(
      () => searches.find((call) => call.search === 'orders'),
      'the search for "orders" is sent',
    );
    await waitUntil(async () => (await pendingFaults()).length === 0, 'the server delays it', {
      timeout: 4000,
    });
    await page.search('staging-payments-db', 'staging-payments-db');
    const answer = page.rowNames();
    await older.answered; // the older answer is in (or was dropped): it changes nothing
    await page.el.updateComplete;
    expect(page.rowNames()).to.deep.equal(answer);
    expect(answer.every((name) => name.startsWith('staging-payments-db'))).to.equal(true);
  });

  it('moves through the results with the arrow keys, one tab stop, Space selects', async () => {
    const page = await openRequestForm();
    const boxes = () => page.rows().map((r) => r.querySelector<HTMLInputElement>('input[type="checkbox"]')!);
    expect(boxes().filter((b) => b.tabIndex === 0)).to.have.length(1);
    boxes()[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await until(() => page.root.activeElement === boxes()[2], 'the third row has focus');
    await sendKeys({ press: 'Space' });
    await until(() => page.reviewNames().length === 1, 'selected by keyboard');
    expect(page.reviewNames()).to.deep.equal([page.rowNames()[2]]);
    expect(boxes().filter((b) => b.tabIndex === 0)).to.deep.equal([boxes()[2]]);
    await sendKeys({ press: 'End' });
    await until(
      () =>
        Number((page.root.activeElement?.closest('[data-row]') as HTMLElement | null)?.dataset['row']) >= 99,
      'the last loaded row',
    );
  });

  it('refuses Next with nothing selected, and says why', async () => {
    const page = await openRequestForm();
    buttonNamed(page.root, 'Next')!.click();
    const error = await until(() => page.root.querySelector<HTMLElement>('#target-error'), 'the error');
    expect(textOf(error)).to.equal('Select at least one resource.');
    await until(() => page.root.activeElement === error, 'focus on the error');
    expect(page.title()).to.equal('New Request');
  });

  it('shows a failed search with a Retry that works', async () => {
    const page = await openRequestForm();
    await addFault({ path: '/v1/catalog/resources', method: 'GET', kind: 'error', status: 500, times: 1 });
    typeInto(labelled<HTMLInputElement>(page.root, 'Search')!, 'orders');
    const failed = await until(() => page.root.querySelector('[part="results-error"]'), 'the error state');
    expect(textOf(failed)).to.contain('Resources could not be loaded.');
    await expect(page.el).to.be.accessible();
    buttonNamed(failed, 'Retry')!.click();
    await until(
      () => page.settled() && page.rowNames().some((n) => n.includes('orders')),
      'results after Retry',
    );
  });

  it('requests on behalf of someone the server allows, chosen by keyboard', async () => {
    const page = await openRequestForm();
    const person = labelled<HTMLInputElement>(page.root, 'Request on Behalf of')!;
    expect(person.value).to.equal('Alice Example (you)');
    person.focus();
    await sendKeys({ type: 'carol' });
    await until(
      () => textOf(page.root.querySelector('#grantee-hint')).startsWith('No one matches'),
      'Carol is not allowed',
    );
    person.select();
    await sendKeys({ type: 'dav' });
    const listbox = page.root.querySelector('[role="listbox"]')!;
    await until(
      () => textOf(listbox).includes('Dave Example') && person.getAttribute('aria-activedescendant'),
      'Dave is offered',
    );
    expect(person.getAttribute('aria-expanded')).to.equal('true');
    await expect(page.el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await until(() => person.value === 'Dave Example', 'Dave is chosen');
    // Dave is not in the production cloud flow: its accounts are not offered for him.
    await page.search('AWS production account 1234');
    expect(page.rowNames()).to.deep.equal([]);
    expect(textOf(page.root.querySelector('[part="results-empty"]'))).to.equal(
      'No resources match your search and filters.',
    );
    await page.search('staging-payments-db', 'staging-payments-db');
    page.tick('staging-payments-db');
    const [request] = await submitFromDetails(page);
    expect(request!.grantee.id).to.equal('usr_dave');
    expect(request!.requester.id).to.equal('usr_alice');
  });

  it('requests an app with one of its permissions, from the Apps tab reached by keyboard', async () => {
    const page = await openRequestForm();
    buttonNamed(page.root, 'All Resources')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(
      () =>
        buttonNamed(page.root, 'Apps')!.getAttribute('aria-selected') === 'true' &&
        page.root.activeElement === buttonNamed(page.root, 'Apps'),
      'the Apps tab',
    );
    const github = await until(
      () =>
        [...page.root.querySelectorAll<HTMLLabelElement>('[part~="choice"] label')].find((l) =>
          textOf(l).startsWith('GitHub'),
        ),
      'GitHub',
    );
    await expect(page.el).to.be.accessible();
    github.querySelector('input')!.click();
    const permission = await until(
      () => page.root.querySelector<HTMLSelectElement>('[part="app-permission"]'),
      'its permission',
    );
    choose(permission, 'perm_github_write');
    buttonNamed(page.root, 'Next')!.click();
    await until(
      () => textOf(page.root.querySelector('[part="flow"]')).includes('Approval by Carol Example'),
      'the flow of GitHub',
    );
    expect(textOf(page.root.querySelector('[part="summary"]'))).to.contain('GitHub (Write)');
    const [request] = await submitFromDetails(page);
    expect(request!.target).to.deep.include({ type: 'app' });
    expect(request!.target.type === 'app' && request!.target.permission.id).to.equal('perm_github_write');
  });

  it('requests a bundle, showing its items', async () => {
    const page = await openRequestForm();
    buttonNamed(page.root, 'Bundles')!.click();
    const joiner = await until(
      () =>
        [...page.root.querySelectorAll<HTMLLabelElement>('[part~="choice"] label')].find((l) =>
          textOf(l).startsWith('New joiner'),
        ),
      'the bundle',
    );
    joiner.querySelector('input')!.click();
    const items = await until(() => page.root.querySelector('[part="bundle-items"]'), 'its items');
    expect(textOf(items)).to.contain('staging-payments-db (ReadOnly)').and.contain('payments-staging (edit)');
    await expect(page.el).to.be.accessible();
    buttonNamed(page.root, 'Next')!.click();
    await until(
      () => textOf(page.root.querySelector('[part="flow"]')).includes('Approved automatically'),
      'the split',
    );
    const [request] = await submitFromDetails(page);
    expect(request!.target.type === 'bundle' && request!.target.bundle.id).to.equal(
      'bun_new_joiner_engineering',
    );
  });
});

/** From the choose step: Next, a justification, Submit Request; answers the created requests. */
async function submitFromDetails(page: Page) {
  if (page.title() === 'New Request') await page.next();
  typeInto(page.field<HTMLTextAreaElement>('Justification'), 'Release of the payments API.');
  return page.submit();
}
