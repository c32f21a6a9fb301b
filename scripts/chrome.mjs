// Finds the Chromium the browser tests drive. No test tool may download a browser here.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Flags for a headless Chromium on a closed network (no background calls home). */
export const CHROME_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** @returns {string} the path of a Chromium or Chrome binary */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    'No Chromium found for the browser tests. Install it with `apt-get install -y chromium` ' +
      '(Debian/Ubuntu, as root), or point CHROME_PATH at a Chrome or Chromium binary. ' +
      `Looked in: ${CANDIDATES.join(', ')}.`,
  );
}

/**
 * Waits until an element matching `selector` exists anywhere in the page, shadow roots included,
 * and answers it. Polls every 100 ms: puppeteer's own `>>>` wait re-checks on mutations of the
 * document, so it can miss an element that appears later inside a shadow root.
 * @param {import('puppeteer-core').Page} page @param {string} selector @param {number} [timeout]
 * @returns {Promise<import('puppeteer-core').ElementHandle<Element>>}
 */
export async function waitForDeep(page, selector, timeout = 30_000) {
  const handle = await page.waitForFunction(
    (wanted) => {
      /** @param {Document | ShadowRoot} root @returns {Element | undefined} */
      const find = (root) => {
        const hit = root.querySelector(wanted);
        if (hit) return hit;
        for (const el of root.querySelectorAll('*')) {
          const inner = el.shadowRoot && find(el.shadowRoot);
          if (inner) return inner;
        }
        return undefined;
      };
      return find(document) ?? false;
    },
    { polling: 100, timeout },
    selector,
  );
  return /** @type {import('puppeteer-core').ElementHandle<Element>} */ (handle);
}
