// The portal's lazy views, with loaders the test holds: the skeleton while a view's element loads, and a
// failed load said with a Retry that loads it. No define module runs in this page, so
// <access-request-form> is not registered until the portal registers it.
import { expect, fixture, html } from '@open-wc/testing';
import { AccessPortal } from './access-portal.js';
import { AccessRequestForm } from '../access-request-form/access-request-form.js';
import { deepActiveElement } from '../../internal/dialog.js';
import {
  clientFor,
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  resetServer,
  textOf,
  until,
} from '../../internal/test-support.js';

/** Each load of New Request's element waits here until the test settles it. */
const loads: { resolve(c: CustomElementConstructor): void; reject(e: Error): void }[] = [];
class HeldPortal extends AccessPortal {}
HeldPortal.viewLoaders = {
  'new-request': () =>
    new Promise<CustomElementConstructor>((resolve, reject) => loads.push({ resolve, reject })),
};
customElements.define('held-portal', HeldPortal);

describe('<access-portal>: views that load when first shown', () => {
  before(ignoreResizeObserverLoopReports);
  beforeEach(async () => {
    // A draft another file's form saved in this tab would open New Request on a later step.
    sessionStorage.clear();
    await resetServer();
  });
  after(expectNoContractViolations);

  it('shows a skeleton while a view loads, says when it could not, and Retry loads it', async () => {
    const el = await fixture<AccessPortal>(
      html`<held-portal view="new-request" .client=${clientFor('alice')}></held-portal>`,
    );
    const panel = () => el.shadowRoot!.querySelector('#panel-new-request')!;
    const loading = await until(() => panel().querySelector('[part="view-loading"]'), 'the skeleton');
    expect(loading.getAttribute('role')).to.equal('status');
    expect(loading.getAttribute('aria-busy')).to.equal('true');
    expect(textOf(loading)).to.equal('Loading New Request…');
    expect(loading.querySelector('[part="skeleton"]')).not.to.equal(null);
    expect(customElements.get('access-request-form')).to.equal(undefined);
    expect(loads).to.have.length(1);

    loads[0]!.reject(new TypeError('Failed to fetch dynamically imported module'));
    const failure = await until(() => panel().querySelector('[part="view-error"]'), 'the failure');
    expect(failure.getAttribute('role')).to.equal('alert');
    expect(textOf(failure)).to.match(/^Could not load New Request\. .*Retry$/);
    await expect(el).to.be.accessible();

    [...failure.querySelectorAll('button')].find((b) => textOf(b) === 'Retry')!.click();
    await until(() => loads.length === 2, 'a second load');
    await until(() => panel().querySelector('[part="view-loading"]'), 'the skeleton again');
    loads[1]!.resolve(AccessRequestForm);
    const form = await until(() => panel().querySelector('access-request-form'), 'the form');
    expect(customElements.get('access-request-form') === AccessRequestForm, 'registered').to.equal(true);
    await until(
      () => textOf(form.shadowRoot?.querySelector('#step-title')) === 'New Request',
      'its first step',
    );
    expect(deepActiveElement()?.id, 'focus went to the tab, not <body>').to.equal('tab-new-request');
  });
});
