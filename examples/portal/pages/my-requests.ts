// "My Requests": the request list and the details panel side by side, and the statuses legend.
import { STATUSES } from '@access-requests/sdk';
import { el, type Page } from './page.js';

export const myRequestsPage: Page = {
  id: 'my-requests',
  label: 'My Requests',
  mount(container, { navigate, query }) {
    const list = document.createElement('request-list');
    const details = document.createElement('request-details');
    // `#/my-requests?request=<id>` opens a request: links to a request work, and survive a reload.
    const opened = query.get('request');
    if (opened) {
      details.requestId = opened;
      list.selectedId = opened;
    }
    const remember = (id: string | undefined) =>
      history.replaceState(null, '', id ? `#/my-requests?request=${encodeURIComponent(id)}` : '#/my-requests');
    list.addEventListener('request-selected', async (event) => {
      remember(event.detail.request.id);
      details.request = event.detail.request;
      await details.updateComplete;
      details.focus();
    });
    details.addEventListener('details-closed', () => {
      remember(undefined);
      list.selectedId = '';
      list.focus();
    });
    details.addEventListener('use-access', (event) => navigate('my-access', { request: event.detail.request.id }));

    const legend = el('ul', { class: 'statuses' });
    for (const status of STATUSES) {
      const badge = document.createElement('status-badge');
      badge.status = status.id;
      legend.append(el('li', {}, badge, el('span', {}, status.description)));
    }

    container.append(
      el('h1', {}, 'My Requests'),
      el('div', { class: 'requests-layout' }, el('section', { 'aria-label': 'Requests', class: 'list-column' }, list), el('section', { 'aria-label': 'Request details', class: 'details-column' }, details)),
      el('details', { class: 'legend' }, el('summary', {}, 'Statuses'), legend),
    );
  },
};
