// A pseudo-terminal for the interactive tests: util-linux's `script` runs the binary on a pty, so it
// sees a terminal on stdin, stdout and stderr, as a person's shell would give it.
import { spawn } from 'node:child_process';
import { BIN } from './support.js';

// eslint-disable-next-line no-control-regex -- terminal escape sequences are what is removed
const ESCAPES = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007|\r/g;

/** What the screen received, without escape sequences. */
export const plain = (text: string) => text.replace(ESCAPES, '');

/** The binary on a pseudo-terminal: what it printed so far, keys to type, and its end. */
export interface Terminal {
  /** Everything printed so far, escape sequences and all. */
  raw(): string;
  /** Resolves once the plain output after the last `expect` matches `pattern`. */
  expect(pattern: RegExp): Promise<void>;
  /** Types `keys` (`\r` is Enter, `\u001b[B` the down arrow, ' ' the space bar). */
  type(keys: string): void;
  readonly done: Promise<number | null>;
}

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/** Starts the binary with `args` on a pseudo-terminal, in `env`. */
export function terminal(args: readonly string[], env: NodeJS.ProcessEnv): Terminal {
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
    env: { TERM: 'xterm-256color', COLUMNS: '120', LINES: '40', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let seen = 0;
  let waiter: { pattern: RegExp; resolve: () => void } | undefined;
  const look = () => {
    if (!waiter) return;
    const fresh = plain(output.slice(seen));
    if (waiter.pattern.test(fresh)) {
      seen = output.length;
      const { resolve } = waiter;
      waiter = undefined;
      resolve();
    }
  };
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    look();
  });
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    raw: () => output,
    expect: (pattern) =>
      new Promise<void>((resolve, reject) => {
        waiter = { pattern, resolve };
        void done.then(() => {
          if (waiter?.pattern === pattern)
            reject(new Error(`ended before the screen showed ${pattern}:\n${plain(output.slice(seen))}`));
        });
        look();
      }),
    type: (keys) => child.stdin.write(keys),
    done,
  };
}
