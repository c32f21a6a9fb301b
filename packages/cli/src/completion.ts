// Shell completion scripts for bash, zsh and fish, written from the command table (one source:
// a new command or flag completes without touching this file).
import { GLOBAL_FLAGS, type FlagSpecs } from './args.js';
import type { Command } from './command.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const flagsOf = (command: Command): FlagSpecs => ({ ...GLOBAL_FLAGS, ...command.flags });
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function bash(commands: readonly Command[]): string {
  const cases = commands.map((c) => {
    const flags = Object.keys(flagsOf(c))
      .map((f) => `--${f}`)
      .join(' ');
    const values = Object.entries(flagsOf(c))
      .flatMap(([name, spec]) => (spec.choices ? [[name, spec.choices] as const] : []))
      .map(
        ([name, choices]) =>
          `      --${name}) COMPREPLY=($(compgen -W ${quote(choices.join(' '))} -- "$cur")); return ;;`,
      )
      .join('\n');
    const args = c.argChoices
      ? `\n      *) [[ $cur != -* ]] && COMPREPLY=($(compgen -W ${quote(c.argChoices.join(' '))} -- "$cur")) && return ;;`
      : '';
    return `    ${c.name})\n      case "$prev" in\n${values}${args}\n      esac\n      COMPREPLY=($(compgen -W ${quote(flags)} -- "$cur")) ;;`;
  });
  return `# access-requests completion for bash: eval "$(access-requests completion bash)"
_access_requests() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W ${quote(commands.map((c) => c.name).join(' '))} -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases.join('\n')}
  esac
}
complete -F _access_requests access-requests
`;
}

function zsh(commands: readonly Command[]): string {
  const esc = (text: string) => text.replace(/[[\]:'\\]/g, (c) => `\\${c}`);
  const cases = commands.map((c) => {
    const specs = Object.entries(flagsOf(c)).map(([name, spec]) => {
      const value =
        spec.type === 'string'
          ? `:${esc(spec.value ?? 'value')}:${spec.choices ? `(${spec.choices.join(' ')})` : ''}`
          : '';
      return `        '${spec.multiple ? '*' : ''}--${name}[${esc(spec.help)}]${value}'`;
    });
    const args = c.argChoices ? [`        '1:${c.name}:(${c.argChoices.join(' ')})'`] : [];
    return `    ${c.name})\n      _arguments \\\n${[...specs, ...args].join(' \\\n')} ;;`;
  });
  return `#compdef access-requests
# access-requests completion for zsh: access-requests completion zsh > "\${fpath[1]}/_access-requests"
_access-requests() {
  local -a commands
  commands=(
${commands.map((c) => `    '${c.name}:${esc(c.summary)}'`).join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  shift words; (( CURRENT-- ))
  case "\${words[1]}" in
${cases.join('\n')}
  esac
}
compdef _access-requests access-requests
`;
}

function fish(commands: readonly Command[]): string {
  const esc = (text: string) => text.replace(/'/g, "\\'");
  const lines = commands.flatMap((c) => [
    `complete -c access-requests -n __fish_use_subcommand -a ${c.name} -d '${esc(c.summary)}'`,
    ...Object.entries(flagsOf(c)).map(
      ([name, spec]) =>
        `complete -c access-requests -n '__fish_seen_subcommand_from ${c.name}' -l ${name}${spec.type === 'string' ? ' -r' : ''}${spec.choices ? ` -fa '${spec.choices.join(' ')}'` : ''} -d '${esc(spec.help)}'`,
    ),
    ...(c.argChoices
      ? [
          `complete -c access-requests -n '__fish_seen_subcommand_from ${c.name}' -fa '${c.argChoices.join(' ')}'`,
        ]
      : []),
  ]);
  return `# access-requests completion for fish: access-requests completion fish > ~/.config/fish/completions/access-requests.fish
complete -c access-requests -f
${lines.join('\n')}
`;
}

/** The completion script for `shell`. */
export function completionScript(shell: Shell, commands: readonly Command[]): string {
  return { bash, zsh, fish }[shell](commands);
}
