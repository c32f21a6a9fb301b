// What the SDK adds to a browser bundle over openapi-fetch alone: both minified by esbuild and
// gzipped, in the same run. Target (the SDK issue): at most 3 kB gzip.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

async function bundleSize(contents) {
  const result = await build({
    stdin: { contents, resolveDir: `${root}bench`, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['source', 'browser', 'production'],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

export async function sizeBench() {
  const baseline = await bundleSize(`export { default } from 'openapi-fetch';`);
  const client = await bundleSize(`export { createAccessClient } from '@access-requests/sdk';`);
  const everything = await bundleSize(`export * from '@access-requests/sdk';`);
  return [
    {
      name: 'openapi-fetch alone (baseline)',
      value: baseline.gzip,
      unit: 'B',
      baseline: true,
      note: `gzip -9; ${baseline.min.toLocaleString('en')} B minified`,
    },
    {
      name: 'SDK client (createAccessClient)',
      value: client.gzip,
      unit: 'B',
      note: `gzip -9; ${client.min.toLocaleString('en')} B minified`,
    },
    {
      name: 'SDK client over openapi-fetch',
      value: client.gzip - baseline.gzip,
      unit: 'B',
      target: '≤ 3,072 B',
      met: client.gzip - baseline.gzip <= 3072,
      note: `gzip -9${client.gzip - baseline.gzip > 3072 ? `; ${(client.gzip - baseline.gzip - 3072).toLocaleString('en')} B over the target (bytes, not time: no profile applies)` : ''}`,
    },
    {
      name: 'whole SDK (statuses included) over openapi-fetch',
      value: everything.gzip - baseline.gzip,
      unit: 'B',
      note: 'gzip -9',
    },
  ];
}
