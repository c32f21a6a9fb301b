/**
 * Checks responses against `the contract (@access-requests/contract)`: Ajv (JSON Schema 2020-12, the dialect
 * of OpenAPI 3.1) compiles the contract's own schemas, so the check is the contract, not a copy.
 *
 * For each response: the operation (method + path template), the documented status (or `default`),
 * the content type, the JSON body (problem+json too, whose `status` must repeat the HTTP status),
 * and the documented headers (presence when required, then their schema). An event stream's
 * `data` is checked per event against the schema its media type names (`contentSchema`).
 */
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

// ajv and ajv-formats are CommonJS: depending on the loader the class is the default export or its `default`.
type Ajv2020 = InstanceType<typeof Ajv2020Module.default>;
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ??
  Ajv2020Module) as typeof Ajv2020Module.default;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule.default;

/**
 * A response as the validator needs it: the request's method and path, the status, headers and
 * body text.
 *
 * @example
 * ```ts
 * const record: ResponseRecord = {
 *   method: 'GET',
 *   url: '/v1/me',
 *   status: 200,
 *   headers: { 'content-type': 'application/json' },
 *   body: JSON.stringify(await response.json()),
 * };
 * console.log(loadContractValidator().validate(record)); // [] when it keeps the contract
 * ```
 */
export interface ResponseRecord {
  /** The request's method. */
  readonly method: string;
  /** The request URL (absolute, or a path), with its path as the contract names it (`/v1/...`). */
  readonly url: string;
  /** The response's status. */
  readonly status: number;
  /** The response's headers, names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body text; undefined for a stream whose events are checked one by one. */
  readonly body: string | undefined;
  /** A fault injected on purpose: an off-contract status is then allowed, but must be a Problem. */
  readonly injectedFault?: boolean;
}

/**
 * Validates responses and events against an OpenAPI document (made by `createContractValidator` or
 * `loadContractValidator`).
 *
 * @example
 * ```ts
 * const validator: ContractValidator = loadContractValidator();
 * const problems = validator.validateEvent('GET', '/v1/events', '{"type":"request.updated"}');
 * console.log(problems.length > 0); // true: an event without its request breaks the contract
 * ```
 */
export interface ContractValidator {
  /** Every way the response breaks the contract (empty when it keeps it). */
  validate(record: ResponseRecord): string[];
  /** Every way one event's `data` breaks the schema of its stream (empty when it keeps it). */
  validateEvent(method: string, url: string, data: string): string[];
}

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const DOC_ID = 'https://access-requests.example/openapi.json';

