// Catalog search in <access-request-form> over 100,000 resources (the reference server in the dev
// server, headless Chromium): real keystrokes, timed from the keydown's `event.timeStamp` to the
// animation frame after the answer's rows are in the DOM, beside the baseline in the same run — a
// plain input whose keystroke fetches the same query and renders 100 plain rows.
// Targets (issue 15): keystroke → results painted ≤ 60 ms median and ≤ 1.2× the baseline; the server
// hit at most once per settled query plus once per pause; typed characters echo in the next frame.
import { createDevServerMiddleware } from '@access-requests/mock-server/testing';
import { openBenchPage, profileOf, startBenchServer, stats } from './browser.mjs';

/** Each pair: the text already searched, then the key typed after a pause (its answer differs). */
const KEYSTROKES = [
  ['payment', 's'],
  ['prod-order', 's'],
  ['staging analytic', 's'],
  ['aws-dev-pay', 'm'],
  ['kafka', '-'],
  ['db', '-'],
];
/** Words typed in one go (the last keystroke timed), at 40 ms a key: a quick typist. */
const BURSTS = ['payments', 'prod-orders', 'analytics', 'staging', 'kafka-prod'];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const KEY_GAP_MS = 40;
/** A quiet spell before each timed keystroke: typing has paused. */
const PAUSE_MS = 300;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (/** @type {number[]} */ values) => stats(values).median;

export async function catalogSearchPaintBench() {
  const server = await startBenchServer({
    middleware: [createDevServerMiddleware({ speed: 0, catalogSize: 100_000 })],
  });
  const { browser, page } = await openBenchPage(server.origin, '/bench/catalog-search/index.html');
  try {
    const form = [];
    const plain = [];
    const requests = [];
    const burst = [];
    const burstRequests = [];
    const echo = [];
    const gaps = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const [before, key] of KEYSTROKES) {
        const search = before + key;
        await page.evaluate((text) => window.prepareForm(text), before);
        await page.evaluate((text) => window.expect(text), search);
        await sleep(PAUSE_MS);
        await page.keyboard.press(key);
        const f = await page.evaluate((text) => window.formPainted(text), search);
        form.push(f.ms);
        requests.push(f.requests);
        if (process.env.BENCH_DEBUG) console.log(search, f.sent);
        echo.push(...f.echo);
        await page.evaluate((text) => window.preparePlain(text), before);
        await sleep(PAUSE_MS);
        await page.keyboard.press(key);
        plain.push((await page.evaluate((text) => window.plainPainted(text), search)).ms);
      }
      for (const word of BURSTS) {
        await page.evaluate(() => window.prepareForm(''));
        await page.evaluate((text) => window.expect(text), word);
        await sleep(PAUSE_MS);
        await page.keyboard.type(word, { delay: KEY_GAP_MS });
        const b = await page.evaluate((text) => window.formPainted(text), word);
        burst.push(b.ms);
        burstRequests.push(b.requests);
        gaps.push(...b.gaps);
        if (process.env.BENCH_DEBUG) console.log(word, b.sent, b.gaps.map(Math.round));
        echo.push(...b.echo);
      }
    }
    const ratio = median(form) / median(plain);
    const formMet = median(form) <= 60 && ratio <= 1.2;
    let profiled = 0;
    const formProfile = formMet
      ? ''
      : `; ${await profileOf(
          page,
          async () => {
            const [before, key] = KEYSTROKES[profiled++ % KEYSTROKES.length] ?? ['', ''];
            await page.keyboard.press(key);
            await page.evaluate((text) => window.formPainted(text), before + key);
          },
          {
            prepare: async () => {
              const [before, key] = KEYSTROKES[profiled % KEYSTROKES.length] ?? ['', ''];
              await page.evaluate((text) => window.prepareForm(text), before);
              await page.evaluate((text) => window.expect(text), before + key);
              await sleep(PAUSE_MS);
            },
            runs: 3,
          },
        )} (keystroke → results painted)`;
    const timing = (/** @type {number[]} */ values) => {
      const { median: value, min, runs } = stats(values);
      return { unit: 'ms', value, min, runs };
    };
    return [
      {
        name: 'keystroke → rows painted: raw fetch + 100 plain rows (baseline)',
        ...timing(plain),
        baseline: true,
        note: 'keydown → fetch → 100 plain rows in the DOM → the next frame',
      },
      {
        name: 'keystroke after a pause → results painted: <access-request-form>',
        ...timing(form),
        target: '≤ 60 ms and ≤ 1.2× baseline',
        met: formMet,
        tried:
          "the search delay cut from 250 ms to 60 ms, and none for the first keystroke after a pause; stale requests aborted; the previous results kept until the next are in; an index in the reference server (≤ 5 ms at 100,000). The bench looked the answer up after the keystroke, a second request competing with the form's: now before it",
        note: `${ratio.toFixed(2)}× baseline; ${Math.min(...requests)}–${Math.max(...requests)} requests each${formProfile}`,
      },
      {
        name: `typed word (${KEY_GAP_MS} ms a key), last keystroke → results painted`,
        ...timing(burst),
        note: `keys ${Math.round(median(gaps))} ms apart (median; ${gaps.filter((gap) => gap >= 60).length} of ${gaps.length} gaps ≥ 60 ms, each a pause); ${Math.min(...burstRequests)}–${Math.max(...burstRequests)} requests a word`,
      },
      {
        name: 'typed character → next frame (echo), every keystroke above',
        ...timing(echo),
        target: '≤ 16.7 ms (the next frame)',
        met: median(echo) <= 16.7,
        note: `max ${Math.max(...echo).toFixed(1)} ms; keydown → the frame after its input event; one frame 16.7 ms`,
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
