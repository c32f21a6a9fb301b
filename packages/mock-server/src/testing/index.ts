/**
 * `@access-requests/mock-server/testing` (Node): checking responses against the contract, the
 * dev-server middleware for browser tests, and an event-stream reader.
 */
import { createContractCheck, type ContractCheck } from './contract-check.js';
import { loadContractValidator } from './load-contract.js';

/** A contract check over the contract `@access-requests/contract` ships: pass `.hook` as `onResponse`. */
export function contractCheck(): ContractCheck {
  return createContractCheck(loadContractValidator());
}

export { createContractCheck, formatViolation, remoteChecks, VALIDATE_EVENT, VALIDATE_RESPONSE } from './contract-check.js';
export type { ContractCheck, ResponseChecks, Violation } from './contract-check.js';
export { createContractValidator } from './contract-validator.js';
export type { ContractValidator, ResponseRecord } from './contract-validator.js';
export { CONTRACT_PATH, loadContract, loadContractValidator } from './load-contract.js';
export { createDevServerMiddleware } from './dev-server-middleware.js';
export type { DevServerMiddleware, DevServerMiddlewareOptions, KoaLikeContext } from './dev-server-middleware.js';
export { contractValidationPlugin } from './wtr-contract-plugin.js';
export { readEvents, SseParser } from './sse.js';
export type { SseEvent } from './sse.js';
