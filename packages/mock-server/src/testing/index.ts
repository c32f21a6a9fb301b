/**
 * `@access-requests/mock-server/testing` (Node): checking responses against the contract, the
 * dev-server middleware and the contract plugin for @web/test-runner, and an event-stream reader.
 * In a browser page, import the browser-safe helpers from `@access-requests/mock-server/browser`.
 *
 * @example
 * ```ts
 * import { createReferenceServer } from '@access-requests/mock-server/node';
 * import { contractCheck } from '@access-requests/mock-server/testing';
 *
 * const check = contractCheck();
 * const api = createReferenceServer({ onResponse: check.hook });
 * after(() => check.assertNoViolations());
 * ```
 *
 * @module
 */
import { createContractCheck, type ContractCheck } from './contract-check.js';
import { loadContractValidator } from './load-contract.js';

/**
 * A contract check over the contract `@access-requests/contract` ships: pass `.hook` as
 * `onResponse` to any runtime, and assert in an `after()` that nothing broke it.
 *
 * @example
 * ```ts
 * import { after, before } from 'node:test';
 * import { createReferenceServer } from '@access-requests/mock-server/node';
 * import { contractCheck } from '@access-requests/mock-server/testing';
 *
 * const check = contractCheck();
 * const api = createReferenceServer({ onResponse: check.hook });
 * before(() => api.listen());
 * after(() => {
 *   api.close();
 *   check.assertNoViolations();
 * });
 * ```
 */
export function contractCheck(): ContractCheck {
  return createContractCheck(loadContractValidator());
}

export {
  createContractCheck,
  formatViolation,
  remoteChecks,
  VALIDATE_EVENT,
  VALIDATE_RESPONSE,
} from './contract-check.js';
export type { ContractCheck, ResponseChecks, Violation } from './contract-check.js';
export { createContractValidator } from './contract-validator.js';
export type { ContractValidator, ResponseRecord } from './contract-validator.js';
export { CONTRACT_PATH, loadContract, loadContractValidator } from './load-contract.js';
export { createDevServerMiddleware } from './dev-server-middleware.js';
export type {
  DevServerMiddleware,
  DevServerMiddlewareOptions,
  KoaLikeContext,
} from './dev-server-middleware.js';
export { contractValidationPlugin } from './wtr-contract-plugin.js';
export { readEvents, SseParser } from './sse.js';
export type { SseEvent } from './sse.js';
