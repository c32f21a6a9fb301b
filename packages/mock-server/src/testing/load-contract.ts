/** Loads the contract from the workspace (Node only). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { createContractValidator, type ContractValidator } from './contract-validator.js';

/** `openapi/access-requests.yaml` of this workspace. */
export const CONTRACT_PATH = fileURLToPath(new URL('../../../../openapi/access-requests.yaml', import.meta.url));

export function loadContract(path: string = CONTRACT_PATH): Record<string, unknown> {
  return parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

let shared: ContractValidator | undefined;

/** A validator over the contract at `path` (the workspace's by default; that one is built once per process). */
export function loadContractValidator(path?: string): ContractValidator {
  if (path !== undefined) return createContractValidator(loadContract(path));
  shared ??= createContractValidator(loadContract());
  return shared;
}
