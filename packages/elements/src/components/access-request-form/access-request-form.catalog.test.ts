import { expect } from '@open-wc/testing';
import './access-request-form.define.js';
import {
  controlApi,
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  openRequestForm,
  recordingSearches,
  textOf,
  typeInto,
  until,
  type RequestFormPage,
} from '../../internal/test-support.js';

/** How many results are loaded: the position of the last rendered row once scrolled to the end. */
const loaded = (page: RequestFormPage) =>
  Math.max(0, ...page.rows().map((r) => Number(r.getAttribute('aria-posinset'))));

/** Scrolls the result list to its end until at least `count` results are loaded (pages of 100). */
async function scrollUntil(page: RequestFormPage, count: number) {
  const list = page.root.querySelector<HTMLElement>('#results')!;
  while (loaded(page) < count) {
    const before = loaded(page);
    list.scrollTop = list.scrollHeight;
    await until(() => loaded(page) > before && page.settled(), `more than ${before} results`, 6000);
  }
}

describe('<access-request-form>: large catalogs and the 1,000-resource maximum', () => {
  before(ignoreResizeObserverLoopReports);
  before(() => controlApi('POST', 'reset', { speed: 0, catalog_size: 3000 }));
  after(() => controlApi('POST', 'reset', { speed: 0, catalog_size: 2000 }));
  after(expectNoContractViolations);

  it('is accessible with a long result list', async () => {
    const page = await openRequestForm('alice');
    await expect(page.el).to.be.accessible();
    expect(page.rows().length).to.be.below(30); // virtualised
    expect(page.rows()[0]!.getAttribute('aria-setsize')).to.equal('-1'); // more pages follow
  });

  it('accepts 1,000 resources selected over several pages, and refuses the 1,001st with a message', async () => {
    const page = await openRequestForm('alice');
    const message = () => textOf(page.part('limit-message'));
    page.button('Select all visible').click();
    await until(() => page.count() === '100 of 1,000 selected', 'the first page selected');
    expect(page.part('count')!.getAttribute('role')).to.equal('status');
    expect(textOf(page.part('selection-message'))).to.equal('Selected 100 more.');
    expect(page.part('selection-message')!.getAttribute('role')).to.equal('status');
    expect(message(), 'a routine change is no alert').to.equal('');

    await scrollUntil(page, 1100);
    page.button('Select all visible').click();
    await until(() => page.count() === '1,000 of 1,000 selected', '1,000 selected');
    expect(message()).to.match(
      /^Selected 900 more; [1-9]\d* were not selected: you can select at most 1,000 resources\.$/,
    );
    expect(page.part('limit-message')!.getAttribute('role')).to.equal('alert');

    const unselected = page
      .rows()
      .find((r) => !r.querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked)!;
    const box = unselected.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    box.click();
    await until(() => message().startsWith('You can select at most'), 'the refusal');
    expect(message()).to.equal('You can select at most 1,000 resources. Remove one to add another.');
    expect(box.checked).to.equal(false);
    expect(page.count()).to.equal('1,000 of 1,000 selected');
    expect(textOf(page.root.querySelector('#review-title'))).to.contain('1,000 of 1,000 selected');

    // The server takes all 1,000: the split comes back without a `too_many` error.
    await page.next();
    expect(textOf(page.part('summary'))).to.contain('1,000 resources');
    expect(page.root.querySelector('[aria-invalid="true"]')).to.equal(null);
    await expect(page.el).to.be.accessible();
  });

  it('stays responsive with 100,000 resources: the first key searches, the rest once typing pauses', async () => {
    await controlApi('POST', 'reset', { speed: 0, catalog_size: 100_000 });
    const { client, searches } = recordingSearches('alice');
    const page = await openRequestForm(client);
    searches.length = 0;
    const field = page.field('Search');
    // Typed faster than the pause: each keystroke renders, none leaves a timer turn in between.
    for (let end = 1; end <= 'payments'.length; end++) {
      typeInto(field, 'payments'.slice(0, end));
      await page.el.updateComplete;
    }
    const typed = performance.now();
    await until(
      () => page.settled() && page.rowNames()[0]?.includes('payments'),
      'the results for "payments"',
    );
    expect(performance.now() - typed).to.be.below(1500);
    // The first keystroke after a pause searches at once; the others wait for typing to pause.
    expect(searches.map((s) => s.search)).to.deep.equal(['p', 'payments']);
    await scrollUntil(page, 150);
    // Further pages of the same query, nothing else.
    expect(searches.length).to.be.above(1);
    expect(new Set(searches.slice(1).map((s) => s.search))).to.deep.equal(new Set(['payments']));
  });
});
