// The elements' browser tests: Chromium against the reference server, which the dev server itself
// answers (`/v1/*`, `/_control/*`, event streams included), same origin as the test pages.
// Every response is checked against openapi/access-requests.yaml on the Node side: a response that
// breaks the contract reaches the test as a 500 saying how, and each test file asks at its end
// (the `contract-violations` command) whether any did.
// Run with NODE_OPTIONS='--import=tsx --conditions=source' (the package's `test` script does).
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { createWtrConfig } from '../../scripts/wtr-base.mjs';
import {
  contractCheck,
  createDevServerMiddleware,
  formatViolation,
} from '@access-requests/mock-server/testing';

/**
 * One reference server per test file, so that two files run at once without resetting, faulting or
 * filling each other's world. A file's page carries its session id in its URL, and every request the
 * page makes (fetch, EventSource, images) names that URL in its Referer; the session id also comes
 * with each server command. A request without one (none is expected) gets a world of its own too.
 * A world is small (about 2 MB and 30 ms to make) and lives as long as the run.
 */
const worlds = new Map();
function worldOf(sessionId) {
  let world = worlds.get(sessionId);
  if (!world) {
    const check = contractCheck();
    world = { check, middleware: createDevServerMiddleware({ onResponse: check.hook, speed: 0 }) };
    worlds.set(sessionId, world);
  }
  return world;
}
function sessionOf(referer) {
  try {
    return new URL(referer).searchParams.get('wtr-session-id') ?? '';
  } catch {
    return '';
  }
}

const contractViolations = {
  name: 'access-requests-contract-violations',
  executeCommand({ command, session }) {
    if (command !== 'access-requests:contract-violations') return undefined;
    const { check } = worldOf(session.id);
    const found = check.violations.map(formatViolation);
    check.clear();
    return found;
  },
};

// Forced colours are not among what @web/test-runner-commands' emulateMedia passes to puppeteer
// (nor among the features puppeteer's own emulateMediaFeatures accepts): ask Chromium directly.
const pageSessions = new WeakMap();
const mediaFeatures = {
  name: 'access-requests-media-features',
  async executeCommand({ command, payload, session }) {
    if (command !== 'access-requests:media-features') return undefined;
    const page = session.browser.getPage(session.id);
    let cdp = pageSessions.get(page);
    if (!cdp) {
      cdp = await page.createCDPSession();
      pageSessions.set(page, cdp);
    }
    await cdp.send('Emulation.setEmulatedMedia', { features: payload });
    return true;
  },
};

export default createWtrConfig({
  files: 'src/**/*.test.ts',
  middleware: [(context, next) => worldOf(sessionOf(context.get('referer'))).middleware(context, next)],
  concurrency: 2,
  // A bound for a stuck file only: the axe scans take a while when two files share two cores.
  testsFinishTimeout: 300_000,
  // a11ySnapshot: the names Chromium's accessibility tree computes, for tests of what a control is called.
  plugins: [contractViolations, mediaFeatures, a11ySnapshotPlugin()],
});
