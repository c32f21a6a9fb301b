// Helpers for the elements' browser tests (not shipped): the reference server's control API, SDK
// clients for the demo users, and waiting for what a user would see.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ignoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { fixture, html as litHtml, oneEvent } from '@open-wc/testing';
import {
  createAccessClient,
  type AccessClient,
  type AccessClientOptions,
  type AccessRequest,
  type AccessRequestStatus,
} from '@access-requests/sdk';

export type DemoUser = 'alice' | 'bob' | 'carol' | 'dave';

/** A client as a demo user; without retries unless `options` give a retry policy. */
export function clientFor(user: DemoUser, options: Pick<AccessClientOptions, 'retry'> = {}): AccessClient {
  return createAccessClient({ baseUrl: location.origin, token: `demo-${user}`, retry: false, ...options });
}

/** A page of resources a `recordingSearches` client asked for, and when its answer was in. */
export interface RecordedSearch {
  /** The search text (`''` for none). */
  readonly search: string;
  /** Settles once the page's answer (or failure) is in, before the caller sees it. */
  readonly answered: Promise<void>;
}

/** A client as `user` that records every page of resources it asks for (each search, each further page). */
export function recordingSearches(user: DemoUser): { client: AccessClient; searches: RecordedSearch[] } {
  const client = clientFor(user);
  const searches: RecordedSearch[] = [];
  const resources: AccessClient['resources'] = (filters, call) => {
    const pages = client.resources(filters, call);
    return {
      ...pages,
      page: (options) => {
        const answer = pages.page(options);
        // Chained before the caller's own `await`: it settles first.
        const answered = answer.then(
          () => undefined,
          () => undefined,
        );
        searches.push({ search: filters?.search ?? '', answered });
        return answer;
      },
    };
  };
  return { client: { ...client, resources }, searches };
}

/** Back to the seeded world, clock frozen, no faults. */
export const resetServer = () => controlApi('POST', 'reset', { speed: 0 });
/** Moves the simulated clock (running the transitions that fall due). */
export const advance = (seconds: number) => controlApi('POST', 'clock/advance', { seconds });
/** Makes the next matching calls fail. */
export const addFault = (fault: {
  path: string;
  method?: string;
  kind: 'error' | 'rate_limit' | 'delay' | 'drop' | 'commit_then_drop';
  status?: number;
  times?: number;
  delay_ms?: number;
  retry_after?: number;
}) => controlApi('POST', 'faults', fault);

/** Alice's seeded request in a status (or matching a test). */
export async function aliceRequest(
  match: AccessRequestStatus | ((r: AccessRequest) => boolean),
): Promise<AccessRequest> {
  const test = typeof match === 'string' ? (r: AccessRequest) => r.status === match : match;
  const page = await clientFor('alice').requests({ scope: 'mine' }).page({ limit: 100 });
  const found = page.items.find(test);
  if (!found) throw new Error(`No seeded request of Alice matches ${String(match)}`);
  return found;
}

/** The faults still waiting for a matching request (one that met its request is gone or counted down). */
export const pendingFaults = async () =>
  ((await controlApi('GET', 'faults')) as { items: { path: string; remaining: number }[] }).items;

/** Fails the test file if any response it provoked broke the contract. */
export async function expectNoContractViolations(): Promise<void> {
  const violations = await executeServerCommand<string[], undefined>('access-requests:contract-violations');
  expect(violations, violations.join('\n')).to.deep.equal([]);
}

/** Waits until `read()` is truthy, with a message saying what was awaited. */
export async function until<T>(read: () => T, message: string, timeout = 4000): Promise<NonNullable<T>> {
  let value: T | undefined;
  await waitUntil(() => (value = read()), message, { timeout });
  return value as NonNullable<T>;
}

