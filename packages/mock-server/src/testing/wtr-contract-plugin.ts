/**
 * A @web/test-runner plugin that validates in Node what a browser test's reference worker answered
 * (Ajv and the YAML stay on the Node side). In the page:
 *
 * ```ts
 * import { executeServerCommand } from '@web/test-runner-commands';
 * const check = createContractCheck(remoteChecks(executeServerCommand));
 * const api = await startReferenceWorker({ onResponse: check.hook });
 * ```
 */
import { VALIDATE_EVENT, VALIDATE_RESPONSE } from './contract-check.js';
import type { ContractValidator, ResponseRecord } from './contract-validator.js';
import { loadContractValidator } from './load-contract.js';

export function contractValidationPlugin(validator: ContractValidator = loadContractValidator()) {
  return {
    name: 'access-requests-contract-validation',
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
