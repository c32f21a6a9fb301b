import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { CliError, parseCliOptions } from './cli-options.js';

describe('access-requests-mock options', () => {
  it('defaults to 127.0.0.1:4010, seed 1, 2,000 resources, real time, localhost CORS', () => {
    assert.deepEqual(parseCliOptions([], {}), {
      port: 4010,
      host: '127.0.0.1',
      basePath: '',
      staticDir: undefined,
      seed: 1,
      catalogSize: 2000,
      speed: 1,
      corsOrigins: [],
      allowedHosts: [],
      quiet: false,
      exitWithParent: false,
      help: false,
    });
  });

  it('reads MOCK_* variables (never PORT, which `pnpm start` uses), and flags win over them', () => {
    const env = {
      PORT: '4173',
      MOCK_PORT: '5000',
      MOCK_SEED: '7',
      MOCK_SPEED: '0',
      MOCK_CORS_ORIGINS: 'http://a.test, https://b.test:8443',
      MOCK_QUIET: '1',
    };
    const fromEnv = parseCliOptions([], env);
    assert.equal(fromEnv.port, 5000);
    assert.equal(fromEnv.seed, 7);
    assert.equal(fromEnv.speed, 0);
    assert.deepEqual(fromEnv.corsOrigins, ['http://a.test', 'https://b.test:8443']);
    assert.equal(fromEnv.quiet, true);
    assert.equal(parseCliOptions([], { MOCK_EXIT_WITH_PARENT: '1' }).exitWithParent, true);
    assert.equal(parseCliOptions(['--exit-with-parent'], {}).exitWithParent, true);
    const flags = parseCliOptions(
      [
        '--port',
        '0',
        '--speed=60',
        '--cors-origin',
        '*',
        '--cors-origin',
        'http://c.test',
        '--catalog-size',
        '100000',
      ],
      env,
    );
    assert.equal(flags.port, 0);
    assert.equal(flags.speed, 60);
    assert.equal(flags.catalogSize, 100_000);
    assert.deepEqual(flags.corsOrigins, ['*', 'http://c.test']);
  });

  it('takes the host names to answer from --allowed-host or MOCK_ALLOWED_HOSTS, and refuses a non-name', () => {
    assert.deepEqual(
      parseCliOptions(['--allowed-host', 'Portal.Internal', '--allowed-host', '.corp.example'], {})
        .allowedHosts,
      ['portal.internal', '.corp.example'],
    );
    assert.deepEqual(parseCliOptions([], { MOCK_ALLOWED_HOSTS: 'a.test, *' }).allowedHosts, ['a.test', '*']);
    assert.throws(
      () => parseCliOptions(['--allowed-host', 'http://a.test'], {}),
      (e: Error) =>
        e instanceof CliError && /^--allowed-host: "http:\/\/a\.test" is not a host name/.test(e.message),
    );
  });

  it('takes a base path from --base-path or MOCK_BASE_PATH, without its trailing slash', () => {
    assert.equal(parseCliOptions(['--base-path', '/access/'], {}).basePath, '/access');
    assert.equal(parseCliOptions([], { MOCK_BASE_PATH: '/api/access' }).basePath, '/api/access');
    assert.equal(parseCliOptions(['--base-path', '/'], {}).basePath, '');
  });

  it('takes a folder to serve from --static or MOCK_STATIC, and refuses one that is not there', () => {
    const folder = fileURLToPath(new URL('.', import.meta.url));
    assert.equal(parseCliOptions(['--static', folder], {}).staticDir, folder);
    assert.equal(parseCliOptions([], { MOCK_STATIC: folder }).staticDir, folder);
    assert.throws(
      () => parseCliOptions(['--static', 'no-such-folder'], {}),
      (e: Error) =>
        e instanceof CliError && /--static must name a folder, got "no-such-folder"/.test(e.message),
    );
    assert.throws(() => parseCliOptions(['--static', fileURLToPath(import.meta.url)], {}), CliError);
  });

  it('explains bad values', () => {
    const message = (argv: string[]) => {
      try {
        parseCliOptions(argv, {});
      } catch (error) {
        assert.ok(error instanceof CliError);
        return error.message;
      }
      return 'accepted';
    };
    assert.match(message(['--port', 'http']), /--port must be a whole number from 0 to 65535, got "http"/);
    assert.match(message(['--port', '70000']), /--port must be/);
    assert.match(message(['--seed=-1']), /--seed must be a whole number/);
    assert.match(message(['--catalog-size', '0']), /--catalog-size must be a whole number from 1/);
    assert.match(message(['--speed', 'fast']), /--speed must be a number from 0 to 10000/);
    assert.match(message(['--speed', '1e308']), /--speed must be a number from 0 to 10000/);
    assert.match(message(['--catalog-size', '1000000']), /--catalog-size/);
    assert.match(message(['--cors-origin', 'localhost:5173']), /is not an origin/);
    assert.match(message(['--cors-origin', 'http://localhost:5173/app']), /give scheme, host and port only/);
    assert.match(
      message(['--base-path', 'access']),
      /--base-path must be a path starting with \/ \(such as \/access\), got "access"/,
    );
    assert.match(
      message(['--base-path', '/access/v1']),
      /--base-path is where \/v1 lives, not \/v1 itself: drop the \/v1 \("\/access" instead/,
    );
    assert.match(message(['--base-path', '/a/:id']), /--base-path must be a plain path/);
    assert.match(
      message(['--verbose']),
      /Unknown option '--verbose'[\s\S]*Usage: access-requests-mock \[options\]/,
    );
  });
});
