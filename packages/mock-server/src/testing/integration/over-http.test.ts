// The integration scenarios over real HTTP: startHttpServer on a free port, plain fetch.
import { after, before, describe } from 'node:test';
import { createBackend, type ReferenceBackend } from '../../backend/index.js';
import { startHttpServer, type RunningHttpServer } from '../../http/server.js';
import { contractCheck } from '../index.js';
import type { Target } from './client.js';
import { apiScenarios } from './scenarios.js';

const check = contractCheck();
let server: RunningHttpServer;
let target: Target;

before(async () => {
  const backend: ReferenceBackend = createBackend({ speed: 0 });
  server = await startHttpServer({ port: 0, backend, log: false, onResponse: check.hook });
  target = { url: server.url, backend, control: server.control };
});
after(async () => {
  await server.close();
  check.assertNoViolations();
});

describe('over real HTTP', () => apiScenarios(() => target));
