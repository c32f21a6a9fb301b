// The elements with live lists while the event stream fails: changes still arrive (polled for), a
// polite line says updates are paused and how often the server is checked, and it goes when the
// stream is back.
import { expect, fixture, html } from '@open-wc/testing';
import type { AccessClient, RequestUpdate, WatchState } from '@access-requests/sdk';
import '../components/request-list/request-list.define.js';
import '../components/my-access/my-access.define.js';
import '../components/approval-inbox/approval-inbox.define.js';
import '../components/request-details/request-details.define.js';
import type { RequestList } from '../components/request-list/request-list.js';
import {
  addFault,
  advance,
  aliceRequest,
  clientFor,
  controlApi,
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  resetServer,
  textOf,
  until,
  type DemoUser,
} from './test-support.js';

const POLL_MS = 50;
const PAUSED = 'Live updates paused — checking every 0.05 s';

const streamFails = () => addFault({ path: '/v1/events', kind: 'error', status: 500, times: 1000 });
const streamRecovers = () => controlApi('DELETE', 'faults');

/**
 * A client as `user` whose watches poll and reconnect quickly, and a record of what they did: the
 * updates they delivered, the states they reported, the poll rounds they started.
 */
function quickClient(user: DemoUser) {
  const client = clientFor(user);
  const seen = { updates: [] as RequestUpdate[], states: [] as WatchState[], pollRounds: 0 };
  const watch: AccessClient['watch'] = async function* (options = {}) {
    const updates = client.watch({
      ...options,
      reconnectDelayMs: 20,
      pollIntervalMs: POLL_MS,
      onConnect: () => {
        if (seen.states.at(-1)?.mode === 'polling') seen.pollRounds++;
        return options.onConnect?.();
      },
      onStateChange: (state) => {
        seen.states.push(state);
        options.onStateChange?.(state);
      },
    });
    for await (const update of updates) {
      seen.updates.push(update);
      yield update;
    }
  };
  return { client: { ...client, watch }, seen };
}

const liveStatus = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part="live-status"]');

const cardStatus = (el: RequestList, id: string) => {
  const card = [...el.shadowRoot!.querySelectorAll<HTMLElement>('article.card')].find(
    (c) => el.items[Number(c.dataset['index'])]?.id === id,
  );
  return card?.querySelector('status-badge')?.status;
};

describe('live updates while the event stream fails', () => {
  before(ignoreResizeObserverLoopReports);
  beforeEach(resetServer);
  afterEach(streamRecovers);
  after(expectNoContractViolations);

  it('<request-list> polls, says so politely, and goes back to the stream when it recovers', async () => {
    const granting = await aliceRequest('granting');
    await streamFails();
    const { client, seen } = quickClient('alice');
    const el = await fixture<RequestList>(
      html`<request-list style="block-size:200rem" .client=${client}></request-list>`,
    );
    await until(() => cardStatus(el, granting.id) === 'granting', 'the Granting card');
    await until(() => textOf(liveStatus(el)) === PAUSED, 'the paused notice');
    const notice = liveStatus(el)!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    expect(getComputedStyle(notice).position).to.not.equal('absolute', 'shown, not only to screen readers');
    await until(() => seen.pollRounds >= 2, 'a poll round after the first has started');

    await advance(5); // Granting → Active on the server, with no stream to say so
    await until(() => cardStatus(el, granting.id) === 'active', 'the card turns Active, by polling');
    expect(seen.updates.find((u) => u.request.id === granting.id)?.eventId).to.equal('');
    expect(textOf(liveStatus(el))).to.equal(PAUSED);

    await streamRecovers();
    await until(() => seen.states.at(-1)?.mode === 'live', 'the stream is back');
    await until(() => textOf(liveStatus(el)) === '', 'the notice goes');
    // Still in the page for the next time, but no longer shown.
    expect(getComputedStyle(liveStatus(el)!).position).to.equal('absolute');
    await clientFor('alice').revoke(granting.id);
    await until(() => cardStatus(el, granting.id) === 'revoking', 'the card turns Revoking');
    const revoking = seen.updates.find(
      (u) => u.request.id === granting.id && u.request.status === 'revoking',
    );
    expect(revoking?.eventId, 'from the stream').to.not.equal('');
    await expect(el).to.be.accessible();
  });

  it('<my-access>, <approval-inbox> and <request-details> show the notice while polling, and drop it after', async () => {
    const granting = await aliceRequest('granting');
    await streamFails();
    const alice = quickClient('alice').client;
    const bob = quickClient('bob').client;
    const host = await fixture<HTMLDivElement>(
      html`<div>
        <my-access .client=${alice}></my-access>
        <approval-inbox .client=${bob}></approval-inbox>
        <request-details request-id=${granting.id} .client=${alice}></request-details>
      </div>`,
    );
    const elements = [...host.children];
    for (const el of elements)
      await until(() => textOf(liveStatus(el)) === PAUSED, `the notice in <${el.localName}>`);
    await streamRecovers();
    for (const el of elements)
      await until(() => textOf(liveStatus(el)) === '', `no notice in <${el.localName}> once live again`);
  });
});
