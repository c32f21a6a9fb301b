// Run by wait-after-gc.test.ts in a process of its own (as a script's or a CLI's would be), with
// --expose-gc: waits for a request that never gets there, collecting garbage once the event stream
// runs. Prints the error waitFor rejected with; never ends if the stream outlives the timeout.
import { createAccessClient } from '../../src/index.js';

const [baseUrl = '', id = ''] = process.argv.slice(2);
const collectGarbage = (globalThis as { gc?: () => void }).gc;
if (!collectGarbage) throw new Error('run with --expose-gc');
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
try {
  await client.waitFor(id, 'active', { timeout: 1500 });
  console.log('resolved');
} catch (error) {
  console.log((error as Error).name);
}