/** The deep text of an element, whitespace collapsed. */
export const textOf = (node: Node | null | undefined): string =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Asserts which element has focus inside a shadow root (without printing whole elements on failure). */
export function expectFocus(root: ShadowRoot, expected: Element | null | undefined, what: string): void {
  const active = root.activeElement;
  const describe = (e: Element | null | undefined) =>
    e ? `<${e.localName}> "${textOf(e).slice(0, 40)}"` : 'nothing';
  if (active !== expected)
    throw new Error(`Expected focus on ${what} (${describe(expected)}), found ${describe(active)}`);
}

/** Any call of the control API: another method, other world options (`catalog_size`), any fault kind. */
export async function controlApi(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body: unknown = {},
): Promise<unknown> {
  const response = await fetch(`/_control/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: method === 'DELETE' || method === 'GET' ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} /_control/${path} answered ${response.status}`);
  return response.status === 204 ? undefined : response.json();
}

/** The control a `<label>` (by its text), an `aria-label` or a `<legend>` names, within `root`. */
export function labelled<T extends HTMLElement = HTMLElement>(root: ParentNode, name: string): T | null {
  for (const label of root.querySelectorAll<HTMLLabelElement>('label[for]')) {
    const own = [...label.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent)
      .join('');
    if (own.replace(/\s+/g, ' ').trim() === name || textOf(label) === name) {
      return (label.getRootNode() as ParentNode).querySelector<T>(`#${CSS.escape(label.htmlFor)}`);
    }
  }
  const byAria = [...root.querySelectorAll<T>('[aria-label]')].find(
    (el) => el.getAttribute('aria-label') === name,
  );
  if (byAria) return byAria;
  return (
    ([...root.querySelectorAll('legend')].find((l) => textOf(l) === name)?.parentElement as T | undefined) ??
    null
  );
}

/** A button (or link) by its text or `aria-label`, within `root`. */
export function buttonNamed<T extends HTMLElement = HTMLButtonElement>(
  root: ParentNode,
  name: string,
): T | null {
  return (
    [...root.querySelectorAll<T>('button, a[href], [role="tab"]')].find(
      (b) => (b.getAttribute('aria-label') ?? textOf(b)) === name,
    ) ?? null
  );
}

/** Types into a field as a user would: the value changes and `input` fires. */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Picks an option of a `<select>` as a user would. */
export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/**
 * Resolves once `client`'s shared event stream delivers (so that changes made next are seen live,
 * and every change made before has reached its listeners): once the stream is connected, toggling a
 * favourite of one of `user`'s requests twice (ending where it began) is the probe.
 */
export async function streamReady(user: DemoUser, client: AccessClient, timeout = 8000): Promise<void> {
  const { subscribeToRequests, streamConnected } = await import('./requests-hub.js');
  const own = clientFor(user);
  const probe = (await own.requests().page({ limit: 100 })).items.find((r) => r.can.favorite);
  if (!probe) throw new Error(`${user} has no request to probe the stream with`);
  let seen = false;
  const stop = subscribeToRequests(
    client,
    (request, source) => (seen ||= source === 'stream' && request.id === probe.id),
  );
  try {
    await streamConnected(client);
    if (probe.favorite) await own.unfavorite(probe.id).then(() => own.favorite(probe.id));
    else await own.favorite(probe.id).then(() => own.unfavorite(probe.id));
    await until(() => seen, 'the probe’s change arrives on the event stream', timeout);
  } finally {
    stop();
  }
}

/**
 * Resolves once markup injected into `container` would have run: an image that fails after a round
 * trip to the server (an answer that is no image) and an inline frame, put there by the test itself,
 * have fired `error` and `load` (what an injected `onerror` or a frame's script waits for); then they
 * are taken out again.
 */
export async function injectedMarkupHadItsChance(container: ParentNode): Promise<void> {
  const image = Object.assign(document.createElement('img'), { src: '/_control/clock', alt: '' });
  const frame = Object.assign(document.createElement('iframe'), { srcdoc: '<p>probe</p>', title: 'probe' });
  const loaded = Promise.all([oneEvent(image, 'error'), oneEvent(frame, 'load')]);
  container.append(image, frame);
  try {
    await loaded;
  } finally {
    image.remove();
    frame.remove();
  }
}

