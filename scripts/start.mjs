// `pnpm start`: the demo portal on http://127.0.0.1:4173 (HOST and PORT override; it listens on that
// host only), answered by the reference server in the same process (`/v1/*` and `/_control/*`, same
// origin). MOCK_SEED, MOCK_CATALOG_SIZE and MOCK_SPEED set the simulated world, as for `pnpm mock`.
// It answers requests naming an IP address, localhost or HOST; ALLOWED_HOSTS (comma-separated names)
// adds others, such as the machine's name when HOST=0.0.0.0.
import { fileURLToPath } from 'node:url';
import { serveWithReference } from './serve.mjs';

const rootDir = fileURLToPath(new URL('..', import.meta.url));

/** @param {string} name @param {number} fallback @param {(n: number) => boolean} valid */
function numberFromEnv(name, fallback, valid) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!valid(value)) {
    console.error(`${name} is not valid: ${raw}.`);
    process.exit(1);
  }
  return value;
}

const port = numberFromEnv('PORT', 4173, (n) => Number.isInteger(n) && n >= 0 && n <= 65535);
const hostname = process.env.HOST ?? '127.0.0.1';
const allowedHosts = (process.env.ALLOWED_HOSTS ?? '')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
const seed = numberFromEnv('MOCK_SEED', 1, Number.isInteger);
const catalogSize = numberFromEnv('MOCK_CATALOG_SIZE', 2000, (n) => Number.isInteger(n) && n >= 1);
const speed = numberFromEnv('MOCK_SPEED', 1, (n) => Number.isFinite(n) && n >= 0);

const server = await serveWithReference({
  rootDir,
  index: 'examples/portal/index.html',
  port,
  hostname,
  allowedHosts,
  world: { seed, catalogSize, speed },
  entry: 'examples/portal/main.ts',
  stylesheets: ['examples/portal/portal.css', 'examples/portal/themed.css'],
  pages: ['examples/portal/themed.html'],
});
console.log(`Demo portal: ${server.url}`);
console.log(`Themed with tokens and parts only: ${new URL('examples/portal/themed.html', server.url)}`);
console.log(`Reference server: same origin (/v1), seed ${seed}, ${catalogSize} resources, speed ${speed}×.`);
console.log(
  'Demo users: demo-alice (requester), demo-bob (approver), demo-carol (approver), demo-dave (teammate).',
);
