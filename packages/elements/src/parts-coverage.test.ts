// Every meaningful node an element renders carries a `part`, so a host can restyle it with
// `::part()`: each element in a filled state, its own shadow root walked for the buttons, fields,
// headings, list items, links and badges that have none.
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import {
  aliceRequest,
  clientFor,
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  openRequestForm,
  resetServer,
  until,
} from './internal/test-support.js';
import './all.define.js';

const MEANINGFUL =
  'button, input, select, textarea, h1, h2, h3, h4, h5, h6, li, a[href], status-badge, dialog';

/**
 * Whether a host reaches a node without a part of its own anyway: a checkbox or a radio inside a
 * part (its `accent-color`, colour and font inherit from it), a list item that only wraps a part.
 */
function reachedThroughItsParent(node: Element): boolean {
  if (node.matches('input[type="checkbox"], input[type="radio"]'))
    return !!node.parentElement?.closest('[part]');
  return node.localName === 'li' && node.children.length === 1 && node.children[0]!.hasAttribute('part');
}

/** The meaningful nodes of one shadow root (not of the elements nested in it) that carry no part. */
function withoutPart(root: ShadowRoot): string[] {
  return [...root.querySelectorAll(MEANINGFUL)]
    .filter((node) => !node.hasAttribute('part') && !node.closest('[aria-hidden="true"]'))
    .filter((node) => !reachedThroughItsParent(node))
    .map((node) => {
      const id = node.id ? `#${node.id}` : '';
      const cls = node.getAttribute('class')?.trim().replace(/\s+/g, '.') ?? '';
      const type = node.getAttribute('type') ? `[type=${node.getAttribute('type')}]` : '';
      const inPart = node.parentElement?.closest('[part]')?.getAttribute('part');
      return `${node.localName}${id}${cls ? `.${cls}` : ''}${type}${inPart ? ` in ${inPart}` : ''}`;
    })
    .filter((found, i, all) => all.indexOf(found) === i);
}

type Filled = HTMLElement & { updateComplete: Promise<boolean> };

async function filled(template: TemplateResult, ready: string, what: string): Promise<Filled> {
  const el = await fixture<Filled>(template);
  await until(() => el.shadowRoot?.querySelector(ready), what, 8000);
  await el.updateComplete;
  return el;
}

describe('parts', () => {
  before(ignoreResizeObserverLoopReports);
  beforeEach(resetServer);
  after(expectNoContractViolations);

  it('<request-list>: every card, its badge, star and the controls', async () => {
    const el = await filled(
      html`<request-list .client=${clientFor('alice')}></request-list>`,
      '[part~="card"]',
      'cards',
    );
    expect(withoutPart(el.shadowRoot!)).to.deep.equal([]);
  });

  it('<request-details>: the panel of a request', async () => {
    const request = await aliceRequest('active');
    const el = await filled(
      html`<request-details .client=${clientFor('alice')} request-id=${request.id}></request-details>`,
      'status-badge',
      'the request',
    );
    expect(withoutPart(el.shadowRoot!)).to.deep.equal([]);
  });

  it('<my-access>: the access items', async () => {
    const el = await filled(
      html`<my-access .client=${clientFor('alice')}></my-access>`,
      'status-badge',
      'items',
    );
    expect(withoutPart(el.shadowRoot!)).to.deep.equal([]);
  });

  it('<my-access>: the templates (Load more past the first), with the Rename dialog open', async () => {
    const alice = clientFor('alice');
    for (const name of ['Staging', 'Audit'])
      await alice.createTemplate({
        name,
        request: {
          resources: [{ resource_id: 'res_staging_payments_db', permission_id: 'perm_pg_readonly' }],
        },
      });
    const el = await filled(
      html`<my-access .client=${alice} templates-page-size="1"></my-access>`,
      '[part~="load-more"]',
      'templates',
    );
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="rename-template"]')!.click();
    await until(() => el.shadowRoot!.querySelector('#rename-template[open] input'), 'the Rename dialog');
    expect(withoutPart(el.shadowRoot!)).to.deep.equal([]);
  });

  it('<access-portal>: a template that does not exist, above the form', async () => {
    const el = await filled(
      html`<access-portal .client=${clientFor('alice')}></access-portal>`,
      '[part~="tab"]',
      'tabs',
    );
    (el as unknown as { showTemplate(id: string): void }).showTemplate('tpl_999999');
    await until(() => el.shadowRoot!.querySelector('[part~="template-error"]'), 'the template error', 8000);
    expect(withoutPart(el.shadowRoot!)).to.deep.equal([]);
  });

  it('<approval-inbox>: the requests to decide', async () => {
    const el = await filled(
      html`<approval-inbox .client=${clientFor('bob')}></approval-inbox>`,
      '[part~="item"]',
      'items',
    );
    expect(withoutPart(el.shadowRoot!)).to.deep.equal([]);
  });

  it('<access-request-form>: the first step with results', async () => {
    const page = await openRequestForm('alice');
    expect(withoutPart(page.root)).to.deep.equal([]);
  });

  it('<access-portal>: the tabs', async () => {
    const el = await filled(
      html`<access-portal .client=${clientFor('bob')}></access-portal>`,
      '[part~="tab"]',
      'tabs',
    );
    expect(withoutPart(el.shadowRoot!)).to.deep.equal([]);
  });
});
