// The portal's views and their hash routes: `#/<view>` and `#/<view>/<request id>` (My Requests
// with that request's details open; My Access with its Access Details open), and
// `#/new-request/template/<template id>` (New Request started from a template: its link to share).

export const PORTAL_VIEWS = ['new-request', 'my-requests', 'my-access', 'approvals'] as const;
export type PortalView = (typeof PORTAL_VIEWS)[number];

export const DEFAULT_VIEW: PortalView = 'my-requests';

export const isPortalView = (value: unknown): value is PortalView =>
  PORTAL_VIEWS.includes(value as PortalView);

export interface Route {
  readonly view: PortalView;
  readonly requestId: string;
  /** The template New Request starts from ('' for none). */
  readonly templateId: string;
}

/**
 * `#/my-access/req_1` → `{ view: 'my-access', requestId: 'req_1' }`; `#/new-request/template/tpl_1` →
 * `{ view: 'new-request', templateId: 'tpl_1' }`; anything else → the default view.
 */
export function parseHash(hash: string): Route {
  const [view = '', id = '', templateId = ''] = hash.replace(/^#\/?/, '').split('/');
  if (!isPortalView(view)) return { view: DEFAULT_VIEW, requestId: '', templateId: '' };
  if (view === 'new-request')
    return { view, requestId: '', templateId: id === 'template' ? decoded(templateId) : '' };
  return { view, requestId: decoded(id), templateId: '' };
}

/** An id as the address carries it; '' for one no id can be (`%E0`: a hand-edited or cut-off link). */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return '';
  }
}

export function hashFor(view: PortalView, requestId = ''): string {
  return `#/${view}${requestId ? `/${encodeURIComponent(requestId)}` : ''}`;
}

/** The hash of New Request started from a template: `#/new-request/template/<id>`. */
export const templateHash = (templateId: string): string =>
  `#/new-request/template/${encodeURIComponent(templateId)}`;
