// The one @web/test-runner setup every package's browser tests share.
import { fileURLToPath } from 'node:url';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { CHROME_ARGS, findChrome } from './chrome.mjs';

const workspaceRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * @param {{
 *   files: string | string[], plugins?: any[], middleware?: any[], testsFinishTimeout?: number,
 *   concurrency?: number
 * }} options
 * @returns {import('@web/test-runner').TestRunnerConfig}
 */
export function createWtrConfig({
  files,
  plugins = [],
  middleware = [],
  testsFinishTimeout = 120_000,
  // One test file at a time, unless the config gives each file a world of its own.
  concurrency = 1,
}) {
  const executablePath = findChrome();
  return {
    files,
    // Symlinked workspace packages live outside the package folder: serve from the workspace root.
    rootDir: workspaceRoot,
    nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
    concurrency,
    testsFinishTimeout,
    browsers: [
      chromeLauncher({
        launchOptions: { executablePath, headless: true, args: CHROME_ARGS },
        // Two test files at once must not share what a browser keeps per profile (localStorage, where
        // the form keeps its drafts; storage events between tabs): each page has a context of its own.
        // And only one page of a browser has focus: the other would never see focus and blur events
        // (nor match :focus-visible), so each page acts as focused.
        createPage: async ({ browser }) => {
          const page = await (await browser.createBrowserContext()).newPage();
          const cdp = await page.createCDPSession();
          await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
          return page;
        },
      }),
    ],
    plugins: [
      esbuildPlugin({ ts: true, target: 'es2022', tsconfig: `${workspaceRoot}tsconfig.json` }),
      ...plugins,
    ],
    middleware,
    testFramework: { config: { timeout: 10_000 } },
  };
}
