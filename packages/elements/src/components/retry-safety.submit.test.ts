// What creates requests from the elements — New Request's Submit, and Request again in the details
// panel and on My Access — under each fault kind of the control API: the server ends up with exactly
// one request per access flow, and a failed press shows a clear error, focused, with everything the
// user entered intact, so pressing again finishes the job with the same Idempotency-Key (the server
// replays its first answer when the requests were already made).
import { expect, fixture, html } from '@open-wc/testing';
import type { AccessClient, AccessRequest } from '@access-requests/sdk';
import './access-request-form/access-request-form.define.js';
import './request-details/request-details.define.js';
import './my-access/my-access.define.js';
import {
  addFault,
  aliceRequest,
  buttonNamed,
  choose,
  clientFor,
  expectNoContractViolations,
  FAULTS,
  ignoreResizeObserverLoopReports,
  openRequestForm,
  pressUntilDone,
  resetServer,
  textOf,
  trackedClient,
  typeInto,
  until,
  type DemoUser,
  type FaultKind,
  type RequestFormPage,
} from '../internal/test-support.js';

const UUID = /^[0-9a-f-]{36}$/;
const JUSTIFICATION = 'Investigating INC-4821: duplicated payouts.';

/** The ids of the requests `user` receives (another reader than the element's client). */
const requestIdsOf = async (user: DemoUser) =>
  (await clientFor(user).requests({ scope: 'mine' }).page({ limit: 200 })).items.map((r) => r.id);

/** The requests each `event` fired on `target` carried. */
function collect(target: EventTarget, event: string): AccessRequest[][] {
  const seen: AccessRequest[][] = [];
  target.addEventListener(event, (e) =>
    seen.push([...(e as CustomEvent<{ requests: AccessRequest[] }>).detail.requests]),
  );
  return seen;
}

/** Everything the user entered on Complete Additional Details, as the page shows it. */
const entered = (page: RequestFormPage) => ({
  summary: textOf(page.part('summary')),
  flows: page.flows(),
  duration: page.field('Duration in Hours').value,
  justification: page.field<HTMLTextAreaElement>('Justification').value,
  ticketType: page.field<HTMLSelectElement>('Ticket Type').value,
  ticketId: page.field('Ticket ID').value,
});

/**
 * The fault took effect as it should: a 429 is waited out by the SDK (one press, two attempts), any
 * other fault fails the first press. A dropped connection may not: Chromium sends a request again by
 * itself when a reused connection closes before any answer, and that second attempt succeeds. Every
 * attempt carries the same key.
 */
function expectAttempts(kind: FaultKind, presses: number, keys: readonly (string | null)[]): void {
  if (kind === 'rate_limit') expect([presses, keys.length]).to.deep.equal([1, 2]);
  else if (kind === 'drop') expect(keys).to.have.length(presses);
  else expect([presses, keys.length]).to.deep.equal([2, 2]);
  expect(keys[0]).to.match(UUID);
  expect(new Set(keys).size).to.equal(1);
}

