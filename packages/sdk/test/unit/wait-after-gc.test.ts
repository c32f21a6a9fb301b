// waitFor's timeout must end the event stream even after a garbage collection: the stream's fetch
// signal comes from AbortSignal.any, which its sources hold only weakly, so the abort must not
// depend on it. Run in a process of its own, where the collection takes that signal.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { apiBase, assert, describe, it } from '#harness';
import { createAccessClient } from '../../src/index.js';

const CHILD = fileURLToPath(new URL('./wait-after-gc.child.ts', import.meta.url));

describe('an event stream after a garbage collection', () => {
  it('still ends when waitFor times out', async () => {
    const [request] = await createAccessClient({ baseUrl: apiBase(), token: 'demo-alice' }).submit({
      resources: [{ resource_id: 'res_prod_payments_db', permission_id: 'perm_pg_readonly' }],
      duration_hours: 2,
      justification: 'Waits for Bob, who never comes',
    });
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--conditions=source', '--import', 'tsx', CHILD, apiBase(), request!.id],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // A bound for the failure only: a stream that outlives the timeout never lets the child end.
    const watchdog = setTimeout(() => child.kill(), 20_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(watchdog);
    assert.equal(code, 0, `the wait never ended (${output.trim() || 'no output'})`);
    assert.equal(output.trim(), 'TimeoutError');
  });
});
