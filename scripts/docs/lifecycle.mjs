// The request lifecycle for the guides: the statuses (labels, meanings, tones) read from the
// contract's `x-statuses`, the transitions CONTRACT.md and the contract's description state, and a
// state diagram drawn from them as SVG at build time (no script, no network when it is viewed).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { fail, root } from './util.mjs';

/**
 * @typedef {{
 *   id: string, label: string, description: string, tone: string, phase: string, terminal: boolean
 * }} Status
 * @typedef {{ from: string | null, to: string, label: string, when: string, lift?: number }} Transition
 */

/** Every transition of a request; `from: null` is its creation. */
export const TRANSITIONS = /** @type {const} */ ([
  {
    from: null,
    to: 'pending_approval',
    label: 'needs approval',
    when: "Created, and the request's access flow needs approvers.",
  },
  {
    from: null,
    to: 'granting',
    label: 'automatic flow',
    when: 'Created, and the access flow approves automatically.',
    lift: 72,
  },
  {
    from: null,
    to: 'scheduled',
    label: 'automatic, starts later',
    when: 'Created with a `starts_at` ahead, and the access flow approves automatically.',
    lift: 40,
  },
  {
    from: 'pending_approval',
    to: 'scheduled',
    label: 'approved early',
    when: "The flow's approvals are met before the request's `starts_at`.",
  },
  {
    from: 'pending_approval',
    to: 'granting',
    label: 'approvals met',
    when: "The flow's approvals are met (a requester who approves never counts), with no start ahead.",
    lift: 40,
  },
  {
    from: 'pending_approval',
    to: 'rejected',
    label: 'rejected',
    when: 'An approver rejects it; the reason is kept as `rejection_reason` and shown.',
  },
  {
    from: 'pending_approval',
    to: 'revoked',
    label: 'withdrawn',
    when: 'The requester withdraws it (`revocation_reason: "user"`).',
  },
  {
    from: 'scheduled',
    to: 'granting',
    label: 'start time',
    when: '`starts_at` arrives; the access will expire `duration_hours` after it.',
  },
  {
    from: 'scheduled',
    to: 'revoked',
    label: 'cancelled',
    when: 'The requester cancels it before its start (`revocation_reason: "user"`).',
  },
  { from: 'granting', to: 'active', label: 'provisioned', when: 'The access is provisioned.' },
  { from: 'granting', to: 'failed', label: 'fails', when: 'Provisioning fails; `status_reason` says why.' },
  {
    from: 'active',
    to: 'revoking',
    label: 'revoked or expired',
    when: 'The user or an admin revokes it, or it expires at `expires_at` (`revocation_reason`: `user`, `admin` or `expired`).',
  },
  { from: 'revoking', to: 'revoked', label: 'removed', when: 'The access is removed.' },
  { from: 'revoking', to: 'failed', label: 'fails', when: 'Removing the access fails.' },
]);

/** @returns {Status[]} the contract's statuses, in lifecycle order */
export function readStatuses() {
  const document = parse(readFileSync(join(root, 'packages/contract/access-requests.yaml'), 'utf8'));
  /** @type {Status[] | undefined} */
  const statuses = document?.components?.schemas?.AccessRequestStatus?.['x-statuses'];
  if (!Array.isArray(statuses) || statuses.length === 0)
    fail('The contract has no `x-statuses` on AccessRequestStatus.');
  const ids = new Set(statuses.map((s) => s.id));
  for (const t of TRANSITIONS) {
    for (const id of [t.from, t.to])
      if (id !== null && !ids.has(id)) fail(`The lifecycle names a status the contract does not have: ${id}`);
  }
  const reached = new Set(TRANSITIONS.map((t) => /** @type {string} */ (t.to)));
  const missing = statuses.filter((s) => !reached.has(s.id)).map((s) => s.id);
  if (missing.length)
    fail(
      `No transition of the lifecycle reaches ${missing.join(', ')}: update TRANSITIONS in scripts/docs/lifecycle.mjs.`,
    );
  return statuses;
}

/** @param {string} text */
const escapeXml = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Where each box goes: column and row (row 0 holds creation and the way to Active). */
const PLACES = /** @type {Record<string, [number, number]>} */ ({
  start: [0, 0],
  pending_approval: [1, 0],
  scheduled: [2, 0],
  granting: [3, 0],
  active: [4, 0],
  rejected: [0, 1],
  failed: [3, 1],
  revoking: [4, 1],
  revoked: [1, 2],
});

const BOX = { width: 176, height: 56, columnGap: 296, rowGap: 116, top: 80, left: 16 };

