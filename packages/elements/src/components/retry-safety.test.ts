// What the user presses — Revoke's Yes, the favourite star, Approve, Reject — under each fault kind of
// the control API: the server ends up changed exactly once, and a failed press shows a clear error
// with what the user entered intact, so pressing again finishes the job (with the same
// Idempotency-Key: the server replays the first answer when the change was already made).
import { expect, fixture, html } from '@open-wc/testing';
import { createAccessClient, type AccessClient, type AccessClientOptions } from '@access-requests/sdk';
import './request-details/request-details.define.js';
import './approval-inbox/approval-inbox.define.js';
import type { RequestDetails } from './request-details/request-details.js';
import type { ApprovalInbox } from './approval-inbox/approval-inbox.js';
import {
  addFault,
  aliceRequest,
  clientFor,
  expectNoContractViolations,
  resetServer,
  textOf,
  typeInto,
  until,
  type DemoUser,
} from '../internal/test-support.js';

type FaultKind = 'error' | 'rate_limit' | 'delay' | 'drop' | 'commit_then_drop';

/**
 * A client whose every change (a non-GET request) runs to its answer even when the call gives up on
 * it (a timeout), so a test can wait for `settled()` instead of guessing when a late attempt reaches
 * the server.
 */
function trackedClient(user: DemoUser, options: Partial<AccessClientOptions> = {}) {
  const inFlight: Promise<unknown>[] = [];
  let changes = 0;
  const fetch = (request: Request): Promise<Response> => {
    // Reads (the event stream among them) stay abortable; only changes run on after a timeout.
    if (request.method === 'GET') return globalThis.fetch(request);
    changes++;
    const sent = globalThis.fetch(new Request(request, { signal: null }));
    inFlight.push(sent.catch(() => undefined));
    return new Promise((resolve, reject) => {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the abort reason, as fetch rejects
      request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
      sent.then(resolve, reject);
    });
  };
  const client = createAccessClient({
    baseUrl: location.origin,
    token: `demo-${user}`,
    retry: false,
    fetch,
    ...options,
  });
  const settled = () => Promise.all(inFlight);
  /**
   * Clicks, waits for the change it sends and every answer, then resolves `true` once `done()` holds
   * or `false` once `failed()` does.
   */
  const press = async (click: () => void, done: () => boolean, failed: () => boolean, what: string) => {
    const before = changes;
    click();
    await until(() => changes > before, `${what}: the call is sent`);
    await settled();
    let result = false;
    await until(() => (done() ? ((result = true), true) : failed()), what, 8000);
    return result;
  };
  return { client, settled, press };
}

/** How each fault is met: the user retries by hand (no SDK retries), but the SDK waits out a 429. */
const FAULTS: readonly {
  readonly kind: FaultKind;
  readonly spec: Record<string, unknown>;
  readonly options: Partial<AccessClientOptions>;
}[] = [
  { kind: 'error', spec: { status: 500 }, options: {} },
  { kind: 'rate_limit', spec: { retry_after: 1 }, options: { retry: { baseDelayMs: 5, maxDelayMs: 20 } } },
  { kind: 'delay', spec: { delay_ms: 600 }, options: { timeoutMs: 200 } },
  { kind: 'drop', spec: {}, options: {} },
  { kind: 'commit_then_drop', spec: {}, options: {} },
];

/** Presses until done (at most twice: a fault affects one attempt); every failure must say so. */
async function pressUntilDone(press: () => Promise<boolean>, inputIntact: () => void): Promise<number> {
  for (let attempt = 1; attempt <= 2; attempt++) {
    if (await press()) return attempt;
    inputIntact();
  }
  throw new Error('The second press did not finish either.');
}

const button = (scope: ParentNode, name: string) =>
  [...scope.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => (b.getAttribute('aria-label') ?? textOf(b)) === name,
  );

