// The bearer token never leaks out of the SDK's Authorization header. The elements and the SDK
// are used as a user would (the portal: submit, open details, favourite, revoke; Bob approves),
// and made to fail (a refused token, a 500, a lost connection); then the token is in no URL the
// page requested, no DOM attribute or text (shadow roots included), no storage, no console line,
// no error message (shown or thrown), and no detail of any event the library fires.
//
// The token is a distinctive one that the client's own `fetch` swaps for the demo user's (the
// reference server knows only those) on its way out: both are looked for.
import { expect, fixture, html } from '@open-wc/testing';
import { createAccessClient, type AccessClient } from '@access-requests/sdk';
import '../all.define.js';
import type { AccessPortal } from '../components/access-portal/access-portal.js';
import type { ApprovalInbox } from '../components/approval-inbox/approval-inbox.js';
import type { RequestDetails } from '../components/request-details/request-details.js';
import type { RequestList } from '../components/request-list/request-list.js';
import type { AccessRequestsEventName } from '../internal/events.js';
import {
  addFault,
  controlApi,
  deepElements,
  deepTexts,
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  RequestFormPage,
  resetServer,
  textOf,
  until,
} from '../internal/test-support.js';

const TOKENS = { alice: 'tok-Alice-7f3Q9zK2wX', bob: 'tok-Bob-4dR8mV1cYp' } as const;
/** A token the server does not know (answered 401). */
const UNKNOWN = 'tok-Nobody-0aJ5tE6uLs';
const SECRETS = [...Object.values(TOKENS), UNKNOWN, 'demo-alice', 'demo-bob'];

/** Every event the library declares (the type makes the list complete). */
const EVENTS: Record<AccessRequestsEventName, true> = {
  'request-selected': true,
  'request-revoked': true,
  'request-extended': true,
  'request-again-submitted': true,
  'access-use-requested': true,
  'request-edit-requested': true,
  'request-favorite-changed': true,
  'filter-changed': true,
  'details-closed': true,
  'request-approved': true,
  'request-rejected': true,
  'access-notification-received': true,
  'access-details-requested': true,
  'view-change-requested': true,
  'request-submitted': true,
  'my-requests-requested': true,
  'selection-changed': true,
  'template-saved': true,
  'template-use-requested': true,
};

/** The URLs the clients asked for. */
const requested: string[] = [];

/** A client as `user` with its distinctive token (or a token the server refuses). */
function tokenClient(user: keyof typeof TOKENS | 'nobody'): AccessClient {
  const token = user === 'nobody' ? UNKNOWN : TOKENS[user];
  return createAccessClient({
    baseUrl: location.origin,
    token: () => token,
    retry: false,
    fetch: (request) => {
      requested.push(request.url);
      const headers = new Headers(request.headers);
      const sent = headers.get('authorization');
      expect(sent).to.equal(`Bearer ${token}`);
      if (user !== 'nobody') headers.set('authorization', `Bearer demo-${user}`);
      return globalThis.fetch(new Request(request, { headers }));
    },
  });
}

/** Where a secret was found in `text`, if anywhere. */
function leaks(where: string, texts: Iterable<string>): string[] {
  const found: string[] = [];
  for (const text of texts)
    for (const secret of SECRETS) if (text.includes(secret)) found.push(`${where}: …${text.slice(0, 120)}…`);
  return found;
}

/** An error as fully as a host could print or send it: message, stack, own properties, causes. */
function everythingOf(error: unknown, depth = 0): string[] {
  if (!(error instanceof Error) || depth > 3) return [String(error)];
  const own = Object.getOwnPropertyNames(error).map((name) => {
    try {
      return `${name}=${JSON.stringify((error as unknown as Record<string, unknown>)[name])}`;
    } catch {
      return name;
    }
  });
  return [String(error), error.stack ?? '', ...own, ...everythingOf(error.cause, depth + 1)];
}

