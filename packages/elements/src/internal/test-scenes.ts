// The scenes the whole-library browser checks render: every element in its main states against the
// reference server, in a given language (i18n.test.ts looks for English left in them, axe.test.ts runs
// axe over them). Test-only: not in the package.
import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { STATUSES } from '@access-requests/sdk';
import {
  addFault,
  advance,
  aliceRequest,
  clientFor,
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
export function inView(root: ParentNode, selector: string, list = '[virtualizer-sizer]'): Element | null {
  const found = deepQuery(root, selector);
  if (!found) {
    const box = deepQuery(root, list);
    (box?.hasAttribute('virtualizer-sizer') ? box.parentElement : box)?.scrollIntoView({ block: 'nearest' });
  }
  return found;
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
          form.shadowRoot?.querySelector<HTMLInputElement>('#results [data-row="0"] input[type="checkbox"]'),
        'a result row',
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
    name: 'my access: a dialog',
    show: async (lang) => {
      const el = await inLang(lang, html`<my-access .client=${client('alice')}></my-access>`);
      const button = await until(
        () => deepQuery<HTMLButtonElement>(el, '[part~="item"] button'),
        'an item',
        8000,
      );
      button.click();
      await until(() => deepQuery(el, 'dialog[open]'), 'the dialog');
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
];
