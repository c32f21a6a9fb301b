// A call's timeout and its caller's abort must still end it after a garbage collection. The signals
// involved are held weakly by the platform (AbortSignal.any holds its sources weakly, a Request follows
// its signal weakly, Node's timer holds a timeout signal weakly), so the client must hold them while
// the call is out. Each case runs in a process of its own, where the collections take what nothing
// holds.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { apiBase, assert, beforeEach, describe, it } from '#harness';
import { createAccessClient } from '../../src/index.js';
import { control } from '../api/support.js';

const CHILD = fileURLToPath(new URL('./after-gc.child.ts', import.meta.url));

/** Runs the child in `mode`; answers what it printed, once it ended. */
async function child(mode: string, ...args: string[]): Promise<string> {
  const running = spawn(
    process.execPath,
    ['--expose-gc', '--conditions=source', '--import', 'tsx', CHILD, mode, apiBase(), ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  running.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // A bound for the failure only: a stream that outlives the timeout never lets the child end.
  const watchdog = setTimeout(() => running.kill(), 20_000);
  const code = await new Promise<number | null>((resolve) => running.on('close', resolve));
  clearTimeout(watchdog);
  assert.equal(code, 0, `the child never ended (${output.trim() || 'no output'})`);
  return output.trim();
}

describe('after a garbage collection', () => {
  beforeEach(() => control.reset());

  it('an event stream still ends when waitFor times out', async () => {
    const [request] = await createAccessClient({ baseUrl: apiBase(), token: 'demo-alice' }).submit({
      resources: [{ resource_id: 'res_prod_payments_db', permission_id: 'perm_pg_readonly' }],
      duration_hours: 2,
      justification: 'Waits for Bob, who never comes',
    });
    assert.equal(await child('wait', request!.id), 'TimeoutError');
  });

  it("a call still ends at its timeout or its caller's abort, not when the answer comes", async () => {
    for (const [method, path] of [
      ['POST', '/v1/access-requests'],
      ['GET', '/v1/me'],
      ['GET', '/v1/my-access'],
    ] as const) {
      await control.fault({ method, path, kind: 'delay', delay_ms: 2_000 });
    }
    assert.equal(await child('calls'), 'TimeoutError TimeoutError AbortError');
  });
});
