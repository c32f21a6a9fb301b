// In the page: <access-portal> as Alice against the reference server (served by the dev server), and
// Event Timing of every interaction Node drives with real input (puppeteer's keyboard and mouse).
// Node names each step (`step()`) before its input; an interaction belongs to the step it started in.
import '@access-requests/elements/access-portal.js';
import { createAccessClient } from '@access-requests/sdk';

interface Step {
  readonly label: string;
  readonly at: number;
}
interface Timed extends PerformanceEntry {
  readonly interactionId?: number;
  readonly processingStart: number;
  readonly processingEnd: number;
}

const steps: Step[] = [];
const entries: Timed[] = [];
let firstInput: Timed | undefined;
new PerformanceObserver((list) => entries.push(...(list.getEntries() as Timed[]))).observe({
  type: 'event',
  durationThreshold: 16,
  buffered: true,
} as PerformanceObserverInit);
new PerformanceObserver((list) => (firstInput ??= list.getEntries()[0] as Timed | undefined)).observe({
  type: 'first-input',
  buffered: true,
});

/** Names the interactions that start from now on. */
function step(label: string): void {
  steps.push({ label, at: performance.now() });
}

const stepAt = (time: number) => steps.findLast((s) => s.at <= time)?.label ?? '(before the journey)';

/**
 * Every interaction so far, each its longest entry (Event Timing: start → the frame painted after its
 * handlers), with its step; and how many interactions the page counted (those under the threshold
 * are not reported).
 */
async function interactions() {
  // Entries are delivered after their frame: wait for one more.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const byId = new Map<number, Timed>();
  for (const e of entries) {
    const id = e.interactionId ?? 0;
    if (id === 0) continue;
    const known = byId.get(id);
    if (!known || e.duration > known.duration) byId.set(id, e);
  }
  // The Search field's keystrokes (the step Node names "Search typed"): each keydown's frame shows it.
  const keydowns = entries.filter((e) => e.name === 'keydown' && stepAt(e.startTime) === 'Search typed');
  return {
    count: (performance as Performance & { interactionCount?: number }).interactionCount ?? byId.size,
    reported: [...byId.values()].map((e) => ({
      name: `${stepAt(e.startTime)} (${e.name})`,
      duration: e.duration,
      inputDelay: e.processingStart - e.startTime,
      processing: e.processingEnd - e.processingStart,
    })),
    searchKeydowns: keydowns.map((e) => e.duration),
    firstInput: firstInput && { name: firstInput.name, duration: firstInput.duration },
  };
}

/**
 * The first element matching `selector` in the document or any open shadow root, visible, and whose
 * text or `aria-label` is `text` when given.
 */
function find(selector: string, text?: string): Element | undefined {
  const matches = (el: Element) =>
    el.checkVisibility() &&
    (text === undefined ||
      el.getAttribute('aria-label') === text ||
      (el.textContent ?? '').replace(/\s+/g, ' ').trim() === text);
  const search = (root: Document | ShadowRoot): Element | undefined => {
    for (const el of root.querySelectorAll(selector)) if (matches(el)) return el;
    for (const el of root.querySelectorAll('*')) {
      const inner = el.shadowRoot && search(el.shadowRoot);
      if (inner) return inner;
    }
    return undefined;
  };
  return search(document);
}

const portal = document.createElement('access-portal') as HTMLElement & { client: unknown };
portal.client = createAccessClient({ baseUrl: location.origin, token: 'demo-alice', retry: false });
document.body.append(portal);

Object.assign(window, { step, interactions, deep: find });
document.body.dataset['ready'] = 'true';
