/**
 * Wires a contract validator into the handlers (`createHandlers(backend, { onResponse: check.hook })`)
 * so that every response a test provokes is checked. A response that breaks the contract is
 * replaced by a 500 problem+json saying how (so the test that caused it fails where it happened),
 * and recorded (so an `after()` can assert that none did). A broken event errors the stream.
 *
 * Browser-safe: the validation itself is passed in, and may be remote (the browser tests ask Node).
 */
import type { Exchange, ResponseHook } from '../handlers/index.js';
import { apiProblem } from '../backend/problems.js';
import { problemResponse } from '../handlers/responses.js';
import type { ResponseRecord } from './contract-validator.js';
import { SseParser } from './sse.js';

/**
 * A response that broke the contract: the request, the status sent, and every way it broke it.
 *
 * @example
 * ```ts
 * after(() => {
 *   const broken: readonly Violation[] = check.violations;
 *   if (broken.length) console.error(broken.map(formatViolation).join('\n'));
 * });
 * ```
 */
export interface Violation {
  /** The request's method. */
  readonly method: string;
  /** The request's whole URL. */
  readonly url: string;
  /** The status the handlers answered. */
  readonly status: number;
  /** Each way the response breaks the contract, one sentence each. */
  readonly problems: readonly string[];
}

/**
 * The validation behind a contract check, possibly asynchronous: a `ContractValidator` in Node,
 * `remoteChecks(...)` in a browser test (which asks the Node side).
 *
 * @example
 * ```ts
 * const checks: ResponseChecks = loadContractValidator();
 * const check = createContractCheck(checks);
 * ```
 */
export interface ResponseChecks {
  /** Every way a response breaks the contract (empty when it keeps it). */
  validate(record: ResponseRecord): string[] | Promise<string[]>;
  /** Every way one event's `data` breaks the schema of its stream. */
  validateEvent(method: string, url: string, data: string): string[] | Promise<string[]>;
}

/**
 * The @web/test-runner command with which a page asks `contractValidationPlugin` (Node side) to
 * validate a response; `remoteChecks` sends it.
 *
 * @example
 * ```ts
 * import { executeServerCommand } from '@web/test-runner-commands';
 *
 * const problems = await executeServerCommand(VALIDATE_RESPONSE, {
 *   method: 'GET',
 *   url: '/v1/me',
 *   status: 200,
 *   headers: {},
 *   body: '{}',
 * });
 * ```
 */
export const VALIDATE_RESPONSE = 'access-requests:validate-response';

/**
 * The @web/test-runner command with which a page asks `contractValidationPlugin` to validate one
 * event of a stream; `remoteChecks` sends it.
 *
 * @example
 * ```ts
 * const problems = await executeServerCommand(VALIDATE_EVENT, {
 *   method: 'GET',
 *   url: '/v1/events',
 *   data: '{"type":"request.updated"}',
 * });
 * ```
 */
export const VALIDATE_EVENT = 'access-requests:validate-event';

/**
 * Checks run elsewhere: in a browser test, `remoteChecks(executeServerCommand)` asks the Node side
 * (`contractValidationPlugin` in the wtr config), where Ajv and the contract are.
 *
 * @example
 * ```ts
 * // In a browser test page (the wtr config has `plugins: [contractValidationPlugin()]`)
 * import { executeServerCommand } from '@web/test-runner-commands';
 * import {
 *   createContractCheck,
 *   remoteChecks,
 *   startReferenceWorker,
 * } from '@access-requests/mock-server/browser';
 *
 * const check = createContractCheck(remoteChecks(executeServerCommand));
 * const api = await startReferenceWorker({ onResponse: check.hook });
 * ```
 */
export function remoteChecks(
  execute: (command: string, payload: unknown) => Promise<unknown>,
): ResponseChecks {
  return {
    validate: async (record) => (await execute(VALIDATE_RESPONSE, record)) as string[],
    validateEvent: async (method, url, data) =>
      (await execute(VALIDATE_EVENT, { method, url, data })) as string[],
  };
}

