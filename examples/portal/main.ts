import '@access-requests/elements/status-badge.js';
import { STATUSES } from '@access-requests/sdk';

const list = document.querySelector<HTMLUListElement>('#statuses');
for (const status of STATUSES) {
  const item = document.createElement('li');
  const badge = document.createElement('status-badge');
  badge.status = status.id;
  const meaning = document.createElement('span');
  meaning.textContent = status.description;
  item.append(badge, meaning);
  list?.append(item);
}
