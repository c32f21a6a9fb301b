// My Access: a placeholder until its page lands; Use Access in the details panel routes here.
import { el, type Page } from './page.js';

export const myAccessPage: Page = {
  id: 'my-access',
  label: 'My Access',
  mount(container, { query }) {
    const request = query.get('request');
    container.append(
      el('h1', {}, 'My Access'),
      el('p', {}, 'The My Access page (Access Details, recent requests, favorites) joins the portal with a later issue.'),
      ...(request ? [el('p', { class: 'muted' }, `Use Access asked for request ${request}.`)] : []),
    );
  },
};
