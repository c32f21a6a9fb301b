// Each way a command fails: a one-line error naming the flag, and the documented exit code (2 bad
// usage, 1 failed, 3 timed out, 4 rejected or failed request); nothing sent when input is bad.
import type { AccessRequest } from '@access-requests/sdk';
import { assert, assertExit, describe, envFor, fixtures, it, run, server, start } from './support.js';

/** How many requests Alice has: to check that nothing was created. */
async function aliceCount(): Promise<number> {
  const listed = await run(['list', '--limit', '500', '--json'], envFor('demo-alice'));
  return (JSON.parse(listed.stdout) as { items: unknown[] }).items.length;
}

describe('bad usage (exit 2)', () => {
  it('names the flag and what is wrong with it, on one line', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['list', '--stauts', 'active'],
        /^error: --stauts is not a flag of list \(see access-requests list --help\)$/,
      ],
      [
        ['list', '--status', 'activ'],
        /^error: --status takes a status \(pending_approval, .+\), got "activ"$/,
      ],
      [['list', '--limit'], /^error: --limit needs a value: N$/],
      [['list', '--favorites=yes'], /^error: --favorites takes no value$/],
      [
        ['request', '--resource', 'res_staging_payments_db', '--hours', '2'],
        /^error: --resource takes ID:PERMISSION \(res_db:perm_read\), got "res_staging_payments_db"$/,
      ],
      [
        ['request', '--resource', fixtures.stagingDb, '--hours', '0'],
        /^error: --hours takes a whole number from 1 to 8760, got "0"$/,
      ],
      [
        ['request', '--resource', fixtures.stagingDb, '--app', 'app_aws:perm_x'],
        /^error: --resource cannot be combined with --app or --bundle/,
      ],
      [['request', '--hours', '2'], /^error: --resource is required \(or --app or --bundle\)/],
      [
        ['request', '--resource', fixtures.stagingDb, '--ticket', 'SEC-12'],
        /^error: --ticket takes TYPE:ID \(tt_jira:SEC-12\), got "SEC-12"$/,
      ],
      [
        ['wait', 'req_x', '--timeout', '10 minutes'],
        /^error: --timeout takes a duration like 30s, 10m or 1h30m, got "10 minutes"$/,
      ],
      [['wait', 'req_x', '--for', 'done'], /^error: --for takes a status/],
      [['show'], /^error: <id> is required: access-requests show <id>$/],
      [['reject', 'req_x'], /^error: --reason is required: why, shown to the requester$/],
      [
        ['reject', 'req_x', '--reason', 'x'.repeat(124)],
        /^error: --reason takes at most 123 characters, got 124$/,
      ],
      [
        ['revoke', 'req_01KF0E42NG1E0JR8RGXMK9SHR2'],
        /^error: --yes is required to revoke without a terminal to confirm in$/,
      ],
      [['frobnicate'], /^error: frobnicate is not a command \(see access-requests --help\)$/],
      [['completion', 'tcsh'], /^error: <shell> takes bash, zsh or fish, got "tcsh"$/],
    ];
    const before = await aliceCount();
    for (const [args, message] of cases) {
      const result = await run(args, envFor('demo-alice'));
      assertExit(result, 2);
      assert.match(result.stderr.trimEnd(), message, args.join(' '));
      assert.equal(result.stderr.trimEnd().split('\n').length, 1, `one line for ${args.join(' ')}`);
      assert.equal(result.stdout, '', `nothing on stdout for ${args.join(' ')}`);
    }
    assert.equal(await aliceCount(), before, 'nothing was created');
  });

  it('maps the server’s field errors to the flags, before anything is sent', async () => {
    const before = await aliceCount();
    const result = await run(
      ['request', '--resource', fixtures.prodDb, '--resource', 'res_nope:perm_pg_readonly', '--hours', '50'],
      envFor('demo-alice'),
    );
    assertExit(result, 2);
    const lines = result.stderr.trimEnd().split('\n');
    assert.ok(
      lines.includes('error: --resource res_nope:perm_pg_readonly: There is no resource res_nope.'),
      result.stderr,
    );
    assert.ok(
      lines.some((l) => /^error: --hours: .+ allows at most 12 hours\.$/.test(l)),
      result.stderr,
    );
    assert.ok(
      lines.some((l) => /^error: --justification: A justification is required/.test(l)),
      result.stderr,
    );
    assert.equal(await aliceCount(), before, 'the preview refused it: nothing was created');
  });

  it('reports errors as one JSON object on stderr with --json', async () => {
    const result = await run(
      ['request', '--resource', fixtures.prodDb, '--hours', '50', '--json'],
      envFor('demo-alice'),
    );
    assertExit(result, 2);
    assert.equal(result.stdout, '');
    const { error } = JSON.parse(result.stderr) as {
      error: { exit_code: number; flag_errors: { flag: string; field: string; code: string }[] };
    };
    assert.equal(error.exit_code, 2);
    assert.deepEqual(error.flag_errors.map((f) => [f.flag, f.field, f.code]).sort(), [
      ['--hours', 'duration_hours', 'out_of_range'],
      ['--justification', 'justification', 'required'],
    ]);
  });
});

