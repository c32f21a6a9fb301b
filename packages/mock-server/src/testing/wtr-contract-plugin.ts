/**
 * The @web/test-runner plugin that validates, on the Node side, what a browser test's reference
 * worker answered: Ajv and the contract stay in Node, the page asks through `remoteChecks`.
 */
import { VALIDATE_EVENT, VALIDATE_RESPONSE } from './contract-check.js';
import type { ContractValidator, ResponseRecord } from './contract-validator.js';
import { loadContractValidator } from './load-contract.js';

/**
 * A @web/test-runner plugin answering the commands `remoteChecks` sends from a page
 * (`VALIDATE_RESPONSE`, `VALIDATE_EVENT`) with `validator` (the shipped contract by default). Its
 * type is structural: no `@web/*` package is needed to type-check against it.
 *
 * @example
 * ```ts
 * // web-test-runner.config.mjs
 * import { contractValidationPlugin } from '@access-requests/mock-server/testing';
 *
 * export default { files: 'test/*.test.js', nodeResolve: true, plugins: [contractValidationPlugin()] };
 * // In the page, from '@access-requests/mock-server/browser':
 * // createContractCheck(remoteChecks(executeServerCommand))
 * ```
 */
export function contractValidationPlugin(validator: ContractValidator = loadContractValidator()) {
  return {
    name: 'access-requests-contract-validation',
    /** Answers this plugin's two commands with the problems found; leaves other commands to other plugins. */
    executeCommand({ command, payload }: { command: string; payload?: unknown }): string[] | undefined {
      if (command === VALIDATE_RESPONSE) return validator.validate(payload as ResponseRecord);
      if (command === VALIDATE_EVENT) {
        const { method, url, data } = payload as { method: string; url: string; data: string };
        return validator.validateEvent(method, url, data);
      }
      return undefined; // another plugin's command
    },
  };
}
