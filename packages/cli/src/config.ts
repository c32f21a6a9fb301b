// Where `login` keeps the server and the token: $XDG_CONFIG_HOME/access-requests/config.json (or
// ~/.config/…), readable by the user alone (0600, in a 0700 folder), written whole or not at all.
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { CliError, EXIT_CODES } from './exit-codes.js';

/** What the config file holds. */
export interface StoredLogin {
  readonly base_url: string;
  readonly token: string;
}

/** The config file's path for this environment. */
export function configPath(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME?.trim() || join(homedir(), '.config');
  return join(base, 'access-requests', 'config.json');
}

/** The stored login, or undefined when there is none (or it cannot be read as one). */
export function readLogin(path: string): StoredLogin | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const data = JSON.parse(text) as Partial<StoredLogin>;
    if (typeof data.base_url === 'string' && typeof data.token === 'string' && data.token)
      return { base_url: data.base_url, token: data.token };
  } catch {
    // Not JSON: treated as no login; `login` writes it anew.
  }
  return undefined;
}

/** Writes the login with mode 0600 (through a temporary file, so a crash leaves the old one). */
export function writeLogin(path: string, login: StoredLogin): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600); // whatever the umask made of it
  renameSync(temporary, path);
}

/** Removes the stored login; true if there was one. */
export function removeLogin(path: string): boolean {
  const had = readLogin(path) !== undefined;
  rmSync(path, { force: true });
  return had;
}

/** Where the session's server and token come from, and what they are. */
export interface Session {
  readonly baseUrl: string;
  readonly token: string;
  /** Where the token came from, for `whoami` (never the token itself). */
  readonly tokenFrom: 'ACCESS_REQUESTS_TOKEN' | 'login';
}

/**
 * The session for a command: the server from --base-url, ACCESS_REQUESTS_URL or the login; the
 * token from ACCESS_REQUESTS_TOKEN or the login. Not logged in is a failure that says what to do.
 */
export function resolveSession(env: NodeJS.ProcessEnv, baseUrlFlag: string | undefined): Session {
  const stored = readLogin(configPath(env));
  const envToken = env.ACCESS_REQUESTS_TOKEN?.trim();
  const named = baseUrlFlag?.trim() || env.ACCESS_REQUESTS_URL?.trim();
  const baseUrl = named || stored?.base_url;
  // The stored token is for the stored server only: it is never sent to another one.
  const storedToken = stored && (!named || sameServer(named, stored.base_url)) ? stored.token : undefined;
  const token = envToken || storedToken;
  if (!token)
    throw new CliError(
      stored && named
        ? `Not logged in to ${named} (the login is for ${stored.base_url}): run \`access-requests login --base-url ${named}\`, or set ACCESS_REQUESTS_TOKEN.`
        : 'Not logged in: run `access-requests login --base-url URL`, or set ACCESS_REQUESTS_TOKEN.',
      EXIT_CODES.failed,
      [],
      { reason: 'not_logged_in' },
    );
  if (!baseUrl)
    throw new CliError('No server: pass --base-url URL or set ACCESS_REQUESTS_URL.', EXIT_CODES.usage, [
      { flag: '--base-url', message: 'is required' },
    ]);
  return { baseUrl, token, tokenFrom: envToken ? 'ACCESS_REQUESTS_TOKEN' : 'login' };
}

/** Whether two base URLs name the same server (trailing slashes aside). */
function sameServer(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}