/** Switches the org's notification channel (`GET /v1/me` reports it). */
export const setNotificationChannel = (channel: 'slack' | 'teams' | 'email') =>
  controlApi('PUT', 'org', { notification_channel: channel });

/**
 * Lets a test file pass the browser's "ResizeObserver loop completed with undelivered notifications"
 * report: @lit-labs/virtualizer sizes the rows it has just added within one frame, which trips the
 * loop detection without any loop (benign, in its maintainers' words: PolymerLabs/uni-virtualizer#112),
 * but mocha fails a test on any window error. The report comes between frames, so also between tests
 * or after the last one: the filter (the virtualizer's own) stays for the whole file. Every test file
 * that renders a list calls it the same way: `before(ignoreResizeObserverLoopReports)`.
 */
export function ignoreResizeObserverLoopReports(): void {
  if (resizeObserverReportsIgnored) return;
  resizeObserverReportsIgnored = true;
  ignoreWindowResizeObserverLoopErrors();
}
let resizeObserverReportsIgnored = false;

// ---- <access-request-form> as a user sees it (its tests share these)

export class RequestFormPage {
  constructor(readonly el: HTMLElement & { updateComplete: Promise<boolean>; client: AccessClient }) {}

  get root(): ShadowRoot {
    return this.el.shadowRoot!;
  }
  /** The step's heading: New Request, Complete Additional Details, Request submitted. */
  title(): string {
    return textOf(this.root.querySelector('#step-title'));
  }
  field<T extends HTMLElement = HTMLInputElement>(label: string): T {
    const found = labelled<T>(this.root, label);
    if (!found) throw new Error(`No control labelled "${label}"`);
    return found;
  }
  button<T extends HTMLElement = HTMLButtonElement>(name: string, within: ParentNode = this.root): T {
    const found = buttonNamed<T>(within, name);
    if (!found) throw new Error(`No button "${name}"`);
    return found;
  }
  part(name: string): Element | null {
    return this.root.querySelector(`[part~="${name}"]`);
  }
  /** The rendered result rows, in order. */
  rows(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('#results [data-row]')].sort(
      (a, b) => Number(a.dataset['row']) - Number(b.dataset['row']),
    );
  }
  rowNames(): string[] {
    return this.rows().map((r) => textOf(r.querySelector('.row-name')));
  }
  rowOf(name: string): HTMLElement | undefined {
    return this.rows().find((r) => textOf(r.querySelector('.row-name')) === name);
  }
  reviewNames(): string[] {
    return [...this.root.querySelectorAll('#selected [data-row] .row-name')].map((n) => textOf(n));
  }
  count(): string {
    return textOf(this.part('count'));
  }
  /** Whether the result list shows the answer to the current query. */
  settled(): boolean {
    return (
      (this.root.querySelector('#results') ?? this.part('results-empty'))?.getAttribute('aria-busy') ===
      'false'
    );
  }
  /** Types a search and waits for its answer (whose first row is `first`, when given). */
  async search(text: string, first?: string): Promise<void> {
    typeInto(this.field('Search'), text);
    await this.el.updateComplete;
    await until(
      () => this.settled() && (first === undefined || this.rowNames()[0] === first),
      `results for "${text}"`,
    );
  }
  /** Ticks a result row's checkbox. */
  tick(name: string): void {
    const row = this.rowOf(name);
    if (!row) throw new Error(`No result row "${name}"`);
    row.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
  }
  /** Searches for a resource and selects it. */
  async pick(name: string): Promise<void> {
    await this.search(name, name);
    this.tick(name);
    await until(() => this.reviewNames().includes(name), `${name} is selected`);
  }
  /** Next, then waits for the details step and its split. */
  async next(): Promise<void> {
    this.button('Next').click();
    await until(
      () => this.title() === 'Complete Additional Details' && this.part('flow'),
      'the details step with its split',
    );
  }
  /** The split: each flow's name, approval and requirements. */
  flows(): string[] {
    return [...this.root.querySelectorAll('[part="flow"]')].map((f) => textOf(f));
  }
  /** Presses Submit Request and waits for `request-submitted`. */
  async submit(): Promise<AccessRequest[]> {
    const submitted = oneEvent(this.el, 'request-submitted');
    this.button('Submit Request').click();
    const { detail } = await submitted;
    await until(() => this.title() === 'Request submitted', 'the success view');
    return [...(detail as { requests: AccessRequest[] }).requests];
  }
  /** The error shown on a control (through its aria-describedby), if any. */
  errorOf(control: Element): string {
    const ids = (control.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter((id) => id.endsWith('-error'));
    return ids.map((id) => textOf(this.root.getElementById(id))).join(' ');
  }
}

