// In the page: 10,000 request cards (the <request-list> card template and styles) shown as (a) the
// virtualizer, (b) every card with `content-visibility: auto`, (c) (b) paged by 200, and the baseline:
// plain Lit rendering only the cards that fit in the view. Each figure runs to the frame that shows it.
import { nothing, render } from 'lit';
import '@access-requests/elements/status-badge.js';
import { STATUS_IDS, type AccessRequest, type AccessRequestStatus } from '@access-requests/sdk';
import { renderCard } from '../../packages/elements/src/components/request-list/request-card.js';
import { requestListStyles } from '../../packages/elements/src/components/request-list/request-list.styles.js';
import { PagedFeed, allCardsFeed, skippedCardStyles } from './feeds.js';
import { virtualizedFeed } from './virtualized-feed.js';

/** What the benchmark cannot run without: a missing one stops the run with its name. */
function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`The benchmark page has no ${what}.`);
  return value;
}

const COUNT = 10_000;
const PAGE = 200;
/** How many cards' height the scroll covers, in 20 frames (15 cards, about two views, a frame). */
const SCROLLED = 300;
export type Mode = 'virtualizer' | 'content-visibility' | 'paged' | 'baseline';

const person = (id: string, name: string) => ({ id, name, email: `${id.slice(4)}@example.com` });
const alice = person('usr_alice', 'Alice Example');
const bob = person('usr_bob', 'Bob Example');
const never = { revoke: false, request_again: false, use_access: false, approve: false, reject: false };

/** Request `i` of the 10,000: every status, some on behalf of Alice, one to three resources. */
function nth(i: number): AccessRequest {
  const status = STATUS_IDS[i % STATUS_IDS.length] as AccessRequestStatus;
  const at = new Date(Date.UTC(2026, 0, 15) - i * 97_000).toISOString();
  const names = [`payments-db-${i}`, `orders-${i % 97}`, `search-${i % 13}`].slice(0, 1 + (i % 3));
  return {
    ...{ id: `req_${String(i).padStart(6, '0')}`, status, status_reason: null, ticket: null, approvals: [] },
    access_flow: { id: 'flow_nonprod', name: 'Non-production' },
    requester: i % 5 === 0 ? bob : alice,
    grantee: alice,
    target: {
      type: 'resources',
      resource_count: names.length,
      resources_summary: names.map((name, n) => ({
        resource: { id: `res_${i}_${n}`, name },
        permission: { id: 'perm_ro', name: 'ReadOnly' },
      })),
    },
    duration_hours: 1 + (i % 8),
    justification: 'Look at the list',
    rejection_reason: status === 'rejected' ? 'Outside the change window' : null,
    ...{ revocation_reason: null, created_at: at, updated_at: at },
    ...{ granted_at: null, expires_at: null, revoked_at: null },
    favorite: i % 11 === 0,
    can: { ...never, favorite: true },
  };
}
const ALL = Array.from({ length: COUNT }, (_, i) => nth(i));

/** A list host as <request-list> has it: its styles adopted, a feed of the given height. */
class LookList extends HTMLElement {
  mode: Mode = 'virtualizer';
  items: readonly AccessRequest[] = ALL;
  /** For the baseline: how many cards fit in the view. */
  visible = 0;
  readonly pager = new PagedFeed(PAGE, () => {
    this.update();
    requestAnimationFrame(() => this.pager.recheck());
  });

  readonly root = this.attachShadow({ mode: 'open' });

  constructor() {
    super();
    this.root.adoptedStyleSheets = [...requestListStyles, skippedCardStyles].map((s) =>
      must(s.styleSheet, 'constructable stylesheet'),
    );
  }

  connectedCallback(): void {
    this.style.setProperty('--ar-request-list-block-size', '700px');
  }

  readonly card = (request: AccessRequest, index: number) =>
    renderCard(request, {
      ...{ index, setSize: this.items.length, active: index === 0, selected: false, locale: 'en' },
      ...{ footer: nothing, busy: false, failure: nothing },
    });

