// The script-tag build: `cdn/access-requests.js`, one ES module with lit, the SDK and every element
// inside, that registers them all. What a page needs only sometimes stays a lazy sibling chunk with
// a stable name: the Markdown renderer (marked + DOMPurify) and the virtualizer's layout. Our own
// packages are read from their TypeScript sources (`source`: the same code as their dist/, and no
// other package needs building first); everything else in its browser production build (Lit
// without its dev-mode checks and warning).
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terserPlugin from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

// Its types read as CommonJS under NodeNext; as an ES module its default export is the plugin itself.
const terser = /** @type {typeof terserPlugin.default} */ (/** @type {unknown} */ (terserPlugin));

const here = new URL('.', import.meta.url).pathname;

/** @type {import('rollup').RollupOptions} */
export default {
  input: { 'access-requests': `${here}src/cdn.ts` },
  // The lazy language chunks import lit-localize's `str` from the entry: it may export more than
  // cdn.ts does (else rollup moves the whole entry into a shared chunk behind a facade).
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: `${here}cdn`,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'access-requests-[name].js',
  },
  plugins: [
    nodeResolve({
      exportConditions: ['source', 'browser', 'production'],
      extensions: ['.ts', '.js', '.mjs'],
    }),
    esbuild({ target: 'es2022', tsconfig: `${here}../../tsconfig.json` }),
    terser({ ecma: 2020, module: true }),
    {
      // A chunk renamed or gone leaves no stale file behind.
      name: 'remove-stale-files',
      async writeBundle({ dir }, bundle) {
        if (!dir) return;
        for (const file of await readdir(dir))
          if (!(file in bundle)) await rm(join(dir, file), { recursive: true });
      },
    },
  ],
};