/**
 * A running contract check: its `hook` (give it as `onResponse`), the violations seen so far, and
 * an assertion for an `after()`.
 *
 * @example
 * ```ts
 * const check: ContractCheck = contractCheck();
 * const api = createReferenceServer({ onResponse: check.hook });
 * after(() => check.assertNoViolations());
 * ```
 */
export interface ContractCheck {
  /** Pass as `onResponse` to `createHandlers` (or the server factories' `onResponse`). */
  readonly hook: ResponseHook;
  /** Every violation since the start (or the last `clear()`). */
  readonly violations: readonly Violation[];
  /** Throws, listing them, when any response broke the contract. */
  assertNoViolations(): void;
  /** Forgets the violations seen so far (after a test that provoked one on purpose). */
  clear(): void;
}

function headersOf(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return headers;
}

/**
 * A violation as text: the request and status on one line, then each problem.
 *
 * @example
 * ```ts
 * console.log(check.violations.map(formatViolation).join('\n'));
 * // GET http://127.0.0.1:4010/v1/me → 200:
 * //   - GET /v1/me → 200 body/is_approver must be boolean
 * ```
 */
export function formatViolation(v: Violation): string {
  return `${v.method} ${v.url} → ${v.status}:\n  - ${v.problems.join('\n  - ')}`;
}

/**
 * A contract check over `checks`: its `hook` validates every response the handlers make (and each
 * event of a stream). A response that breaks the contract reaches the client as a 500 problem+json
 * saying how — so the test that caused it fails where it happened — and is kept in `violations`.
 * In Node, `contractCheck()` is this over the shipped contract.
 *
 * @example
 * ```ts
 * import { createContractCheck, loadContractValidator } from '@access-requests/mock-server/testing';
 *
 * const check = createContractCheck(loadContractValidator('./openapi/next.yaml')); // a draft of the contract
 * const api = createReferenceServer({ onResponse: check.hook });
 * ```
 */
export function createContractCheck(checks: ResponseChecks): ContractCheck {
  const violations: Violation[] = [];

  const record = (request: Request, status: number, problems: string[]): Violation => {
    const violation = { method: request.method, url: request.url, status, problems };
    violations.push(violation);
    return violation;
  };

  /** Passes the stream through, checking the `data` of each event as it goes by. */
  const checkedStream = (request: Request, path: string, response: Response): Response => {
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const checked = (response.body ?? new ReadableStream<Uint8Array>()).pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        async transform(chunk, controller) {
          for (const event of parser.push(decoder.decode(chunk, { stream: true }))) {
            const problems = await checks.validateEvent(request.method, path, event.data);
            if (problems.length) {
              const violation = record(request, response.status, problems);
              controller.error(new Error(`Contract violation: ${formatViolation(violation)}`));
              return;
            }
          }
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(checked, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };

  // The contract names paths from /v1: check `path` (relative to the base URL), report the whole URL.
  const hook = async ({ request, path, response, fault }: Exchange): Promise<Response> => {
    if (response.type === 'error') return response; // a dropped connection: nothing was sent
    const streaming = (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
    // Read the body here rather than through `clone()`: a tee'd body's `cancel()` waits for both branches.
    const body = streaming ? undefined : await response.text();
    const problems = await checks.validate({
      method: request.method,
      url: `${path}${new URL(request.url).search}`,
      status: response.status,
      headers: headersOf(response),
      body,
      injectedFault: fault !== undefined,
    });
    if (problems.length === 0) {
      if (!streaming)
        return new Response(body || null, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        });
      return response.body ? checkedStream(request, path, response) : response;
    }
    const violation = record(request, response.status, problems);
    if (streaming) await response.body?.cancel();
    const detail = `The reference server's response broke the contract (@access-requests/contract): ${formatViolation(violation)}`;
    return problemResponse(apiProblem(500, 'contract-violation', detail, { title: 'Contract violation' }));
  };

  return {
    hook,
    get violations() {
      return violations;
    },
    assertNoViolations() {
      if (violations.length) {
        throw new Error(
          `${violations.length} response(s) broke the contract:\n${violations.map(formatViolation).join('\n')}`,
        );
      }
    },
    clear() {
      violations.length = 0;
    },
  };
}