  update(): void {
    const { items, card } = this;
    const feed =
      this.mode === 'virtualizer'
        ? virtualizedFeed(items, card)
        : this.mode === 'content-visibility'
          ? allCardsFeed(items, card)
          : this.mode === 'paged'
            ? this.pager.render(items, card)
            : allCardsFeed(items.slice(0, this.visible), card);
    render(feed, this.root);
  }

  get feed(): HTMLElement {
    return must(this.root.querySelector<HTMLElement>('.feed'), 'feed');
  }

  /** The cards in the view, in order. */
  cardsInView(): HTMLElement[] {
    const view = this.feed.getBoundingClientRect();
    return [...this.root.querySelectorAll<HTMLElement>('article.card')]
      .filter((card) => {
        const box = card.getBoundingClientRect();
        return box.height > 0 && box.bottom > view.top && box.top < view.bottom;
      })
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
  }

  /** The view is filled with cards of `items` (or holds them all), each with its badge rendered. */
  filled(): boolean {
    const cards = this.cardsInView();
    const last = cards.at(-1);
    if (!last) return false;
    const wanted = new Set(this.items.map((r) => r.status));
    const rendered = cards.every((card) => {
      const badge = card.querySelector('status-badge');
      const status = badge?.getAttribute('status') as AccessRequestStatus | undefined;
      return !!badge?.shadowRoot?.childElementCount && !!status && wanted.has(status);
    });
    const reachesEnd = last.getBoundingClientRect().bottom >= this.feed.getBoundingClientRect().bottom - 1;
    const limit = this.mode === 'baseline' ? this.visible : this.items.length;
    return rendered && (reachesEnd || cards.length >= limit);
  }
}
customElements.define('look-list', LookList);

const stage = must(document.querySelector<HTMLElement>('#stage'), '#stage');
/** After the frame that paints what is in the DOM now (the task right after its rendering step). */
const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Time from `started` to the first painted frame after which `ready` holds. */
async function toPaint(started: number, ready: () => boolean, what: string): Promise<number> {
  for (let frames = 0; frames < 600; frames++) {
    await painted();
    const at = performance.now();
    if (ready()) return at - started;
  }
  throw new Error(`${what}: never painted`);
}

let list: LookList | undefined;

async function firstPaint(mode: Mode, visible: number): Promise<number> {
  stage.replaceChildren();
  await painted();
  const started = performance.now();
  const el = document.createElement('look-list') as LookList;
  list = el;
  Object.assign(el, { mode, visible, items: ALL });
  el.pager.reset();
  stage.append(el);
  el.update();
  return toPaint(started, () => el.filled(), `${mode} first paint`);
}

/** The list the last first paint mounted. */
const current = () => must(list, 'list mounted');

const FILTERS: AccessRequestStatus[][] = [
  ['active'],
  ['rejected', 'failed'],
  ['pending_approval'],
  ['revoked'],
];

async function filterChange(el: LookList, statuses: AccessRequestStatus[]): Promise<number> {
  el.feed.scrollTop = 0;
  await painted();
  const started = performance.now();
  el.items = ALL.filter((r) => statuses.includes(r.status));
  el.pager.reset();
  el.update();
  return toPaint(started, () => el.filled(), `${el.mode} filter`);
}

/**
 * Scrolls the feed down `distance` px in `steps` frames (a quick, steady scroll), waiting, when
 * paging, for the next page once the end is reached; sums the main thread's blocking in long
 * animation frames (over 50 ms) and notes the longest frame.
 */