/**
 * A fresh `<access-request-form>` for `user` (or on a client of the test's own), with no saved draft,
 * once it shows its first resources.
 */
export async function openRequestForm(
  user: DemoUser | AccessClient = 'alice',
  attributes: Record<string, string> = {},
  keepDrafts = false,
): Promise<RequestFormPage> {
  if (!keepDrafts) sessionStorage.clear();
  const el = await fixture<HTMLElement & { updateComplete: Promise<boolean>; client: AccessClient }>(
    litHtml`<access-request-form></access-request-form>`,
  );
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.client = typeof user === 'string' ? clientFor(user) : user;
  const page = new RequestFormPage(el);
  await until(
    () =>
      page.title() === 'New Request'
        ? page.rows().length > 0 && page.settled()
        : page.part('flow') || page.part('split')?.querySelector('.error-text'),
    'the form is ready',
  ).catch((error: Error) => {
    throw new Error(`${error.message} (showing "${page.title() || textOf(page.root)}")`);
  });
  return page;
}

// ---- Deep DOM scans (through every open shadow root)

/** Every element under `root`, its own and its descendants' shadow roots included. */
export function* deepElements(root: ParentNode): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* deepElements(element.shadowRoot);
  }
}

/** Every text node's text under `root`, shadow roots included, as written (no whitespace collapsed). */
export function deepTexts(root: ParentNode): string[] {
  const texts: string[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) texts.push(child.textContent ?? '');
      else walk(child);
    }
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
  };
  walk(root);
  return texts;
}

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'data'];
const FORBIDDEN_ELEMENTS = ['script', 'iframe', 'object', 'embed', 'base', 'meta', 'frame', 'frameset'];
/** Characters a browser skips or folds in a URL's scheme (controls, spaces, zero-widths, bidi marks). */
// eslint-disable-next-line no-control-regex -- the control characters are the point
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\u2028-\u202e\u2060\ufeff]/g;

/** Whether a URL attribute's value runs script or holds a document (`javascript:`, `data:`, `vbscript:`). */
export function isScriptishUrl(value: string): boolean {
  let plain = value.normalize('NFKC').replace(IGNORED_IN_SCHEME, '').toLowerCase();
  try {
    plain = decodeURIComponent(plain).replace(IGNORED_IN_SCHEME, '');
  } catch {
    // Not percent-encoded text: as it is.
  }
  return /^(javascript|data|vbscript):/.test(plain);
}

/**
 * What under `root` (shadow roots included) could run script: `<script>`, frames, plugins, `<base>`
 * and `<meta>` elements, `on*` attributes, `srcdoc`, and `javascript:`/`data:` URLs in URL
 * attributes. Each finding is one line; `[]` when there is none.
 */
