// The portal's views and their hash routes: `#/<view>` and `#/<view>/<request id>` (My Requests
// with that request's details open; My Access with its Access Details open).

export const PORTAL_VIEWS = ['new-request', 'my-requests', 'my-access', 'approvals'] as const;
export type PortalView = (typeof PORTAL_VIEWS)[number];

export const DEFAULT_VIEW: PortalView = 'my-requests';

export const isPortalView = (value: unknown): value is PortalView =>
  PORTAL_VIEWS.includes(value as PortalView);

export interface Route {
  readonly view: PortalView;
  readonly requestId: string;
}

/** `#/my-access/req_1` → `{ view: 'my-access', requestId: 'req_1' }`; anything else → the default view. */
export function parseHash(hash: string): Route {
  const [view = '', id = ''] = hash.replace(/^#\/?/, '').split('/');
  return isPortalView(view)
    ? { view, requestId: decodeURIComponent(id) }
    : { view: DEFAULT_VIEW, requestId: '' };
}

export function hashFor(view: PortalView, requestId = ''): string {
  return `#/${view}${requestId ? `/${encodeURIComponent(requestId)}` : ''}`;
}
