// The integration scenarios in-process: createReferenceServer (msw setupServer) answers fetch.
import { after, before, describe } from 'node:test';
import { createBackend, type ReferenceBackend } from '../../backend/index.js';
import { createReferenceServer, type ReferenceServer } from '../../node.js';
import { contractCheck } from '../index.js';
import type { Target } from './client.js';
import { apiScenarios } from './scenarios.js';

const check = contractCheck();
const backend: ReferenceBackend = createBackend({ speed: 0 });
const server: ReferenceServer = createReferenceServer({ backend, onResponse: check.hook });
const target: Target = { url: server.baseUrl, backend, control: server.control };

before(() => server.listen());
after(() => {
  server.close();
  check.assertNoViolations();
});

describe('in-process (msw setupServer)', () => apiScenarios(() => target));