describe('retry safety of what creates requests', () => {
  before(ignoreResizeObserverLoopReports);
  beforeEach(() => resetServer());
  after(() => expectNoContractViolations());

  for (const fault of FAULTS) {
    it(`Submit under ${fault.kind}: one request per flow, everything entered kept`, async () => {
      const { client, settled, press, keys } = trackedClient('alice', fault.options);
      // Two flows (automatic, and Bob), two permissions, on behalf of Dave.
      const page = await openRequestForm(client, {
        'resource-ids': 'res_staging_payments_db res_prod_payments_db',
        'permission-id': 'perm_pg_readonly',
        'grantee-id': 'usr_dave',
      });
      page.button('Back').click();
      await until(() => page.reviewNames().length === 2, 'the selection');
      choose(
        page.root.querySelector<HTMLSelectElement>('#selected [data-row="0"] select')!,
        'perm_pg_readwrite',
      );
      await page.next();
      await until(
        () => page.flows().length === 2 && page.flows()[0]!.includes('staging-payments-db (ReadWrite)'),
        'two flows, with the permission chosen',
      );
      typeInto(page.field('Duration in Hours'), '3');
      typeInto(page.field<HTMLTextAreaElement>('Justification'), JUSTIFICATION);
      choose(page.field<HTMLSelectElement>('Ticket Type'), 'tt_jira');
      typeInto(page.field('Ticket ID'), 'PAY-4821');
      await page.el.updateComplete;
      const values = entered(page);
      expect(values.summary).to.contain('Dave Example').and.contain('2 resources');
      expect(values.flows.join(' '))
        .to.contain('staging-payments-db (ReadWrite)')
        .and.contain('prod-payments-db (ReadOnly)');
      const submitted = collect(page.el, 'request-submitted');
      const before = await requestIdsOf('dave');

      await addFault({ method: 'POST', path: '/v1/access-requests', kind: fault.kind, ...fault.spec });
      const presses = await pressUntilDone(
        () =>
          press(
            () => page.button('Submit Request').click(),
            () => page.title() === 'Request submitted',
            () =>
              textOf(page.part('form-error')) !== '' &&
              page.button('Submit Request').getAttribute('aria-disabled') === 'false',
            'Submit finishes or says why not',
          ),
        async () => {
          const alert = page.part('form-error')!;
          expect(textOf(alert)).to.match(
            /^Your request could not be submitted: .+ Everything you entered is kept; submit it again to retry\.$/,
          );
          expect(alert.getAttribute('role')).to.equal('alert');
          await until(() => page.root.activeElement === alert, 'focus on the message');
          expect(entered(page)).to.deep.equal(values);
        },
      );
      await settled();

      expectAttempts(fault.kind, presses, keys);
      expect(submitted).to.have.length(1);
      const requests = submitted[0]!;
      expect(requests.map((r) => r.access_flow.id).sort()).to.deep.equal(['flow_nonprod', 'flow_prod_db']);
      for (const request of requests) {
        expect(request.grantee.id).to.equal('usr_dave');
        expect(request.duration_hours).to.equal(3);
        expect(request.justification).to.equal(JUSTIFICATION);
        expect(request.ticket).to.deep.equal({ type: { id: 'tt_jira', name: 'Jira' }, id: 'PAY-4821' });
      }
      const after = await requestIdsOf('dave');
      expect(after.filter((id) => !before.includes(id)).sort()).to.deep.equal(
        requests.map((r) => r.id).sort(),
      );
    });

    for (const place of ['request-details', 'my-access'] as const) {
      it(`Request again in <${place}> under ${fault.kind}: one new request, the justification kept`, async () => {
        const { client, settled, press, keys } = trackedClient('alice', fault.options);
        const { host, source } = await openRequestAgain(place, client);
        const root = host.shadowRoot!;
        const dialog = root.querySelector<HTMLDialogElement>('#again')!;
        await until(() => dialog.open, 'the dialog');
        const justification = `Requested again after a ${fault.kind}.`;
        const textarea = dialog.querySelector('textarea')!;
        const duration = dialog.querySelector<HTMLInputElement>('input[type="number"]')!;
        typeInto(textarea, justification);
        typeInto(duration, '1');
        const submitted = collect(host, 'request-again-submitted');
        const before = await requestIdsOf('alice');

        await addFault({
          method: 'POST',
          path: '/v1/access-requests/:id/request-again',
          kind: fault.kind,
          ...fault.spec,
        });
        const presses = await pressUntilDone(
          () =>
            press(
              () => buttonNamed(dialog, 'Submit Request')!.click(),
              () => dialog.querySelector('[part="created"]') !== null,
              () =>
                textOf(dialog.querySelector('[data-error]')) !== '' &&
                !!buttonNamed(dialog, 'Submit Request'),
              'Request again finishes or says why not',
            ),
          async () => {
            const error = dialog.querySelector<HTMLElement>('[data-error]')!;
            expect(error.getAttribute('role')).to.equal('alert');
            await until(() => root.activeElement === error, 'focus on the message');
            expect(dialog.open, 'the dialog stays open').to.equal(true);
            expect(textarea.value).to.equal(justification);
            expect(duration.value).to.equal('1');
          },
        );
        await settled();

        expectAttempts(fault.kind, presses, keys);
        expect(submitted).to.have.length(1);
        const [created, ...more] = submitted[0]!;
        expect(more).to.deep.equal([]);
        expect(created!.justification).to.equal(justification);
        expect(created!.duration_hours).to.equal(1);
        expect(created!.access_flow.id).to.equal(source.access_flow.id);
        const after = await requestIdsOf('alice');
        expect(after.filter((id) => !before.includes(id))).to.deep.equal([created!.id]);
      });
    }
  }
});

/** Opens the Request again dialog of one of Alice's closed requests, as the user does in `place`. */
async function openRequestAgain(
  place: 'request-details' | 'my-access',
  client: AccessClient,
): Promise<{ host: HTMLElement; source: AccessRequest }> {
  if (place === 'request-details') {
    const source = await aliceRequest((r) => r.can.request_again);
    const host = await fixture<HTMLElement>(
      html`<request-details .client=${client} .request=${source}></request-details>`,
    );
    const again = await until(() => buttonNamed(host.shadowRoot!, 'Request again'), 'Request again');
    again.click();
    return { host, source };
  }
  const host = await fixture<HTMLElement>(html`<my-access .client=${client}></my-access>`);
  const again = await until(
    () => host.shadowRoot!.querySelector<HTMLButtonElement>('[part="again-button"]'),
    'a Request again button',
  );
  const source = await clientFor('alice').request(again.dataset['key']!);
  again.click();
  return { host, source };
}
