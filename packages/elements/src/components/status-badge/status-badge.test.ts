import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { STATUSES } from '@access-requests/sdk';
import './status-badge.define.js';
import type { StatusBadge } from './status-badge.js';

declare global {
  interface HTMLElementTagNameMap {
    /** A host's own name for the badge, registered by one test below. */
    'my-status-badge': StatusBadge;
  }
}

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

  describe('with a rejection reason', () => {
    const REASON = 'Admin on production is for the DBA team.';
    const parts = (el: StatusBadge) => ({
      base: el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!,
      tip: el.shadowRoot!.querySelector<HTMLElement>('[part="tooltip"]')!,
    });

    it('is focusable and tied to its reason', async () => {
      const el = await fixture<StatusBadge>(
        html`<status-badge status="rejected" reason=${REASON}></status-badge>`,
      );
      const { base, tip } = parts(el);
      expect(base.tabIndex).to.equal(0);
      expect(tip.getAttribute('role')).to.equal('tooltip');
      expect(base.getAttribute('aria-describedby')).to.equal(tip.id);
      expect(tip.textContent).to.contain('Rejection Reason').and.to.contain(REASON);
      expect(tip.matches(':popover-open')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('is a button named by its status that says a reason is available', async () => {
      const el = await fixture<StatusBadge>(
        html`<status-badge status="rejected" reason=${REASON}></status-badge>`,
      );
      const { base, tip } = parts(el);
      expect(base.getAttribute('role')).to.equal('button');
      expect(base.getAttribute('aria-label')).to.equal('Rejected: rejection reason available');
      base.focus();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(tip.matches(':popover-open')).to.equal(false);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(tip.matches(':popover-open'), 'Enter shows the reason again').to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('shows the reason on focus, and Escape hides it', async () => {
      const el = await fixture<StatusBadge>(
        html`<status-badge status="rejected" reason=${REASON}></status-badge>`,
      );
      const { base, tip } = parts(el);
      base.focus();
      await el.updateComplete;
      expect(tip.matches(':popover-open')).to.equal(true);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(tip.matches(':popover-open')).to.equal(false);
    });

    it('shows the reason on hover', async () => {
      const el = await fixture<StatusBadge>(
        html`<status-badge status="rejected" reason=${REASON}></status-badge>`,
      );
      const { base, tip } = parts(el);
      const box = base.getBoundingClientRect();
      await sendMouse({
        type: 'move',
        position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
      });
      await el.updateComplete;
      expect(tip.matches(':popover-open')).to.equal(true);
      await sendMouse({ type: 'move', position: [0, 0] });
      await waitUntil(() => !tip.matches(':popover-open'), 'the tip closes once the pointer leaves');
    });

    it('is no tab stop without a reason, or when told so', async () => {
      const plain = await fixture<StatusBadge>(html`<status-badge status="rejected"></status-badge>`);
      expect(parts(plain).base.hasAttribute('tabindex')).to.equal(false);
      const inList = await fixture<StatusBadge>(
        html`<status-badge status="rejected" reason=${REASON} no-tab-stop></status-badge>`,
      );
      expect(parts(inList).base.tabIndex).to.equal(-1);
    });
  });
});
