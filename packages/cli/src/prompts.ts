// The prompts, from Inquirer's single-purpose packages, loaded only when a prompt is shown (scripts
// never load them). They write to stderr, so stdout keeps only the result.
import type { Context } from './command.js';

const where = (context: Context) => ({
  input: context.stdin,
  output: process.stderr,
  signal: context.signal,
  clearPromptOnDone: false,
});

/** A yes/no question. */
export async function confirm(context: Context, message: string, initial = false): Promise<boolean> {
  const { default: prompt } = await import('@inquirer/confirm');
  return prompt({ message, default: initial }, where(context));
}

/** A hidden answer (a token): nothing is echoed, not even a mask. */
export async function secret(context: Context, message: string): Promise<string> {
  const { default: prompt } = await import('@inquirer/password');
  return prompt({ message, validate: (v) => (v.trim() ? true : 'Required') }, where(context));
}

/** A line of text, checked by `validate` (true, or what is wrong). */
export async function text(
  context: Context,
  message: string,
  options: { initial?: string; validate?: (value: string) => true | string } = {},
): Promise<string> {
  const { default: prompt } = await import('@inquirer/input');
  return prompt(
    {
      message,
      ...(options.initial === undefined ? {} : { default: options.initial }),
      ...(options.validate ? { validate: options.validate } : {}),
    },
    where(context),
  );
}

/** One choice of many. */
export async function choose<T>(
  context: Context,
  message: string,
  choices: readonly { name: string; value: T; description?: string }[],
): Promise<T> {
  const { default: prompt } = await import('@inquirer/select');
  return prompt({ message, choices: [...choices], pageSize: 12 }, where(context));
}

/** Several choices of many (at least one). */
export async function chooseSome<T>(
  context: Context,
  message: string,
  choices: readonly { name: string; value: T }[],
): Promise<T[]> {
  const { default: prompt } = await import('@inquirer/checkbox');
  return prompt({ message, choices: [...choices], pageSize: 12, required: true }, where(context));
}

/** A choice from what `source` finds for the typed words (the catalog, searched as you type). */
export async function search<T>(
  context: Context,
  message: string,
  source: (
    term: string | undefined,
    signal: AbortSignal,
  ) => Promise<{ name: string; value: T; description?: string }[]>,
): Promise<T> {
  const { default: prompt } = await import('@inquirer/search');
  return prompt(
    { message, source: (term, { signal }) => source(term, signal), pageSize: 12 },
    where(context),
  );
}