type Lit = HTMLElement & { updateComplete: Promise<boolean> };
const shadow = (el: Element | null | undefined) => el?.shadowRoot ?? undefined;
const buttonIn = (scope: ParentNode | undefined, name: string) =>
  [...(scope?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find(
    (b) => (b.getAttribute('aria-label') ?? textOf(b)) === name,
  );

describe('the bearer token', () => {
  const consoleLines: string[] = [];
  const eventDetails: string[] = [];
  const seenEvents = new Set<string>();
  const thrown: unknown[] = [];
  const originals = new Map<string, (...args: unknown[]) => void>();
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const record = (event: Event) => {
    seenEvents.add(event.type);
    eventDetails.push(JSON.stringify((event as CustomEvent).detail));
  };

  before(() => {
    ignoreResizeObserverLoopReports();
    performance.setResourceTimingBufferSize(100_000);
    performance.clearResourceTimings();
    for (const method of methods) {
      const original = console[method].bind(console) as (...args: unknown[]) => void;
      originals.set(method, original);
      console[method] = (...args: unknown[]) => {
        consoleLines.push(args.map((arg) => everythingOf(arg).join(' ')).join(' '));
        original(...args);
      };
    }
    for (const name of Object.keys(EVENTS)) window.addEventListener(name, record, { capture: true });
  });
  after(() => {
    for (const method of methods) console[method] = originals.get(method)!;
    for (const name of Object.keys(EVENTS)) window.removeEventListener(name, record, { capture: true });
  });
  beforeEach(resetServer);
  after(expectNoContractViolations);

  /** Every place a token is found in. */
  function findLeaks(): string[] {
    const storage = (store: Storage) =>
      Array.from({ length: store.length }, (_, i) => store.key(i)!).flatMap((key) => [
        key,
        store.getItem(key) ?? '',
      ]);
    const attributes = [...deepElements(document)].flatMap((element) =>
      [...element.attributes].map(
        (attribute) => `${element.localName}[${attribute.name}]=${attribute.value}`,
      ),
    );
    const found = [
      ...leaks('a URL the client requested', requested),
      ...leaks(
        'a URL the page loaded',
        performance.getEntriesByType('resource').map((entry) => entry.name),
      ),
      ...leaks('the page address', [location.href, document.cookie]),
      ...leaks('a DOM attribute', attributes),
      ...leaks('DOM text', deepTexts(document)),
      ...leaks('localStorage', storage(localStorage)),
      ...leaks('sessionStorage', storage(sessionStorage)),
      ...leaks('a console line', consoleLines),
      ...leaks(
        'an error thrown',
        thrown.flatMap((error) => everythingOf(error)),
      ),
      ...leaks('an event detail', eventDetails),
    ];
    return found;
  }
  const expectNoLeak = () => expect(findLeaks()).to.deep.equal([]);

  it('is found wherever it is put (the scan is not blind)', async () => {
    const token = TOKENS.alice;
    const host = await fixture<Lit>(html`<request-list data-token=${token}></request-list>`);
    const inner = document.createElement('p');
    inner.textContent = `Bearer ${token}`;
    host.shadowRoot!.append(inner);
    sessionStorage.setItem('probe', token);
    localStorage.setItem(token, '');
    console.info('probe', new Error(token));
    thrown.push(new Error('probe', { cause: new Error(token) }));
    host.dispatchEvent(
      new CustomEvent('request-selected', { detail: { token }, composed: true, bubbles: true }),
    );
    const probe = `${location.origin}/_control/clock?probe=${token}`;
    await (await fetch(probe)).text();
    await until(() => performance.getEntriesByName(probe).length, 'the probe’s resource timing entry');
    try {
      const found = findLeaks().map((line) => line.slice(0, line.indexOf(':')));
      for (const where of [
        'a URL the page loaded',
        'a DOM attribute',
        'DOM text',
        'sessionStorage',
        'localStorage',
        'a console line',
        'an error thrown',
        'an event detail',
      ])
        expect(found, where).to.include(where);
    } finally {
      performance.clearResourceTimings();
      sessionStorage.removeItem('probe');
      localStorage.removeItem(token);
      consoleLines.splice(0);
      thrown.splice(0);
      eventDetails.splice(0);
      seenEvents.clear();
      host.remove();
    }
    expect(findLeaks()).to.deep.equal([]);
  });

  it('stays out of everything through the portal journey: submit, details, favourite, revoke, approve', async () => {
    const el = await fixture<AccessPortal>(
      html`<access-portal .client=${tokenClient('alice')}></access-portal>`,
    );
    const panel = () => shadow(el)!.querySelector<HTMLElement>('[role="tabpanel"]:not([hidden])');
    const openTab = async (name: string) =>
      (
        await until(
          () =>
            [...shadow(el)!.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => textOf(t) === name),
          `the ${name} tab`,
        )
      ).click();

    await openTab('New Request');
    const form = new RequestFormPage(
      await until(
        () => panel()?.querySelector<Lit & { client: AccessClient }>('access-request-form'),
        'New Request',
      ),
    );
    await until(() => form.rows().length > 0 && form.settled(), 'the form shows resources');
    await form.pick('prod-payments-db');
    await form.next();
    const justification = form.field<HTMLTextAreaElement>('Justification');
    justification.value = 'Investigate INC-77';
    justification.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await form.submit();

    await openTab('My Requests');
    const list = await until(() => panel()?.querySelector<RequestList>('request-list'), 'My Requests');
    const activeCard = await until(
      () =>
        [...(shadow(list)?.querySelectorAll<HTMLElement>('article.card') ?? [])].find((card) => {
          const request = list.items[Number(card.dataset['index'])];
          return request?.status === 'active' && request.can.revoke && request.can.favorite;
        }),
      'the card of an active request',
    );
    activeCard.querySelector<HTMLElement>('[part="card-title"]')!.click();
    const details = await until(() => panel()?.querySelector<RequestDetails>('request-details'), 'details');
    const star = await until(
      () => shadow(details)?.querySelector<HTMLButtonElement>('[part="star"]'),
      'the star',
    );
    const pressed = star.getAttribute('aria-pressed');
    star.click();
    await until(() => seenEvents.has('request-favorite-changed'), 'request-favorite-changed');
    await until(
      () =>
        shadow(details)?.querySelector<HTMLButtonElement>('[part="star"]')?.getAttribute('aria-pressed') !==
        pressed,
      'the star',
    );
    buttonIn(shadow(details), 'Revoke access')!.click();
    const confirm = await until(
      () => shadow(details)!.querySelector<HTMLDialogElement>('#revoke-dialog[open]'),
      'Revoke access?',
    );
    buttonIn(confirm, 'Yes')!.click();
    await until(() => seenEvents.has('request-revoked'), 'request-revoked');

    el.client = tokenClient('bob');
    await openTab('Approvals');
    const inbox = await until(() => panel()?.querySelector<ApprovalInbox>('approval-inbox'), 'Approvals');
    const approve = await until(
      () => shadow(inbox)?.querySelector<HTMLButtonElement>('[part~="approve"]'),
      'an Approve button',
    );
    approve.click();
    const decision = await until(
      () => shadow(inbox)!.querySelector<HTMLDialogElement>('#decision[open]'),
      'the decision dialog',
    );
    buttonIn(decision, 'Approve')!.click();
    await until(() => seenEvents.has('request-approved'), 'request-approved');

    expect([...seenEvents]).to.include.members([
      'view-change-requested',
      'selection-changed',
      'request-submitted',
      'request-selected',
      'request-favorite-changed',
      'request-revoked',
      'request-approved',
    ]);
    expect(requested.length).to.be.greaterThan(10);
    expectNoLeak();
  });

  it('stays out of what failures show and throw: a refused token, a 500, a lost connection', async () => {
    // A refused token: the SDK's error, and the list saying it could not load.
    thrown.push(
      await tokenClient('nobody')
        .me()
        .catch((error: unknown) => error),
    );
    const refused = await fixture<RequestList>(
      html`<request-list .client=${tokenClient('nobody')}></request-list>`,
    );
    await until(() => shadow(refused)?.querySelector('[part~="error"]'), 'the list’s error');

    // A 500, then a lost connection (which the browser may try twice), on loading a list and on
    // submitting; the faults stay until the failure is seen.
    for (const fault of [{ kind: 'error', status: 500 }, { kind: 'drop' }] as const) {
      await addFault({ path: '/v1/access-requests', times: 10, ...fault });
      const list = await fixture<RequestList>(
        html`<request-list .client=${tokenClient('alice')}></request-list>`,
      );
      await until(() => shadow(list)?.querySelector('[part~="error"]'), `the list’s error (${fault.kind})`);
      thrown.push(
        await tokenClient('alice')
          .requests()
          .page()
          .catch((error: unknown) => error),
      );
      thrown.push(
        await tokenClient('alice')
          .submit({
            resources: [{ resource_id: 'res_staging_payments_db', permission_id: 'perm_pg_readonly' }],
            duration_hours: 1,
            justification: 'Investigate INC-77',
          })
          .catch((error: unknown) => error),
      );
      await controlApi('DELETE', 'faults');
    }
    expect(
      thrown.every((error) => error instanceof Error),
      'every call failed',
    ).to.equal(true);
    expect(thrown.map((error) => (error as Error).name)).to.include.members(['ApiError', 'NetworkError']);
    expectNoLeak();
  });
});
