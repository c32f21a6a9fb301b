// The README's ten-line example must keep working: it is run here, as written, against the
// reference server over HTTP (only its base URL is pointed at the test server).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { startHttpServer } from '@access-requests/mock-server/http';

const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## The SDK in ten lines'));
const example = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? '';

describe('the README example', () => {
  it('is ten lines of code or fewer', () => {
    assert.ok(example.includes('createAccessClient'));
    assert.ok(
      example
        .trim()
        .split('\n')
        .filter((line) => line.trim() !== '').length <= 10,
    );
  });

  it('submits a request and waits until it is active', async () => {
    const server = await startHttpServer({ port: 0, log: false, speed: 20 });
    const file = new URL('./readme-example.tmp.ts', import.meta.url);
    try {
      writeFileSync(file, example.replace('http://127.0.0.1:4010', server.url));
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--conditions=source', '--import', 'tsx', file.pathname],
        {
          timeout: 30_000,
        },
      );
      assert.match(stdout, /^req_\w+ is active until \d{4}-\d\d-\d\dT/);
    } finally {
      rmSync(file, { force: true });
      await server.close();
    }
  });
});
