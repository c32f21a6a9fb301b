/**
 * Fault injection for the transport: which of the next requests fail, and how. Kept out of the
 * backend on purpose — a fault is about the wire (a status, a delay, a dropped connection), not
 * about the world.
 */

export const FAULT_KINDS = ['error', 'rate_limit', 'delay', 'drop', 'commit_then_drop'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** What a test asks for (`POST /_control/faults`, or `faults.add()` in Node). */
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
  readonly status?: number;
  readonly retry_after?: number;
  readonly delay_ms?: number;
  /** How many matching requests it affects (default 1). */
  readonly times?: number;
}

/** A fault as it is stored and listed. */
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

/** Thrown for a spec that makes no sense; the control API turns it into a 422. */
export class FaultSpecError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'FaultSpecError';
    this.field = field;
  }
}

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function wholeNumber(value: unknown, field: string, min: number, max: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new FaultSpecError(field, `${field} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

/** Checks an untrusted spec (from JSON) and gives the stored form. */
export function parseFaultSpec(input: unknown, id: string): Fault {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new FaultSpecError('', 'The body must be a JSON object.');
  }
  const spec = input as Record<string, unknown>;
  const known = new Set(['method', 'path', 'kind', 'status', 'retry_after', 'delay_ms', 'times']);
  for (const key of Object.keys(spec)) {
    if (!known.has(key)) throw new FaultSpecError(key, `Unknown field ${key}; expected one of ${[...known].join(', ')}.`);
  }
  const { kind, path } = spec;
  if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
    throw new FaultSpecError('kind', `kind must be one of ${FAULT_KINDS.join(', ')}.`);
  }
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw new FaultSpecError('path', 'path must be a path starting with / (e.g. /v1/access-requests/:id/revoke).');
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
  for (let i = 0; i < want.length; i++) {
    const segment = want[i]!;
    if (segment === '*' && i === want.length - 1) return got.length >= want.length;
    const actual = got[i];
    if (actual === undefined) return false;
    if (segment.startsWith(':') ? actual === '' : segment !== actual) return false;
  }
  return got.length === want.length;
}

/** The faults shared by one handler list. */
export class FaultInjector {
  #faults: Fault[] = [];
  #nextId = 1;

  /** Adds a fault (validated as the control API does); throws `FaultSpecError` for a bad spec. */
  add(spec: FaultSpec): Fault {
    const fault = parseFaultSpec(spec, `flt_${this.#nextId}`);
    this.#nextId += 1;
    this.#faults.push(fault);
    return { ...fault };
  }

  list(): Fault[] {
    return this.#faults.map((fault) => ({ ...fault }));
  }

  /** Removes one fault; false when there is none with that id. */
  remove(id: string): boolean {
    const before = this.#faults.length;
    this.#faults = this.#faults.filter((fault) => fault.id !== id);
    return this.#faults.length < before;
  }

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
