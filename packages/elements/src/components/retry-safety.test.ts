// What the user presses — Revoke's Yes, the favourite star, Approve, Reject — under each fault kind of
// the control API: the server ends up changed exactly once, and a failed press shows a clear error
// with what the user entered intact, so pressing again finishes the job (with the same
// Idempotency-Key: the server replays the first answer when the change was already made).
import { expect, fixture, html } from '@open-wc/testing';
import type { AccessClient } from '@access-requests/sdk';
import './request-details/request-details.define.js';
import './approval-inbox/approval-inbox.define.js';
import type { RequestDetails } from './request-details/request-details.js';
import type { ApprovalInbox } from './approval-inbox/approval-inbox.js';
import {
  addFault,
  aliceRequest,
  clientFor,
  expectNoContractViolations,
  FAULTS,
  pressUntilDone,
  resetServer,
  textOf,
  trackedClient,
  typeInto,
  until,
} from '../internal/test-support.js';

const button = (scope: ParentNode, name: string) =>
  [...scope.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => (b.getAttribute('aria-label') ?? textOf(b)) === name,
  );

/** A dialog's failure is said (an alert) where the user looks: focus moves to it. */
async function errorFocused(root: ShadowRoot, dialog: HTMLDialogElement): Promise<void> {
  const error = dialog.querySelector<HTMLElement>('[data-error]')!;
  expect(error.getAttribute('role')).to.equal('alert');
  await until(() => root.activeElement === error, 'focus on the message');
}

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
        async () => {
          expect(dialog.open, 'the confirmation stays open').to.equal(true);
          await errorFocused(root, dialog);
        },
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
          () => {
            expect(star().getAttribute('aria-pressed')).not.to.equal(pressed);
          },
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
          async () => {
            expect(dialog.querySelector('textarea')!.value).to.equal(reason);
            await errorFocused(root, dialog);
          },
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
