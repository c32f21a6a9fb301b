/**
 * Fault injection for the transport: which of the next requests fail, and how. Kept out of the
 * backend on purpose — a fault is about the wire (a status, a delay, a dropped connection), not
 * about the world.
 */

/**
 * The kinds of fault the reference server can inject, as the control API names them (see
 * `FaultSpec.kind` for what each does).
 *
 * @example
 * ```ts
 * import { FAULT_KINDS } from '@access-requests/mock-server';
 *
 * for (const kind of FAULT_KINDS) console.log(kind); // error, rate_limit, delay, drop, commit_then_drop
 * ```
 */
export const FAULT_KINDS = ['error', 'rate_limit', 'delay', 'drop', 'commit_then_drop'] as const;

/**
 * One of `FAULT_KINDS`.
 *
 * @example
 * ```ts
 * const kind: FaultKind = 'commit_then_drop';
 * api.control.faults.add({ method: 'POST', path: '/v1/access-requests', kind });
 * ```
 */
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * A fault to inject: the next `times` requests matching `method` and `path` fail as `kind` says.
 * The body of `POST /_control/faults`, or the argument of `control.faults.add()`.
 *
 * @example
 * ```ts
 * const spec: FaultSpec = {
 *   method: 'GET',
 *   path: '/v1/catalog/*',
 *   kind: 'rate_limit',
 *   retry_after: 2,
 *   times: 3,
 * };
 * api.control.faults.add(spec);
 * ```
 */
export interface FaultSpec {
  /** Only requests with this method (any method when absent). */
  readonly method?: string;
  /**
   * The path it applies to: exact (`/v1/access-requests`), with `:param` segments
   * (`/v1/access-requests/:id/revoke`), or ending in `/*` for a whole subtree (`/v1/catalog/*`).
   */
  readonly path: string;
  /**
   * - `error`: answer `status` (default 500) with a problem+json, nothing done.
   * - `rate_limit`: answer 429 with `Retry-After: retry_after` seconds (default 1), nothing done.
   * - `delay`: wait `delay_ms` (default 1000) of real time, then answer normally.
   * - `drop`: a network error (a destroyed socket over HTTP), nothing done.
   * - `commit_then_drop`: the backend does the work, then the answer is lost: its status and headers
   *   arrive, and the connection breaks half-way through the body.
   */
  readonly kind: FaultKind;
  /** For `error`: the status answered, 400–599. Default 500. */
  readonly status?: number;
  /** For `rate_limit`: the `Retry-After` seconds. Default 1. */
  readonly retry_after?: number;
  /** For `delay`: real milliseconds to wait before answering. Default 1000. */
  readonly delay_ms?: number;
  /** How many matching requests it affects (default 1). */
  readonly times?: number;
}

/**
 * A fault as it is stored and listed (`GET /_control/faults`), with its id and what remains of it.
 *
 * @example
 * ```ts
 * const fault: Fault = api.control.faults.add({ path: '/v1/me', kind: 'error', times: 2 });
 * console.log(fault.id, fault.status, fault.remaining); // 'flt_1' 500 2
 * api.control.faults.remove(fault.id);
 * ```
 */
export interface Fault {
  readonly id: string;
  readonly method: string | null;
  readonly path: string;
  readonly kind: FaultKind;
  readonly status: number | null;
  readonly retry_after: number | null;
  readonly delay_ms: number | null;
  /** How many more matching requests it will affect. */
  remaining: number;
}

/**
 * Thrown by `control.faults.add()` for a spec that makes no sense; the control API answers it as a
 * 422 naming `field`.
 *
 * @example
 * ```ts
 * try {
 *   api.control.faults.add({ path: 'v1/me', kind: 'error' });
 * } catch (error) {
 * // 'path' 'path must be a path starting with / …'
 *   if (error instanceof FaultSpecError) console.log(error.field, error.message);
 * }
 * ```
 */
export class FaultSpecError extends Error {
  /** The spec's field that is wrong (`''` for the spec as a whole). */
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'FaultSpecError';
    this.field = field;
  }
}

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
/** The longest fault path, and the most faults waiting at once. */
const MAX_FAULT_PATH = 2048;
const MAX_FAULTS = 1000;

