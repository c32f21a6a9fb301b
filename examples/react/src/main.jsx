// A React 19 app around the elements. React 19 sets a custom element's properties (the token
// function, the selected request) and listens to its events (`onrequest-selected`) by itself.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@access-requests/elements/access-requests-provider.js';
import '@access-requests/elements/request-list.js';
import '@access-requests/elements/request-details.js';

/** The host's own sign-in would give this; the demo server knows `demo-alice`. */
const getToken = async () => sessionStorage.getItem('access-token') ?? 'demo-alice';

function App() {
  const [selected, setSelected] = useState(undefined);
  const [events, setEvents] = useState([]);
  const heard = (text) => setEvents((list) => [text, ...list].slice(0, 20));

  return (
    <>
      <header>
        <h1>Acme admin</h1>
        <p>Your access requests, in a React page.</p>
      </header>
      <access-requests-provider token={getToken}>
        <main className="layout">
          <request-list
            label="My Requests"
            selected-id={selected?.id ?? ''}
            onrequest-selected={(event) => {
              setSelected(event.detail.request);
              heard(`request-selected: ${event.detail.request.id}`);
            }}
          />
          <request-details
            request={selected}
            ondetails-closed={() => {
              setSelected(undefined);
              heard('details-closed');
            }}
            onrequest-revoked={(event) => heard(`request-revoked: ${event.detail.request.id}`)}
          />
        </main>
      </access-requests-provider>
      <section aria-labelledby="events-title">
        <h2 id="events-title">What React heard</h2>
        <ol id="events" role="log">
          {events.map((text, index) => (
            <li key={events.length - index}>{text}</li>
          ))}
        </ol>
      </section>
    </>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
