// "New Request": the seed's "Request new access" — resources, an app or a bundle — as
// <access-request-form> does it. A host's "Request access" link can prefill it through the route's
// query (`#/new-request?resource-ids=res_prod_payments_db&permission-id=perm_pg_readonly`).
import { el, type Page } from './page.js';

/** The form's prefill attributes a route may carry. */
const PREFILL = ['resource-ids', 'permission-id', 'duration', 'justification', 'grantee-id', 'app-id', 'bundle-id', 'tab'] as const;

export const newRequestPage: Page = {
  id: 'new-request',
  label: 'New Request',
  mount(container, { query }) {
    const form = document.createElement('access-request-form');
    for (const name of PREFILL) {
      const value = query.get(name);
      if (value) form.setAttribute(name, value);
    }
    // The success view's My Requests is a real link to the portal's page.
    form.setAttribute('my-requests-href', '#/my-requests');
    container.append(
      el('h1', { class: 'visually-hidden' }, 'New Request'),
      el('p', { class: 'page-intro' }, 'Request access to specific resources, an app, or a bundle — for yourself or on behalf of a teammate.'),
      el('section', { class: 'form-panel', 'aria-label': 'Request new access' }, form),
    );
  },
};
