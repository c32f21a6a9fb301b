// Run by after-gc.test.ts in a process of its own (as a script's or a CLI's would be), with
// --expose-gc. `wait`: waits for a request that never gets there, collecting garbage once the event
// stream runs. `calls`: three calls the server answers only after 2 s, each to end after 100 ms (two
// timeouts, one with a body that may be sent again, and the caller's abort), collecting garbage every
// few milliseconds meanwhile. Prints what each call rejected with; a wait that outlives its timeout
// never ends.
import { createAccessClient } from '../../src/index.js';

const [mode = '', baseUrl = '', id = ''] = process.argv.slice(2);
const collectGarbage = (globalThis as { gc?: () => void }).gc;
if (!collectGarbage) throw new Error('run with --expose-gc');

const outcome = (call: Promise<unknown>) =>
  call.then(
    () => 'resolved',
    (error: unknown) => (error as Error).name,
  );

if (mode === 'wait') {
  const client = createAccessClient({
    baseUrl,
    token: 'demo-alice',
    fetch: async (request) => {
      const response = await globalThis.fetch(request);
      // Every microtask runs before setImmediate: by then the watch reads the stream.
      if (new URL(request.url).pathname === '/v1/events') setImmediate(collectGarbage);
      return response;
    },
  });
  console.log(await outcome(client.waitFor(id, 'active', { timeout: 1500 })));
} else {
  const client = createAccessClient({ baseUrl, token: 'demo-alice' });
  const collecting = setInterval(collectGarbage, 3);
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const body = {
    resources: [{ resource_id: 'res_staging_payments_db', permission_id: 'perm_pg_readonly' }],
    duration_hours: 1,
  };
  const results = await Promise.all([
    outcome(client.submit(body, { timeoutMs: 100 })),
    outcome(client.me({ timeoutMs: 100 })),
    outcome(client.myAccess({ signal: controller.signal })),
  ]);
  clearInterval(collecting);
  console.log(results.join(' '));
}
