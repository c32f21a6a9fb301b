import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './access-request-form.define.js';
import {
  addFault,
  clientFor,
  controlApi,
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  openRequestForm,
  textOf,
  until,
  type RequestFormPage,
} from '../../internal/test-support.js';

const matchingButton = (page: RequestFormPage) =>
  page.root.querySelector<HTMLButtonElement>('[part="select-matching"]')!;
/** How many results the list has loaded (the position of its last rendered row). */
const loaded = (page: RequestFormPage) =>
  Math.max(0, ...page.rows().map((r) => Number(r.getAttribute('aria-posinset'))));
const n = (value: number) => value.toLocaleString('en-US');

describe('<access-request-form>: Select all N matching', () => {
  before(ignoreResizeObserverLoopReports);
  before(() => controlApi('POST', 'reset', { speed: 0, catalog_size: 3000 }));
  beforeEach(() => controlApi('DELETE', 'faults'));
  after(() => controlApi('POST', 'reset', { speed: 0, catalog_size: 2000 }));
  after(expectNoContractViolations);

  it('selects every match of the search from the server, up to 1,000, and says what was left out', async () => {
    const page = await openRequestForm('alice');
    const counts = await clientFor('alice').matchingResources({ limit: 0 });
    expect(counts.total).to.be.above(1000);
    await until(
      () => textOf(matchingButton(page)) === `Select all ${n(counts.total)} matching`,
      'the button with its count',
    );
    const button = matchingButton(page);
    await expect(page.el).to.be.accessible();
    const before = loaded(page);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => page.count() === '1,000 of 1,000 selected', '1,000 selected');
    const alert = page.part('limit-message')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(textOf(alert)).to.equal(
      [
        `Selected 1,000 more of ${n(counts.total)} matching.`,
        `${n(counts.total - 1000)} were left out: you can select at most 1,000 resources.`,
        ...(counts.not_requestable
          ? [`${n(counts.not_requestable)} more match but cannot be requested for this person.`]
          : []),
      ].join(' '),
    );
    expect(loaded(page), 'no scrolling, no more pages').to.equal(before);
    expect(page.root.activeElement).to.equal(button);
    // The first 1,000 by name: the first rows of the list are among them (the review draws them soon).
    await until(() => page.reviewNames().length >= 3, 'the review shows the selection');
    expect(page.reviewNames().slice(0, 3)).to.deep.equal(page.rowNames().slice(0, 3));
  });

  it('counts apart what the person receiving the access may not have', async () => {
    const page = await openRequestForm('alice', { 'grantee-id': 'usr_dave' });
    const query = { search: 'prod', grantee_id: 'usr_dave', limit: 0 };
    const counts = await clientFor('alice').matchingResources(query);
    expect(counts.total).to.be.within(1, 999);
    expect(counts.not_requestable).to.be.above(0);
    await page.search('prod');
    await until(() => textOf(matchingButton(page)) === `Select all ${n(counts.total)} matching`, 'the count');
    matchingButton(page).click();
    await until(() => page.count() === `${n(counts.total)} of 1,000 selected`, 'every match selected');
    const status = page.part('selection-message')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(textOf(status)).to.equal(
      `Selected ${n(counts.total)} more of ${n(counts.total)} matching. ` +
        `${n(counts.not_requestable)} more match but cannot be requested for this person.`,
    );
    expect(textOf(page.part('limit-message'))).to.equal('');
  });

  it('keeps the selection and says why when the server fails', async () => {
    const page = await openRequestForm('alice');
    await page.search('payments');
    await until(() => /^Select all \d+ matching$/.test(textOf(matchingButton(page))), 'the count');
    await addFault({ path: '/v1/catalog/resource-matches', kind: 'error', status: 503 });
    matchingButton(page).click();
    await until(() => textOf(page.part('limit-message')), 'the error');
    expect(textOf(page.part('limit-message'))).to.match(/^The matching resources could not be selected\. /);
    expect(page.count()).to.equal('0 of 1,000 selected');
    expect(textOf(matchingButton(page))).to.match(/^Select all \d+ matching$/);
  });
});
