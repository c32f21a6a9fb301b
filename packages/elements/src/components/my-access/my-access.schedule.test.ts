// Scheduled Access on My Access: an approved request waiting for its start says when it starts, and
// moves to Active Access, live, once the start comes.
import { expect, fixture, html } from '@open-wc/testing';
import {
  advance,
  clientFor,
  expectNoContractViolations,
  resetServer,
  streamReady,
  textOf,
  until,
} from '../../internal/test-support.js';
import './my-access.define.js';
import type { MyAccess } from './my-access.js';

type Name = 'active' | 'scheduled';
const section = (el: MyAccess, name: Name) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="section-${name}"]`);
const itemTitles = (el: MyAccess, name: Name) =>
  [...(section(el, name)?.querySelectorAll('[part="item-title"]') ?? [])].map((t) => textOf(t));

describe('<my-access>: Scheduled Access', () => {
  beforeEach(resetServer);
  after(expectNoContractViolations);

  it('lists what starts later with when it starts, and moves it to Active Access at the start', async () => {
    const client = clientFor('alice');
    const el = await fixture<MyAccess>(html`<my-access .client=${client}></my-access>`);
    await until(() => el.myAccess, 'loaded');
    const headings = [...el.shadowRoot!.querySelectorAll('h2')].map((h) => textOf(h));
    expect(headings.slice(0, 2)).to.deep.equal(['Active Access', 'Scheduled Access']);
    expect(itemTitles(el, 'scheduled')).to.deep.equal(['prod-orders-db (ReadWrite)']);
    const meta = section(el, 'scheduled')!.querySelector('[part="item-meta"]')!;
    expect(textOf(meta)).to.match(/^Starts .*GMT/);
    expect(meta.querySelector('time')!.getAttribute('datetime')).to.equal('2026-01-15T12:00:00Z');
    const badge = section(el, 'scheduled')!.querySelector('status-badge')!;
    expect(textOf(badge.shadowRoot!.querySelector('[part="label"]'))).to.equal('Scheduled');
    await expect(el).to.be.accessible();

    await streamReady('alice', client);
    await advance(3 * 3600 + 6);
    await until(
      () => itemTitles(el, 'active').includes('prod-orders-db (ReadWrite)'),
      'the access, granted at its start, under Active Access',
    );
    expect(section(el, 'scheduled')).to.equal(null);
  });
});
