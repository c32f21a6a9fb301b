import { apiBase, assert, describe, it, runtime } from '#harness';
import { createAccessClient, NetworkError } from '../../src/index.js';

type Options = Parameters<typeof createAccessClient>[0];
const create =
  (baseUrl: unknown, token: unknown = 'demo-alice') =>
  () =>
    createAccessClient({ baseUrl, token } as Options);

/** The TypeError `make` throws, its message matching `pattern` (Node's and the browser's assert alike). */
function assertRefused(make: () => unknown, pattern: RegExp): void {
  let thrown: unknown;
  try {
    make();
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown instanceof TypeError, `expected a TypeError, got ${String(thrown)}`);
  assert.match(thrown.message, pattern);
}

describe('a client made with bad options says what is wrong, at once', () => {
  it('refuses a missing or empty baseUrl', () => {
    assertRefused(create(undefined), /baseUrl is required/);
    assertRefused(create('  '), /baseUrl is required/);
    assertRefused(() => createAccessClient(undefined as never), /baseUrl is required/);
  });

  it('refuses a baseUrl without a scheme, naming it', () => {
    for (const baseUrl of ['access.example.com', 'localhost:4010', '/api', '127.0.0.1:4010/access']) {
      assertRefused(create(baseUrl), new RegExp(`baseUrl '${baseUrl}' needs a scheme, http:// or https://`));
    }
  });

  it('refuses other schemes, a query or fragment, and a /v1 the calls would add twice', () => {
    assertRefused(
      create('ftp://access.example.com'),
      /baseUrl 'ftp:\/\/access.example.com' needs a scheme, http:\/\/ or https:\/\//,
    );
    assertRefused(create('https://access.example.com?x=1'), /must have no query or fragment/);
    assertRefused(create('https://access.example.com/v1/'), /must not end in \/v1/);
    assertRefused(create('http://[::1'), /needs a scheme/);
  });

  it('refuses a missing token', () => {
    const noToken = () => createAccessClient({ baseUrl: 'https://access.example.com' } as Options);
    assertRefused(noToken, /token is required/);
  });

  it('refuses a token a header cannot carry, without repeating it', () => {
    for (const token of ['demo-alice\nX-Injected: 1', 'secret\u0000tail', 'café-token', 'two words']) {
      let thrown: unknown;
      try {
        create('https://access.example.com', token)();
      } catch (error) {
        thrown = error;
      }
      assert.ok(thrown instanceof TypeError, `expected a TypeError for ${JSON.stringify(token)}`);
      assert.match(thrown.message, /bearer token contains a character a header cannot carry/);
      assert.ok(!thrown.message.includes(token) && !thrown.message.includes('secret'), thrown.message);
    }
  });

  it('takes a good baseUrl with a path prefix and a trailing slash', () => {
    assert.ok(create('https://access.example.com/access/')().me);
    assert.ok(create(apiBase())().me);
  });
});

describe('a server that cannot be reached gives a NetworkError naming the cause', () => {
  const noRetry = { retry: false } as const;

  it('for a refused connection', async () => {
    // Nothing listens on port 2 (and fetch does not block it, as it does 9 or 1): it refuses at once.
    const client = createAccessClient({ baseUrl: 'http://127.0.0.1:2', token: 'demo-alice', ...noRetry });
    const error = await client.me().catch((e: unknown) => e);
    assert.ok(error instanceof NetworkError, String(error));
    assert.match(error.message, /^Could not reach http:\/\/127\.0\.0\.1:2\/v1\/me: /);
    if (runtime === 'node') {
      assert.equal(error.failure, 'refused');
      assert.match(error.message, /connection refused \(is the server running there\?\)/);
    } else {
      // Browsers do not tell scripts why; the message says where to look.
      assert.equal(error.failure, 'unknown');
      assert.match(error.message, /no answer \(server down, unknown host, CORS or mixed content\?\)/);
    }
  });

  it('for a host name that does not resolve', async () => {
    const client = createAccessClient({ baseUrl: 'http://access.invalid', token: 'demo-alice', ...noRetry });
    const error = await client.me().catch((e: unknown) => e);
    assert.ok(error instanceof NetworkError, String(error));
    assert.equal(error.failure, runtime === 'node' ? 'dns' : 'unknown');
    if (runtime === 'node') assert.match(error.message, /host not found \(DNS\)/);
  });

  it('for the wrong scheme (https to a plain-HTTP server)', async () => {
    const client = createAccessClient({
      baseUrl: apiBase().replace(/^http:/, 'https:'),
      token: 'demo-alice',
      ...noRetry,
    });
    const error = await client.me().catch((e: unknown) => e);
    assert.ok(error instanceof NetworkError, String(error));
    assert.equal(error.failure, runtime === 'node' ? 'tls' : 'unknown');
    if (runtime === 'node')
      assert.match(error.message, /TLS failed \(wrong scheme\? untrusted certificate\?\)/);
  });
});

describe('a call with bad input fails before anything is sent', () => {
  /** A client over a fetch that records what would be sent. */
  function recording(token: Options['token'] = 'demo-alice') {
    const sent: string[] = [];
    const client = createAccessClient({
      baseUrl: apiBase(),
      token,
      retry: false,
      fetch: (request) => {
        sent.push(request.url);
        return globalThis.fetch(request);
      },
    });
    return { client, sent };
  }

  it('refuses an id that would change the path (empty, . or ..), on every call that takes one', async () => {
    const { client, sent } = recording();
    for (const id of ['', '.', '..']) {
      const calls: Promise<unknown>[] = [
        client.request(id),
        client.revoke(id),
        client.favorite(id),
        client.unfavorite(id),
        client.accessDetails(id),
        client.approve(id),
        client.reject(id, { reason: 'no' }),
        client.requestAgain(id, { justification: 'again' }),
        client.requestResources(id).page(),
      ];
      for (const call of calls) {
        const error = await call.catch((e: unknown) => e);
        assert.ok(error instanceof TypeError, `expected a TypeError for '${id}', got ${String(error)}`);
        assert.match(error.message, new RegExp(`The id '${id.replace(/\./g, '\\.')}' is not an id`));
      }
    }
    assert.deepEqual(sent, []);
  });

  it('still sends ids that only look like dots or slashes, encoded', async () => {
    const { client, sent } = recording();
    for (const id of ['...', '%2e%2e', 'a/../b']) {
      await client.request(id).catch(() => undefined);
    }
    assert.deepEqual(
      sent.map((url) => new URL(url).pathname),
      ['/v1/access-requests/...', '/v1/access-requests/%252e%252e', '/v1/access-requests/a%2F..%2Fb'],
    );
  });

  it('refuses a token function that answers a token a header cannot carry, without repeating it', async () => {
    const { client, sent } = recording(() => 'demo-alice\r\nX-Injected: 1');
    const error = await client.me().catch((e: unknown) => e);
    assert.ok(error instanceof TypeError, String(error));
    assert.match(error.message, /bearer token contains a character a header cannot carry/);
    assert.ok(!error.message.includes('demo-alice'), error.message);
    assert.deepEqual(sent, []);
  });
});
