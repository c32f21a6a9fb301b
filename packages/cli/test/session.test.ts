// login, logout and whoami: the token checked before it is stored, stored 0600, never printed; the
// environment overriding the login; help, version and shell completion from the same command table.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { assert, assertContract, assertExit, describe, envFor, it, run, server } from './support.js';

const configFile = (env: NodeJS.ProcessEnv) => join(env.XDG_CONFIG_HOME!, 'access-requests', 'config.json');

describe('the session', () => {
  it('logs in with --token, stores it 0600 in the config folder, never prints it nor sends it elsewhere', async () => {
    const env = envFor(null, { ACCESS_REQUESTS_URL: '' });
    const outputs: string[] = [];
    const login = await run(['login', '--base-url', server().url, '--token', 'demo-carol', '--json'], env);
    assertExit(login, 0);
    assertContract(login.stdout, 'GET', '/v1/me');
    outputs.push(login.stdout, login.stderr);
    assert.equal(statSync(configFile(env)).mode & 0o777, 0o600);
    assert.equal(statSync(join(env.XDG_CONFIG_HOME!, 'access-requests')).mode & 0o777, 0o700);
    assert.deepEqual(JSON.parse(readFileSync(configFile(env), 'utf8')), {
      base_url: server().url,
      token: 'demo-carol',
    });

    const whoami = await run(['whoami'], env);
    assertExit(whoami, 0);
    assert.match(
      whoami.stdout.trim(),
      /^Carol Example <carol@example\.com> \(usr_carol\), an approver\non http:\/\/127\.0\.0\.1:\d+, token from .+config\.json$/,
    );
    outputs.push(whoami.stdout, whoami.stderr);
    const overridden = await run(['whoami'], { ...env, ACCESS_REQUESTS_TOKEN: 'demo-dave' });
    assert.match(overridden.stdout.trim(), /^Dave Example .+\n.+token from ACCESS_REQUESTS_TOKEN$/);
    outputs.push(overridden.stdout, overridden.stderr);
    assert.ok(
      outputs.every((o) => !o.includes('demo-carol') && !o.includes('demo-dave')),
      'no token printed',
    );

    const elsewhere = await run(['whoami', '--base-url', 'http://127.0.0.1:9'], env);
    assertExit(elsewhere, 1);
    assert.match(
      elsewhere.stderr,
      /^error: Not logged in to http:\/\/127\.0\.0\.1:9 \(the login is for http:\/\/127\.0\.0\.1:\d+\)/,
    );

    const logout = await run(['logout'], env);
    assertExit(logout, 0);
    assert.equal(logout.stdout.trim(), `Logged out: removed ${configFile(env)}.`);
    assert.equal(existsSync(configFile(env)), false);
    assertExit(await run(['whoami'], env), 1);
  });

  it('reads the token from stdin when it is not a terminal', async () => {
    const env = envFor(null);
    const login = await run(['login'], env, 'demo-alice\n');
    assertExit(login, 0);
    assert.match(login.stdout, /as Alice Example/);
    assert.equal(JSON.parse(readFileSync(configFile(env), 'utf8')).token, 'demo-alice');
  });

  it('stores nothing when the server refuses the token, or there is no server', async () => {
    const env = envFor(null);
    const refused = await run(['login', '--token', 'demo-mallory'], env);
    assertExit(refused, 1);
    assert.match(refused.stderr, /refused the token \(401\): nothing was stored\.$/m);
    assert.equal(existsSync(configFile(env)), false);

    const noServer = await run(['login', '--token', 'demo-alice'], { ...env, ACCESS_REQUESTS_URL: '' });
    assertExit(noServer, 2);
    assert.match(noServer.stderr, /^error: --base-url is required/);
    const badServer = await run(['login', '--token', 'demo-alice', '--base-url', 'localhost:4010'], env);
    assertExit(badServer, 2);
    assert.match(
      badServer.stderr,
      /^error: --base-url "localhost:4010" needs a scheme, http:\/\/ or https:\/\//,
    );
    assert.equal(existsSync(configFile(env)), false);
  });
});

describe('help, version and completion', () => {
  it('prints help for the program and for each command, and the version', async () => {
    const help = await run(['--help'], envFor(null));
    assertExit(help, 0);
    assert.match(help.stdout, /^Usage: access-requests <command> \[flags\]/);
    assert.match(
      help.stdout,
      /Exit codes: 0 done, 1 failed, 2 bad usage, 3 timed out, 4 rejected or failed request\./,
    );
    const none = await run([], envFor(null));
    assertExit(none, 2);
    assert.match(none.stderr, /^Usage: access-requests/);
    const request = await run(['request', '--help'], envFor(null));
    assertExit(request, 0);
    assert.match(request.stdout, /--resource ID:PERMISSION\s+a resource and permission \(repeatable\)/);
    const version = await run(['--version'], envFor(null));
    assert.equal(
      version.stdout.trim(),
      (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
        .version,
    );
  });

  it('writes a bash completion that completes commands, flags and their values', async () => {
    const script = (await run(['completion', 'bash'], envFor(null))).stdout;
    const complete = (words: string[]) => {
      const shell = spawnSync(
        'bash',
        [
          '-c',
          `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _access_requests; printf '%s\\n' "\${COMPREPLY[@]}"`,
        ],
        { encoding: 'utf8' },
      );
      assert.equal(shell.status, 0, shell.stderr);
      return shell.stdout.trim().split('\n');
    };
    assert.deepEqual(complete(['access-requests', 're']), ['request', 'revoke', 'reject']);
    assert.ok(complete(['access-requests', 'request', '--re']).includes('--resource'));
    assert.deepEqual(complete(['access-requests', 'list', '--scope', '']), ['mine', 'on_behalf']);
    assert.deepEqual(complete(['access-requests', 'completion', 'z']), ['zsh']);
  });

  it('writes zsh and fish completions naming every command', async () => {
    for (const shell of ['zsh', 'fish']) {
      const result = await run(['completion', shell], envFor(null));
      assertExit(result, 0);
      for (const command of ['login', 'request', 'wait', 'watch', 'approve', 'reject', 'completion'])
        assert.match(
          result.stdout,
          new RegExp(shell === 'zsh' ? `'${command}:` : `-a ${command} `),
          `${shell}: ${command}`,
        );
    }
  });
});
