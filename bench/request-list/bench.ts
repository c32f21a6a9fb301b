// In the page: <request-list> over 10,000 requests (served by an in-page fetch, so the figures are the
// element's own work), against a baseline of plain Lit rendering the same 10,000 rows at once.
import { html, render } from 'lit';
import '@access-requests/elements/request-list.js';
import '@access-requests/elements/status-badge.js';
import {
  STATUS_IDS,
  createAccessClient,
  type AccessRequest,
  type AccessRequestStatus,
} from '@access-requests/sdk';
import type { RequestList } from '@access-requests/elements';

const COUNT = 10_000;

/** What the benchmark cannot run without: a missing one stops the run with its name. */
function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`The benchmark page has no ${what}.`);
  return value;
}

const alice = { id: 'usr_alice', name: 'Alice Example', email: 'alice@example.com' };

function request(i: number): AccessRequest {
  const status = must(STATUS_IDS[i % STATUS_IDS.length], 'status');
  const at = new Date(Date.UTC(2026, 0, 15) - i * 60_000).toISOString();
  return {
    id: `req_${String(i).padStart(6, '0')}`,
    status,
    status_reason: null,
    access_flow: { id: 'flow_nonprod', name: 'Non-production' },
    requester: alice,
    grantee: alice,
    target: {
      type: 'resources',
      resource_count: 1 + (i % 3),
      resources_summary: [
        { resource: { id: `res_${i}`, name: `db-${i}` }, permission: { id: 'perm_ro', name: 'ReadOnly' } },
      ],
    },
    duration_hours: 1 + (i % 8),
    justification: 'Benchmark',
    ticket: null,
    approvals: [],
    rejection_reason: status === 'rejected' ? 'Not now' : null,
    revocation_reason: null,
    created_at: at,
    updated_at: at,
    granted_at: null,
    expires_at: null,
    revoked_at: null,
    favorite: i % 11 === 0,
    can: {
      revoke: false,
      favorite: true,
      request_again: false,
      use_access: false,
      approve: false,
      reject: false,
    },
  };
}

const all = Array.from({ length: COUNT }, (_, i) => request(i));
const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

/** The API, answered in the page: pages of the 10,000 requests, a quiet event stream. */
async function fakeFetch(input: Request): Promise<Response> {
  const url = new URL(input.url);
  if (url.pathname === '/v1/access-requests') {
    const statuses = url.searchParams.getAll('status[]');
    const matching = statuses.length ? all.filter((r) => statuses.includes(r.status)) : all;
    const offset = Number(url.searchParams.get('cursor') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const end = offset + limit;
    return json({
      items: matching.slice(offset, end),
      next_cursor: end < matching.length ? String(end) : null,
    });
  }
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
const cards = (el: RequestList) => el.shadowRoot?.querySelectorAll('[part~="card"]').length ?? 0;

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
 * From setting the filter to the list re-rendered with the loaded cards that match (what the user
 * sees at once; the server's first matching page follows and replaces them).
 */
async function filterChange(el: RequestList, statuses: AccessRequestStatus[]): Promise<number> {
  const started = performance.now();
  el.statuses = statuses;
  await el.updateComplete;
  const ms = performance.now() - started;
  await until(() => el.items.length > 0 && el.items.every((r) => statuses.includes(r.status)));
  await frame();
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

async function baselineMount(): Promise<number> {
  plainHost = document.createElement('div');
  stage.replaceChildren(plainHost);
  const started = performance.now();
  render(plainRows(all), plainHost);
  plainHost.getBoundingClientRect(); // layout, as the list's first render needs it too
  return performance.now() - started;
}

async function baselineFilter(statuses: AccessRequestStatus[]): Promise<number> {
  const started = performance.now();
  render(plainRows(all.filter((r) => statuses.includes(r.status))), plainHost);
  plainHost.getBoundingClientRect();
  return performance.now() - started;
}

const median = (values: number[]) =>
  must([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)], 'sample');

async function runBench() {
  const runs = 11;
  const first: number[] = [];
  const baseFirst: number[] = [];
  const baseFilter: number[] = [];
  // The element first, then the baseline: the baseline's 10,000-row DOM leaves garbage whose
  // collection would otherwise land in the element's timings.
  await mountList(50); // warm-up: modules evaluated, styles adopted
  for (let i = 0; i < runs; i++) first.push((await mountList(50)).ms);
  for (let i = 0; i < runs; i++) {
    baseFirst.push(await baselineMount());
    baseFilter.push(await baselineFilter(i % 2 ? ['rejected', 'failed'] : ['active']));
  }
  await baselineMount();
  const baseScroll = await scrollJank(must(plainHost.querySelector<HTMLElement>('ul.plain'), 'ul.plain'));

  const { el } = await mountList(500);
  await loadEverything(el);
  const listScroll = await scrollJank(listFeed(el));
  const rendered = cards(el);
  const filter: number[] = [];
  for (let i = 0; i < runs; i++)
    filter.push(await filterChange(el, i % 2 ? ['rejected', 'failed'] : ['active']));
  stage.replaceChildren();
  return {
    firstPaint: median(first),
    filterChange: median(filter),
    baselineFirstPaint: median(baseFirst),
    baselineFilterChange: median(baseFilter),
    scrollLongFrames: listScroll.longFrames,
    scrollBlocking: listScroll.blockingMs,
    baselineScrollLongFrames: baseScroll.longFrames,
    baselineScrollBlocking: baseScroll.blockingMs,
    cardsInDom: rendered,
  };
}

(window as unknown as { runBench: typeof runBench }).runBench = runBench;
document.body.dataset['ready'] = 'true';
