// The scenes the whole-library browser checks render: every element in its main states against the
// reference server, in a given language (i18n.test.ts looks for English left in them, the axe*.test.ts
// files run axe over them, under each of the conditions below). Test-only: not in the package.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { STATUSES } from '@access-requests/sdk';
import {
  addFault,
  advance,
  aliceRequest,
  clientFor,
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  resetServer,
  streamReady,
  until,
  type DemoUser,
} from './test-support.js';

export function deepQuery<T extends Element>(root: ParentNode, selector: string): T | null {
  const found = root.querySelector<T>(selector);
  if (found) return found;
  for (const element of root.querySelectorAll('*'))
    if (element.shadowRoot) {
      const inner = deepQuery<T>(element.shadowRoot, selector);
      if (inner) return inner;
    }
  return null;
}

export const settled = async (root: Element) => {
  for (const element of [root, ...root.querySelectorAll('*')])
    await (element as { updateComplete?: Promise<unknown> }).updateComplete;
};

export const client = (user: DemoUser) => clientFor(user);

export interface Scene {
  name: string;
  /** Renders the scene in `lang` and resolves once it shows what it is meant to. */
  show: (lang: string) => Promise<Element>;
}

/** Shows `scene` in `lang` from a clean tab: no draft an earlier scene's form saved is restored. */
export function showScene(scene: Scene, lang: string): Promise<Element> {
  sessionStorage.clear();
  return scene.show(lang);
}

export async function inLang(lang: string, content: TemplateResult): Promise<HTMLElement> {
  // Arabic as a host shows it: right to left, from the host's `dir`.
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  return fixture<HTMLElement>(html`<div lang=${lang} dir=${dir}>${content}</div>`);
}

/** Every element of ours under `root` (shadow roots included). */
export function ours(root: Element): Element[] {
  const found: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      if (element.shadowRoot) {
        found.push(element);
        walk(element.shadowRoot);
      }
    }
  };
  walk(root);
  return found;
}

export async function portalView(
  lang: string,
  user: DemoUser,
  view: string,
  ready: string,
): Promise<Element> {
  const el = await inLang(lang, html`<access-portal .client=${client(user)} view=${view}></access-portal>`);
  await until(() => inView(el, ready), `${view}: ${ready}`, 8000);
  await settled(el);
  return el;
}

/**
 * The first match of `selector` under `root`, once there. A virtualised list draws its rows only while
 * it is on screen (on a phone or at 200 % zoom it may start below the fold): its scroll box is scrolled
 * into view, as a user would scroll to it, until they are drawn.
 */
export function inView<T extends Element = Element>(
  root: ParentNode,
  selector: string,
  list = '[virtualizer-sizer]',
): T | null {
  const found = deepQuery<T>(root, selector);
  if (!found) {
    const box = deepQuery(root, list);
    (box?.hasAttribute('virtualizer-sizer') ? box.parentElement : box)?.scrollIntoView({ block: 'nearest' });
  }
  return found;
}

/**
 * How long the server holds back the answer a loading scene waits for: long enough to check the
 * loading state, short, as the browser holds a later GET of the same URL (the next scene's) behind a
 * pending one until its answer comes.
 */
const LOADING_MS = 3000;

/** `content` once `button` (a selector) shows, and the dialog it opens is open. */
async function opened(lang: string, content: TemplateResult, button: string): Promise<Element> {
  const el = await inLang(lang, content);
  const found = await until(() => deepQuery<HTMLButtonElement>(el, button), button, 8000);
  found.click();
  await until(() => deepQuery(el, 'dialog[open]'), 'the dialog');
  await settled(el);
  return el;
}

