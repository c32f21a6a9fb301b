import { expect, fixture, html } from '@open-wc/testing';
import './access-requests-provider.define.js';
import '../request-list/request-list.define.js';
import type { AccessRequestsProvider } from './access-requests-provider.js';
import {
  clientFor,
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  resetServer,
  until,
} from '../../internal/test-support.js';

const listIn = (provider: AccessRequestsProvider) => provider.querySelector('request-list')!;
const grantees = (provider: AccessRequestsProvider) =>
  new Set(listIn(provider).items.map((r) => r.grantee.name));

describe('<access-requests-provider>', () => {
  before(ignoreResizeObserverLoopReports);
  beforeEach(resetServer);
  after(expectNoContractViolations);

  it('is accessible', async () => {
    const el = await fixture<AccessRequestsProvider>(
      html`<access-requests-provider .token=${'demo-alice'}
        ><request-list></request-list
      ></access-requests-provider>`,
    );
    await until(() => listIn(el).items.length > 0, 'the list loads through the provider');
    await expect(el).to.be.accessible();
  });

  it('shares one client, made from base-url and a token, with the elements inside', async () => {
    const el = await fixture<AccessRequestsProvider>(
      html`<access-requests-provider base-url=${location.origin} .token=${'demo-alice'}>
        <request-list></request-list>
      </access-requests-provider>`,
    );
    await until(() => listIn(el).items.length === 13, 'Alice’s requests');
    expect(grantees(el)).to.deep.equal(new Set(['Alice Example']));
    expect(el.getAttributeNames().some((name) => name.includes('token'))).to.equal(false);
    expect(el.outerHTML).not.to.contain('demo-alice');
  });

  it('takes a token function, and reloads its elements when the user changes', async () => {
    let token = 'demo-alice';
    const el = await fixture<AccessRequestsProvider>(
      html`<access-requests-provider .token=${() => token}
        ><request-list></request-list
      ></access-requests-provider>`,
    );
    await until(() => listIn(el).items.length === 13, 'Alice’s requests');
    token = 'demo-dave';
    el.token = () => token;
    await until(
      () => grantees(el).has('Dave Example') && !grantees(el).has('Alice Example'),
      'Dave’s requests',
    );
  });

  it('lets an element use its own client instead', async () => {
    const el = await fixture<AccessRequestsProvider>(
      html`<access-requests-provider .token=${'demo-alice'}>
        <request-list .client=${clientFor('dave')}></request-list>
      </access-requests-provider>`,
    );
    await until(() => listIn(el).items.length > 0, 'the list loads');
    expect(grantees(el)).to.deep.equal(new Set(['Dave Example']));
  });

  it('takes a base-url that is a path on the page’s origin', async () => {
    const el = await fixture<AccessRequestsProvider>(
      html`<access-requests-provider base-url="/" .token=${'demo-alice'}>
        <request-list></request-list>
      </access-requests-provider>`,
    );
    await until(() => listIn(el).items.length === 13, 'Alice’s requests');
  });

  it('says what is wrong with a base-url it cannot use, and calls nothing', async () => {
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args.join(' '));
    try {
      const el = await fixture<AccessRequestsProvider>(
        html`<access-requests-provider base-url="ftp://access.example.com" .token=${'demo-alice'}>
          <request-list></request-list>
        </access-requests-provider>`,
      );
      await el.updateComplete;
      expect(logged.join('\n')).to.contain(
        '<access-requests-provider base-url="ftp://access.example.com">: createAccessClient: baseUrl',
      );
      expect(logged.join('\n')).to.contain('needs a scheme, http:// or https://');
      expect(listIn(el).items).to.have.length(0);
      // A host name without a scheme is refused too, not taken for a path on the page's origin.
      logged.length = 0;
      el.baseUrl = 'access.example.com';
      await el.updateComplete;
      expect(logged.join('\n')).to.contain(`baseUrl 'access.example.com' needs a scheme`);
    } finally {
      console.error = original;
    }
  });

  it('shares a ready client', async () => {
    const el = await fixture<AccessRequestsProvider>(
      html`<access-requests-provider .client=${clientFor('alice')}
        ><request-list scope="on_behalf"></request-list
      ></access-requests-provider>`,
    );
    await until(() => listIn(el).items.length === 2, 'the two requests Alice made for Dave');
  });
});
