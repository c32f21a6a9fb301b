// In the page: <access-request-form>'s catalog search against the reference server (100,000
// resources, served by the dev server), and the baseline: a plain input whose keystroke fetches the
// same query and renders 100 plain rows. Node drives the real keystrokes (puppeteer); the page times
// each one from its keydown's `event.timeStamp` to the animation frame after the answer's rows are in
// the DOM (that frame paints them).
import '@access-requests/elements/access-request-form.js';
import { createAccessClient } from '@access-requests/sdk';

/** What the benchmark cannot run without: a missing one stops the run with its name. */
function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`The benchmark page has no ${what}.`);
  return value;
}

type Form = HTMLElement & { client: unknown; updateComplete: Promise<boolean> };

/** Every first page of resources the form's client sent, since the last `takeSent()`. */
let sent: string[] = [];
const client = createAccessClient({
  baseUrl: location.origin,
  token: 'demo-alice',
  retry: false,
  fetch: (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname.endsWith('/catalog/resources') && !url.searchParams.has('cursor'))
      sent.push(url.searchParams.get('search') ?? '');
    return fetch(request);
  },
});

const stage = must(document.querySelector<HTMLElement>('#stage'), '#stage');
const plain = must(document.querySelector<HTMLInputElement>('#plain'), '#plain');
const plainRows = must(document.querySelector<HTMLUListElement>('#plain-rows'), '#plain-rows');
const form = document.createElement('access-request-form') as Form;
form.client = client;
stage.append(form);
const root = () => must(form.shadowRoot, 'form shadow root');
const field = () => must(root().querySelector<HTMLInputElement>('#search'), 'Search field');
const results = () => root().querySelector('#results') ?? root().querySelector('[part="results-empty"]');
/** The first row's path (its name may be shortened in the middle). */
const firstName = () => {
  const text = root().querySelector('#results [data-row="0"] .row-path')?.textContent ?? '';
  return text.slice(text.indexOf(' · ') + 3).trim();
};
const settled = () => results()?.getAttribute('aria-busy') === 'false';

/** Resolves once `test()` holds, checked at every DOM change of `target` (and at once). */
function whenDom(target: Node, test: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (test()) return resolve();
    setTimeout(() => reject(new Error(`Still waiting for ${what} after 20 s`)), 20_000);
    const observer = new MutationObserver(() => {
      if (!test()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(target, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}
const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** The first result's path (the bench's own look-up: not through the form's client, not counted). */
async function firstOf(search: string): Promise<string> {
  const page = await createAccessClient({ baseUrl: location.origin, token: 'demo-alice', retry: false })
    .resources({ search })
    .page({ limit: 1 });
  return page.items[0]?.path ?? '';
}

/** The keydowns since the last `arm()` (timeStamps), and each keystroke's echo (keydown → next frame). */
const keydowns: number[] = [];
const echoes: number[] = [];
// Captured on the document: the form's field is in its shadow root.
document.addEventListener(
  'keydown',
  (event) => {
    keydowns.push(event.timeStamp);
    const at = event.timeStamp;
    // The frame after the input event has run: the one that shows the typed character.
    requestAnimationFrame(() => echoes.push(performance.now() - at));
  },
  true,
);

/** Sets the Search field to `text` (one input event) and waits for its answer and a pause. */
async function prepareForm(text: string): Promise<void> {
  const input = field();
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await form.updateComplete;
  const first = await firstOf(text);
  await whenDom(root(), () => settled() && firstName() === first, `the answer to "${text}"`);
  keydowns.length = 0;
  echoes.length = 0;
  sent = [];
}

/**
 * The answers `formPainted` will wait for, looked up before the keys are pressed: a look-up made after
 * them would be a second request to the server while it answers the form's, and would slow the form.
 */
const expected = new Map<string, string>();
async function expect(search: string): Promise<void> {
  expected.set(search, await firstOf(search));
}

/** Waits for the form to show `search`'s answer; ms from the last keydown to the frame painting it. */
async function formPainted(search: string) {
  const first = expected.get(search) ?? (await firstOf(search));
  await whenDom(
    root(),
    () => field().value === search && settled() && firstName() === first,
    `the answer to "${search}" (typed)`,
  );
  await frame();
  const ms = performance.now() - must(keydowns.at(-1), 'keydown');
  const gaps = keydowns.slice(1).map((at, i) => at - (keydowns[i] ?? at));
  return { ms, requests: sent.length, sent: [...sent], gaps, echo: [...echoes] };
}

/** The baseline's input: a raw fetch of the query, then 100 plain rows. */
plain.addEventListener('input', () => {
  const search = plain.value;
  void fetch(`/v1/catalog/resources?search=${encodeURIComponent(search)}&limit=100`, {
    headers: { authorization: 'Bearer demo-alice' },
  })
    .then((response) => response.json() as Promise<{ items: { id: string; name: string; path: string }[] }>)
    .then((page) => {
      if (plain.value !== search) return;
      plainRows.replaceChildren(
        ...page.items.map((item) => {
          const li = document.createElement('li');
          li.textContent = `${item.name} · ${item.path}`;
          return li;
        }),
      );
      plainRows.dataset['search'] = search;
    });
});

function preparePlain(text: string): void {
  plain.focus();
  plain.value = text;
  plainRows.replaceChildren();
  delete plainRows.dataset['search'];
  keydowns.length = 0;
}

async function plainPainted(search: string): Promise<{ ms: number }> {
  await whenDom(plainRows, () => plainRows.dataset['search'] === search, `the plain rows of "${search}"`);
  plainRows.getBoundingClientRect();
  await frame();
  return { ms: performance.now() - must(keydowns.at(-1), 'keydown') };
}

/** Resolves once `test()` holds, checked at every frame (for what happens in shadow roots to come). */
async function whenFrame(test: () => boolean): Promise<void> {
  while (!test()) await frame();
}

async function ready(): Promise<void> {
  await whenFrame(() => !!form.shadowRoot?.querySelector('#search') && settled() && firstName() !== '');
}

Object.assign(window, { prepareForm, expect, formPainted, preparePlain, plainPainted, firstOf });
void ready().then(() => document.body.setAttribute('data-ready', 'true'));