export const SCENES: Scene[] = [
  {
    name: 'status badges, with a reason',
    show: (lang) =>
      inLang(
        lang,
        html`${STATUSES.map((s) => html`<status-badge status=${s.id} reason="Scope too broad"></status-badge>`)}`,
      ),
  },
  {
    name: 'portal: new request, choose step',
    show: (lang) => portalView(lang, 'bob', 'new-request', '#results [data-row]'),
  },
  {
    name: 'portal: my requests, with cards',
    show: (lang) => portalView(lang, 'alice', 'my-requests', '[part~="card-title"]'),
  },
  {
    name: 'portal: my access',
    show: (lang) => portalView(lang, 'alice', 'my-access', '[part~="item-meta"]'),
  },
  {
    name: 'portal: approvals',
    show: (lang) => portalView(lang, 'bob', 'approvals', '[part~="facts"]'),
  },
  {
    name: 'request form: details step, with errors',
    show: async (lang) => {
      sessionStorage.clear();
      const el = await inLang(
        lang,
        html`<access-request-form .client=${client('alice')}></access-request-form>`,
      );
      const form = el.firstElementChild!;
      const box = await until(
        () =>
          form.shadowRoot &&
          inView<HTMLInputElement>(
            form.shadowRoot,
            '#results [data-row="0"] input[type="checkbox"]',
            '#results',
          ),
        'a result row',
        8000,
      );
      box.click();
      await until(() => inView(form.shadowRoot!, '#selected [data-row]', '#selected'), 'the row is selected');
      form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="next"]')!.click();
      await until(() => form.shadowRoot!.querySelector('[part~="flow"]'), 'the details step', 8000);
      form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
      await until(
        () => form.shadowRoot!.querySelector('[aria-invalid="true"], [part~="done"]'),
        'the errors, or the requests made',
      );
      await settled(el);
      return el;
    },
  },
  {
    name: 'request form: custom fields of two flows, with errors',
    show: async (lang) => {
      sessionStorage.clear();
      const el = await inLang(
        lang,
        html`<access-request-form
          .client=${client('alice')}
          resource-ids="res_aws_1234 res_prod_payments_db"
        ></access-request-form>`,
      );
      const form = el.firstElementChild!;
      await until(() => form.shadowRoot?.querySelector('[part~="custom-field"]'), 'the custom fields', 8000);
      // A ticket (the flow requires one), so the errors are the custom fields' and the justification's.
      const root = form.shadowRoot!;
      const type = root.querySelector<HTMLSelectElement>('#ticket-type')!;
      type.value = 'tt_jira';
      type.dispatchEvent(new Event('change'));
      const id = root.querySelector<HTMLInputElement>('#ticket-id')!;
      id.value = 'PAY-4821';
      id.dispatchEvent(new Event('input'));
      const incident = root.querySelector<HTMLInputElement>('#custom-incident_id')!;
      incident.value = 'INC-1';
      incident.dispatchEvent(new Event('input'));
      root.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
      await until(() => form.shadowRoot!.querySelector('#custom-change_type-error'), 'the errors');
      await settled(el);
      return el;
    },
  },
  ...(['active', 'rejected', 'pending_approval'] as const).map((status) => ({
    name: `request details: ${status}`,
    show: async (lang: string) => {
      const request = await aliceRequest(status);
      const el = await inLang(
        lang,
        html`<request-details .client=${client('alice')} request-id=${request.id}></request-details>`,
      );
      await until(() => deepQuery(el, '[part~="timeline"]'), 'the timeline', 8000);
      await settled(el);
      return el;
    },
  })),
  {
    name: 'request details: the revoke dialog',
    show: async (lang) => {
      const request = await aliceRequest('active');
      const el = await inLang(
        lang,
        html`<request-details .client=${client('alice')} request-id=${request.id}></request-details>`,
      );
      const details = el.firstElementChild!;
      await until(() => details.shadowRoot!.querySelector('[part~="timeline"]'), 'the timeline', 8000);
      const buttons = [
        ...details.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="actions"] button'),
      ];
      buttons.at(-1)!.click();
      await until(
        () => details.shadowRoot!.querySelector('[part~="revoke-dialog"][open]'),
        'the revoke dialog',
      );
      await settled(el);
      return el;
    },
  },
  {
    name: 'request list: a failure, with Retry',
    show: async (lang) => {
      await addFault({ path: '/v1/access-requests', method: 'GET', kind: 'error', status: 500, times: 1 });
      const el = await inLang(lang, html`<request-list .client=${client('alice')}></request-list>`);
      await until(() => deepQuery(el, '[role="alert"] button'), 'the failure', 8000);
      await settled(el);
      return el;
    },
  },
  {
    name: 'approval inbox: the decision dialog',
    show: async (lang) => {
      const el = await inLang(lang, html`<approval-inbox .client=${client('bob')}></approval-inbox>`);
      const button = await until(
        () => deepQuery<HTMLButtonElement>(el, '[part~="item"] [part~="actions"] button'),
        'an action',
        8000,
      );
      button.click();
      await until(() => deepQuery(el, 'dialog[open]'), 'the dialog');
      await settled(el);
      return el;
    },
  },
  {
    name: 'my access: the Access Details dialog',
    show: (lang) =>
      opened(lang, html`<my-access .client=${client('alice')}></my-access>`, '[part~="details-button"]'),
  },
  {
    name: 'my access: the Request again dialog',
    show: (lang) =>
      opened(lang, html`<my-access .client=${client('alice')}></my-access>`, '[part~="again-button"]'),
  },
  {
    name: 'my access: the Extend access dialog',
    show: (lang) =>
      opened(lang, html`<my-access .client=${client('alice')}></my-access>`, '[part~="extend-button"]'),
  },
  {
    name: 'my access: templates, the Rename template dialog',
    show: async (lang) => {
      await client('alice').createTemplate({
        name: 'Staging load tests',
        request: {
          resources: [{ resource_id: 'res_staging_payments_db', permission_id: 'perm_pg_readonly' }],
          duration_hours: 2,
        },
      });
      return opened(
        lang,
        html`<my-access .client=${client('alice')}></my-access>`,
        '[part~="rename-template"]',
      );
    },
  },
  {
    name: 'portal: new request, a template that does not exist',
    show: async (lang) => {
      const el = await inLang(lang, html`<access-portal .client=${client('alice')}></access-portal>`);
      const portal = el.firstElementChild as HTMLElement & { showTemplate(id: string): void };
      portal.showTemplate('tpl_999999');
      await until(() => inView(el, '[part~="template-error"]'), 'the template error', 8000);
      await until(() => inView(el, '#results [data-row]'), 'the form below, with its results', 8000);
      await settled(el);
      return el;
    },
  },
  {
    name: 'request details: Extension pending',
    show: async (lang) => {
      const request = await aliceRequest((r) => r.can.extend && r.extension?.requires_approval === true);
      await client('alice').extend(request.id, { hours: 1, justification: 'One more hour.' });
      const el = await inLang(
        lang,
        html`<request-details .client=${client('alice')} request-id=${request.id}></request-details>`,
      );
      await until(() => deepQuery(el, '[part~="extension-pending"]'), 'Extension pending', 8000);
      await settled(el);
      return el;
    },
  },
  {
    name: 'approval inbox: an extension',
    show: async (lang) => {
      const request = await aliceRequest((r) => r.can.extend && r.extension?.requires_approval === true);
      await client('alice').extend(request.id, { hours: 2, justification: 'Two more hours.' });
      const el = await inLang(lang, html`<approval-inbox .client=${client('bob')}></approval-inbox>`);
      await until(() => deepQuery(el, '[part~="extension"]'), 'the extension', 8000);
      await settled(el);
      return el;
    },
  },
  {
    name: 'request details: the Request again dialog',
    show: async (lang) => {
      // A closed request of hers that is not Failed (whose reason is the connector's own English).
      const request = await aliceRequest((r) => r.can.request_again && r.status !== 'failed');
      return opened(
        lang,
        html`<request-details .client=${client('alice')} request-id=${request.id}></request-details>`,
        '[part~="request-again"]',
      );
    },
  },
  {
    name: 'request list: the Status filter open',
    show: async (lang) => {
      const el = await inLang(lang, html`<request-list .client=${client('alice')}></request-list>`);
      const button = await until(() => deepQuery<HTMLButtonElement>(el, '#status-button'), 'the filter');
      await until(() => inView(el, '[part~="card-title"]'), 'the cards', 8000);
      button.click();
      await until(
        () => button.getAttribute('aria-expanded') === 'true' && deepQuery(el, '#status-panel input'),
        'the Status panel',
      );
      await settled(el);
      return el;
    },
  },
  {
    name: 'request form: the Resource Type filter open',
    show: async (lang) => {
      sessionStorage.clear();
      const el = await inLang(
        lang,
        html`<access-request-form .client=${client('alice')}></access-request-form>`,
      );
      const form = el.firstElementChild!;
      const button = await until(
        () => form.shadowRoot?.querySelector<HTMLButtonElement>('[aria-controls="type-filter-panel"]'),
        'the Resource Type filter',
        8000,
      );
      button.click();
      await until(
        () => form.shadowRoot!.querySelectorAll('#type-filter-panel:not([hidden]) input').length > 1,
        'the resource types',
        8000,
      );
      // At 400 % zoom the open panel pushes the results below the fold: scrolled to, as a user would
      // (see inView), for its rows are drawn only on screen.
      await until(() => inView(form.shadowRoot!, '#results [data-row]', '#results'), 'the results', 8000);
      await settled(el);
      return el;
    },
  },
  {
    name: 'request form: loading',
    show: async (lang) => {
      sessionStorage.clear();
      await addFault({ path: '/v1/me', method: 'GET', kind: 'delay', delay_ms: LOADING_MS, times: 1 });
      const el = await inLang(
        lang,
        html`<access-request-form .client=${client('alice')}></access-request-form>`,
      );
      await until(() => deepQuery(el, '[role="status"][aria-busy="true"]'), 'the loading state');
      await settled(el);
      return el;
    },
  },
  {
    name: 'request form: resources loading',
    show: async (lang) => {
      sessionStorage.clear();
      await addFault({
        path: '/v1/catalog/resources',
        method: 'GET',
        kind: 'delay',
        delay_ms: LOADING_MS,
        times: 1,
      });
      const el = await inLang(
        lang,
        html`<access-request-form .client=${client('alice')}></access-request-form>`,
      );
      await until(() => deepQuery(el, '[part~="results-loading"]'), 'the resources loading', 8000);
      await settled(el);
      return el;
    },
  },
  ...(
    [
      [
        'request form',
        '/v1/me',
        () => html`<access-request-form .client=${client('alice')}></access-request-form>`,
      ],
      [
        'request details',
        '/v1/access-requests/:id',
        () => html`<request-details .client=${client('alice')} request-id="req_any"></request-details>`,
      ],
      ['my access', '/v1/my-access', () => html`<my-access .client=${client('alice')}></my-access>`],
      [
        'approval inbox',
        '/v1/approvals',
        () => html`<approval-inbox .client=${client('bob')}></approval-inbox>`,
      ],
    ] as const
  ).map(([name, path, content]) => ({
    name: `${name}: a failure, with Retry`,
    show: async (lang: string) => {
      sessionStorage.clear();
      await addFault({ path, method: 'GET', kind: 'error', status: 500, times: 1 });
      const el = await inLang(lang, content());
      await until(() => deepQuery(el, '[role="alert"] button'), 'the failure', 8000);
      await settled(el);
      return el;
    },
  })),
  {
    name: 'status badge: the reason shown',
    show: async (lang) => {
      const el = await inLang(
        lang,
        html`<status-badge status="rejected" reason="Scope too broad"></status-badge>`,
      );
      const badge = el.firstElementChild!;
      const base = badge.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
      base.focus();
      // Focus shows it only while the page has focus (a test page beside others may not): hover too.
      base.dispatchEvent(new MouseEvent('mouseenter'));
      await until(
        () => badge.shadowRoot!.querySelector('[part~="tooltip"]')?.matches(':popover-open'),
        'the reason',
      );
      await settled(el);
      return el;
    },
  },
  {
    name: 'notifications, with toasts',
    show: async (lang) => {
      const alice = client('alice');
      const el = await inLang(
        lang,
        html`<access-notifications placement="inline" .client=${alice}></access-notifications>`,
      );
      await streamReady('alice', alice);
      await advance(5);
      await until(
        () =>
          (deepQuery(el, 'access-notifications')?.shadowRoot?.querySelectorAll('[part~="toast"]').length ??
            0) >= 2,
        'the toasts',
        8000,
      );
      await settled(el);
      return el;
    },
  },
  {
    name: 'notifications, every update shown',
    show: async (lang) => {
      const alice = client('alice');
      const el = await inLang(
        lang,
        html`<access-notifications placement="inline" .client=${alice}></access-notifications>`,
      );
      await streamReady('alice', alice);
      await advance(5);
      const more = await until(
        () => deepQuery<HTMLButtonElement>(el, '[part~="more"]'),
        'the "N more updates" button',
        8000,
      );
      more.click();
      await until(() => more.getAttribute('aria-expanded') === 'true', 'every update shown');
      await settled(el);
      return el;
    },
  },
];