/** @param {string} id */
function box(id) {
  const place = PLACES[id];
  if (!place)
    return fail(
      `The lifecycle diagram has no place for the status ${id}: add it to PLACES in scripts/docs/lifecycle.mjs.`,
    );
  const [column, row] = place;
  const x = BOX.left + column * BOX.columnGap;
  const y = BOX.top + row * BOX.rowGap;
  return {
    column,
    row,
    x,
    y,
    cx: x + BOX.width / 2,
    cy: y + BOX.height / 2,
    right: x + BOX.width,
    bottom: y + BOX.height,
  };
}

/**
 * The path of one transition between two boxes, and where its label goes.
 * @param {ReturnType<typeof box>} from
 * @param {ReturnType<typeof box>} to
 * @param {number} lift how far above the row an arc over other boxes goes
 * @returns {{ path: string, x: number, y: number, anchor: 'start' | 'middle' | 'end' }}
 */
function route(from, to, lift = 48) {
  const gap = 6; // the arrow head stops short of the box
  if (from.row === to.row && Math.abs(from.column - to.column) === 1) {
    const [x1, x2] = to.column > from.column ? [from.right, to.x - gap] : [from.x, to.right + gap];
    return {
      path: `M ${x1} ${from.cy} L ${x2} ${to.cy}`,
      x: (x1 + x2) / 2,
      y: from.cy - 9,
      anchor: 'middle',
    };
  }
  if (from.row === to.row) {
    const top = from.y - lift;
    return {
      path: `M ${from.cx} ${from.y} C ${from.cx} ${top}, ${to.cx} ${top}, ${to.cx} ${to.y - gap}`,
      x: (from.cx + to.cx) / 2,
      y: top + 6,
      anchor: 'middle',
    };
  }
  if (from.column === to.column) {
    // The label goes on the side with room: left of the last column's edges, right of the others'.
    const last = from.column === Math.max(...Object.values(PLACES).map(([c]) => c));
    const x = from.cx + (last ? -8 : 8);
    return {
      path: `M ${from.cx} ${from.bottom} L ${to.cx} ${to.y - gap}`,
      x,
      y: (from.bottom + to.y) / 2 + 4,
      anchor: last ? 'end' : 'start',
    };
  }
  if (Math.abs(from.column - to.column) === 1) {
    const leftwards = to.column < from.column;
    const x1 = from.cx + (leftwards ? -40 : 40);
    const x2 = to.cx + (leftwards ? 40 : -40);
    return {
      path: `M ${x1} ${from.bottom} L ${x2} ${to.y - gap}`,
      x: (x1 + x2) / 2 + (leftwards ? 8 : -8),
      y: (from.bottom + to.y) / 2 + 4,
      anchor: leftwards ? 'start' : 'end',
    };
  }
  // Further away: down, then along the target's row.
  const leftwards = to.column < from.column;
  const x2 = leftwards ? to.right + gap : to.x - gap;
  return {
    path: `M ${from.cx} ${from.bottom} L ${from.cx} ${to.cy} L ${x2} ${to.cy}`,
    x: (from.cx + x2) / 2,
    y: to.cy - 9,
    anchor: 'middle',
  };
}

/** The diagrams' shared style (light and dark) and arrow head. */
const STYLE = `<style>
  svg { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; font-size: 16px; }
  .node rect { stroke: #4b5563; stroke-width: 1.5; fill: #f3f4f6; }
  .node .inner { fill: none; }
  .node text { fill: #111827; font-weight: 600; }
  .node text.id { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 13px; font-weight: 400; fill: #374151; }
  .start rect { fill: #ffffff; stroke-dasharray: 4 3; }
  .tone-attention rect { fill: #fef3c7; stroke: #92400e; }
  .tone-progress rect { fill: #dbeafe; stroke: #1e40af; }
  .tone-positive rect { fill: #dcfce7; stroke: #166534; }
  .tone-negative rect { fill: #fee2e2; stroke: #991b1b; }
  .tone-neutral rect { fill: #e5e7eb; stroke: #374151; }
  .edge { fill: none; stroke: #4b5563; stroke-width: 1.5; }
  .edge-label { fill: #1f2937; font-size: 14px; }
  #arrow path { fill: #4b5563; }
  @media (prefers-color-scheme: dark) {
    .node rect, .start rect { fill: #1f2937; stroke: #9ca3af; }
    .node text { fill: #f9fafb; }
    .node text.id { fill: #d1d5db; }
    .tone-attention rect { fill: #451a03; stroke: #fbbf24; }
    .tone-progress rect { fill: #172554; stroke: #93c5fd; }
    .tone-positive rect { fill: #052e16; stroke: #86efac; }
    .tone-negative rect { fill: #450a0a; stroke: #fca5a5; }
    .tone-neutral rect { fill: #111827; stroke: #d1d5db; }
    .edge { stroke: #d1d5db; }
    .edge-label { fill: #e5e7eb; }
    #arrow path { fill: #d1d5db; }
  }
</style>
`;
const ARROW =
  '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>\n';

