// The seed journey in <access-portal> (headless Chromium, the reference server in the dev server),
// driven by real input — puppeteer's mouse and keyboard, trusted events — and timed by Event Timing
// (`PerformanceObserver({ type: 'event', durationThreshold: 16, buffered: true })`, and
// 'first-input'): each interaction from its input to the frame painted after its handlers.
// New Request, a search typed, resources ticked, a permission changed, Next, duration, justification
// and ticket typed, a required question answered, Submit Request, My Requests, a request's details, the
// Revoke dialog and back.
// Targets (issue 15): every interaction of the seed journey median ≤ 24 ms, none over 100 ms; typed
// characters echo in the next frame (the Search field's keystrokes while its results load).
import { createDevServerMiddleware } from '@access-requests/mock-server/testing';
import { openBenchPage, profileOf, startBenchServer, stats, withLogs } from './browser.mjs';

const ROUNDS = Number(process.env.BENCH_JOURNEY_ROUNDS ?? 3);
/** Event Timing reports no interaction under this: an unreported one counts as this, at most. */
const THRESHOLD_MS = 16;
const KEY_DELAY_MS = 60;

/**
 * One journey through the portal. Each step is named in the page before its input.
 * @param {import('puppeteer-core').Page} page
 */
async function journey(page, { searchOnly = false } = {}) {
  const step = (/** @type {string} */ label) => page.evaluate((text) => window.step(text), label);
  /** The element (deep, visible) matching `selector` and `text`, once there. */
  const element = async (/** @type {string} */ selector, /** @type {string} */ text = undefined) => {
    const handle = await page
      .waitForFunction(
        (s, t) => window.deep(s, t ?? undefined),
        { polling: 100, timeout: 20_000 },
        selector,
        text ?? null,
      )
      .catch((/** @type {Error} */ error) => {
        throw new Error(`${error.message}: waiting for ${selector}${text ? ` "${text}"` : ''}`);
      });
    return /** @type {import('puppeteer-core').ElementHandle<Element>} */ (handle);
  };
  /** Waits until the page says `test` holds (a function run in the page). */
  const until = (/** @type {() => unknown} */ test) =>
    page.waitForFunction(test, { polling: 100, timeout: 20_000 }).catch((/** @type {Error} */ error) => {
      throw new Error(`${error.message}: waiting for ${test.toString()}`);
    });
  const click = async (
    /** @type {string} */ label,
    /** @type {string} */ selector,
    /** @type {string} */ text = undefined,
  ) => {
    const target = await element(selector, text);
    await step(label);
    await target.click();
  };
  const type = async (
    /** @type {string} */ label,
    /** @type {string} */ selector,
    /** @type {string} */ text,
  ) => {
    const target = await element(selector);
    await step(`${label}: click`);
    await target.click();
    await step(label);
    await page.keyboard.type(text, { delay: KEY_DELAY_MS });
  };

  await click('New Request tab', '[role="tab"]', 'New Request');
  await until(() => window.deep('#results[aria-busy="false"] [data-row="0"]'));
  await type('Search typed', '#search', 'payments');
  await until(() => window.deep('#results[aria-busy="false"] [data-row="1"]'));
  if (searchOnly) return;
  await click('resource ticked', '#results [data-row="0"] input[type="checkbox"]');
  await until(() => window.deep('#selected [data-row="0"]'));
  await click('resource ticked', '#results [data-row="1"] input[type="checkbox"]');
  await until(() => window.deep('#selected [data-row="1"]'));
  const permission = await element('#selected [data-row="0"] select');
  await permission.focus();
  await step('permission changed (keyboard)');
  await page.keyboard.press('ArrowDown');
  await click('Next', 'button', 'Next');
  await element('#duration');
  const duration = await element('#duration');
  await step('Duration: click');
  await duration.click({ count: 3 });
  await step('Duration typed');
  await page.keyboard.type('2', { delay: KEY_DELAY_MS });
  await type('Justification typed', '#justification', 'Investigating INC-4821: duplicated payouts.');
  const ticketType = await page.evaluate(() => !!window.deep('#ticket-type'));
  if (ticketType) {
    const select = await element('#ticket-type');
    await select.focus();
    await step('Ticket Type (keyboard)');
    await page.keyboard.press('ArrowDown');
    await type('Ticket ID typed', '#ticket-id', 'PAY-4821');
  }
  // A flow's required questions (production cloud's Change type), answered from the keyboard.
  const choice = await page.evaluate(() => !!window.deep('select[part="custom-field"][required]'));
  if (choice) {
    const select = await element('select[part="custom-field"][required]');
    await select.focus();
    await step('custom field chosen (keyboard)');
    await page.keyboard.press('ArrowDown');
  }
  await until(() => window.deep('[part="split"][aria-busy="false"]'));
  await click('Submit Request', 'button', 'Submit Request');
  await element('#step-title', 'Request submitted');
  await click('My Requests tab', '[role="tab"]', 'My Requests');
  const active = await element('[part~="card"]:has(status-badge[status="active"])');
  await step('request card opened');
  await active.click();
  await click('Revoke access', 'button', 'Revoke access');
  await element('dialog[open]');
  await step('Revoke dialog: Escape');
  await page.keyboard.press('Escape');
  await until(() => !window.deep('dialog[open]'));
  await click('details closed', '[part="close"]');
  await click('My Access tab', '[role="tab"]', 'My Access');
  await until(() => {
    const root = window.deep('my-access')?.shadowRoot;
    return root && !root.querySelector('[aria-busy="true"]') && root.querySelector('[part]');
  });
}

