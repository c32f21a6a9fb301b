/**
 * How to use an active access, per app: Markdown (a heading, a list, a code block, a link), the same
 * as plain text, a link and a CLI snippet, written about the resources and permission granted.
 */
import type { AccessInstructions, InstructionsContext } from './model.js';

export interface StandardInstructions {
  /** What the user opens, e.g. "AWS access portal". */
  readonly portal: string;
  readonly url: string;
  readonly linkLabel: string;
  /** The CLI snippet, from a slug of the first resource's name. */
  readonly cli: (resource: string, context: InstructionsContext) => string;
}

/** Names to show: a few, then how many more. */
function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

/** A shell-safe-looking slug of a name, for CLI profiles. */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const firstResourceSlug = (context: InstructionsContext): string =>
  slug(context.resourceNames[0] ?? 'resource');

/** The same steps as Markdown and as plain text, linking to the app's access guide at `docsUrl`. */
export function standardInstructions(
  spec: StandardInstructions,
  docsUrl: string,
): (context: InstructionsContext) => AccessInstructions {
  return (context) => {
    const resources = listNames(context.resourceNames);
    const permission = context.permissionName;
    const cli = spec.cli(firstResourceSlug(context), context);
    const render = (markdown: boolean): string => {
      const strong = (text: string) => (markdown ? `**${text}**` : text);
      return [
        `${markdown ? '## ' : ''}Use your ${spec.portal} access`,
        '',
        `1. Open the ${strong(spec.portal)} with the link below.`,
        `2. Choose ${strong(resources)} with the ${markdown ? `\`${permission}\`` : permission} permission.`,
        '3. Or, from a terminal, run:',
        '',
        ...(markdown ? ['```sh', cli, '```'] : [`   ${cli}`]),
        '',
        markdown
          ? `Read more in the [access guide](${docsUrl}).`
          : `Read more in the access guide: ${docsUrl}`,
        '',
      ].join('\n');
    };
    return {
      markdown: render(true),
      text: render(false),
      link: { url: spec.url, label: spec.linkLabel },
      cli,
    };
  };
}

/**
 * Legacy CRM's instructions are deliberately HOSTILE: an `<img onerror>`, a `<script>` tag and
 * `javascript:` links (in the Markdown and as the `link` itself). They are test data for the UI: a
 * page that renders them must show them as inert text or sanitized markup, and `window.__xss` must
 * stay undefined. Never "fix" this data; it is the proof that nothing from the server executes.
 */
export function legacyCrmInstructions(context: InstructionsContext): AccessInstructions {
  const resources = listNames(context.resourceNames);
  const markdown = [
    '## Use your Legacy CRM access <img src=x onerror="window.__xss=1">',
    '',
    `1. Sign in to **Legacy CRM** and open ${resources} as \`${context.permissionName}\`.`,
    '2. If the page stays blank, clear the cache <script>window.__xss=1</script> and retry.',
    '3. Or, from a terminal, run:',
    '',
    '```sh',
    `crm-cli login --module "${firstResourceSlug(context)}"`,
    '```',
    '',
    'Help: [Legacy CRM wiki](javascript:window.__xss=1) · <a href="javascript:window.__xss=1">support</a>',
    '',
  ].join('\n');
  const text = [
    'Use your Legacy CRM access <img src=x onerror="window.__xss=1">',
    '',
    `1. Sign in to Legacy CRM and open ${resources} as ${context.permissionName}.`,
    '2. If the page stays blank, clear the cache <script>window.__xss=1</script> and retry.',
    `3. Or, from a terminal, run: crm-cli login --module "${firstResourceSlug(context)}"`,
    '',
  ].join('\n');
  return {
    markdown,
    text,
    link: {
      url: 'javascript:window.__xss=1',
      label: 'Open Legacy CRM <b onmouseover="window.__xss=1">now</b>',
    },
    cli: `crm-cli login --module "${firstResourceSlug(context)}" # <script>window.__xss=1</script>`,
  };
}
