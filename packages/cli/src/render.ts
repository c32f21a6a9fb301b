// How requests, previews and access details read in a terminal.
import { statusInfo, type AccessRequest, type components } from '@access-requests/sdk';
import { span, table, when, type Output } from './output.js';

type Preview = components['schemas']['Preview'];
type PreviewItem = components['schemas']['PreviewItem'];
type AccessDetails = components['schemas']['AccessDetails'];

/** What a request gives access to, in one phrase: "prod-payments-db (ReadOnly) and 2 more". */
export function accessOf(request: AccessRequest): string {
  const { target } = request;
  if (target.type === 'app') return `${target.app.name} (${target.permission.name})`;
  if (target.type === 'bundle') return `${target.bundle.name} (bundle of ${target.resource_count})`;
  const [first] = target.resources_summary;
  const more = target.resource_count - 1;
  const name = first ? `${first.resource.name} (${first.permission.name})` : 'no resources';
  return more > 0 ? `${name} and ${more} more` : name;
}

/** One line per request: id, status, access, flow. */
export function requestLine(out: Output, request: AccessRequest): string {
  return `${out.bold(request.id)}  ${out.status(request.status)}  ${accessOf(request)}  ${out.dim(request.access_flow.name)}`;
}

/** The list: a table, newest first as the server sends it. */
export function requestTable(out: Output, requests: readonly AccessRequest[], showGrantee: boolean): string {
  if (!requests.length) return 'No requests.';
  const headers = ['ID', 'STATUS', ...(showGrantee ? ['FOR'] : []), 'ACCESS', 'FLOW', 'CREATED'];
  const rows = requests.map((r) => [
    r.id,
    statusInfo(r.status).label,
    ...(showGrantee ? [r.grantee.name] : []),
    accessOf(r),
    r.access_flow.name,
    when(r.created_at),
  ]);
  const statusColumn = 1;
  return table(headers, rows, (column, text) => {
    if (column !== statusColumn) return text;
    const request = requests.find((r) => statusInfo(r.status).label === text);
    return request ? out.status(request.status) : text;
  });
}

/** Everything about one request, a field a line. */
export function requestDetails(out: Output, r: AccessRequest): string {
  const lines: [string, string | null | undefined][] = [
    ['Status', `${out.status(r.status)}${r.status_reason ? ` — ${r.status_reason}` : ''}`],
    ['Access', accessOf(r)],
    ['Flow', r.access_flow.name],
    [
      'For',
      r.grantee.id === r.requester.id ? r.grantee.name : `${r.grantee.name} (asked by ${r.requester.name})`,
    ],
    ['Duration', `${r.duration_hours} h`],
    ['Justification', r.justification],
    ['Ticket', r.ticket ? `${r.ticket.type.name} ${r.ticket.id}` : null],
    ...r.custom_fields.map((answer): [string, string] => [answer.label, answer.display]),
    ...r.approvals.map((a): [string, string] => [
      'Approval',
      `${a.approver.name}: ${a.status}${a.reason ? ` — ${a.reason}` : ''}`,
    ]),
    ['Rejected', r.rejection_reason],
    ['Revoked', r.revocation_reason ? `${r.revocation_reason} ${when(r.revoked_at)}` : null],
    ['Created', when(r.created_at)],
    ['Granted', when(r.granted_at)],
    ['Expires', when(r.expires_at)],
    ['Favorite', r.favorite ? 'yes' : null],
    [
      'You can',
      Object.entries(r.can)
        .filter(([, allowed]) => allowed)
        .map(([action]) => action.replace('_', ' '))
        .join(', ') || 'nothing now',
    ],
  ];
  const shown = lines.filter((line): line is [string, string] => Boolean(line[1]));
  const width = Math.max(...shown.map(([label]) => label.length));
  return [
    out.bold(r.id),
    ...shown.map(([label, value]) => `  ${out.dim(label.padEnd(width))}  ${value}`),
  ].join('\n');
}

function itemName(item: PreviewItem): string {
  const what = item.resource?.name ?? item.app?.name ?? item.bundle?.name ?? item.kind;
  return item.permission ? `${what} (${item.permission.name})` : what;
}

/** The preview's split: one block per access flow, each becoming one request. */
export function previewSplit(out: Output, preview: Preview, hours: number): string {
  const blocks = preview.groups.map((group) => {
    const flow = group.access_flow;
    const approval =
      flow.approval === 'automatic'
        ? 'granted automatically'
        : `approved by ${flow.approvers.map((a) => a.name).join(', ')}`;
    const needs = [
      group.justification_required ? 'justification required' : '',
      group.ticket_required ? 'ticket required' : '',
      group.custom_fields.length
        ? `asks ${group.custom_fields.map((f) => `${f.label}${f.required ? ' (required)' : ''}`).join(', ')}`
        : '',
      `up to ${group.max_duration_hours} h`,
    ].filter(Boolean);
    return [
      `${out.bold(flow.name, out.stderr)} ${out.dim(`— ${approval}; ${needs.join(', ')}`, out.stderr)}`,
      ...group.items.map((item) => `  • ${itemName(item)}`),
    ].join('\n');
  });
  const count = preview.groups.length;
  return [
    `${count === 1 ? 'One request' : `${count} requests`} of ${hours} h, by access flow:`,
    ...blocks,
  ].join('\n');
}

/** Access details for a terminal: the instructions as text, the command to run, the link, the time left. */
export function accessDetailsText(out: Output, details: AccessDetails): string {
  const left = Date.parse(details.expires_at) - Date.parse(details.server_time);
  return [
    details.instructions_text.trim(),
    ...(details.cli ? ['', out.bold('Run:'), ...details.cli.split('\n').map((line) => `  ${line}`)] : []),
    ...(details.link ? ['', `${out.bold('Open:')} ${details.link.label} — ${details.link.url}`] : []),
    '',
    out.dim(`Expires ${when(details.expires_at)} (in ${span(left)}).`),
  ].join('\n');
}
