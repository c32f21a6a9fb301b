import { expect, fixture, html } from '@open-wc/testing';
import './access-request-form.define.js';
import '../request-list/request-list.define.js';
import type { RequestList } from '../request-list/request-list.js';
import { localDate } from './start-picker.js';
import {
  advance,
  choose,
  clientFor,
  controlApi,
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  openRequestForm,
  resetServer,
  textOf,
  typeInto,
  until,
  type RequestFormPage,
} from '../../internal/test-support.js';

const HOUR_MS = 3_600_000;
/** A staging database: the automatic non-production flow, which allows a start up to 168 hours ahead. */
const STAGING = { 'resource-ids': 'res_staging_payments_db', 'permission-id': 'perm_pg_readonly' };
const JUSTIFICATION = 'The payments migration runs in the maintenance window.';

/** The reference server's clock (frozen after a reset). */
async function serverNow(): Promise<number> {
  const clock = (await controlApi('GET', 'clock')) as { now: string };
  return Date.parse(clock.now);
}

const aliceRequestIds = async () =>
  (await clientFor('alice').requests({ scope: 'mine' }).page({ limit: 200 })).items.map((r) => r.id);

/** Picks a Start `hours` whole hours after the server's current hour, as a user would. */
async function pickStart(page: RequestFormPage, hours: number): Promise<string> {
  const start = Math.floor((await serverNow()) / HOUR_MS) * HOUR_MS + hours * HOUR_MS;
  const date = page.field('Start date');
  await until(() => !date.disabled, 'the Start, once the preview gave the window');
  typeInto(date, localDate(start));
  await page.el.updateComplete;
  const iso = new Date(start).toISOString();
  choose(page.field<HTMLSelectElement>('Start time'), iso);
  await page.el.updateComplete;
  return iso;
}

describe('<access-request-form>: a scheduled start', () => {
  before(ignoreResizeObserverLoopReports);
  beforeEach(resetServer);
  after(expectNoContractViolations);

  it('offers Now by default, and the hours of a date within the flow’s window, in the host’s time zone', async () => {
    const page = await openRequestForm('alice', STAGING);
    const date = page.field('Start date');
    await until(() => !date.disabled, 'the Start enabled by the preview');
    const hour = page.field<HTMLSelectElement>('Start time');
    expect(date.value).to.equal('');
    expect(hour.disabled).to.equal(true);
    expect(textOf(hour)).to.equal('Now');
    expect(textOf(page.part('summary-start'))).to.equal('Now, once granted');
    const now = await serverNow();
    expect(date.min).to.equal(localDate(now + HOUR_MS));
    expect(date.max).to.equal(localDate(now + 168 * HOUR_MS));
    expect(textOf(page.part('start')))
      .to.contain('at most 168 hours ahead')
      .and.contain('GMT');
    await expect(page.el).to.be.accessible();
  });

  it('submits a start 2 hours ahead: the request is Scheduled and its card says when it starts', async () => {
    const page = await openRequestForm('alice', STAGING);
    typeInto(page.field<HTMLTextAreaElement>('Justification'), JUSTIFICATION);
    const startsAt = await pickStart(page, 2);
    expect(page.field<HTMLSelectElement>('Start time').value).to.equal(startsAt);
    const ends = new Date(Date.parse(startsAt) + Number(page.field('Duration in Hours').value) * HOUR_MS);
    expect(page.part('summary-start')?.querySelector('time')?.getAttribute('datetime')).to.equal(startsAt);
    expect(page.part('summary-end')?.querySelector('time')?.getAttribute('datetime')).to.equal(
      ends.toISOString(),
    );

    const [request] = await page.submit();
    expect(request!.status).to.equal('scheduled');
    expect(Date.parse(request!.starts_at ?? '')).to.equal(Date.parse(startsAt));

    const list = await fixture<RequestList>(
      html`<request-list style="block-size:36rem" .client=${clientFor('alice')}></request-list>`,
    );
    const card = () =>
      list.shadowRoot!.querySelector<HTMLElement>(`article[aria-labelledby="title-${request!.id}"]`);
    await until(() => card(), 'the new request’s card');
    const badge = card()!.querySelector('status-badge')!;
    await until(() => textOf(badge.shadowRoot!.querySelector('[part="label"]')) === 'Scheduled', 'Scheduled');
    const starts = card()!.querySelector('.starts');
    expect(textOf(starts?.querySelector('dt'))).to.equal('Starts');
    expect(starts?.querySelector('time')?.getAttribute('datetime')).to.equal(request!.starts_at);
    expect(textOf(starts?.querySelector('time'))).to.match(/GMT/);
  });

  it('shows the server’s refusal of a start that has passed on the Start, and keeps everything typed', async () => {
    const page = await openRequestForm('alice', STAGING);
    typeInto(page.field<HTMLTextAreaElement>('Justification'), JUSTIFICATION);
    const startsAt = await pickStart(page, 1);
    // The server's clock moves past the chosen start before the user submits.
    await advance(2 * 3600);
    const before = await aliceRequestIds();
    page.button('Submit Request').click();
    const date = page.field('Start date');
    await until(() => page.errorOf(date), 'the error on the Start');
    expect(page.errorOf(date)).to.match(/^The start must be after now/);
    expect(date.getAttribute('aria-invalid')).to.equal('true');
    expect(page.field<HTMLTextAreaElement>('Justification').value).to.equal(JUSTIFICATION);
    expect(page.field<HTMLSelectElement>('Start time').value).to.equal(startsAt);
    expect(await aliceRequestIds()).to.deep.equal(before);
  });
});
