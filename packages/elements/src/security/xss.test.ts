// The XSS corpus (./payloads.ts) through every string the elements render: every answer of the
// reference server rewritten into payloads on its way to the SDK (names, emails, descriptions,
// justifications, reasons, tickets, instructions, links, CLI snippets, flows, resources…), and the
// strings a user writes through the API stored for real. Each element is mounted and taken through
// its views and dialogs; once injected markup has had its chance to run, no payload has run, no
// markup that could run script is anywhere in the DOM (shadow roots included), and the payloads
// are there, as text.
import { expect, fixture, html } from '@open-wc/testing';
import { STATUS_IDS } from '@access-requests/contract';
import { createAccessClient, type AccessClient, type AccessRequest } from '@access-requests/sdk';
import '../all.define.js';
import type { AccessPortal } from '../components/access-portal/access-portal.js';
import type { ApprovalInbox } from '../components/approval-inbox/approval-inbox.js';
import type { MyAccess } from '../components/my-access/my-access.js';
import type { RequestDetails } from '../components/request-details/request-details.js';
import type { RequestList } from '../components/request-list/request-list.js';
import {
  addFault,
  advance,
  choose,
  clientFor,
  deepTexts,
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  injectedMarkupHadItsChance,
  openRequestForm,
  RequestFormPage,
  resetServer,
  scriptableMarkup,
  streamReady,
  textOf,
  typeInto,
  until,
  type DemoUser,
} from '../internal/test-support.js';
import { ALL_PAYLOADS, hostileFetch, PAYLOADS, recordSentinel } from './payloads.js';

const PROD_DB = { resources: [{ resource_id: 'res_prod_payments_db', permission_id: 'perm_pg_readonly' }] };

/** A client as `user` whose every answer is rewritten into payloads. */
function hostileClient(user: DemoUser): AccessClient {
  return createAccessClient({
    baseUrl: location.origin,
    token: `demo-${user}`,
    retry: false,
    fetch: hostileFetch(),
  });
}

