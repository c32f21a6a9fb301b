import { assert, expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { AccessClient, Template } from '@access-requests/sdk';
import { deepActiveElement } from '../../internal/dialog.js';
import {
  addFault,
  buttonNamed,
  clientFor,
  controlApi,
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  openRequestForm,
  resetServer,
  textOf,
  typeInto,
  until,
} from '../../internal/test-support.js';
import '../access-request-form/access-request-form.define.js';
import './my-access.define.js';
import type { MyAccess } from './my-access.js';

const STAGING = { resource_id: 'res_staging_payments_db', permission_id: 'perm_pg_readonly' };
const AWS = { resource_id: 'res_aws_1234', permission_id: 'perm_aws_readonly' };

const root = (el: MyAccess) => el.shadowRoot!;
const section = (el: MyAccess) => root(el).querySelector<HTMLElement>('[part~="section-templates"]')!;
const names = (el: MyAccess) =>
  [...section(el).querySelectorAll('[part~="template-item"] [part="item-title"]')].map((t) => textOf(t));
const metaOf = (el: MyAccess, name: string) =>
  textOf(
    [...section(el).querySelectorAll('[part~="template-item"]')]
      .find((item) => textOf(item.querySelector('[part="item-title"]')) === name)
      ?.querySelector('[part="item-meta"]'),
  );
const announced = (el: MyAccess) =>
  [...root(el).querySelectorAll('[part="announcer"]')]
    .map((region) => textOf(region))
    .join(' ')
    .trim();
const press = (el: MyAccess, name: string) => {
  const button = buttonNamed(section(el), name);
  assert.exists(button, `a button named ${name}`);
  button.focus();
  button.click();
  return button;
};

async function saveTemplates(client: AccessClient, ...names: string[]): Promise<Template[]> {
  const saved: Template[] = [];
  for (const [i, name] of names.entries())
    saved.push(
      await client.createTemplate({
        name,
        request: { resources: i % 2 ? [STAGING, AWS] : [STAGING], duration_hours: i + 1 },
      }),
    );
  return saved;
}

async function myAccess(client = clientFor('alice'), pageSize = 50): Promise<MyAccess> {
  const el = await fixture<MyAccess>(
    html`<my-access .client=${client} templates-page-size=${pageSize}></my-access>`,
  );
  await until(() => el.myAccess && !section(el).querySelector('[aria-busy="true"]'), 'Templates are loaded');
  await el.updateComplete;
  return el;
}

describe('<my-access>: Templates', () => {
  before(ignoreResizeObserverLoopReports);
  beforeEach(resetServer);
  afterEach(() => sessionStorage.clear());
  after(expectNoContractViolations);

  it('says when there are no templates yet', async () => {
    const el = await myAccess();
    expect(textOf(section(el).querySelector('h2'))).to.equal('Templates');
    expect(textOf(section(el).querySelector('[part="empty"]'))).to.equal(
      'No templates yet. Save one from New Request.',
    );
    await expect(el).to.be.accessible();
  });

  it('lists the templates by name with what each requests, a page at a time', async () => {
    await saveTemplates(clientFor('alice'), 'On-call', 'Audit', 'Load tests');
    const el = await myAccess(clientFor('alice'), 2);
    expect(names(el)).to.deep.equal(['Audit', 'Load tests']);
    expect(metaOf(el, 'Audit')).to.equal('2 resources · 2 hours');
    expect(metaOf(el, 'Load tests')).to.equal('1 resource · 3 hours');
    await expect(el).to.be.accessible();
    const more = buttonNamed(section(el), 'Load more templates')!;
    more.focus();
    more.click();
    await until(() => names(el).length === 3, 'the next page');
    expect(names(el)).to.deep.equal(['Audit', 'Load tests', 'On-call']);
    expect(buttonNamed(section(el), 'Load more templates')).to.equal(null);
    // The button that had focus is gone: focus goes to the first template it brought.
    expect(deepActiveElement()?.getAttribute('aria-label')).to.equal('Use template: On-call');
    // One tab stop for the list; the arrow keys move through its buttons.
    const stops = [...section(el).querySelectorAll<HTMLElement>('[data-roving-item]')].filter(
      (b) => b.tabIndex === 0,
    );
    expect(stops).to.have.length(1);
  });

  it('shows an error with Retry when the templates cannot be loaded', async () => {
    await saveTemplates(clientFor('alice'), 'Audit');
    await addFault({ method: 'GET', path: '/v1/templates', kind: 'error', status: 503, times: 1 });
    const el = await fixture<MyAccess>(html`<my-access .client=${clientFor('alice')}></my-access>`);
    const alert = await until(() => section(el).querySelector('[part="error"][role="alert"]'), 'the error');
    expect(textOf(alert)).to.contain('Your templates could not be loaded.');
    buttonNamed(alert, 'Retry')!.click();
    await until(() => names(el).length === 1, 'the templates after Retry');
    expect(names(el)).to.deep.equal(['Audit']);
  });

  it('renames a template: a blank, too long or taken name is refused under the field, then it is renamed', async () => {
    await saveTemplates(clientFor('alice'), 'Audit', 'Load tests');
    const el = await myAccess();
    const opener = press(el, 'Rename: Audit');
    const dialog = root(el).querySelector<HTMLDialogElement>('#rename-template')!;
    await until(() => dialog.open, 'the Rename dialog');
    const field = dialog.querySelector<HTMLInputElement>('input')!;
    expect(field.value).to.equal('Audit');
    await expect(el).to.be.accessible();
    const errorOf = () =>
      (field.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => textOf(root(el).getElementById(id)))
        .join(' ');
    const submit = () => buttonNamed(dialog, 'Rename')!.click();

    typeInto(field, '   ');
    submit();
    await until(() => field.getAttribute('aria-invalid') === 'true', 'the blank name refused');
    expect(errorOf()).to.contain('Give the template a name.');
    expect(root(el).activeElement).to.equal(field);

    typeInto(field, 'x'.repeat(81));
    submit();
    await until(() => errorOf().includes('Use at most 80 characters.'), 'the long name refused');

    typeInto(field, 'load TESTS');
    submit();
    await until(() => errorOf().includes('already have a template'), 'the taken name refused');
    expect(field.value).to.equal('load TESTS');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(dialog.open).to.equal(true);
    expect(names(el)).to.deep.equal(['Audit', 'Load tests']);

    typeInto(field, 'Quarterly audit');
    submit();
    await until(() => !dialog.open, 'the dialog closes');
    expect(names(el)).to.deep.equal(['Quarterly audit', 'Load tests']);
    await until(() => announced(el) === 'Template renamed to Quarterly audit.', 'the rename announced');
    expect(deepActiveElement()).to.equal(opener);
    const saved = await clientFor('alice').templates().page();
    expect(saved.items.map((t) => t.name)).to.deep.equal(['Load tests', 'Quarterly audit']);
  });

  it('deletes a template after a confirmation', async () => {
    await saveTemplates(clientFor('alice'), 'Audit', 'Load tests');
    const el = await myAccess();
    const opener = press(el, 'Delete: Audit');
    const dialog = root(el).querySelector<HTMLDialogElement>('#delete-template')!;
    await until(() => dialog.open, 'the confirmation');
    expect(textOf(dialog)).to.contain('Audit will be deleted');
    expect(root(el).activeElement).to.equal(buttonNamed(dialog, 'Cancel'));
    const closed = oneEvent(dialog, 'close');
    buttonNamed(dialog, 'Cancel')!.click();
    await closed;
    expect(deepActiveElement()).to.equal(opener);
    expect(names(el)).to.deep.equal(['Audit', 'Load tests']);

    press(el, 'Delete: Audit');
    await until(() => dialog.open, 'the confirmation again');
    buttonNamed(dialog, 'Delete')!.click();
    await until(() => !dialog.open, 'the dialog closes');
    expect(names(el)).to.deep.equal(['Load tests']);
    await until(() => announced(el) === 'Template Audit deleted.', 'the deletion announced');
    // Its button went with it: focus goes to the list.
    expect(deepActiveElement()?.getAttribute('aria-label')).to.equal('Use template: Load tests');
    const saved = await clientFor('alice').templates().page();
    expect(saved.items.map((t) => t.name)).to.deep.equal(['Load tests']);
  });

  it('takes a template deleted elsewhere off the list when Delete finds it gone', async () => {
    const [audit] = await saveTemplates(clientFor('alice'), 'Audit', 'Load tests');
    const el = await myAccess();
    await clientFor('alice').deleteTemplate(audit!.id);
    await controlApi('POST', 'clock/advance', { hours: 25 }); // past the day a repeated delete answers 204
    press(el, 'Delete: Audit');
    const dialog = root(el).querySelector<HTMLDialogElement>('#delete-template')!;
    await until(() => dialog.open, 'the confirmation');
    buttonNamed(dialog, 'Delete')!.click();
    await until(() => !dialog.open, 'the dialog closes');
    expect(names(el)).to.deep.equal(['Load tests']);
  });

  it('copies a template’s link: the host’s pattern, else this page’s New Request route', async () => {
    const [audit] = await saveTemplates(clientFor('alice'), 'Audit');
    const copied: string[] = [];
    // Headless Chromium refuses the clipboard to a page without a user's gesture: record what is written.
    const clipboard = navigator.clipboard;
    Object.defineProperty(clipboard, 'writeText', {
      configurable: true,
      value: (text: string) => {
        copied.push(text);
        return Promise.resolve();
      },
    });
    try {
      const el = await myAccess();
      press(el, 'Copy link: Audit');
      await until(() => announced(el) === 'Link copied', 'Link copied announced');
      expect(copied).to.deep.equal([`${location.href.split('#')[0]}#/new-request/template/${audit!.id}`]);
      el.templateLink = 'https://access.example.com/new?template={id}';
      await el.updateComplete;
      press(el, 'Copy link: Audit');
      await until(() => copied.length === 2, 'the second copy');
      expect(copied[1]).to.equal(`https://access.example.com/new?template=${audit!.id}`);

      // No clipboard at all: the link shows, selected, to copy by hand.
      Object.defineProperty(clipboard, 'writeText', {
        configurable: true,
        value: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')),
      });
      press(el, 'Copy link: Audit');
      const field = await until(
        () => root(el).querySelector<HTMLInputElement>('[part="template-link"]'),
        'the link shown',
      );
      expect(field.value).to.equal(`https://access.example.com/new?template=${audit!.id}`);
      expect(root(el).activeElement).to.equal(field);
      await until(() => announced(el).includes('could not be copied'), 'the failure announced');
    } finally {
      // The prototype's own writeText again.
      delete (clipboard as unknown as Record<string, unknown>)['writeText'];
    }
  });

  it('asks the host to start a New Request from a template (Use template)', async () => {
    const [audit] = await saveTemplates(clientFor('alice'), 'Audit');
    const el = await myAccess();
    const used = oneEvent(document, 'template-use-requested');
    press(el, 'Use template: Audit');
    const event = (await used) as CustomEvent<{ template: Template }>;
    expect(event.detail.template.id).to.equal(audit!.id);
    expect(event.composed && event.bubbles).to.equal(true);
  });

  it('shows a template saved in a form on the same page without a reload', async () => {
    const client = clientFor('alice');
    // The form first: its result list draws rows only on screen.
    const page = await openRequestForm(client);
    const el = await myAccess(client);
    await page.pick('staging-payments-db');
    await page.next();
    page.button('Save as template').click();
    const name = await until(() => page.part('template-name') as HTMLInputElement | null, 'the name field');
    typeInto(name, 'Staging');
    page.button('Save template').click();
    await until(() => names(el).includes('Staging'), 'the new template on My Access');
    expect(metaOf(el, 'Staging')).to.equal('1 resource');
  });
});
