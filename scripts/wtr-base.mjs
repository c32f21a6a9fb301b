// The one @web/test-runner setup every package's browser tests share.
import { fileURLToPath } from 'node:url';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { CHROME_ARGS, findChrome } from './chrome.mjs';

const workspaceRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * @param {{
 *   files: string | string[], plugins?: any[], middleware?: any[], testsFinishTimeout?: number
 * }} options
 * @returns {import('@web/test-runner').TestRunnerConfig}
 */
export function createWtrConfig({ files, plugins = [], middleware = [], testsFinishTimeout = 120_000 }) {
  const executablePath = findChrome();
  return {
    files,
    // Symlinked workspace packages live outside the package folder: serve from the workspace root.
    rootDir: workspaceRoot,
    nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
    concurrency: 1,
    testsFinishTimeout,
    browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROME_ARGS } })],
    plugins: [
      esbuildPlugin({ ts: true, target: 'es2022', tsconfig: `${workspaceRoot}tsconfig.json` }),
      ...plugins,
    ],
    middleware,
    testFramework: { config: { timeout: 10_000 } },
  };
}