/**
 * The state diagram, as a standalone SVG document with its own title and description.
 * @param {Status[]} statuses
 * @returns {string}
 */
export function lifecycleSvg(statuses) {
  const columns = Math.max(...Object.values(PLACES).map(([c]) => c)) + 1;
  const rows = Math.max(...Object.values(PLACES).map(([, r]) => r)) + 1;
  const width = BOX.left * 2 + (columns - 1) * BOX.columnGap + BOX.width;
  const height = BOX.top + (rows - 1) * BOX.rowGap + BOX.height + 16;
  const byId = new Map(statuses.map((s) => [s.id, s]));
  const name = (/** @type {string | null} */ id) => (id === null ? 'creation' : (byId.get(id)?.label ?? id));
  const description = TRANSITIONS.map((t) => `${name(t.from)} to ${name(t.to)}: ${t.label}.`).join(' ');

  /** @type {string[]} */
  const edges = [];
  /** @type {string[]} */
  const labels = [];
  for (const t of TRANSITIONS) {
    const from = t.from === null ? { ...box('start'), cx: box('start').right - 50 } : box(t.from);
    const { path, x, y, anchor } = route(from, box(t.to), 'lift' in t ? t.lift : undefined);
    edges.push(`<path class="edge" d="${path}" marker-end="url(#arrow)"/>`);
    labels.push(
      `<text class="edge-label" x="${x}" y="${y}" text-anchor="${anchor}">${escapeXml(t.label)}</text>`,
    );
  }

  const start = box('start');
  const nodes = [
    `<g class="node start"><rect x="${start.right - 100}" y="${start.y}" width="100" height="${BOX.height}" rx="26"/>` +
      `<text x="${start.right - 50}" y="${start.cy + 5}" text-anchor="middle">create</text></g>`,
    ...statuses.map((s) => {
      const b = box(s.id);
      const rect = `<rect x="${b.x}" y="${b.y}" width="${BOX.width}" height="${BOX.height}" rx="8"/>`;
      const inner = s.terminal
        ? `<rect class="inner" x="${b.x + 4}" y="${b.y + 4}" width="${BOX.width - 8}" height="${BOX.height - 8}" rx="5"/>`
        : '';
      return (
        `<g class="node tone-${escapeXml(s.tone)}">${rect}${inner}` +
        `<text x="${b.cx}" y="${b.y + 24}" text-anchor="middle">${escapeXml(s.label)}</text>` +
        `<text class="id" x="${b.cx}" y="${b.y + 44}" text-anchor="middle">${escapeXml(s.id)}</text></g>`
      );
    }),
  ];

  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="title desc">
<title id="title">The lifecycle of an access request: eight statuses and their transitions</title>
<desc id="desc">${escapeXml(description)} Rejected, Revoked and Failed are closed (double border); a closed request can be requested again, which creates a new request.</desc>
${STYLE}${ARROW}${edges.join('\n')}
${nodes.join('\n')}
${labels.join('\n')}
</svg>
`;
}

/**
 * The statuses as a Markdown table (label, id, meaning, tone, open or closed).
 * @param {Status[]} statuses
 */
export function statusTable(statuses) {
  const rows = statuses.map(
    (s) =>
      `| ${s.label} | \`${s.id}\` | ${s.description} | ${s.tone} | ${s.phase}${s.terminal ? ' (terminal)' : ''} |`,
  );
  return ['| status | id | meaning | tone | phase |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/**
 * The transitions as a Markdown table: the diagram's text equivalent.
 * @param {Status[]} statuses
 */
export function transitionTable(statuses) {
  const label = (/** @type {string | null} */ id) =>
    id === null ? '(creation)' : `${statuses.find((s) => s.id === id)?.label} (\`${id}\`)`;
  const rows = TRANSITIONS.map((t) => `| ${label(t.from)} | ${label(t.to)} | ${t.when} |`);
  return ['| from | to | when |', '| --- | --- | --- |', ...rows].join('\n');
}

/**
 * An extension (`extend`) keeps a request Active: the steps it takes, for the guide's table and the
 * extension diagram. "Extension pending" is not a status: it is an Active request with
 * `extension.pending` set.
 */
export const EXTENSION_STEPS = /** @type {const} */ ([
  {
    from: 'Active',
    to: 'Active',
    label: 'extend (automatic flow)',
    when: 'Under an automatic flow `expires_at` moves by `hours` at once (`200`).',
  },
  {
    from: 'Active',
    to: 'Extension pending',
    label: 'extend (flow with approvers)',
    when: 'Under a flow with approvers the extension waits (`202`, `extension.pending`); the access stays active and `expires_at` stays.',
  },
  {
    from: 'Extension pending',
    to: 'Active',
    label: 'granted or rejected',
    when: 'Granted: `expires_at` moves by `hours`, with no gap. Rejected: `expires_at` stays; the reason is `extension.last.reason`.',
  },
  {
    from: 'Extension pending',
    to: 'Revoking',
    label: 'expires or revoked: dropped',
    when: '`expires_at` arrives (or the requester revokes) before the approvers decide: the access ends as it would have, the extension is dropped (`extension.last.status: "dropped"`).',
  },
  {
    from: 'Active',
    to: 'Revoking',
    label: 'expires or revoked',
    when: 'As without extensions: revoked, or expired at `expires_at`.',
  },
]);

/** The extension steps as a Markdown table: the extension diagram's text equivalent. */
export function extensionTable() {
  const rows = EXTENSION_STEPS.map((t) => `| ${t.from} | ${t.to} | ${t.when} |`);
  return ['| from | to | when |', '| --- | --- | --- |', ...rows].join('\n');
}

/**
 * The extension diagram: Active, Active with an extension pending, and Revoking, as a standalone SVG.
 * @param {Status[]} statuses
 * @returns {string}
 */
export function extensionSvg(statuses) {
  const tone = (/** @type {string} */ id) => statuses.find((s) => s.id === id)?.tone ?? 'neutral';
  const { width: w, height: h } = BOX;
  const at = (/** @type {number} */ x, /** @type {number} */ y) => ({ x, y, cx: x + w / 2, cy: y + h / 2 });
  const active = at(16, 96);
  const pending = at(456, 96);
  const revoking = at(456, 296);
  const node = (
    /** @type {ReturnType<typeof at>} */ b,
    /** @type {string} */ label,
    /** @type {string} */ id,
    /** @type {string} */ toneName,
  ) =>
    `<g class="node tone-${escapeXml(toneName)}"><rect x="${b.x}" y="${b.y}" width="${w}" height="${h}" rx="8"/>` +
    `<text x="${b.cx}" y="${b.y + 24}" text-anchor="middle">${escapeXml(label)}</text>` +
    `<text class="id" x="${b.cx}" y="${b.y + 44}" text-anchor="middle">${escapeXml(id)}</text></g>`;
  const [loop, ask, decided, dropped, ends] = EXTENSION_STEPS;
  /** Each edge: its path, then its label's x, y, anchor and text. */
  /** @type {[string, number, number, 'start' | 'middle' | 'end', string | undefined][]} */
  const edges = [
    [
      `M ${active.cx - 36} ${active.y} C ${active.cx - 36} ${active.y - 56}, ${active.cx + 36} ${active.y - 56}, ${active.cx + 36} ${active.y - 6}`,
      active.cx,
      active.y - 50,
      'middle',
      loop?.label,
    ],
    [
      `M ${active.x + w} ${active.cy - 10} L ${pending.x - 6} ${pending.cy - 10}`,
      (active.x + w + pending.x) / 2,
      active.cy - 19,
      'middle',
      ask?.label,
    ],
    [
      `M ${pending.x} ${pending.cy + 10} L ${active.x + w + 6} ${active.cy + 10}`,
      (active.x + w + pending.x) / 2,
      active.cy + 30,
      'middle',
      decided?.label,
    ],
    [
      `M ${pending.cx} ${pending.y + h} L ${revoking.cx} ${revoking.y - 6}`,
      pending.cx + 8,
      (pending.y + h + revoking.y) / 2 + 4,
      'start',
      dropped?.label,
    ],
    [
      `M ${active.cx} ${active.y + h} L ${active.cx} ${revoking.cy} L ${revoking.x - 6} ${revoking.cy}`,
      (active.cx + revoking.x) / 2,
      revoking.cy - 9,
      'middle',
      ends?.label,
    ],
  ];
  const width = revoking.x + w + 250;
  const height = revoking.y + h + 16;
  const description = EXTENSION_STEPS.map((t) => `${t.from} to ${t.to}: ${t.label}.`).join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="title desc">
<title id="title">Extending an active access: granted at once, or pending until the approvers decide</title>
<desc id="desc">${escapeXml(description)} Extension pending is not a status: the request stays Active, with extension.pending set.</desc>
${STYLE}${ARROW}${edges.map(([path]) => `<path class="edge" d="${path}" marker-end="url(#arrow)"/>`).join('\n')}
${node(active, statuses.find((s) => s.id === 'active')?.label ?? 'Active', 'active', tone('active'))}
${node(pending, 'Extension pending', 'extension.pending', tone('pending_approval'))}
${node(revoking, statuses.find((s) => s.id === 'revoking')?.label ?? 'Revoking', 'revoking', tone('revoking'))}
${edges.map(([, x, y, anchor, label]) => `<text class="edge-label" x="${x}" y="${y}" text-anchor="${anchor}">${escapeXml(label ?? '')}</text>`).join('\n')}
</svg>
`;
}