describe('failures (exit 1)', () => {
  it('says how to log in when there is no session', async () => {
    const result = await run(['list'], envFor(null));
    assertExit(result, 1);
    assert.equal(
      result.stderr.trim(),
      'error: Not logged in: run `access-requests login --base-url URL`, or set ACCESS_REQUESTS_TOKEN.',
    );
  });

  it('reports a refused token, a request one may not see, and a request in the wrong state', async () => {
    const refused = await run(['whoami'], envFor('demo-nobody'));
    assertExit(refused, 1);
    assert.match(refused.stderr, /^error: The server refused the token \(401\)/);

    const unseen = await run(['show', 'req_does_not_exist'], envFor('demo-alice'));
    assertExit(unseen, 1);
    assert.match(unseen.stderr, /\(HTTP 404\)\n$/);

    const closed = (
      JSON.parse((await run(['list', '--status', 'revoked', '--json'], envFor('demo-alice'))).stdout) as {
        items: AccessRequest[];
      }
    ).items[0]!;
    const revoked = await run(['revoke', closed.id, '--yes'], envFor('demo-alice'));
    assertExit(revoked, 1);
    assert.match(
      revoked.stderr,
      new RegExp(`^error: ${closed.id} cannot be revoked now \\(it is revoked\\)`),
    );
  });

  it('reports a server that cannot be reached', async () => {
    const result = await run(['list'], envFor('demo-alice', { ACCESS_REQUESTS_URL: 'http://127.0.0.1:9' }));
    assertExit(result, 1);
    assert.match(
      result.stderr,
      /^error: Could not reach http:\/\/127\.0\.0\.1:9\/v1\/access-requests.*: connection refused/,
    );
  });
});

describe('waiting', () => {
  it('times out with exit 3', async () => {
    const requested = await run(
      ['request', '--resource', fixtures.prodDb, '--hours', '2', '--justification', 'Audit'],
      envFor('demo-alice'),
    );
    assertExit(requested, 0);
    const id = requested.stdout.trim();
    const result = await run(['wait', id, '--timeout', '1s'], envFor('demo-alice'));
    assertExit(result, 3);
    assert.match(
      result.stderr,
      new RegExp(
        `^error: ${id} is not Active after 1 s \\(still Pending Approval\\): run access-requests wait ${id} to wait more\\.$`,
        'm',
      ),
    );
  });

  it('ends with exit 4 when the request is rejected, with the reason', async () => {
    const alice = envFor('demo-alice');
    const requested = await run(
      ['request', '--resource', fixtures.prodDb, '--hours', '2', '--justification', 'Audit'],
      alice,
    );
    const id = requested.stdout.trim();
    const waiting = start(['wait', id], alice);
    await waiting.stderrMatches(/Waiting up to 10 min/);
    assertExit(await run(['reject', id, '--reason', 'Use the read replica'], envFor('demo-bob')), 0);
    const result = await waiting.done;
    assertExit(result, 4);
    assert.match(result.stderr, new RegExp(`error: ${id} is Rejected: Use the read replica`));
  });

  it('ends request --wait active with exit 4 when provisioning fails', async () => {
    const requesting = start(
      ['request', '--resource', fixtures.legacyCrm, '--hours', '1', '--wait', 'active'],
      envFor('demo-alice'),
    );
    await requesting.stderrMatches(/Waiting up to/);
    server().control.advance({ seconds: 5 });
    const result = await requesting.done;
    assertExit(result, 4);
    assert.match(result.stderr, /error: req_\w+ is Failed/);
  });
});

describe('nothing sent twice', () => {
  it('creates one request when the answer to the submission is lost and the SDK sends it again', async () => {
    const before = await aliceCount();
    server().control.faults.add({ method: 'POST', path: '/v1/access-requests', kind: 'commit_then_drop' });
    const result = await run(
      ['request', '--resource', fixtures.stagingDb, '--hours', '1', '--json'],
      envFor('demo-alice'),
    );
    assertExit(result, 0);
    assert.equal((JSON.parse(result.stdout) as { requests: unknown[] }).requests.length, 1);
    assert.equal(await aliceCount(), before + 1);
  });

  it('gives the same answer, and creates nothing, when run again with the same --idempotency-key', async () => {
    const args = [
      'request',
      '--resource',
      fixtures.stagingDb,
      '--hours',
      '1',
      '--idempotency-key',
      'cli-test-key-1',
    ];
    const first = await run(args, envFor('demo-alice'));
    assertExit(first, 0);
    const before = await aliceCount();
    const second = await run(args, envFor('demo-alice'));
    assertExit(second, 0);
    assert.equal(second.stdout, first.stdout);
    assert.equal(await aliceCount(), before);
  });

  it('gives the key to send again with when the server cannot be reached, and that run creates it once', async () => {
    const args = ['request', '--resource', fixtures.stagingDb, '--hours', '1'];
    server().control.faults.add({ method: 'POST', path: '/v1/access-requests', kind: 'drop', times: 100 });
    let failed;
    try {
      failed = await run(args, envFor('demo-alice'));
    } finally {
      server().control.faults.clear();
    }
    assertExit(failed, 1);
    const key = /--idempotency-key (\S+) to get its answer without creating it twice\.$/m.exec(
      failed.stderr,
    )?.[1];
    assert.ok(key, failed.stderr);
    const before = await aliceCount();
    const first = await run([...args, '--idempotency-key', key], envFor('demo-alice'));
    assertExit(first, 0);
    const again = await run([...args, '--idempotency-key', key], envFor('demo-alice'));
    assert.equal(again.stdout, first.stdout);
    assert.equal(await aliceCount(), before + 1);
  });
});
