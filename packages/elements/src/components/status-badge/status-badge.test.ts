import { expect, fixture, html } from '@open-wc/testing';
import { STATUSES } from '@access-requests/sdk';
import './status-badge.define.js';
import type { StatusBadge } from './status-badge.js';

describe('<status-badge>', () => {
  it('is accessible', async () => {
    const el = await fixture<StatusBadge>(html`<status-badge status="pending_approval"></status-badge>`);
    await expect(el).to.be.accessible();
  });

  for (const status of STATUSES) {
    it(`shows ${status.label} with its own icon, tone and meaning`, async () => {
      const el = await fixture<StatusBadge>(html`<status-badge status=${status.id}></status-badge>`);
      const base = el.shadowRoot!.querySelector('[part="base"]')!;
      expect(el.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal(status.label);
      expect(base.getAttribute('title')).to.equal(status.description);
      expect(el.getAttribute('tone')).to.equal(status.tone);
      const icon = el.shadowRoot!.querySelector('svg[part="icon"]')!;
      expect(icon.getAttribute('aria-hidden')).to.equal('true');
      expect(icon.innerHTML.length).to.be.greaterThan(0);
    });
  }

  it('draws a different icon for every status', async () => {
    const shapes = new Set<string>();
    for (const status of STATUSES) {
      const el = await fixture<StatusBadge>(html`<status-badge status=${status.id}></status-badge>`);
      shapes.add(el.shadowRoot!.querySelector('svg[part="icon"]')!.innerHTML);
    }
    expect(shapes.size).to.equal(STATUSES.length);
  });

  it('follows a status change', async () => {
    const el = await fixture<StatusBadge>(html`<status-badge status="granting"></status-badge>`);
    el.status = 'active';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal('Active');
    expect(el.getAttribute('tone')).to.equal('positive');
  });

  it('shows an unknown status as it came, without a tone', async () => {
    const el = await fixture<StatusBadge>(html`<status-badge status="archived"></status-badge>`);
    expect(el.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal('archived');
    expect(el.hasAttribute('tone')).to.equal(false);
  });

  it('can be registered twice and under another name', async () => {
    const { StatusBadge: Badge } = await import('./status-badge.js');
    const { define } = await import('../../define.js');
    define('status-badge', Badge);
    customElements.define('my-status-badge', class extends Badge {});
    const el = await fixture<StatusBadge>(html`<my-status-badge status="failed"></my-status-badge>`);
    expect(el.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal('Failed');
  });
});