async function scrollBlocking(el: LookList, distance: number, steps = 20) {
  const feed = el.feed;
  feed.scrollTop = 0;
  await painted();
  await painted();
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((found) => entries.push(...found.getEntries()));
  observer.observe({ type: 'long-animation-frame', buffered: false });
  let longest = 0;
  let last = performance.now();
  const started = last;
  for (let i = 1; i <= steps; i++) {
    const target = (distance / steps) * i;
    feed.scrollTop = target;
    for (let wait = 0; wait < 30; wait++) {
      await painted();
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      if (feed.scrollTop >= target - 2 || feed.scrollTop + feed.clientHeight >= feed.scrollHeight - 2) {
        if (el.mode !== 'paged' || feed.scrollTop >= target - 2) break;
      }
      feed.scrollTop = target;
    }
  }
  const elapsed = performance.now() - started;
  await painted();
  entries.push(...observer.takeRecords());
  observer.disconnect();
  const blocking = entries
    .map((e) => (e as PerformanceEntry & { blockingDuration?: number }).blockingDuration ?? e.duration - 50)
    .reduce((sum, ms) => sum + Math.max(0, ms), 0);
  const top = el.cardsInView()[0];
  return {
    blocking,
    longFrames: entries.length,
    longest,
    elapsed,
    reached: Number(top?.dataset['index'] ?? -1),
  };
}

const median = (values: number[]) =>
  must([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)], 'sample');
const stats = (values: number[]) => ({
  median: median(values),
  min: Math.min(...values),
  runs: values.length,
});
const MODES: Mode[] = ['virtualizer', 'content-visibility', 'paged'];

async function runBench(runs = 5) {
  // How many cards fit: the baseline renders that many, nothing more.
  await firstPaint('virtualizer', 0);
  const fit = current().cardsInView().length;
  const cardHeight = must(current().cardsInView()[0], 'card in view').getBoundingClientRect().height;
  const first: Record<Mode, number[]> = {
    virtualizer: [],
    'content-visibility': [],
    paged: [],
    baseline: [],
  };
  const filter: Partial<Record<Mode, number[]>> = {};
  const scroll: Partial<Record<Mode, Awaited<ReturnType<typeof scrollBlocking>>[]>> = {};
  const nodes: Partial<Record<Mode, number>> = {};
  // Warm-up ((b) runs the same templates as (c): its 10,000 cards would only add time).
  for (const mode of ['virtualizer', 'paged', 'baseline'] as Mode[]) await firstPaint(mode, fit);
  // Scrolling the height of the first 300 cards.
  const distance = SCROLLED * (cardHeight + 8);
  // Runs interleaved, so that the machine's slow moments fall on every way alike.
  for (let run = 0; run < runs; run++) {
    for (const mode of [...MODES, 'baseline'] as Mode[]) {
      first[mode].push(await firstPaint(mode, fit));
      if (mode === 'baseline') continue;
      nodes[mode] = current().root.querySelectorAll('*').length;
      (scroll[mode] ??= []).push(await scrollBlocking(current(), distance));
      (filter[mode] ??= []).push(
        await filterChange(current(), must(FILTERS[run % FILTERS.length], 'filter')),
      );
      console.log(`run ${run + 1}: ${mode} ${(first[mode].at(-1) ?? 0).toFixed(1)} ms`);
    }
  }
  stage.replaceChildren();
  const each = <T, R>(record: Partial<Record<Mode, T>>, f: (value: T) => R) =>
    Object.fromEntries(Object.entries(record).map(([mode, value]) => [mode, f(value)]));
  return {
    fit,
    cardHeight,
    nodes,
    firstPaint: each(first, stats),
    filter: each(filter, stats),
    scroll: each(scroll, (v) => ({
      ...stats(v.map((s) => s.blocking)),
      longFrames: median(v.map((s) => s.longFrames)),
      longest: median(v.map((s) => s.longest)),
      elapsed: median(v.map((s) => s.elapsed)),
      reached: median(v.map((s) => s.reached)),
    })),
  };
}

(window as unknown as { runBench: typeof runBench }).runBench = runBench;
document.body.dataset['ready'] = 'true';
