// Browser tests of the reference server: the service worker (startReferenceWorker) in Chromium.
// Run with NODE_OPTIONS='--import=tsx --conditions=source' (the package's `test` script does), so
// that this config can load the contract validator's TypeScript.
import { createWtrConfig } from '../../scripts/wtr-base.mjs';
import { contractValidationPlugin } from './src/testing/wtr-contract-plugin.ts';

// Test pages are served from the workspace root: serve the worker at /mockServiceWorker.js so that
// its scope (/) covers them.
const WORKER = '/packages/mock-server/worker/mockServiceWorker.js';
function serveWorkerAtRoot(context, next) {
  if (context.path === '/mockServiceWorker.js') context.url = WORKER;
  return next();
}

export default createWtrConfig({
  files: 'src/**/*.browser.test.ts',
  plugins: [contractValidationPlugin()],
  middleware: [serveWorkerAtRoot],
});