function wholeNumber(value: unknown, field: string, min: number, max: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new FaultSpecError(field, `${field} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

/** Checks an untrusted spec (from JSON) and gives the stored form. */
function parseFaultSpec(input: unknown, id: string): Fault {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new FaultSpecError('', 'The body must be a JSON object.');
  }
  const spec = input as Record<string, unknown>;
  const known = new Set(['method', 'path', 'kind', 'status', 'retry_after', 'delay_ms', 'times']);
  for (const key of Object.keys(spec)) {
    if (!known.has(key))
      throw new FaultSpecError(key, `Unknown field ${key}; expected one of ${[...known].join(', ')}.`);
  }
  const { kind, path } = spec;
  if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
    throw new FaultSpecError('kind', `kind must be one of ${FAULT_KINDS.join(', ')}.`);
  }
  if (typeof path !== 'string' || !path.startsWith('/') || path.length > MAX_FAULT_PATH) {
    throw new FaultSpecError(
      'path',
      `path must be a path starting with / of at most ${MAX_FAULT_PATH} characters (e.g. /v1/access-requests/:id/revoke).`,
    );
  }
  let method: string | null = null;
  if (spec.method !== undefined && spec.method !== null) {
    if (typeof spec.method !== 'string' || !HTTP_METHODS.includes(spec.method.toUpperCase())) {
      throw new FaultSpecError('method', `method must be one of ${HTTP_METHODS.join(', ')}.`);
    }
    method = spec.method.toUpperCase();
  }
  const status = wholeNumber(spec.status, 'status', 400, 599);
  const retryAfter = wholeNumber(spec.retry_after, 'retry_after', 0, 86_400);
  const delayMs = wholeNumber(spec.delay_ms, 'delay_ms', 0, 600_000);
  const times = wholeNumber(spec.times, 'times', 1, 1_000_000) ?? 1;
  return {
    id,
    method,
    path,
    kind: kind as FaultKind,
    status: kind === 'error' ? (status ?? 500) : null,
    retry_after: kind === 'rate_limit' ? (retryAfter ?? 1) : null,
    delay_ms: kind === 'delay' ? (delayMs ?? 1000) : null,
    remaining: times,
  };
}

/** Whether `pathname` matches a fault's path pattern. */
export function pathMatches(pattern: string, pathname: string): boolean {
  const want = pattern.split('/');
  const got = pathname.split('/');
  for (const [i, segment] of want.entries()) {
    if (segment === '*' && i === want.length - 1) return got.length >= want.length;
    const actual = got[i];
    if (actual === undefined) return false;
    if (segment.startsWith(':') ? actual === '' : segment !== actual) return false;
  }
  return got.length === want.length;
}

/**
 * The faults shared by one handler list: what the handlers consult on every `/v1` request and what
 * `control.faults` changes. Needed only when assembling handlers by hand with `createHandlers`.
 *
 * @example
 * ```ts
 * import { createBackend, createHandlers, FaultInjector } from '@access-requests/mock-server';
 *
 * const faults = new FaultInjector();
 * const handlers = createHandlers(createBackend(), { faults });
 * faults.add({ path: '/v1/events', kind: 'drop' });
 * ```
 */
export class FaultInjector {
  #faults: Fault[] = [];
  #nextId = 1;

  /** Adds a fault (validated as the control API does); throws `FaultSpecError` for a bad spec. */
  add(spec: FaultSpec): Fault {
    const fault = parseFaultSpec(spec, `flt_${this.#nextId}`);
    if (this.#faults.length >= MAX_FAULTS) {
      throw new FaultSpecError('', `At most ${MAX_FAULTS} faults may wait at once; clear some first.`);
    }
    this.#nextId += 1;
    this.#faults.push(fault);
    return { ...fault };
  }

  /** The faults still waiting, with their remaining counts. */
  list(): Fault[] {
    return this.#faults.map((fault) => ({ ...fault }));
  }

  /** Removes one fault; false when there is none with that id. */
  remove(id: string): boolean {
    const before = this.#faults.length;
    this.#faults = this.#faults.filter((fault) => fault.id !== id);
    return this.#faults.length < before;
  }

  /** Removes every fault. */
  clear(): void {
    this.#faults = [];
  }

  /** The first fault that matches the request, used up by one; undefined when none does. */
  take(method: string, pathname: string): Fault | undefined {
    const fault = this.#faults.find(
      (f) => (f.method === null || f.method === method.toUpperCase()) && pathMatches(f.path, pathname),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#faults = this.#faults.filter((f) => f !== fault);
    return { ...fault };
  }
}
