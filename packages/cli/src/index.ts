/**
 * `@access-requests/cli`: the `access-requests` command, and `main` to run it from code.
 *
 * @module
 */
export { main, COMMANDS, helpText, version } from './main.js';
export type { MainOptions } from './main.js';
export { EXIT_CODES } from './exit-codes.js';
export type { ExitCode } from './exit-codes.js';
