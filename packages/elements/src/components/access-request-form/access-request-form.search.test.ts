import { expect, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createAccessClient } from '@access-requests/sdk';
import './access-request-form.define.js';
import { SEARCH_DELAY_MS } from './resource-search.js';
import {
  addFault,
  controlApi,
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  openRequestForm,
  pendingFaults,
  textOf,
  typeInto,
  until,
  type RequestFormPage,
} from '../../internal/test-support.js';

/** A first page of resources the client sent, and what became of it. */
interface SentSearch {
  readonly search: string;
  aborted: boolean;
  answered: boolean;
}

/** Alice's client, recording each first page of resources it sends (through the SDK's `fetch`). */
function watchedClient() {
  const sent: SentSearch[] = [];
  const fetch = (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (!url.pathname.endsWith('/catalog/resources') || url.searchParams.has('cursor'))
      return globalThis.fetch(request);
    const call: SentSearch = {
      search: url.searchParams.get('search') ?? '',
      aborted: false,
      answered: false,
    };
    sent.push(call);
    request.signal.addEventListener('abort', () => (call.aborted = true), { once: true });
    const answer = globalThis.fetch(request);
    answer.then(
      () => (call.answered = true),
      () => undefined,
    );
    return answer;
  };
  const client = createAccessClient({ baseUrl: location.origin, token: 'demo-alice', retry: false, fetch });
  return { client, sent };
}

/**
 * Watches the results at every frame, as it is about to be painted: whether they were ever blank (no
 * row and no message), and whether they were marked busy while a search was out.
 */
function watchResults(page: RequestFormPage) {
  const seen = { blank: false, busy: false };
  let watching = true;
  const check = () => {
    const shown = page.rows().length > 0 || !!page.part('results-empty');
    if (!shown) seen.blank = true;
    const results = page.root.querySelector('#results') ?? page.part('results-empty');
    if (results?.getAttribute('aria-busy') === 'true') seen.busy = true;
    if (watching) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  return {
    seen,
    stop: () => {
      watching = false;
      check();
    },
  };
}

/** The results show "payments" answered (every row of it), the field holding it. */
const showsPayments = (page: RequestFormPage) =>
  page.field('Search').value === 'payments' &&
  page.settled() &&
  page.rows().length > 0 &&
  page.rows().every((row) => textOf(row).toLowerCase().includes('payments'));

describe('<access-request-form>: a search that answers as the user types', () => {
  before(ignoreResizeObserverLoopReports);
  after(() => controlApi('POST', 'reset', { speed: 0, catalog_size: 2000 }));
  after(expectNoContractViolations);

  it('searches at once after a pause, then once typing pauses: "payments" key by key, 100,000 resources', async () => {
    await controlApi('POST', 'reset', { speed: 0, catalog_size: 100_000 });
    const { client, sent } = watchedClient();
    const page = await openRequestForm(client);
    sent.length = 0;
    const field = page.field('Search');
    const keydowns: number[] = [];
    field.addEventListener('keydown', (event) => keydowns.push(event.timeStamp));
    const watch = watchResults(page);
    field.focus();

    await sendKeys({ press: 'p' });
    await page.el.updateComplete;
    await nextFrame();
    // The first keystroke after a pause waits for nothing: its search is out within the frame.
    expect(sent.map((s) => s.search)).to.deep.equal(['p']);

    await sendKeys({ type: 'ayments' });
    await until(() => showsPayments(page), 'the results for "payments"', 8000);
    watch.stop();
    expect(keydowns).to.have.length(8);
    // Each quiet spell between keys may send the text typed so far and, at the next key, the new text.
    const pauses = keydowns.slice(1).filter((at, i) => at - keydowns[i]! >= SEARCH_DELAY_MS).length;
    expect(sent.length, sent.map((s) => s.search).join(', ')).to.be.within(2, 2 + 2 * pauses);
    expect(sent.at(-1)).to.include({ search: 'payments', aborted: false, answered: true });
    // A search replaced while out was aborted; none is left open.
    for (const call of sent.slice(0, -1)) expect(call.answered || call.aborted, call.search).to.equal(true);
    expect(watch.seen).to.deep.equal({ blank: false, busy: true });
  });

  it('aborts the search still out when the next one starts, and never shows its answer', async () => {
    const { client, sent } = watchedClient();
    const page = await openRequestForm(client);
    sent.length = 0;
    await addFault({ path: '/v1/catalog/resources', method: 'GET', kind: 'delay', delay_ms: 1500, times: 1 });
    page.field('Search').focus();
    await sendKeys({ press: 'p' });
    await page.el.updateComplete;
    await nextFrame();
    expect(
      sent.map((s) => s.search),
      'the search for "p" is out',
    ).to.deep.equal(['p']);
    await waitUntil(async () => (await pendingFaults()).length === 0, 'the server holds it back');
    await sendKeys({ type: 'ayments' });
    await until(() => showsPayments(page), 'the results for "payments"');
    expect(sent[0]).to.include({ search: 'p', aborted: true, answered: false });
    expect(sent.at(-1)).to.include({ search: 'payments', aborted: false, answered: true });
  });

  it('keeps what it showed, marked busy, until the next answer is in: rows, and "no match" too', async () => {
    const { client } = watchedClient();
    const page = await openRequestForm(client);
    await page.search('payments');
    const shown = page.rowNames();
    const watch = watchResults(page);
    const held = async (search: string) => {
      await addFault({
        path: '/v1/catalog/resources',
        method: 'GET',
        kind: 'delay',
        delay_ms: 800,
        times: 1,
      });
      typeInto(page.field('Search'), search);
      await waitUntil(async () => (await pendingFaults()).length === 0, `the server holds "${search}" back`);
      await page.el.updateComplete;
    };

    await held('zzz-no-match');
    expect(page.rowNames()).to.deep.equal(shown);
    expect(page.root.querySelector('#results')!.getAttribute('aria-busy')).to.equal('true');
    await until(() => page.settled() && page.part('results-empty'), 'no match');

    await held('payments');
    // The last answer (no match) stays, busy, rather than a blank list.
    expect(textOf(page.part('results-empty'))).to.equal('No resources match your search and filters.');
    expect(page.part('results-empty')!.getAttribute('aria-busy')).to.equal('true');
    expect(page.settled()).to.equal(false);
    // Watched from the rows through "no match" to the next search out. (When rows follow "no match",
    // the list's virtualizer is new and lays its first rows out on its own schedule.)
    watch.stop();
    expect(watch.seen).to.deep.equal({ blank: false, busy: true });
    await until(() => showsPayments(page), 'the results for "payments"');
  });
});