describe('retry safety of what the user presses', () => {
  beforeEach(() => resetServer());
  after(() => expectNoContractViolations());

  for (const fault of FAULTS) {
    it(`Revoke under ${fault.kind}: revoked once`, async () => {
      const request = await aliceRequest((r) => r.status === 'active' && r.can.revoke);
      const { client, settled, press } = trackedClient('alice', fault.options);
      const el = await fixture<RequestDetails>(
        html`<request-details .client=${client} .request=${request}></request-details>`,
      );
      const root = el.shadowRoot!;
      await until(() => button(root, 'Revoke access'), 'the panel');
      button(root, 'Revoke access')!.click();
      const dialog = root.querySelector<HTMLDialogElement>('#revoke-dialog')!;
      await until(() => dialog.open, 'the confirmation');
      await addFault({
        method: 'POST',
        path: '/v1/access-requests/:id/revoke',
        kind: fault.kind,
        ...fault.spec,
      });
      await pressUntilDone(
        () =>
          press(
            () => button(dialog, 'Yes')!.click(),
            () => !dialog.open,
            () => textOf(dialog.querySelector('[data-error]')) !== '',
            'Revoke finishes or says why not',
          ),
        () => expect(dialog.open, 'the confirmation stays open').to.equal(true),
      );
      await settled();
      const now = await clientFor('alice').request(request.id);
      expect(now.status).to.equal('revoking');
      expect(now.revocation_reason).to.equal('user');
    });

    it(`the favourite star under ${fault.kind}: favourite once, then not`, async () => {
      const request = await aliceRequest((r) => r.status === 'active' && r.can.favorite && !r.favorite);
      const { client, settled, press } = trackedClient('alice', fault.options);
      const el = await fixture<RequestDetails>(
        html`<request-details .client=${client} .request=${request}></request-details>`,
      );
      const root = el.shadowRoot!;
      const star = () => root.querySelector<HTMLButtonElement>('[part="star"]')!;
      await until(() => root.querySelector('[part="star"]'), 'the star');
      const favorites = async () =>
        (await clientFor('alice').myAccess()).favorites.filter((r) => r.id === request.id).length;
      for (const [method, pressed] of [
        ['PUT', 'true'],
        ['DELETE', 'false'],
      ] as const) {
        await addFault({ method, path: '/v1/access-requests/:id/favorite', kind: fault.kind, ...fault.spec });
        await pressUntilDone(
          () =>
            press(
              () => star().click(),
              () => star().getAttribute('aria-pressed') === pressed && star().ariaDisabled !== 'true',
              () => textOf(root.querySelector('[role="alert"]')) !== '' && star().ariaDisabled !== 'true',
              'the star settles or says why not',
            ),
          () => expect(star().getAttribute('aria-pressed')).not.to.equal(pressed),
        );
        await settled();
        expect((await clientFor('alice').request(request.id)).favorite).to.equal(pressed === 'true');
        expect(await favorites()).to.equal(pressed === 'true' ? 1 : 0);
      }
    });

    for (const decision of ['Approve', 'Reject'] as const) {
      it(`${decision} under ${fault.kind}: decided once, the reason kept`, async () => {
        const [request] = await clientFor('alice').submit({
          resources: [{ resource_id: 'res_prod_payments_db', permission_id: 'perm_pg_readonly' }],
          duration_hours: 2,
          justification: 'Retry safety',
        });
        const { client, settled, press } = trackedClient('bob', fault.options);
        const inbox = await fixture<ApprovalInbox>(html`<approval-inbox .client=${client}></approval-inbox>`);
        const root = inbox.shadowRoot!;
        const title = 'prod-payments-db (ReadOnly)';
        const item = await until(
          () =>
            [...root.querySelectorAll<HTMLElement>('article[part="item"]')].find(
              (i) => textOf(i.querySelector('h3')) === title,
            ),
          'the request in the inbox',
        );
        button(item, `${decision}: ${title}`)!.click();
        const dialog = root.querySelector<HTMLDialogElement>('#decision')!;
        await until(() => dialog.open, 'the dialog');
        const reason = `${decision}d after a fault`;
        typeInto(dialog.querySelector('textarea')!, reason);
        const path = `/v1/access-requests/:id/${decision.toLowerCase()}`;
        await addFault({ method: 'POST', path, kind: fault.kind, ...fault.spec });
        await pressUntilDone(
          () =>
            press(
              () => button(dialog, decision)!.click(),
              () => !dialog.open,
              () => textOf(dialog.querySelector('[data-error]')) !== '',
              `${decision} finishes or says why not`,
            ),
          () => expect(dialog.querySelector('textarea')!.value).to.equal(reason),
        );
        await settled();
        const now = await clientFor('alice').request(request!.id);
        expect(now.status).to.equal(decision === 'Approve' ? 'granting' : 'rejected');
        expect(now.approvals.map((a) => [a.approver.id, a.status, a.reason])).to.deep.equal([
          ['usr_bob', decision === 'Approve' ? 'approved' : 'rejected', reason],
        ]);
      });
    }
  }

  it('pressing again sends the same key; another reason is a new intent with a new key', async () => {
    const keys: (string | undefined)[] = [];
    const { client, settled } = trackedClient('bob');
    const recording = new Proxy(client, {
      get: (target, name: keyof AccessClient) =>
        name === 'reject'
          ? (...args: Parameters<AccessClient['reject']>) => {
              keys.push(args[2]?.idempotencyKey);
              return target.reject(...args);
            }
          : target[name],
    });
    await clientFor('alice').submit({
      resources: [{ resource_id: 'res_prod_payments_db', permission_id: 'perm_pg_readonly' }],
      duration_hours: 2,
      justification: 'Retry safety',
    });
    const inbox = await fixture<ApprovalInbox>(html`<approval-inbox .client=${recording}></approval-inbox>`);
    const root = inbox.shadowRoot!;
    const title = 'prod-payments-db (ReadOnly)';
    const item = await until(
      () =>
        [...root.querySelectorAll<HTMLElement>('article[part="item"]')].find(
          (i) => textOf(i.querySelector('h3')) === title,
        ),
      'the request in the inbox',
    );
    button(item, `Reject: ${title}`)!.click();
    const dialog = root.querySelector<HTMLDialogElement>('#decision')!;
    await until(() => dialog.open, 'the dialog');
    await addFault({ method: 'POST', path: '/v1/access-requests/:id/reject', kind: 'error', times: 3 });
    for (const [index, reason] of ['First reason', 'First reason', 'Second reason'].entries()) {
      typeInto(dialog.querySelector('textarea')!, reason);
      button(dialog, 'Reject')!.click();
      await until(() => keys.length === index + 1, 'the call');
      await settled();
      await until(() => textOf(dialog.querySelector('[data-error]')) !== '', 'the error');
    }
    expect(keys[0]).to.match(/^[0-9a-f-]{36}$/);
    expect(keys[1]).to.equal(keys[0]);
    expect(keys[2]).to.match(/^[0-9a-f-]{36}$/);
    expect(keys[2]).not.to.equal(keys[0]);
  });
});
