// login, logout, whoami: the session, kept in the user's config folder.
import { stringFlag } from '../args.js';
import { clientFor, type Command } from '../command.js';
import { configPath, removeLogin, writeLogin } from '../config.js';
import { CliError, usageError } from '../exit-codes.js';
import { secret, text } from '../prompts.js';

/** Reads all of stdin (a token piped in: `pass show ar | access-requests login`). */
async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
  let data = '';
  for await (const chunk of stream) data += String(chunk);
  return data.trim();
}

export const login: Command = {
  name: 'login',
  summary: 'store a token for a server (checked first; kept 0600, never printed)',
  details: [
    'The token comes from --token, else ACCESS_REQUESTS_TOKEN, else stdin when it is not a terminal,',
    'else a hidden prompt. The server from --base-url, else ACCESS_REQUESTS_URL, else a prompt.',
  ].join('\n'),
  flags: {
    token: {
      type: 'string',
      value: 'TOKEN',
      help: 'the bearer token (prefer the prompt or stdin: no shell history)',
    },
  },
  async run(context, { values }) {
    const { env, out } = context;
    let baseUrl = context.baseUrlFlag?.trim() || env.ACCESS_REQUESTS_URL?.trim();
    if (!baseUrl && context.interactive)
      baseUrl = await text(context, 'Server URL', { validate: (v) => (v.trim() ? true : 'Required') });
    if (!baseUrl) throw usageError('--base-url', 'is required: the server, like https://access.example.com');
    let token = stringFlag(values, 'token')?.trim() || env.ACCESS_REQUESTS_TOKEN?.trim();
    if (!token && !context.stdin.isTTY) token = await readStdin(context.stdin);
    if (!token && context.interactive) token = (await secret(context, 'Token')).trim();
    if (!token) throw usageError('--token', 'is required: give it, pipe it on stdin, or run in a terminal');
    const session = { baseUrl: baseUrl.trim(), token, tokenFrom: 'login' as const };
    const me = await clientFor(session)
      .me({ signal: context.signal })
      .catch((error: unknown) => {
        if ((error as { status?: number }).status === 401)
          throw new CliError(`${session.baseUrl} refused the token (401): nothing was stored.`);
        throw error;
      });
    const path = configPath(env);
    writeLogin(path, { base_url: session.baseUrl, token });
    out.result(me, (safe) => `Logged in to ${session.baseUrl} as ${safe.user.name} <${safe.user.email}>.`);
  },
};

export const logout: Command = {
  name: 'logout',
  summary: 'forget the stored token',
  flags: {},
  async run({ env, out }) {
    const path = configPath(env);
    const removed = removeLogin(path);
    out.result({ logged_out: removed, config_path: path }, () =>
      removed ? `Logged out: removed ${path}.` : 'Not logged in: nothing to remove.',
    );
  },
};

export const whoami: Command = {
  name: 'whoami',
  summary: 'who the token belongs to, and on which server',
  flags: {},
  async run(context) {
    const session = context.session();
    const me = await context.client().me({ signal: context.signal });
    context.out.result(me, (safe) =>
      [
        `${safe.user.name} <${safe.user.email}> (${safe.user.id})${safe.is_approver ? ', an approver' : ''}`,
        context.out.dim(
          `on ${session.baseUrl}, token from ${session.tokenFrom === 'login' ? configPath(context.env) : session.tokenFrom}`,
        ),
      ].join('\n'),
    );
  },
};
