// Bundles the app (JSX through esbuild; React is CommonJS, hence commonjs and NODE_ENV) into
// dist/app.js, and copies the page beside it.
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import esbuild from 'rollup-plugin-esbuild';
import { copyPage, output } from '../../scripts/example-rollup.mjs';

export default {
  input: 'src/main.jsx',
  output: output('app.js'),
  plugins: [
    replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
    nodeResolve({
      exportConditions: ['browser', 'production'],
      extensions: ['.mjs', '.js', '.jsx', '.json'],
    }),
    commonjs(),
    esbuild({ target: 'es2022', minify: true, jsx: 'automatic', loaders: { '.js': 'js' } }),
    copyPage(),
  ],
};
