// The HTTP API's page in the site's navigation: every operation of the contract, one line each,
// and the way to the contract rendered in full (Redocly's page, `http-api.html`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { code, prose, table } from './markdown.mjs';
import { root } from './util.mjs';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** @returns {string} the page's Markdown */
export function httpApiPage() {
  const document = parse(readFileSync(join(root, 'packages/contract/access-requests.yaml'), 'utf8'));
  /** @type {string[][]} */
  const rows = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = /** @type {Record<string, { operationId?: string, summary?: string }>} */ (item)[
        method
      ];
      if (operation)
        rows.push([
          code(`${method.toUpperCase()} ${path}`),
          code(operation.operationId ?? ''),
          prose(operation.summary),
        ]);
    }
  }
  return [
    '---',
    'title: HTTP API',
    '---',
    '',
    '# HTTP API',
    '',
    `The HTTP contract of access-requests, \`access-requests.yaml\` (OpenAPI ${document.openapi}, version ${document.info?.version}), which \`@access-requests/contract\` ships. **[The contract rendered in full](./http-api.html)** — every operation with its parameters, bodies, responses, examples and errors — works offline too.`,
    '',
    `Its ${rows.length} operations (the SDK has a call for each; \`operationId\` names the operation in \`operations\` of \`@access-requests/contract\`):`,
    '',
    table(['operation', 'operationId', 'what it does'], rows),
    '',
  ].join('\n');
}
