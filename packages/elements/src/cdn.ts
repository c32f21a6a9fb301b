// The script-tag build's entry (`cdn/access-requests.js`, see rollup.cdn.config.mjs): registers every
// element under its default tag name, and offers the classes and `define` to a page that wants them.
import './all.define.js';

export * from './index.js';
