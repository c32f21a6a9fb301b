// axe (every WCAG 2.0–2.2 A and AA rule it has, and its best practices) over every element in its main
// states against the reference server — the scenes the language checks render — at a desktop and a
// phone size, at 200 % zoom, in the dark scheme and under forced colours: no violation anywhere.
import { expect } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import {
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  resetServer,
} from './internal/test-support.js';
import './all.define.js';
import { SCENES } from './internal/test-scenes.js';

const mediaFeatures = (features: { name: string; value: string }[]) =>
  executeServerCommand('access-requests:media-features', features);

interface Condition {
  name: string;
  apply: () => Promise<unknown>;
}

const CONDITIONS: Condition[] = [
  { name: '1280×800', apply: () => setViewport({ width: 1280, height: 800 }) },
  { name: '375×812', apply: () => setViewport({ width: 375, height: 812 }) },
  // 200 % zoom of a 1280×800 window: the page lays out in half the CSS pixels.
  { name: '200% zoom', apply: () => setViewport({ width: 640, height: 400 }) },
  {
    name: 'dark',
    apply: async () => {
      // A dark host page: the user's preference, and the page saying it follows it.
      await setViewport({ width: 1280, height: 800 });
      await emulateMedia({ colorScheme: 'dark' });
      // (axe reads the page's background from the body: the canvas colour is not in the DOM.)
      document.documentElement.style.colorScheme = 'dark';
      document.body.style.background = 'Canvas';
      document.body.style.color = 'CanvasText';
    },
  },
  {
    name: 'forced colours',
    apply: async () => {
      await setViewport({ width: 1280, height: 800 });
      await mediaFeatures([{ name: 'forced-colors', value: 'active' }]);
    },
  },
];

describe('axe in every state', () => {
  before(ignoreResizeObserverLoopReports);
  afterEach(async () => {
    document.documentElement.style.removeProperty('color-scheme');
    document.body.style.removeProperty('background');
    document.body.style.removeProperty('color');
    await emulateMedia({ colorScheme: 'light' });
    await mediaFeatures([]);
    await setViewport({ width: 800, height: 600 });
  });
  after(expectNoContractViolations);

  for (const condition of CONDITIONS)
    describe(condition.name, () => {
      for (const scene of SCENES)
        it(`${scene.name}: no violation`, async () => {
          await resetServer();
          await condition.apply();
          const el = await scene.show('en');
          await expect(el).to.be.accessible();
        });
    });
});
