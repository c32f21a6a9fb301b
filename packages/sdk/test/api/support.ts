// What the SDK's API tests share, in Node and in Chromium: a client per demo user, and the reference
// server's control API (reset, clock, faults) over HTTP.
import { apiBase } from '#harness';
import { createAccessClient, type AccessClientOptions } from '../../src/index.js';

export type DemoToken = 'demo-alice' | 'demo-bob' | 'demo-carol' | 'demo-dave';

/** A client as a demo user, with quick retries so fault tests stay fast. */
export function clientFor(
  token: AccessClientOptions['token'] = 'demo-alice',
  options: Partial<AccessClientOptions> = {},
) {
  return createAccessClient({
    baseUrl: apiBase(),
    token,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...options,
  });
}

async function controlCall(method: string, path: string, body?: unknown): Promise<unknown> {
  // Every change carries Content-Type: application/json, which the control API requires of it.
  const response = await fetch(`${apiBase()}/_control${path}`, {
    method,
    ...(method === 'GET' ? {} : { headers: { 'content-type': 'application/json' } }),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(`control ${method} ${path} answered ${response.status}: ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

export interface FaultSpec {
  method?: string;
  path: string;
  kind: 'error' | 'rate_limit' | 'delay' | 'drop' | 'commit_then_drop';
  status?: number;
  retry_after?: number;
  delay_ms?: number;
  times?: number;
}

export const control = {
  /** Back to the seeded world, clock frozen, no faults. */
  reset: () => controlCall('POST', '/reset', { speed: 0 }),
  advance: (seconds: number) => controlCall('POST', '/clock/advance', { seconds }),
  fault: (spec: FaultSpec) => controlCall('POST', '/faults', spec),
  faults: async () => ((await controlCall('GET', '/faults')) as { items: { remaining: number }[] }).items,
};

/** Catalog items of the seeded world (stable whatever the seed). */
export const fixtures = {
  /** Staging database: the automatic non-production flow. */
  stagingDb: { resource_id: 'res_staging_payments_db', permission_id: 'perm_pg_readonly' },
  /** Production database: Bob approves. */
  prodDb: { resource_id: 'res_prod_payments_db', permission_id: 'perm_pg_readonly' },
  /** Production Kubernetes: automatic, at most one hour. */
  prodK8s: { resource_id: 'res_k8s_payments', permission_id: 'perm_k8s_view' },
  /** Legacy CRM production: fails at granting. */
  legacyCrm: { resource_id: 'res_crm_prod_accounts', permission_id: 'perm_crm_viewer' },
} as const;

/**
 * A fetch that resolves `answered` when the first answer `matches` arrives, before the client sees it:
 * a test waits for that instead of guessing how long it takes.
 */
export function whenAnswered(matches: (request: Request, response: Response) => boolean): {
  fetch: (request: Request) => Promise<Response>;
  answered: Promise<void>;
} {
  let seen!: () => void;
  const answered = new Promise<void>((resolve) => (seen = resolve));
  const fetch = async (request: Request) => {
    const response = await globalThis.fetch(request);
    if (matches(request, response)) seen();
    return response;
  };
  return { fetch, answered };
}

/** An event stream's answer (from then on, the server sends the stream every change). */
export const eventStreamOpened = (request: Request, response: Response) =>
  new URL(request.url).pathname.endsWith('/v1/events') && response.ok;
