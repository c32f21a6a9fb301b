// Bundles the app into dist/app.js (Vue's ESM build for bundlers, with its compile-time flags set)
// and copies the page beside it. Render functions: no template compiler, no SFC toolchain.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import esbuild from 'rollup-plugin-esbuild';
import { copyPage, output } from '../../scripts/example-rollup.mjs';

export default {
  input: 'src/main.js',
  output: output('app.js'),
  plugins: [
    replace({
      preventAssignment: true,
      values: {
        'process.env.NODE_ENV': JSON.stringify('production'),
        __VUE_OPTIONS_API__: 'false',
        __VUE_PROD_DEVTOOLS__: 'false',
        __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      },
    }),
    nodeResolve({ exportConditions: ['browser', 'production'] }),
    esbuild({ target: 'es2022', minify: true }),
    copyPage(),
  ],
};
