// `watch`: live updates from the event stream, each --json line the stream's own event; polling
// when the server has no stream; one request followed until it settles.
import type { AccessRequest } from '@access-requests/sdk';
import {
  assert,
  assertEvent,
  assertExit,
  describe,
  envFor,
  fixtures,
  it,
  run,
  server,
  start,
} from './support.js';

const statuses = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => {
      assertEvent(line);
      return (JSON.parse(line) as { request: AccessRequest }).request.status;
    });

describe('watch', () => {
  it('follows one request live until it settles', async () => {
    const env = envFor('demo-alice');
    const id = (await run(['request', '--resource', fixtures.stagingDb, '--hours', '1'], env)).stdout.trim();
    const watching = start(['watch', id, '--json'], env);
    await watching.stderrMatches(/Live\./);
    await watching.stdoutMatches(/"status":"granting"/);
    server().control.advance({ seconds: 5 });
    assertExit(await run(['wait', id], env), 0);
    assertExit(await run(['revoke', id, '--yes'], env), 0);
    server().control.advance({ seconds: 5 });
    const watched = await watching.done;
    assertExit(watched, 0);
    assert.deepEqual(statuses(watched.stdout), ['granting', 'active', 'revoking', 'revoked']);
  });

  it('polls when the server has no event stream, and says so', async () => {
    const env = envFor('demo-alice');
    const id = (await run(['request', '--resource', fixtures.legacyCrm, '--hours', '1'], env)).stdout.trim();
    server().control.faults.add({ path: '/v1/events', kind: 'error', status: 404, times: 1000 });
    try {
      const watching = start(['watch', id, '--json', '--poll', '100ms'], env);
      await watching.stderrMatches(/Live updates unavailable: checking every 0\.1 s\./);
      await watching.stdoutMatches(/"status":"granting"/);
      server().control.advance({ seconds: 5 });
      const watched = await watching.done;
      assertExit(watched, 0);
      assert.deepEqual(statuses(watched.stdout), ['granting', 'failed']);
    } finally {
      server().control.faults.clear();
    }
  });

  it('prints updates to any of the caller’s requests as lines, until Ctrl-C', async () => {
    const env = envFor('demo-alice');
    const watching = start(['watch'], env);
    await watching.stderrMatches(/Live\./);
    const id = (await run(['request', '--resource', fixtures.stagingDb, '--hours', '1'], env)).stdout.trim();
    server().control.advance({ seconds: 5 });
    assertExit(await run(['wait', id], env), 0);
    watching.interrupt();
    const watched = await watching.done;
    assertExit(watched, 0);
    assert.match(watched.stdout, new RegExp(`${id}  Granting  staging-payments-db \\(ReadOnly\\)`));
    assert.match(watched.stdout, new RegExp(`${id}  Active  staging-payments-db \\(ReadOnly\\)`));
  });
});
