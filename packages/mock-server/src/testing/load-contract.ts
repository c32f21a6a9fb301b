/**
 * The contract the checks compare against: by default the one `@access-requests/contract` ships
 * (already parsed, so no YAML parser is needed); or another OpenAPI file, JSON or YAML (Node only).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { openapiDocument } from '@access-requests/contract/document';
import { createContractValidator, type ContractValidator } from './contract-validator.js';

/**
 * Where the contract's YAML lies: inside the installed `@access-requests/contract` package (an
 * absolute file path).
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { CONTRACT_PATH } from '@access-requests/mock-server/testing';
 *
 * const yamlText = readFileSync(CONTRACT_PATH, 'utf8'); // e.g. to lint it, or to diff against a draft
 * ```
 */
export const CONTRACT_PATH = fileURLToPath(
  import.meta.resolve('@access-requests/contract/access-requests.yaml'),
);

/** Reads a YAML file with the optional `yaml` package, saying what to install when it is missing. */
function parseYaml(text: string, path: string): Record<string, unknown> {
  let yaml: { parse(text: string): unknown };
  try {
    yaml = createRequire(import.meta.url)('yaml') as typeof yaml;
  } catch {
    throw new Error(
      `Reading ${path} needs the "yaml" package: npm install --save-dev yaml (or pass a JSON file).`,
    );
  }
  return yaml.parse(text) as Record<string, unknown>;
}

/**
 * The contract as a plain object: the shipped one (a fresh copy), or the OpenAPI file at `path`
 * (`.json` is read as JSON, anything else as YAML, which needs the optional `yaml` package).
 *
 * @example
 * ```ts
 * import { loadContract } from '@access-requests/mock-server/testing';
 *
 * const paths = Object.keys(loadContract().paths as object); // ['/v1/me', '/v1/grantees', …]
 * ```
 */
export function loadContract(path?: string): Record<string, unknown> {
  if (path === undefined) return structuredClone(openapiDocument);
  const text = readFileSync(path, 'utf8');
  return path.endsWith('.json') ? (JSON.parse(text) as Record<string, unknown>) : parseYaml(text, path);
}

let shared: ContractValidator | undefined;

/**
 * A validator over the contract at `path` (the shipped one by default; that one is built once per
 * process and shared).
 *
 * @example
 * ```ts
 * import { createContractCheck, loadContractValidator } from '@access-requests/mock-server/testing';
 *
 * const check = createContractCheck(loadContractValidator()); // what contractCheck() does
 * ```
 */
export function loadContractValidator(path?: string): ContractValidator {
  if (path !== undefined) return createContractValidator(loadContract(path));
  shared ??= createContractValidator(loadContract());
  return shared;
}