const pointerPart = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');
const mediaType = (contentType: string | undefined) =>
  (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';

interface Operation {
  readonly template: string;
  readonly pointer: string;
  readonly node: Json;
}

/**
 * A validator over an OpenAPI 3.1 document (a parsed object): Ajv (JSON Schema 2020-12) compiles
 * the document's own schemas. For each response it checks the operation (method and path), the
 * documented status, the content type, the body and the documented headers; for an event stream,
 * each event's `data` against the schema its media type names.
 *
 * @example
 * ```ts
 * import { openapiDocument } from '@access-requests/contract/document';
 * import { createContractCheck, createContractValidator } from '@access-requests/mock-server/testing';
 *
 * const check = createContractCheck(createContractValidator(structuredClone(openapiDocument)));
 * ```
 */
export function createContractValidator(document: Record<string, unknown>): ContractValidator {
  const ajv: Ajv2020 = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(document, DOC_ID);
  const compiled = new Map<string, ValidateFunction>();
  const schemaAt = (pointer: string): ValidateFunction => {
    let validate = compiled.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `${DOC_ID}#${pointer}` });
      compiled.set(pointer, validate);
    }
    return validate;
  };
  const check = (pointer: string, value: unknown, what: string): string[] => {
    const validate = schemaAt(pointer);
    if (validate(value)) return [];
    return (validate.errors ?? []).map(
      (e) => `${what}${e.instancePath || ''} ${e.message ?? 'is invalid'}${paramsNote(e.params)}`,
    );
  };

  /** Follows a local `$ref` (responses, headers), keeping track of the JSON pointer. */
  const deref = (node: Json, pointer: string): { node: Json; pointer: string } => {
    const ref = node.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return { node, pointer };
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>(
        (at, part) => (at as Json | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')],
        document,
      );
    return deref(target as Json, ref.slice(1));
  };

  // Literal paths before templated ones, so /v1/access-requests/preview is not taken for {id}.
  const operations = (method: string): Operation[] =>
    Object.entries((document.paths ?? {}) as Record<string, Json>)
      .filter(([, item]) => item[method])
      .map(([template, item]) => ({
        template,
        pointer: `/paths/${pointerPart(template)}/${method}`,
        node: item[method] as Json,
      }))
      .sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  const byMethod = new Map(METHODS.map((method) => [method, operations(method)]));
  const matches = (template: string, path: string) =>
    new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}/]+\}/g, '[^/]+')}$`).test(
      path,
    );
  const findOperation = (method: string, path: string) =>
    byMethod.get(method.toLowerCase())?.find((operation) => matches(operation.template, path));
  const knownPath = (path: string) =>
    [...byMethod.values()].some((ops) => ops.some((op) => matches(op.template, path)));

  const parseJson = (body: string | undefined, what: string): { value?: unknown; problems: string[] } => {
    try {
      return { value: JSON.parse(body ?? ''), problems: [] };
    } catch {
      return { problems: [`${what} is not JSON: ${JSON.stringify((body ?? '').slice(0, 200))}`] };
    }
  };

  const checkProblem = (record: ResponseRecord, what: string): string[] => {
    if (mediaType(record.headers['content-type']) !== 'application/problem+json') {
      return [
        `${what}: content-type is ${record.headers['content-type'] ?? 'missing'}, not application/problem+json`,
      ];
    }
    const { value, problems } = parseJson(record.body, `${what} body`);
    if (problems.length) return problems;
    return [
      ...check('/components/schemas/Problem', value, `${what} body`),
      ...statusRepeated(value, record.status, what),
    ];
  };

  return {
    validate(record) {
      const path = new URL(record.url, 'http://relative.invalid').pathname;
      const what = `${record.method} ${path} → ${record.status}`;
      const operation = findOperation(record.method, path);
      if (!operation) {
        if (!path.startsWith('/v1/') && path !== '/v1') return []; // outside the contract (e.g. /_control)
        if (record.method === 'OPTIONS' && record.status === 204) return [];
        const expected = knownPath(path) ? 405 : 404;
        if (record.status !== expected) return [`${what}: an undocumented operation must answer ${expected}`];
        return checkProblem(record, what);
      }
      const responses = (operation.node.responses ?? {}) as Json;
      const key = [String(record.status), `${String(record.status)[0]}XX`, 'default'].find(
        (k) => responses[k],
      );
      if (!key) {
        if (record.injectedFault) return checkProblem(record, what);
        return [
          `${what}: status ${record.status} is not documented (documented: ${Object.keys(responses).join(', ')})`,
        ];
      }
      const response = deref(responses[key] as Json, `${operation.pointer}/responses/${key}`);
      const found: string[] = [];

      for (const [name, declared] of Object.entries((response.node.headers ?? {}) as Json)) {
        const header = deref(declared as Json, `${response.pointer}/headers/${pointerPart(name)}`);
        const value = record.headers[name.toLowerCase()];
        if (value === undefined) {
          if (header.node.required) found.push(`${what}: required header ${name} is missing`);
        } else if (header.node.schema) {
          found.push(...check(`${header.pointer}/schema`, headerValue(value), `${what}: header ${name}`));
        }
      }

      const content = response.node.content as Json | undefined;
      if (!content) {
        if (record.body) found.push(`${what}: documented without a body, but one was sent`);
        return found;
      }
      const type = mediaType(record.headers['content-type']);
      const media = Object.keys(content).find((candidate) => candidate.toLowerCase() === type);
      if (!media)
        return [
          ...found,
          `${what}: content-type ${type || 'missing'} is not one of ${Object.keys(content).join(', ')}`,
        ];
      const schemaPointer = `${response.pointer}/content/${pointerPart(media)}/schema`;
      if (type === 'text/event-stream' || record.body === undefined) return found;
      const { value, problems } = parseJson(record.body, `${what} body`);
      if (problems.length) return [...found, ...problems];
      found.push(...check(schemaPointer, value, `${what} body`));
      if (type === 'application/problem+json') found.push(...statusRepeated(value, record.status, what));
      return found;
    },

    validateEvent(method, url, data) {
      const path = new URL(url, 'http://relative.invalid').pathname;
      const what = `${method} ${path} event data`;
      const operation = findOperation(method, path);
      const response =
        operation &&
        deref((operation.node.responses as Json)['200'] as Json, `${operation.pointer}/responses/200`);
      const stream = (response?.node.content as Json | undefined)?.['text/event-stream'] as Json | undefined;
      const schema = stream?.schema as Json | undefined;
      const ref = (schema?.contentSchema as Json | undefined)?.$ref;
      if (typeof ref !== 'string')
        return [`${what}: the contract names no schema for the events of ${method} ${path}`];
      const { value, problems } = parseJson(data, what);
      return problems.length ? problems : check(ref.slice(1), value, what);
    },
  };
}

/** A problem document repeats the HTTP status in `status`. */
function statusRepeated(problem: unknown, status: number, what: string): string[] {
  const repeated = (problem as Json | null)?.status;
  return repeated === status ? [] : [`${what} body: status ${String(repeated)} differs from the HTTP status`];
}

/** Header values are strings: read them as the JSON type their schema most likely wants. */
function headerValue(value: string): unknown {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

function paramsNote(params: Record<string, unknown>): string {
  const interesting = Object.entries(params).filter(([, v]) => typeof v !== 'object');
  return interesting.length ? ` (${interesting.map(([k, v]) => `${k}: ${String(v)}`).join(', ')})` : '';
}