type Lit = HTMLElement & { updateComplete: Promise<boolean> };
const shadow = (el: Element | null | undefined) => el?.shadowRoot ?? undefined;
const buttonIn = (scope: ParentNode | undefined, name: string) =>
  [...(scope?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find(
    (b) => (b.getAttribute('aria-label') ?? textOf(b)) === name,
  );

describe('the XSS corpus, through every string the elements render', () => {
  let sentinel: ReturnType<typeof recordSentinel>;
  /** The payloads seen, verbatim, as text. */
  const shown = new Set<string>();

  /**
   * Gives injected markup its chance (a failing image and a frame loaded, then a frame painted),
   * then asserts nothing ran, nothing that could run is there, and payloads are shown as text.
   */
  async function expectInert(container: Element, what: string): Promise<void> {
    await injectedMarkupHadItsChance(document.body);
    await new Promise(requestAnimationFrame);
    expect(sentinel.hits, `payloads that ran in ${what}`).to.deep.equal([]);
    expect(scriptableMarkup(container), `markup that could run script in ${what}`).to.deep.equal([]);
    const text = deepTexts(container).join('\n');
    const visible = PAYLOADS.filter((payload) => text.includes(payload.text));
    expect(visible.length, `payloads shown as text in ${what}`).to.be.greaterThan(0);
    for (const payload of visible) shown.add(payload.id);
  }

  before(() => {
    ignoreResizeObserverLoopReports();
    sentinel = recordSentinel();
  });
  beforeEach(async () => {
    sentinel.clear();
    await resetServer();
  });
  after(() => {
    sentinel.stop();
    const missing = PAYLOADS.filter((payload) => !shown.has(payload.id)).map((payload) => payload.id);
    expect(missing, 'payloads never shown as text').to.deep.equal([]);
  });
  after(expectNoContractViolations);

  it(`has at least 50 payloads, each with its own sentinel (${PAYLOADS.length})`, () => {
    expect(PAYLOADS.length).to.be.at.least(50);
    for (const payload of PAYLOADS) {
      const decoded = payload.text.replace(/base64,([A-Za-z0-9+/=]+)/, (_, data: string) => atob(data));
      expect(decoded).to.contain(`'${payload.id}'`);
    }
  });

  it('<status-badge>: every status, an unknown one, and a hostile reason', async () => {
    const host = await fixture<HTMLDivElement>(
      html`<div>
        ${[...STATUS_IDS, ALL_PAYLOADS].map(
          (status) => html`<status-badge status=${status} reason=${ALL_PAYLOADS}></status-badge>`,
        )}
      </div>`,
    );
    await Promise.all([...host.querySelectorAll<Lit>('status-badge')].map((b) => b.updateComplete));
    await expectInert(host, '<status-badge>');
  });

  it('<request-list>: the cards, with a hostile label', async () => {
    const el = await fixture<RequestList>(
      html`<request-list label=${ALL_PAYLOADS} .client=${hostileClient('alice')}></request-list>`,
    );
    await until(() => el.items.length > 0 && shadow(el)?.querySelector('article.card'), 'the cards');
    await expectInert(el, '<request-list>');
  });

  it('<request-list>: a failure’s problem details', async () => {
    await addFault({ path: '/v1/access-requests', method: 'GET', kind: 'error', status: 500, times: 1 });
    const el = await fixture<RequestList>(
      html`<request-list .client=${hostileClient('alice')}></request-list>`,
    );
    await until(() => shadow(el)?.querySelector('[part~="error"]'), 'the error');
    await expectInert(el, '<request-list>, its error');
  });

  it('<request-details>: open on a request of each status, with its dialogs', async () => {
    const client = hostileClient('alice');
    const { items } = await client.requests({ scope: 'mine' }).page({ limit: 100 });
    const byStatus = new Map<string, AccessRequest>();
    for (const request of items) if (!byStatus.has(request.status)) byStatus.set(request.status, request);
    expect([...byStatus.keys()].sort()).to.deep.equal([...STATUS_IDS].sort());
    for (const [status, request] of byStatus) {
      const el = await fixture<RequestDetails>(
        html`<request-details .client=${client} request-id=${request.id}></request-details>`,
      );
      await until(() => textOf(shadow(el)?.querySelector('h2')).includes(PAYLOADS[0]!.text), `${status}`);
      for (const name of ['Revoke access', 'Request again']) {
        const opener = buttonIn(shadow(el), name);
        if (!opener) continue;
        opener.click();
        await until(() => shadow(el)?.querySelector('dialog[open]'), `${name} opens (${status})`);
        await expectInert(el, `<request-details> (${status}), ${name}`);
        shadow(el)!.querySelector<HTMLDialogElement>('dialog[open]')!.close();
      }
      await expectInert(el, `<request-details> (${status})`);
    }
  });

  it('<my-access>: every list, and the Access Details of each active access', async () => {
    const el = await fixture<MyAccess>(html`<my-access .client=${hostileClient('alice')}></my-access>`);
    await until(() => el.myAccess, 'My Access is loaded');
    await el.updateComplete;
    const openers = [...shadow(el)!.querySelectorAll<HTMLButtonElement>('[part~="details-button"]')];
    expect(openers.length).to.be.greaterThan(0);
    const dialog = shadow(el)!.querySelector<HTMLDialogElement>('#details-dialog')!;
    for (const [index, opener] of openers.entries()) {
      opener.click();
      await until(
        () => dialog.open && dialog.querySelector('[part="instructions"]'),
        `Access Details #${index + 1}`,
      ).catch((error: Error) => {
        throw new Error(`${error.message}: ${textOf(dialog).slice(-400)} ${dialog.open}`);
      });
      await expectInert(el, `<my-access>, Access Details #${index + 1}`);
      dialog.close();
      await until(() => !dialog.open, 'Access Details closes');
    }
    const again = shadow(el)!.querySelector<HTMLButtonElement>('[part~="again-button"]');
    if (again) {
      again.click();
      await until(() => shadow(el)!.querySelector<HTMLDialogElement>('#again')?.open, 'Request again');
      await expectInert(el, '<my-access>, Request again');
    }
  });

  it('<approval-inbox>: the requests and both decision dialogs', async () => {
    await clientFor('alice').submit({ ...PROD_DB, duration_hours: 1, justification: 'Incident' });
    const el = await fixture<ApprovalInbox>(
      html`<approval-inbox .client=${hostileClient('bob')}></approval-inbox>`,
    );
    await until(() => shadow(el)!.querySelector('article[part="item"]'), 'the inbox is loaded');
    for (const part of ['approve', 'reject']) {
      shadow(el)!.querySelector<HTMLButtonElement>(`[part~="${part}"]`)!.click();
      const dialog = shadow(el)!.querySelector<HTMLDialogElement>('#decision')!;
      await until(() => dialog.open, `the ${part} dialog`);
      await expectInert(el, `<approval-inbox>, ${part}`);
      dialog.close();
      await until(() => !dialog.open, `the ${part} dialog closes`);
    }
  });

  it('<access-request-form>: both steps and the submitted view, with hostile prefills', async () => {
    const form = await openRequestForm(hostileClient('alice'), { name: ALL_PAYLOADS });
    form.el.setAttribute('justification', ALL_PAYLOADS);
    await expectInert(form.el, '<access-request-form>, New Request');
    await submitFirstRow(form, () => expectInert(form.el, '<access-request-form>, details'));
    await expectInert(form.el, '<access-request-form>, submitted');
  });

  it('<access-notifications>: the toasts', async () => {
    const client = hostileClient('alice');
    const el = await fixture<Lit>(
      html`<access-notifications placement="inline" .client=${client}></access-notifications>`,
    );
    await streamReady('alice', client);
    await advance(5);
    await until(() => shadow(el)!.querySelector('[part~="toast"]'), 'a toast');
    await expectInert(el, '<access-notifications>');
  });

  it('<access-portal>: every page, with details, Access Details and the decision dialog open', async () => {
    const el = await fixture<AccessPortal>(
      html`<access-portal .client=${hostileClient('alice')}></access-portal>`,
    );
    const panel = () => shadow(el)!.querySelector<HTMLElement>('[role="tabpanel"]:not([hidden])');
    const list = await until(() => panel()?.querySelector<RequestList>('request-list'), 'My Requests');
    const card = await until(() => shadow(list)?.querySelector<HTMLElement>('[part="card-title"]'), 'a card');
    card.click();
    const details = await until(() => panel()?.querySelector<RequestDetails>('request-details'), 'details');
    await until(() => textOf(shadow(details)?.querySelector('h2')), 'the details panel');
    await expectInert(el, '<access-portal>, My Requests with details');

    el.view = 'new-request';
    const form = new RequestFormPage(
      await until(
        () => panel()?.querySelector<Lit & { client: AccessClient }>('access-request-form'),
        'New Request',
      ),
    );
    await until(() => form.rows().length > 0 && form.settled(), 'the form shows resources');
    await submitFirstRow(form, () => expectInert(el, '<access-portal>, New Request details'));
    await expectInert(el, '<access-portal>, New Request submitted');

    el.view = 'my-access';
    const myAccess = await until(() => panel()?.querySelector<MyAccess>('my-access'), 'My Access');
    await until(() => myAccess.myAccess, 'My Access is loaded');
    await myAccess.updateComplete;
    shadow(myAccess)!.querySelector<HTMLButtonElement>('[part~="details-button"]')!.click();
    await until(
      () => shadow(myAccess)!.querySelector('#details-dialog[open] [part="instructions"]'),
      'Access Details',
    );
    await expectInert(el, '<access-portal>, My Access with Access Details');

    el.client = hostileClient('bob');
    await until(() => el.views.includes('approvals'), 'Approvals for Bob');
    el.view = 'approvals';
    const inbox = await until(() => panel()?.querySelector<ApprovalInbox>('approval-inbox'), 'Approvals');
    const approve = await until(
      () => shadow(inbox)?.querySelector<HTMLButtonElement>('[part~="approve"]'),
      'an Approve button',
    );
    approve.click();
    await until(() => shadow(inbox)!.querySelector<HTMLDialogElement>('#decision')?.open, 'the dialog');
    await expectInert(el, '<access-portal>, Approvals with the decision dialog');
  });

  it('stores what users write (justifications, reasons) for real, and shows it inert', async () => {
    const alice = clientFor('alice');
    const bob = clientFor('bob');
    const chunks: string[] = [];
    for (const { text } of PAYLOADS) {
      const last = chunks.at(-1);
      if (last !== undefined && last.length + text.length < 999)
        chunks[chunks.length - 1] = `${last} ${text}`;
      else chunks.push(text);
    }
    const requests: AccessRequest[] = [];
    for (const justification of chunks)
      requests.push(...(await alice.submit({ ...PROD_DB, duration_hours: 1, justification })));
    const inbox = await fixture<ApprovalInbox>(html`<approval-inbox .client=${bob}></approval-inbox>`);
    await until(
      () => shadow(inbox)!.querySelectorAll('article[part="item"]').length >= chunks.length,
      'the inbox',
    );
    await expectInert(inbox, '<approval-inbox> with stored justifications');
    const reasons = PAYLOADS.filter((payload) => payload.text.length <= 123);
    for (const [index, request] of requests.entries()) {
      const reason = reasons[index % reasons.length]!.text;
      if (index % 2) await bob.reject(request.id, { reason });
      else await bob.approve(request.id, { reason });
    }
    for (const request of requests) {
      const el = await fixture<RequestDetails>(
        html`<request-details .client=${alice} request-id=${request.id}></request-details>`,
      );
      await until(() => shadow(el)?.querySelector('[part="approvals"]'), 'the details with the decision');
      await expectInert(el, `<request-details> of a stored request`);
    }
  });
});

/** Ticks the first resource, goes on to the details, fills them in, submits, waits for the success view. */
async function submitFirstRow(form: RequestFormPage, atDetails: () => Promise<void>): Promise<void> {
  // A prefill set after the form opened reloads it: the rows come back once it has.
  const row = await until(() => form.rows()[0], 'a result row');
  row.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
  await until(() => form.root.querySelector('#selected [data-row]'), 'the resource is selected');
  await form.next();
  await atDetails();
  typeInto(form.field<HTMLTextAreaElement>('Justification'), 'Incident');
  const ticketType = form.root.querySelector<HTMLSelectElement>('select#ticket-type');
  if (ticketType) {
    choose(ticketType, 'tt_jira');
    await form.el.updateComplete;
    typeInto(form.field('Ticket ID'), 'PAY-4821');
  }
  await form.el.updateComplete;
  await form.submit();
}
