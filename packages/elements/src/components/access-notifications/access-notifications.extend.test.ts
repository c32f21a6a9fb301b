// News of an extension in <access-notifications>, against the reference server: an active access's
// extension waiting for approval, granted (with the new expiry) or not granted (with the reason) is a
// toast and an announcement like a change of status, though the status stays Active.
import { expect, fixture, html } from '@open-wc/testing';
import type { AccessRequest } from '@access-requests/sdk';
import { describeTarget, formatDateTime } from '../../internal/format.js';
import type { AccessNotification } from '../../internal/events.js';
import {
  advance,
  aliceRequest,
  clientFor,
  expectNoContractViolations,
  resetServer,
  streamReady,
  textOf,
  until,
} from '../../internal/test-support.js';
import './access-notifications.define.js';
import type { AccessNotifications } from './access-notifications.js';

const why = { justification: 'The migration runs late.' };
const extensionToasts = (el: AccessNotifications) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="toast-extension"]'),
];
const live = (el: AccessNotifications) => textOf(el.shadowRoot!.querySelector('[part="announcer"]'));

async function notifier() {
  const client = clientFor('alice');
  const el = await fixture<AccessNotifications>(
    html`<access-notifications placement="inline" .client=${client}></access-notifications>`,
  );
  const received: AccessNotification[] = [];
  el.addEventListener('access-notification-received', (e) => received.push(e.detail.notification));
  await streamReady('alice', client);
  // The seeded world's own transitions (a grant and a revocation due 3 s in) happen first.
  await advance(5);
  await until(() => received.length >= 2, 'the seeded changes arrive');
  el.dismissAll();
  received.length = 0;
  return { el, received };
}

const withApprovers = (r: AccessRequest) =>
  r.status === 'active' && r.can.extend && r.extension?.requires_approval === true;

describe('<access-notifications> extensions', () => {
  beforeEach(resetServer);
  after(expectNoContractViolations);

  it('tells the user an extension waits for approval, then that it was granted, with the new expiry', async () => {
    const request = await aliceRequest(withApprovers);
    const { el, received } = await notifier();
    const access = describeTarget(request);
    await clientFor('alice').extend(request.id, { hours: 2, ...why });
    const pending = await until(() => extensionToasts(el)[0], 'the pending toast');
    expect(textOf(pending)).to.contain(`Your extension of ${access} waits for approval.`);
    expect(pending.getAttribute('part')).to.equal('toast toast-active toast-extension');
    await until(() => live(el).includes('waits for approval'), 'it is announced');
    const approved = await clientFor('bob').approve(request.id);
    const until2 = formatDateTime('en', approved.expires_at!);
    await until(() => extensionToasts(el).length === 2, 'the granted toast');
    expect(textOf(extensionToasts(el)[1])).to.contain(
      `Your access to ${access} was extended: it now expires ${until2}.`,
    );
    expect(received.map((n) => [n.request.status, n.extensionStatus])).to.deep.equal([
      ['active', 'pending'],
      ['active', 'approved'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('tells the user an extension was not granted, with the reason', async () => {
    const request = await aliceRequest(withApprovers);
    const { el, received } = await notifier();
    await clientFor('alice').extend(request.id, { hours: 1, ...why });
    await until(() => extensionToasts(el).length === 1, 'the pending toast');
    await clientFor('bob').reject(request.id, { reason: 'Finish it tomorrow.' });
    await until(() => extensionToasts(el).length === 2, 'the rejection toast');
    expect(textOf(extensionToasts(el)[1])).to.contain(
      `Your extension of ${describeTarget(request)} was not granted: Finish it tomorrow.`,
    );
    expect(received.at(-1)?.extensionStatus).to.equal('rejected');
  });

  it('tells the user an extension under an automatic flow was granted at once; a favourite is no news', async () => {
    const request = await aliceRequest(
      (r) => r.status === 'active' && r.can.extend && r.extension?.requires_approval === false,
    );
    const { el, received } = await notifier();
    const alice = clientFor('alice');
    await (request.favorite ? alice.unfavorite(request.id) : alice.favorite(request.id));
    const extended = await alice.extend(request.id, { hours: 1, ...why });
    await until(() => extensionToasts(el).length === 1, 'the granted toast');
    expect(textOf(extensionToasts(el)[0])).to.contain(
      `was extended: it now expires ${formatDateTime('en', extended.expires_at!)}.`,
    );
    expect(received.map((n) => n.extensionStatus)).to.deep.equal(['approved']);
  });
});
