// In the page: <request-list> over 10,000 requests (served by a fetch answered from a worker, so the
// figures are the element's own work and the server's is off the main thread, as it is in use),
// against a baseline of plain Lit rendering the same rows the list shows. Every timing runs to the
// painted frame: layout forced, then the next animation frame and a task after it.
import { html, render } from 'lit';
import '@access-requests/elements/request-list.js';
import '@access-requests/elements/status-badge.js';
import { createAccessClient, type AccessRequest, type AccessRequestStatus } from '@access-requests/sdk';
import { COUNT, alice, all, must } from './requests.ts';
import type { RequestList } from '@access-requests/elements';

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

/** The list endpoint's server, in a worker: its JSON is made off the main thread. */
const server = new Worker(new URL('./server.worker.ts', import.meta.url), { type: 'module' });
let asked = 0;
const answers = new Map<number, (body: string) => void>();
server.addEventListener('message', (event: MessageEvent<{ id: number; body: string }>) => {
  answers.get(event.data.id)?.(event.data.body);
  answers.delete(event.data.id);
});
function listAnswer(url: URL): Promise<Response> {
  const id = ++asked;
  server.postMessage({ id, url: url.href });
  return new Promise((resolve) =>
    answers.set(id, (body) =>
      resolve(new Response(body, { headers: { 'content-type': 'application/json' } })),
    ),
  );
}

/** The API: pages of the 10,000 requests from the worker, the caller and a quiet event stream here. */
async function fakeFetch(input: Request): Promise<Response> {
  const url = new URL(input.url);
  if (url.pathname === '/v1/access-requests') return listAnswer(url);
  if (url.pathname === '/v1/me') {
    return json({
      user: alice,
      org: {
        max_resources_per_request: 1000,
        ticket_types: [],
        notification_channel: 'slack',
        default_duration_hours: 4,
      },
      is_approver: false,
    });
  }
  if (url.pathname === '/v1/events') {
    return new Response(new ReadableStream({ start() {} }), {
      headers: { 'content-type': 'text/event-stream' },
    });
  }
  return new Response('{}', { status: 404 });
}

const client = createAccessClient({
  baseUrl: location.origin,
  token: 'bench',
  fetch: fakeFetch,
  retry: false,
});
const stage = must(document.querySelector<HTMLElement>('#stage'), '#stage');
/** The next frame: resolves in the next requestAnimationFrame callback (before that frame paints). */
const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
/** Layout, then the next frame and a task after it: that frame has been painted. */
async function painted(): Promise<void> {
  document.documentElement.getBoundingClientRect();
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
const cardsOf = (el: RequestList) => [...(el.shadowRoot?.querySelectorAll('[part~="card"]') ?? [])];
const cards = (el: RequestList) => cardsOf(el).length;
/** The statuses of the cards in the list's DOM. */
const shownStatuses = (el: RequestList) =>
  cardsOf(el).map((card) => card.querySelector('status-badge')?.getAttribute('status') ?? '');

async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((resolve) => setTimeout(resolve, 0));
}

async function mountList(pageSize: number): Promise<{ el: RequestList; ms: number }> {
  stage.replaceChildren();
  const started = performance.now();
  const el = document.createElement('request-list');
  el.pageSize = pageSize;
  el.client = client;
  stage.append(el);
  await until(() => cards(el) > 0);
  await painted();
  return { el, ms: performance.now() - started };
}

function listFeed(el: RequestList): HTMLElement {
  return must(el.shadowRoot?.querySelector<HTMLElement>('[part="feed"]'), "the list's feed");
}

/** Loads every page by scrolling to the end until the list holds all 10,000. */
async function loadEverything(el: RequestList): Promise<void> {
  const feed = listFeed(el);
  for (let round = 0; el.items.length < COUNT; round++) {
    if (round > 2000) throw new Error(`the list stopped loading at ${el.items.length} requests`);
    feed.scrollTop = feed.scrollHeight;
    await frame();
  }
}

/**
 * From setting the filter to the frame that paints the loaded cards that match (what the user sees at
 * once; the server's first matching page follows and replaces them).
 */
async function filterChange(
  el: RequestList,
  statuses: AccessRequestStatus[],
  settle = true,
): Promise<number> {
  const started = performance.now();
  el.statuses = statuses;
  await until(() => {
    const shown = shownStatuses(el);
    return shown.length > 0 && shown.every((s) => (statuses as string[]).includes(s));
  });
  await painted();
  const ms = performance.now() - started;
  if (!settle) return ms;
  // The server's first matching page, before the next run.
  await until(() => el.items.length > 0 && el.items.every((r) => statuses.includes(r.status)));
  await painted();
  return ms;
}

/**
 * Scrolls `scroller` through its whole height, one step a frame, and sums the main thread's long
 * animation frames (over 50 ms: what a user feels as jank) while it does.
 */
