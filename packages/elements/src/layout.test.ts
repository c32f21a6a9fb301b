// Layout at phone, 200 %-zoom and desktop sizes, under forced colours and reduced motion.
import { assert, expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import {
  clientFor,
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  resetServer,
  textOf,
  until,
} from './internal/test-support.js';
import './all.define.js';

const SIZES = [
  [320, 640],
  [375, 812],
  [640, 450],
  [1280, 720],
] as const;

const mediaFeatures = (features: { name: string; value: string }[]) =>
  executeServerCommand('access-requests:media-features', features);

async function portal(): Promise<HTMLElement> {
  const el = await fixture<HTMLElement>(html`<access-portal .client=${clientFor('alice')}></access-portal>`);
  await until(() => el.shadowRoot!.querySelectorAll('[role="tab"]').length > 0, 'the tabs');
  return el;
}
const tab = (el: HTMLElement, name: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((t) => textOf(t) === name)!;
const inside = (r: DOMRect) => r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;

describe('layout', () => {
  before(ignoreResizeObserverLoopReports);
  beforeEach(resetServer);
  afterEach(async () => {
    await mediaFeatures([]);
    await setViewport({ width: 800, height: 600 });
  });
  after(expectNoContractViolations);

  for (const [width, height] of SIZES) {
    it(`at ${width}×${height}: an open Status filter scrolls nothing sideways; Access Details fits with its Close`, async () => {
      await setViewport({ width, height });
      const el = await portal();
      tab(el, 'My Requests').click();
      const list = await until(() => el.shadowRoot!.querySelector('request-list')?.shadowRoot, 'the list');
      const filter = await until(
        () => list.querySelector<HTMLButtonElement>('.multi-select-button'),
        'the filter',
      );
      filter.click();
      const panel = list.querySelector<HTMLElement>('.multi-select-panel')!;
      await until(() => !panel.hidden && panel.getBoundingClientRect().width > 0, 'the panel opens');
      assert.isAtMost(panel.getBoundingClientRect().right, innerWidth, 'the panel ends inside the viewport');
      assert.isAtMost(document.documentElement.scrollWidth, innerWidth, 'no sideways page scroll');

      tab(el, 'My Access').click();
      const access = await until(() => el.shadowRoot!.querySelector('my-access')?.shadowRoot, 'My Access');
      const details = await until(
        () =>
          [...access.querySelectorAll<HTMLButtonElement>('[part~="section-active"] button')].find((b) =>
            /Access Details/.test(b.getAttribute('aria-label') ?? textOf(b)),
          ),
        'an Access Details button',
      );
      details.click();
      const dialog = access.querySelector<HTMLDialogElement>('#details-dialog')!;
      await until(() => dialog.open && dialog.querySelector('[part="instructions"]'), 'the details');
      const close = dialog.querySelector<HTMLElement>('.dialog-header button')!;
      assert.isTrue(inside(dialog.getBoundingClientRect()), 'the dialog is inside the viewport');
      assert.isTrue(inside(close.getBoundingClientRect()), 'its Close button is inside the viewport');
      assert.isAtMost(dialog.scrollWidth, dialog.clientWidth, 'nothing in the dialog is wider than it');
      dialog.close();
    });
  }

  it('marks the selected tab with system colours under forced colours', async () => {
    await mediaFeatures([{ name: 'forced-colors', value: 'active' }]);
    const el = await portal();
    const selected = el.shadowRoot!.querySelector('[role="tab"][aria-selected="true"]')!;
    const other = el.shadowRoot!.querySelector('[role="tab"][aria-selected="false"]')!;
    const look = (e: Element) => {
      const s = getComputedStyle(e);
      return `${s.backgroundColor} ${s.color} ${s.borderBlockEndColor}`;
    };
    expect(look(selected)).to.not.equal(look(other));
    await expect(el).to.be.accessible();
  });

  it('runs no transition or animation under reduced motion', async () => {
    await mediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    const el = await fixture<HTMLElement>(html`<request-list .client=${clientFor('alice')}></request-list>`);
    const seconds = (value: string) => Math.max(...value.split(',').map((v) => parseFloat(v) || 0));
    const moving = [...el.shadowRoot!.querySelectorAll('*')].filter((node) => {
      const s = getComputedStyle(node);
      return seconds(s.animationDuration) > 0.01 || seconds(s.transitionDuration) > 0.01;
    });
    expect(moving.map((n) => n.className)).to.deep.equal([]);
  });

  it('mirrors under a right-to-left ancestor: the dialog Close is on the left', async () => {
    await setViewport({ width: 375, height: 812 });
    const page = await fixture<HTMLElement>(
      html`<div dir="rtl"><my-access .client=${clientFor('alice')}></my-access></div>`,
    );
    const access = page.querySelector('my-access')!.shadowRoot!;
    const details = await until(
      () =>
        [...access.querySelectorAll<HTMLButtonElement>('[part~="section-active"] button')].find((b) =>
          /Access Details/.test(b.getAttribute('aria-label') ?? textOf(b)),
        ),
      'an Access Details button',
    );
    details.click();
    const dialog = access.querySelector<HTMLDialogElement>('#details-dialog')!;
    await until(() => dialog.open, 'the dialog');
    const close = dialog.querySelector<HTMLElement>('.dialog-header button')!.getBoundingClientRect();
    const title = dialog.querySelector<HTMLElement>('.dialog-header h2')!.getBoundingClientRect();
    assert.isBelow(close.right, title.left, 'Close sits before the title, on the left');
    dialog.close();
  });
});
