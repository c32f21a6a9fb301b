// Compile-time tests of the SDK's surface: `pnpm typecheck` fails if a marked line starts to compile.
import { createAccessClient, type AccessRequest, type AccessRequestStatus } from '../../src/index.js';

const client = createAccessClient({ baseUrl: 'http://127.0.0.1:4010', token: async () => 'demo-alice' });

export async function filters() {
  client.requests({ scope: 'on_behalf', status: ['active', 'rejected'], favorite: true });
  // @ts-expect-error not a status
  client.requests({ status: ['approved'] });
  // @ts-expect-error the filter is `status`, an array
  client.requests({ status: 'active' });
  // @ts-expect-error not a scope
  client.requests({ scope: 'all' });
  client.resources({ search: 'payments', resource_type_id: ['rt_1'], permission_id: ['perm_1'] });
  // @ts-expect-error no such filter on resources
  client.resources({ app_id: ['app_1'] });
}

export async function bodies() {
  await client.submit({ resources: [{ resource_id: 'res_1', permission_id: 'perm_1' }], duration_hours: 2 });
  // @ts-expect-error the field is duration_hours
  await client.submit({ resources: [{ resource_id: 'res_1', permission_id: 'perm_1' }], duration: 2 });
  // @ts-expect-error a justification is text
  await client.requestAgain('req_1', { justification: 42 });
  // @ts-expect-error a rejection needs a reason
  await client.reject('req_1', {});
}

export async function results(): Promise<AccessRequestStatus[]> {
  const [first] = await client.submit({ bundle: { bundle_id: 'bun_1' }, duration_hours: 1 });
  const request: AccessRequest | undefined = first;
  const page = await client.requests().page({ limit: 10 });
  // @ts-expect-error items are requests, not strings
  const wrong: string = page.items[0]!;
  void wrong;
  // @ts-expect-error waitFor takes statuses
  await client.waitFor('req_1', ['approved']);
  const done = await client.waitFor('req_1', 'active', { timeout: 1000 });
  return [request?.status ?? 'failed', done.status];
}
