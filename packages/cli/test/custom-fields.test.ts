// The access flows' own questions (custom fields) on the command line: `request --field ID=VALUE`
// (numbers typed as the flow declares them), the server's field errors named by --field with exit 2,
// the answers in `show`, the required ones asked on a terminal (a choice from its list), and
// completion of --field.
import type { AccessRequest } from '@access-requests/sdk';
import { assert, assertContract, assertExit, describe, envFor, fixtures, it, run } from './support.js';
import { plain, terminal } from './pty.js';

const ENTER = '\r';
const DOWN = '\u001b[B';
/** Production cloud: a required change type (a choice) and an optional number of accounts. */
const cloud = 'res_aws_1234:perm_aws_readonly';
const cloudFlags = [
  '--resource',
  cloud,
  '--hours',
  '1',
  '--justification',
  'Cost check',
  '--ticket',
  'tt_jira:OPS-1',
];

async function aliceCount(): Promise<number> {
  const listed = await run(['list', '--limit', '500', '--json'], envFor('demo-alice'));
  return (JSON.parse(listed.stdout) as { items: unknown[] }).items.length;
}

describe('custom fields', () => {
  it('answers them with --field, numbers as numbers, and shows the answers', async () => {
    const env = envFor('demo-alice');
    const requested = await run(
      [
        'request',
        ...cloudFlags,
        '--resource',
        fixtures.prodDb,
        '--field',
        'change_type=emergency',
        '--field',
        'accounts_affected=12',
        '--field',
        'incident_id= INC-4821 ',
        '--json',
      ],
      env,
    );
    assertExit(requested, 0);
    const { requests } = assertContract(requested.stdout, 'POST', '/v1/access-requests', 201) as {
      requests: AccessRequest[];
    };
    const byFlow = Object.fromEntries(requests.map((r) => [r.access_flow.id, r]));
    assert.deepEqual(
      byFlow['flow_prod_cloud']?.custom_fields.map((a) => [a.id, a.value, a.display]),
      [
        ['change_type', 'emergency', 'Emergency change'],
        ['accounts_affected', 12, '12'],
      ],
    );
    assert.deepEqual(
      byFlow['flow_prod_db']?.custom_fields.map((a) => [a.id, a.value]),
      [['incident_id', 'INC-4821']],
    );
    const shown = await run(['show', byFlow['flow_prod_cloud'].id], env);
    assertExit(shown, 0);
    assert.match(shown.stdout, /^ {2}Change type +Emergency change$/m);
    assert.match(shown.stdout, /^ {2}Accounts affected +12$/m);
  });

  it('names a bad or missing answer by --field, exits 2 and sends nothing', async () => {
    const env = envFor('demo-alice');
    const before = await aliceCount();
    const bad = await run(
      [
        'request',
        ...cloudFlags,
        '--field',
        'change_type=big',
        '--field',
        'accounts_affected=many',
        '--field',
        'nope=1',
      ],
      env,
    );
    assertExit(bad, 2);
    const lines = bad.stderr.trimEnd().split('\n');
    assert.ok(
      lines.includes(
        'error: --field change_type: Change type must be one of standard (Standard change), emergency (Emergency change) or investigation (Investigation only); got big.',
      ),
      bad.stderr,
    );
    assert.ok(
      lines.includes('error: --field accounts_affected: Accounts affected must be a number; got text.'),
      bad.stderr,
    );
    assert.ok(
      lines.includes(
        'error: --field nope: nope is not a custom field of the access flows these items fall under.',
      ),
      bad.stderr,
    );
    const missing = await run(['request', ...cloudFlags, '--field', 'accounts_affected=2.5'], env);
    assertExit(missing, 2);
    assert.match(missing.stderr, /^error: --field change_type: Change type is required by Production cloud/m);
    assert.match(
      missing.stderr,
      /^error: --field accounts_affected: Accounts affected must be a whole number; got 2\.5\.$/m,
    );
    const json = await run(['request', ...cloudFlags, '--json'], env);
    assertExit(json, 2);
    const { error } = JSON.parse(json.stderr) as {
      error: { flag_errors: { flag: string; field: string; code: string }[] };
    };
    assert.deepEqual(error.flag_errors, [
      {
        flag: '--field change_type',
        field: 'custom_fields.change_type',
        code: 'required',
        message: 'Change type is required by Production cloud – manager and security approval.',
      },
    ]);
    const shape = await run(['request', ...cloudFlags, '--field', 'change_type'], env);
    assertExit(shape, 2);
    assert.equal(
      shape.stderr.trimEnd(),
      'error: --field takes ID=VALUE (change_type=emergency), got "change_type"',
    );
    const twice = await run(
      ['request', ...cloudFlags, '--field', 'change_type=a', '--field', 'change_type=b'],
      env,
    );
    assertExit(twice, 2);
    assert.equal(twice.stderr.trimEnd(), 'error: --field answers change_type twice: give each field once');
    assert.equal(await aliceCount(), before, 'nothing was created');
  });

  it('completes --field for request, in every shell', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const script = await run(['completion', shell]);
      assertExit(script, 0);
      assert.match(script.stdout, /--field|-l field/, shell);
    }
    const bash = (await run(['completion', 'bash'])).stdout;
    const requestFlags = /^ {4}request\)\n[\s\S]*?esac\n\s*COMPREPLY=\(\$\(compgen -W '([^']*)'/m.exec(
      bash,
    )?.[1];
    assert.ok(requestFlags?.split(' ').includes('--field'), requestFlags);
  });

  it('asks the required questions on a terminal, a choice from its list, and shows them in the split', async () => {
    const env = envFor('demo-alice');
    const screen = terminal(
      ['request', '--hours', '1', '--justification', 'Cost check', '--ticket', 'tt_jira:OPS-1'],
      env,
    );
    await screen.expect(/Request access by/);
    screen.type(ENTER); // Resource
    await screen.expect(/Resource \(type to search\)/);
    screen.type('AWS production account 1234');
    await screen.expect(/❯ AWS production account 1234\n/);
    screen.type(ENTER);
    await screen.expect(/Permissions on AWS production account 1234\n❯◯ /);
    screen.type(` ${ENTER}`);
    await screen.expect(/Add another resource\?/);
    screen.type(`n${ENTER}`);
    await screen.expect(/For whom/);
    screen.type(ENTER);
    await screen.expect(/Change type\n❯ Standard change\n {2}Emergency change\n {2}Investigation only/);
    screen.type(`${DOWN}${ENTER}`);
    await screen.expect(/asks Change type \(required\), Accounts affected[\s\S]*Submit this request\?/);
    screen.type(ENTER);
    assert.equal(await screen.done, 0, plain(screen.raw()));
    const [id] = plain(screen.raw()).match(/^req_\w+$/gm) ?? [];
    const shown = await run(['show', id ?? '', '--json'], env);
    assertExit(shown, 0);
    const request = JSON.parse(shown.stdout) as AccessRequest;
    assert.deepEqual(
      request.custom_fields.map((a) => [a.id, a.value]),
      [['change_type', 'emergency']],
    );
  });
});
