// The interactive side, on a pseudo-terminal: `request` by prompts (catalog search, permissions,
// for whom, duration, justification, the split by flow, the confirmation), the hidden token prompt,
// the revoke confirmation, and colour only where NO_COLOR is unset.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { AccessRequest } from '@access-requests/sdk';
import { assert, assertExit, describe, envFor, it, run } from './support.js';
import { plain, terminal } from './pty.js';

const ENTER = '\r';
const CTRL_C = '\u0003';

describe('on a terminal', () => {
  it('requests by prompts, showing the split by access flow before confirming', async () => {
    const env = envFor('demo-alice');
    const before = (
      JSON.parse((await run(['list', '--limit', '500', '--json'], env)).stdout) as { items: unknown[] }
    ).items.length;
    const screen = terminal(['request'], env);
    await screen.expect(/Request access by/);
    screen.type(ENTER); // Resource
    await screen.expect(/Resource \(type to search\)/);
    screen.type('staging-payments-db');
    await screen.expect(/❯ staging-payments-db\n/);
    screen.type(ENTER);
    await screen.expect(/Permissions on staging-payments-db\n❯◯ ReadOnly/);
    screen.type(` ${ENTER}`);
    await screen.expect(/Add another resource\?/);
    screen.type(`y${ENTER}`);
    await screen.expect(/Another resource \(type to search\)/);
    screen.type('prod-payments-db');
    await screen.expect(/❯ prod-payments-db\n/);
    screen.type(ENTER);
    await screen.expect(/Permissions on prod-payments-db\n❯◯ ReadOnly/);
    screen.type(` ${ENTER}`);
    await screen.expect(/Add another resource\?/);
    screen.type(`n${ENTER}`);
    await screen.expect(/For whom\n❯ Alice Example \(you\)/);
    screen.type(ENTER);
    // The production database's flow allows 12 hours: the shortest maximum bounds the question.
    await screen.expect(/Duration in hours \(1–12\)/);
    screen.type(`3${ENTER}`);
    await screen.expect(/Justification(?! \(optional\))/);
    screen.type(ENTER); // required by the production flow: refused empty
    await screen.expect(/Required by the access flow/);
    screen.type(`Investigating INC-4211${ENTER}`);
    await screen.expect(
      /2 requests of 3 h, by access flow:\n(?=[\s\S]*Development and staging[^\n]*granted automatically[^\n]*\n {2}• staging-payments-db \(ReadOnly\))(?=[\s\S]*Production databases[^\n]*approved by Bob Example[^\n]*justification required[^\n]*\n {2}• prod-payments-db \(ReadOnly\))[\s\S]*Submit these 2 requests\?/,
    );
    screen.type(ENTER);
    assert.equal(await screen.done, 0, plain(screen.raw()));
    const ids = plain(screen.raw()).match(/^req_\w+$/gm) ?? [];
    assert.equal(ids.length, 2, plain(screen.raw()));
    const created = JSON.parse((await run(['list', '--limit', '500', '--json'], env)).stdout) as {
      items: AccessRequest[];
    };
    assert.equal(created.items.length, before + 2);
    const [first, second] = ids.map((id) => created.items.find((r) => r.id === id)!);
    assert.deepEqual([first!.status, second!.status].sort(), ['granting', 'pending_approval']);
    assert.ok(
      [first, second].every((r) => r!.justification === 'Investigating INC-4211' && r!.duration_hours === 3),
    );
  });

  it('sends nothing when the user says no, or presses Ctrl-C', async () => {
    const env = envFor('demo-alice');
    const active = (
      JSON.parse((await run(['list', '--status', 'active', '--json'], env)).stdout) as {
        items: AccessRequest[];
      }
    ).items.find((r) => r.can.revoke)!;
    const declined = terminal(['revoke', active.id], env);
    await declined.expect(new RegExp(`Revoke ${active.id}, .+\\?`));
    declined.type(`n${ENTER}`);
    assert.equal(await declined.done, 1);
    assert.match(plain(declined.raw()), /Cancelled: nothing was sent\./);

    const interrupted = terminal(['request'], env);
    await interrupted.expect(/Request access by/);
    interrupted.type(CTRL_C);
    assert.equal(await interrupted.done, 1);
    assert.match(plain(interrupted.raw()), /Cancelled: nothing was sent\./);

    const still = JSON.parse((await run(['show', active.id, '--json'], env)).stdout) as AccessRequest;
    assert.equal(still.status, 'active');

    const confirmed = terminal(['revoke', active.id], env);
    await confirmed.expect(/Revoke .+\?/);
    confirmed.type(`y${ENTER}`);
    assert.equal(await confirmed.done, 0);
    assert.match(plain(confirmed.raw()), new RegExp(`${active.id}\\s+Revoking`));
  });

  it('asks for the token without echoing it, and stores it for the user alone', async () => {
    const env = envFor(null);
    const screen = terminal(['login'], env);
    await screen.expect(/Token/);
    screen.type(`demo-bob${ENTER}`);
    assert.equal(await screen.done, 0, plain(screen.raw()));
    assert.ok(!screen.raw().includes('demo-bob'), 'the token never reaches the screen');
    assert.match(
      plain(screen.raw()),
      /Logged in to http:\/\/127\.0\.0\.1:\d+ as Bob Example <bob@example\.com>\./,
    );
    const file = join(env.XDG_CONFIG_HOME!, 'access-requests', 'config.json');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const whoami = await run(['whoami'], env);
    assertExit(whoami, 0);
    assert.match(whoami.stdout, /^Bob Example <bob@example\.com> \(usr_bob\), an approver/);
  });

  it('colours statuses on a terminal, and not with NO_COLOR', async () => {
    const coloured = terminal(['list', '--status', 'active'], envFor('demo-alice'));
    assert.equal(await coloured.done, 0);
    assert.ok(
      coloured.raw().includes('\u001b[32mActive\u001b[39m'),
      JSON.stringify(coloured.raw().slice(0, 400)),
    );

    const plainScreen = terminal(['list', '--status', 'active'], envFor('demo-alice', { NO_COLOR: '1' }));
    assert.equal(await plainScreen.done, 0);
    assert.match(plainScreen.raw(), /Active/);
    assert.ok(!plainScreen.raw().includes('\u001b['), 'no escape sequence at all');

    const flagged = terminal(['list', '--status', 'active', '--no-color'], envFor('demo-alice'));
    assert.equal(await flagged.done, 0);
    assert.ok(!flagged.raw().includes('\u001b['));
  });
});