export function scriptableMarkup(root: ParentNode): string[] {
  const found: string[] = [];
  const where = (element: Element) => {
    const host = (element.getRootNode() as ShadowRoot).host;
    return `<${element.localName}>${host ? ` in <${host.localName}>` : ''}`;
  };
  for (const element of deepElements(root)) {
    if (FORBIDDEN_ELEMENTS.includes(element.localName)) found.push(`${where(element)} element`);
    for (const { name, value } of element.attributes) {
      if (name.startsWith('on') || name === 'srcdoc')
        found.push(`${where(element)} [${name}="${value.slice(0, 60)}"]`);
      else if (URL_ATTRIBUTES.includes(name) && isScriptishUrl(value))
        found.push(`${where(element)} [${name}="${value.slice(0, 60)}"]`);
    }
  }
  return found;
}

// ---- Retry safety: each fault kind of the control API, met as a user meets it

export type FaultKind = 'error' | 'rate_limit' | 'delay' | 'drop' | 'commit_then_drop';

/**
 * A client whose every change (a non-GET request) runs to its answer even when the call gives up on
 * it (a timeout), so a test can wait for `settled()` instead of guessing when a late attempt reaches
 * the server. `keys` holds the Idempotency-Key of every change sent (`null` for none), in order.
 */
export function trackedClient(user: DemoUser, options: Partial<AccessClientOptions> = {}) {
  const inFlight: Promise<unknown>[] = [];
  const keys: (string | null)[] = [];
  let changes = 0;
  const fetch = (request: Request): Promise<Response> => {
    // Reads stay abortable: the event stream among them, and the preview (a POST that changes nothing).
    if (request.method === 'GET' || new URL(request.url).pathname.endsWith('/preview'))
      return globalThis.fetch(request);
    changes++;
    keys.push(request.headers.get('idempotency-key'));
    const sent = globalThis.fetch(new Request(request, { signal: null }));
    inFlight.push(sent.catch(() => undefined));
    return new Promise((resolve, reject) => {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the abort reason, as fetch rejects
      request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
      sent.then(resolve, reject);
    });
  };
  const client = createAccessClient({
    baseUrl: location.origin,
    token: `demo-${user}`,
    retry: false,
    fetch,
    ...options,
  });
  const settled = () => Promise.all(inFlight);
  /**
   * Clicks, waits for the change it sends and every answer, then resolves `true` once `done()` holds
   * or `false` once `failed()` does.
   */
  const press = async (click: () => void, done: () => boolean, failed: () => boolean, what: string) => {
    const before = changes;
    click();
    await until(() => changes > before, `${what}: the call is sent`);
    await settled();
    let result = false;
    await until(() => (done() ? ((result = true), true) : failed()), what, 8000);
    return result;
  };
  return { client, settled, press, keys };
}

/** How each fault is met: the user retries by hand (no SDK retries), but the SDK waits out a 429. */
export const FAULTS: readonly {
  readonly kind: FaultKind;
  readonly spec: Record<string, unknown>;
  readonly options: Partial<AccessClientOptions>;
}[] = [
  { kind: 'error', spec: { status: 500 }, options: {} },
  { kind: 'rate_limit', spec: { retry_after: 1 }, options: { retry: { baseDelayMs: 5, maxDelayMs: 20 } } },
  { kind: 'delay', spec: { delay_ms: 600 }, options: { timeoutMs: 200 } },
  { kind: 'drop', spec: {}, options: {} },
  { kind: 'commit_then_drop', spec: {}, options: {} },
];

/**
 * Presses until done (at most twice: a fault affects one attempt); every failure must say so, which
 * `inputIntact` checks with what the user entered. Answers how many presses it took.
 */
export async function pressUntilDone(
  press: () => Promise<boolean>,
  inputIntact: () => void | Promise<void>,
): Promise<number> {
  for (let attempt = 1; attempt <= 2; attempt++) {
    if (await press()) return attempt;
    await inputIntact();
  }
  throw new Error('The second press did not finish either.');
}
