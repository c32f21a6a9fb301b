// The SDK's API tests in Chromium, against the reference server answered on the page's origin by
// the dev server (every response checked against the contract; a broken one fails as a 500).
import { createWtrConfig } from '../../scripts/wtr-base.mjs';
import { contractCheck, createDevServerMiddleware } from '@access-requests/mock-server/testing';

const check = contractCheck();

export default createWtrConfig({
  files: 'test/api/**/*.test.ts',
  middleware: [createDevServerMiddleware({ speed: 0, heartbeatMs: 60_000, onResponse: check.hook })],
});