export async function journeyBench() {
  const server = await startBenchServer({ middleware: [createDevServerMiddleware({ speed: 0 })] });
  const { browser, page, logs } = await openBenchPage(server.origin, '/bench/journey/index.html');
  try {
    /** @type {{ name: string, duration: number }[]} */
    const reported = [];
    /** @type {number[]} */
    const echo = [];
    let count = 0;
    let firstInput = '';
    for (let round = 0; round < ROUNDS; round++) {
      if (round > 0) {
        await page.reload();
        await page.waitForSelector('body[data-ready="true"]');
      }
      await journey(page).catch((/** @type {Error} */ error) => {
        throw withLogs(error, logs);
      });
      const r = await page.evaluate(() => window.interactions());
      reported.push(...r.reported);
      echo.push(...r.searchKeydowns.map((/** @type {number} */ d) => d));
      count += r.count;
      if (r.firstInput) firstInput ||= `${r.firstInput.name} ${r.firstInput.duration} ms`;
    }
    // Interactions under the threshold are counted, not reported: each at most THRESHOLD_MS.
    const durations = [
      ...reported.map((i) => i.duration),
      ...Array.from({ length: Math.max(0, count - reported.length) }, () => THRESHOLD_MS),
    ];
    const all = stats(durations);
    const max = Math.max(0, ...reported.map((i) => i.duration));
    const worst = [...reported].sort((a, b) => b.duration - a.duration).slice(0, 3);
    const searchKeys = ROUNDS * 'payments'.length;
    const echoDurations = [
      ...echo,
      ...Array.from({ length: Math.max(0, searchKeys - echo.length) }, () => THRESHOLD_MS),
    ];
    const echoStats = stats(echoDurations);
    const medianMet = all.median <= 24;
    const maxMet = max <= 100;
    const echoMet = echoStats.median <= 16.7;
    const reload = async () => {
      await page.reload();
      await page.waitForSelector('body[data-ready="true"]');
    };
    // A slow interaction is profiled over a whole journey; a slow echo over the search typed.
    const profile =
      medianMet && maxMet
        ? ''
        : `; ${await profileOf(page, () => journey(page), { prepare: reload })} (a whole journey)`;
    const echoProfile = echoMet
      ? ''
      : `; ${await profileOf(page, () => journey(page, { searchOnly: true }), { prepare: reload })} (New Request, then the search typed)`;
    const worstText = worst
      .map(
        (i) =>
          `${i.name} ${i.duration} ms (input delay ${i.inputDelay.toFixed(0)}, handlers ${i.processing.toFixed(0)}, then ${(i.duration - i.inputDelay - i.processing).toFixed(0)} to the paint)`,
      )
      .join(', ');
    return [
      {
        name: 'interaction → next paint, every interaction of the journey',
        unit: 'ms',
        value: all.median,
        min: all.min,
        runs: durations.length,
        target: '≤ 24 ms median',
        met: medianMet,
        note: `${count} interactions over ${ROUNDS} journeys, ${reported.length} of them ≥ ${THRESHOLD_MS} ms (the rest counted as ${THRESHOLD_MS} ms: an upper bound); first input: ${firstInput || 'none reported'}${medianMet ? '' : profile}`,
      },
      {
        name: 'slowest interaction of the journey',
        unit: 'ms',
        value: max,
        target: 'none > 100 ms',
        met: maxMet,
        note: `worst: ${worstText || 'none over the threshold'}${maxMet ? '' : profile}`,
        ...(maxMet
          ? {}
          : {
              tried:
                "seen since the journey answers production cloud's required Change type (custom fields): that select's keydown is reported at about the preview's 300 ms debounce plus its answer, with the main thread idle between, while the permission and Ticket Type selects report under 16 ms; so the frame after the keydown seems to be presented only with the preview's answer. Not tried yet: a trace of that keydown's frames; no debounce for a discrete change (a choice) in the preview",
            }),
      },
      {
        name: 'Search field keystroke → its character painted, results loading',
        unit: 'ms',
        value: echoStats.median,
        min: echoStats.min,
        runs: echoDurations.length,
        target: '≤ 16.7 ms (the next frame)',
        met: echoMet,
        note: `Event Timing of each keydown in Search (typed ${KEY_DELAY_MS} ms a key; durations come in steps of 8 ms); ${echo.length} of ${searchKeys} ≥ ${THRESHOLD_MS} ms, max ${Math.max(0, ...echo)} ms${echoProfile}`,
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
