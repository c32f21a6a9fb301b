// `pnpm run manifest` (and `build`): custom-elements.json from the sources' JSDoc and Lit decorators.
// The internal modules are read too (base classes, the event map) and left out of the result.
import { fileURLToPath } from 'node:url';
import { accessRequestsPlugin } from './scripts/cem-plugin.mjs';

export default {
  globs: ['src/**/*.ts'],
  exclude: [
    'src/**/*.test.ts',
    'src/internal/test-support.ts',
    'src/internal/test-scenes.ts',
    'src/security/**',
  ],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [accessRequestsPlugin({ packageDir: fileURLToPath(new URL('.', import.meta.url)) })],
};