async function scrollJank(
  scroller: HTMLElement,
  steps = 120,
): Promise<{ longFrames: number; blockingMs: number }> {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ type: 'long-animation-frame', buffered: false });
  const step = (scroller.scrollHeight - scroller.clientHeight) / steps;
  for (let i = 1; i <= steps; i++) {
    scroller.scrollTop = step * i;
    await frame();
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
  entries.push(...observer.takeRecords());
  observer.disconnect();
  const blocking = entries.map(
    (e) => (e as PerformanceEntry & { blockingDuration?: number }).blockingDuration ?? e.duration - 50,
  );
  return { longFrames: entries.length, blockingMs: blocking.reduce((a, b) => a + Math.max(0, b), 0) };
}

function plainRows(items: readonly AccessRequest[]) {
  return html`<ul class="plain">
    ${items.map(
      (r) =>
        html`<li>
          <strong
            >${r.target.type === 'resources' ? r.target.resources_summary[0]?.resource.name : r.id}</strong
          >
          <status-badge status=${r.status}></status-badge> ${r.duration_hours} h · ${r.created_at}
        </li>`,
    )}
  </ul>`;
}

/** A fresh container per baseline run (Lit remembers what it rendered into a container). */
let plainHost: HTMLElement = stage;

/** Plain Lit rendering `rows` into a new container, to the painted frame. */
async function baselineMount(rows: readonly AccessRequest[]): Promise<number> {
  plainHost = document.createElement('div');
  stage.replaceChildren(plainHost);
  const started = performance.now();
  render(plainRows(rows), plainHost);
  await painted();
  return performance.now() - started;
}

/** Plain Lit re-rendering its container with `rows`, to the painted frame. */
async function baselineFilter(rows: readonly AccessRequest[]): Promise<number> {
  const started = performance.now();
  render(plainRows(rows), plainHost);
  await painted();
  return performance.now() - started;
}

const FILTERS: AccessRequestStatus[][] = [['active'], ['rejected', 'failed']];

async function runBench(runs = 11) {
  const first: number[] = [];
  const baseFirst: number[] = [];
  const baseFilter: number[] = [];
  // The element first, then the baseline: the baseline's DOM leaves garbage whose collection would
  // otherwise land in the element's timings.
  const { el: warm } = await mountList(50); // warm-up: modules evaluated, styles adopted
  // The rows the list shows at first paint (its first cards, newest first): the baseline renders them.
  const visible = all.slice(0, Math.max(1, cards(warm)));
  for (let i = 0; i < runs; i++) first.push((await mountList(50)).ms);
  for (let i = 0; i < runs; i++) {
    baseFirst.push(await baselineMount(visible));
    const statuses = must(FILTERS[i % 2], 'filter');
    baseFilter.push(
      await baselineFilter(all.filter((r) => statuses.includes(r.status)).slice(0, visible.length)),
    );
  }
  await baselineMount(all);
  const baseScroll = await scrollJank(must(plainHost.querySelector<HTMLElement>('ul.plain'), 'ul.plain'));

  let el = (await mountList(500)).el;
  await loadEverything(el);
  const listScroll = await scrollJank(listFeed(el));
  const filter: number[] = [];
  // Each run from a list holding all 10,000 (a fresh one: a filtered list holds only its matches).
  for (let i = 0; i < runs; i++) {
    if (i > 0) {
      el = (await mountList(500)).el;
      await loadEverything(el);
    }
    await painted();
    filter.push(await filterChange(el, must(FILTERS[i % 2], 'filter')));
  }
  return {
    first,
    filter,
    baseFirst,
    baseFilter,
    visibleRows: visible.length,
    scrollLongFrames: listScroll.longFrames,
    scrollBlocking: listScroll.blockingMs,
    baselineScrollLongFrames: baseScroll.longFrames,
    baselineScrollBlocking: baseScroll.blockingMs,
    cardsInDom: cards(el),
  };
}

let profiled = 0;
/** A list holding all 10,000 (what a profiled filter change starts from). */
async function loadedList(): Promise<void> {
  const el = (await mountList(500)).el;
  await loadEverything(el);
  await painted();
  (window as unknown as { list: RequestList }).list = el;
}

/** One more status filter change from 10,000 loaded (for a profile). */
async function profiledFilter(): Promise<number> {
  const list = (window as unknown as { list: RequestList }).list;
  return filterChange(list, must(FILTERS[profiled++ % 2], 'filter'), false);
}

/** One more first paint (for a profile). */
async function profiledMount(): Promise<number> {
  return (await mountList(50)).ms;
}

Object.assign(window, { runBench, loadedList, profiledFilter, profiledMount });
document.body.dataset['ready'] = 'true';
