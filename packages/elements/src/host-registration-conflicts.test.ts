// A host whose names meet ours: it took a default tag name with a class of its own, or registered
// one of our classes under its own name before a define module of ours ran. Nothing may throw.
// Its own page (the registry is the page's): this file imports classes only.
import { expect, fixture, html } from '@open-wc/testing';
import { MyAccess, RequestList, define } from './index.js';
import {
  clientFor,
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  resetServer,
  until,
} from './internal/test-support.js';

/** The host's own `<status-badge>`, registered before any of ours. */
class HostBadge extends HTMLElement {}

const cards = (list: Element) => [...(list.shadowRoot?.querySelectorAll<HTMLElement>('article.card') ?? [])];
const warnings: string[] = [];
const originalWarn = console.warn;

async function listAs(tag: 'acme-requests' | 'request-list'): Promise<RequestList> {
  const client = clientFor('alice');
  const el = await fixture<RequestList>(
    tag === 'acme-requests'
      ? html`<acme-requests style="block-size:30rem" .client=${client}></acme-requests>`
      : html`<request-list style="block-size:30rem" .client=${client}></request-list>`,
  );
  await until(() => cards(el).length > 0, `<${tag}> shows cards`);
  return el;
}

describe('a host whose tag names meet ours', () => {
  before(ignoreResizeObserverLoopReports);
  before(() => {
    expect(customElements.get('status-badge') === undefined, '<status-badge> is not registered yet').to.equal(
      true,
    );
    customElements.define('status-badge', HostBadge);
    customElements.define('acme-requests', RequestList);
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
  });
  after(() => (console.warn = originalWarn));
  beforeEach(resetServer);
  after(expectNoContractViolations);

  it('gets an accessible list, with its own badges in it', async () => {
    const el = await listAs('acme-requests');
    await expect(el).to.be.accessible();
    const badge = cards(el)[0]!.querySelector('status-badge');
    expect(badge instanceof HostBadge, 'the card holds the host’s <status-badge>').to.equal(true);
  });

  it('is warned once that <status-badge> is taken, however many of our elements want it', async () => {
    await listAs('acme-requests');
    customElements.define('acme-access', MyAccess);
    await fixture(html`<acme-access .client=${clientFor('alice')}></acme-access>`);
    await fixture(html`<acme-access .client=${clientFor('alice')}></acme-access>`);
    expect(warnings.filter((w) => w.includes('<status-badge>'))).to.have.length(1);
  });

  it('can still register a class it registered under its own name under ours, twice', async () => {
    define('request-list', RequestList);
    define('request-list', RequestList);
    const el = await listAs('request-list');
    expect(el instanceof RequestList, '<request-list> is a RequestList').to.equal(true);
    expect(warnings.filter((w) => w.includes('<request-list>'))).to.deep.equal([]);
  });
});