// ---- axe over the scenes

const mediaFeatures = (features: { name: string; value: string }[]) =>
  executeServerCommand('access-requests:media-features', features);

export interface Condition {
  name: string;
  apply: () => Promise<unknown>;
}

export const CONDITIONS = [
  { name: '1280×800', apply: () => setViewport({ width: 1280, height: 800 }) },
  { name: '375×812', apply: () => setViewport({ width: 375, height: 812 }) },
  // 200 % zoom of a 1280×800 window: the page lays out in half the CSS pixels.
  { name: '200% zoom', apply: () => setViewport({ width: 640, height: 400 }) },
  // The reflow width of WCAG 1.4.10: 320 CSS px wide, content in one column.
  { name: '320×640', apply: () => setViewport({ width: 320, height: 640 }) },
  // 400 % zoom of a 1280×1024 window: 320×256 CSS px.
  { name: '400% zoom', apply: () => setViewport({ width: 320, height: 256 }) },
  {
    name: 'dark',
    apply: async () => {
      // A dark host page: the user's preference, and the page saying it follows it.
      await setViewport({ width: 1280, height: 800 });
      await emulateMedia({ colorScheme: 'dark' });
      // (axe reads the page's background from the body: the canvas colour is not in the DOM.)
      document.documentElement.style.colorScheme = 'dark';
      document.body.style.background = 'Canvas';
      document.body.style.color = 'CanvasText';
    },
  },
  {
    name: 'dark OS, light page',
    apply: async () => {
      // The user prefers dark, but the host page is light and says nothing of schemes: the elements
      // take the page's scheme, not the system's.
      await setViewport({ width: 1280, height: 800 });
      await emulateMedia({ colorScheme: 'dark' });
    },
  },
  {
    name: 'forced colours',
    apply: async () => {
      await setViewport({ width: 1280, height: 800 });
      await mediaFeatures([{ name: 'forced-colors', value: 'active' }]);
    },
  },
] as const satisfies Condition[];

export type ConditionName = (typeof CONDITIONS)[number]['name'];

/**
 * axe (every WCAG 2.0–2.2 A and AA rule it has, and its best practices) over every scene under each
 * of `conditions`: no violation anywhere. The conditions are spread over a few test files, each with
 * its own time limit.
 */
export function describeAxe(...conditions: ConditionName[]): void {
  describe('axe in every state', () => {
    before(ignoreResizeObserverLoopReports);
    afterEach(async () => {
      document.documentElement.style.removeProperty('color-scheme');
      document.body.style.removeProperty('background');
      document.body.style.removeProperty('color');
      await emulateMedia({ colorScheme: 'light' });
      await mediaFeatures([]);
      await setViewport({ width: 800, height: 600 });
    });
    after(expectNoContractViolations);

    for (const condition of CONDITIONS.filter((c) => conditions.includes(c.name)))
      describe(condition.name, () => {
        for (const scene of SCENES)
          it(`${scene.name}: no violation`, async () => {
            await resetServer();
            await condition.apply();
            const el = await showScene(scene, 'en');
            await expect(el).to.be.accessible();
          });
      });
  });
}
