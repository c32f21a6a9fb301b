// Bundles the elements (the published package, installed from its tarball) into dist/access-elements.js
// and copies the page beside it: dist/ is a static site.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { copyPage, output } from '../../scripts/example-rollup.mjs';

export default {
  input: 'src/elements.js',
  output: output('access-elements.js'),
  plugins: [
    nodeResolve({ exportConditions: ['browser', 'production'] }),
    esbuild({ target: 'es2022', minify: true }),
    copyPage(),
  ],
};
