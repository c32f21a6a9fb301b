// The SDK's tests in Node: node:test and node:assert, against the reference server over real HTTP,
// with every response checked against the contract.
import { after, before } from 'node:test';
import { startHttpServer, type RunningHttpServer } from '@access-requests/mock-server/http';
import { contractCheck } from '@access-requests/mock-server/testing';

export { describe, it, before, after, beforeEach, afterEach } from 'node:test';
export { default as assert } from 'node:assert/strict';
export const runtime = 'node';

const check = contractCheck();
let server: RunningHttpServer | undefined;
before(async () => {
  server = await startHttpServer({
    port: 0,
    log: false,
    speed: 0,
    heartbeatMs: 60_000,
    onResponse: check.hook,
  });
});
after(async () => {
  await server?.close();
  check.assertNoViolations();
});

/** Where the reference server answers. */
export function apiBase(): string {
  if (!server) throw new Error('The reference server has not started yet (call apiBase() inside a test).');
  return server.url;
}
