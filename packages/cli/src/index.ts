/**
 * `@access-requests/cli`: the `access-requests` command (its bin), and {@link main} to run it from
 * code with its exit codes, {@link EXIT_CODES}.
 *
 * @example
 * ```ts
 * import { EXIT_CODES, main } from '@access-requests/cli';
 *
 * const code = await main(['wait', 'req_01KF0E6T3M0KNKZCR75NVKSB0P', '--timeout', '5m']);
 * if (code === EXIT_CODES.rejected) console.error('Rejected, or its access failed.');
 * ```
 *
 * @module
 */
export { main } from './main.js';
export type { MainOptions } from './main.js';
export { EXIT_CODES } from './exit-codes.js';
export type { ExitCode } from './exit-codes.js';
