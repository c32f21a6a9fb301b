// The whole lifecycle from the command line, the built binary against the reference server over
// HTTP: request → wait active → access → revoke → again, each --json output checked against the
// contract.
import type { AccessRequest } from '@access-requests/sdk';
import {
  assert,
  assertContract,
  assertExit,
  describe,
  envFor,
  fixtures,
  it,
  run,
  server,
  start,
} from './support.js';

describe('a scripted lifecycle', () => {
  it('requests, waits until active, shows the access, revokes and requests again', async () => {
    const env = envFor('demo-alice');
    const requesting = start(
      [
        'request',
        '--resource',
        fixtures.stagingDb,
        '--hours',
        '2',
        '--justification',
        'INC-4211',
        '--wait',
        'active',
        '--json',
      ],
      env,
    );
    // Granting takes 5 simulated seconds: the clock moves once the binary waits.
    await requesting.stderrMatches(/Waiting up to 10 min for req_\w+ to be Active/);
    server().control.advance({ seconds: 5 });
    const requested = await requesting.done;
    assertExit(requested, 0);
    const { requests } = assertContract(requested.stdout, 'POST', '/v1/access-requests', 201) as {
      requests: AccessRequest[];
    };
    assert.equal(requests.length, 1);
    const id = requests[0]!.id;
    assert.equal(requests[0]!.status, 'active');
    assert.match(requested.stderr, new RegExp(`${id} is Active`));

    const details = await run(['access', id, '--json'], env);
    assertExit(details, 0);
    const access = assertContract(details.stdout, 'GET', `/v1/access-requests/${id}/access-details`) as {
      cli: string;
    };
    const text = await run(['access', id], env);
    assertExit(text, 0);
    assert.ok(text.stdout.includes(access.cli), text.stdout);
    assert.match(text.stdout, /Open: .+ — https:\/\//);
    assert.match(text.stdout, /Expires .+ \(in 2 h\)/);

    const revoked = await run(['revoke', id, '--yes', '--json'], env);
    assertExit(revoked, 0);
    assert.equal(
      (assertContract(revoked.stdout, 'POST', `/v1/access-requests/${id}/revoke`, 202) as AccessRequest)
        .status,
      'revoking',
    );
    server().control.advance({ seconds: 5 });
    const waited = await run(['wait', id, '--for', 'revoked', '--json'], env);
    assertExit(waited, 0);
    assert.equal(
      (assertContract(waited.stdout, 'GET', `/v1/access-requests/${id}`) as AccessRequest).status,
      'revoked',
    );

    const again = await run(['again', id, '--json'], env);
    assertExit(again, 0);
    const [renewed] = (
      assertContract(again.stdout, 'POST', `/v1/access-requests/${id}/request-again`, 201) as {
        requests: AccessRequest[];
      }
    ).requests;
    assert.notEqual(renewed!.id, id);
    assert.equal(renewed!.justification, 'INC-4211', 'the first justification, when none is given');

    const shown = await run(['show', renewed!.id], env);
    assertExit(shown, 0);
    assert.match(shown.stdout, /Status\s+Granting/);
    assert.match(shown.stdout, /Justification\s+INC-4211/);
  });

  it('lists, filters and stars requests, as a table or the API page', async () => {
    const env = envFor('demo-alice');
    const listed = await run(['list', '--status', 'active', '--json'], env);
    assertExit(listed, 0);
    const page = assertContract(listed.stdout, 'GET', '/v1/access-requests') as { items: AccessRequest[] };
    assert.ok(page.items.length > 0);
    assert.ok(page.items.every((r) => r.status === 'active'));
    const mine = page.items.find((r) => r.can.favorite && !r.favorite)!;

    const starred = await run(['favorite', mine.id, '--json'], env);
    assertExit(starred, 0);
    assert.equal(
      (assertContract(starred.stdout, 'PUT', `/v1/access-requests/${mine.id}/favorite`) as AccessRequest)
        .favorite,
      true,
    );
    const favorites = await run(['list', '--favorites'], env);
    assertExit(favorites, 0);
    assert.match(favorites.stdout, /^ID\s+STATUS\s+ACCESS\s+FLOW\s+CREATED$/m);
    assert.ok(favorites.stdout.includes(mine.id), favorites.stdout);
    const unstarred = await run(['unfavorite', mine.id, '--json'], env);
    assert.equal(
      (assertContract(unstarred.stdout, 'DELETE', `/v1/access-requests/${mine.id}/favorite`) as AccessRequest)
        .favorite,
      false,
    );

    const onBehalf = await run(['list', '--scope', 'on_behalf'], env);
    assertExit(onBehalf, 0);
    assert.match(onBehalf.stdout, /^ID\s+STATUS\s+FOR\s+ACCESS/m);
  });

  it('approves as an approver what a requester asked for, and extends an active access', async () => {
    const alice = envFor('demo-alice');
    const bob = envFor('demo-bob');
    const requested = await run(
      ['request', '--resource', fixtures.prodDb, '--hours', '4', '--justification', 'Audit'],
      alice,
    );
    assertExit(requested, 0);
    const id = requested.stdout.trim();
    assert.match(id, /^req_\w+$/, 'the id alone on stdout');

    const inbox = await run(['approvals', '--json'], bob);
    assertExit(inbox, 0);
    const pending = assertContract(inbox.stdout, 'GET', '/v1/approvals') as { items: AccessRequest[] };
    assert.ok(pending.items.some((r) => r.id === id));
    const approved = await run(['approve', id, '--reason', 'ok', '--json'], bob);
    assertExit(approved, 0);
    assert.equal(
      (assertContract(approved.stdout, 'POST', `/v1/access-requests/${id}/approve`) as AccessRequest).status,
      'granting',
    );

    const waiting = start(['wait', id, '--timeout', '1m'], alice);
    await waiting.stderrMatches(/Waiting up to 1 min/);
    server().control.advance({ seconds: 5 });
    assertExit(await waiting.done, 0);

    const extended = await run(
      ['extend', id, '--hours', '2', '--justification', 'Longer audit', '--json'],
      alice,
    );
    assertExit(extended, 0);
    const after = assertContract(
      extended.stdout,
      'POST',
      `/v1/access-requests/${id}/extend`,
    ) as AccessRequest;
    assert.equal(after.extension?.pending?.hours, 2, 'Bob approves extensions under this flow');
  });
});

describe('what a request can be for', () => {
  it('requests a whole app, a bundle, and for someone else by email', async () => {
    const env = envFor('demo-alice');
    const app = await run(
      [
        'request',
        '--app',
        'app_github:perm_github_read',
        '--hours',
        '1',
        '--justification',
        'Review',
        '--json',
      ],
      env,
    );
    assertExit(app, 0);
    const [byApp] = (
      assertContract(app.stdout, 'POST', '/v1/access-requests', 201) as { requests: AccessRequest[] }
    ).requests;
    assert.deepEqual(byApp!.target, {
      type: 'app',
      app: { id: 'app_github', name: 'GitHub' },
      permission: { id: 'perm_github_read', name: 'Read' },
    });

    const bundle = await run(
      ['request', '--bundle', 'bun_data_analyst', '--hours', '1', '--justification', 'Report', '--json'],
      env,
    );
    assertExit(bundle, 0);
    const [byBundle] = (
      assertContract(bundle.stdout, 'POST', '/v1/access-requests', 201) as { requests: AccessRequest[] }
    ).requests;
    assert.equal(byBundle!.target.type, 'bundle');

    const forDave = await run(
      ['request', '--resource', fixtures.stagingDb, '--hours', '1', '--for', 'dave@example.com', '--json'],
      env,
    );
    assertExit(forDave, 0);
    const [onBehalf] = (
      assertContract(forDave.stdout, 'POST', '/v1/access-requests', 201) as { requests: AccessRequest[] }
    ).requests;
    assert.deepEqual([onBehalf!.grantee.id, onBehalf!.requester.id], ['usr_dave', 'usr_alice']);

    const nobody = await run(
      ['request', '--resource', fixtures.stagingDb, '--hours', '1', '--for', 'nobody@example.com'],
      env,
    );
    assertExit(nobody, 2);
    assert.equal(
      nobody.stderr.trim(),
      'error: --for "nobody@example.com" is nobody you may request access for',
    );
  });
});
