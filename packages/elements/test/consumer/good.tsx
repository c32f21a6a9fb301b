// A React 19 page as an integrator writes it: the elements registered once, then used as JSX with
// typed attributes, properties and event handlers.
import { useState } from 'react';
import '@access-requests/elements/define.js';
import type { RequestEventDetail } from '@access-requests/elements';

export function MyRequestsPage({ token }: { token: string }) {
  const [selectedId, setSelectedId] = useState('');
  const onSelected = (event: CustomEvent<RequestEventDetail>) => setSelectedId(event.detail.request.id);
  return (
    <access-requests-provider base-url="https://access.example.com" token={token}>
      <request-list
        scope="mine"
        page-size={25}
        statuses={['active', 'pending_approval']}
        selected-id={selectedId}
        onrequest-selected={onSelected}
      />
      <request-details
        request-id={selectedId}
        ondetails-closed={(event) => console.log('closed', event.detail.request?.id)}
      />
      <status-badge status="active" className="summary-badge" />
      <access-request-form
        name="request"
        onrequest-submitted={(event) => console.log(event.detail.requests.length)}
      />
    </access-requests-provider>
  );
}
