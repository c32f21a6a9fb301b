// The live example on each element's page: the markup placed in the page (and shown beside it as
// the usage snippet), the demo user it runs as, and what the browser check waits for to call it
// rendered with real data from the reference server. The page script is `live-examples.browser.mjs`.

/**
 * @typedef {object} LiveExample
 * @property {string} markup The HTML placed in the page, as a host would write it.
 * @property {string} [user] The demo user's bearer token the provider gets (from JavaScript).
 * @property {Record<string, string>} [requestIds] Elements (by selector) whose `requestId` is a seeded
 *   request, by its label in the reference server's history.
 * @property {string} [caption] One sentence on what to try.
 * @property {{ part: string, text?: string, timeoutMs?: number }} expect The shadow part that must
 *   render with text (and, if given, this text) for the check to pass.
 */

/** @type {Record<string, LiveExample>} */
export const LIVE_EXAMPLES = {
  'access-requests-provider': {
    markup: `<access-requests-provider>
  <request-list page-size="5"></request-list>
</access-requests-provider>`,
    user: 'demo-alice',
    caption: 'The provider has no UI of its own: the list inside it loads through the client it shares.',
    expect: { part: 'card-title' },
  },
  'status-badge': {
    markup: `<status-badge status="pending_approval"></status-badge>
<status-badge status="granting"></status-badge>
<status-badge status="active"></status-badge>
<status-badge status="rejected" reason="Use the read replica"></status-badge>
<status-badge status="revoking"></status-badge>
<status-badge status="revoked"></status-badge>
<status-badge status="failed"></status-badge>`,
    caption: 'Hover over or focus Rejected to read its reason.',
    expect: { part: 'label', text: 'Pending Approval' },
  },
  'request-list': {
    markup: `<access-requests-provider>
  <request-list page-size="10"></request-list>
</access-requests-provider>`,
    user: 'demo-alice',
    caption: "Alice's requests from the reference server: filter by Status, switch the scope, open a card.",
    expect: { part: 'card-title' },
  },
  'request-details': {
    markup: `<access-requests-provider>
  <request-details request-id="req_…"></request-details>
</access-requests-provider>`,
    user: 'demo-alice',
    requestIds: { 'request-details': 'aliceActiveExpiringSoon' },
    caption: "One of Alice's active requests: view its resources, revoke it, or star it.",
    expect: { part: 'title' },
  },
  'access-notifications': {
    markup: `<access-requests-provider>
  <access-notifications placement="inline"></access-notifications>
</access-requests-provider>`,
    user: 'demo-alice',
    caption:
      "A toast appears when one of Alice's requests changes status: her Granting request becomes Active a few seconds after the page loads.",
    expect: { part: 'toast' },
  },
  'access-request-form': {
    markup: `<access-requests-provider>
  <access-request-form></access-request-form>
</access-requests-provider>`,
    user: 'demo-alice',
    caption:
      'Pick resources, press Next, and see how the request would be split by access flow before you submit it.',
    expect: { part: 'result' },
  },
  'my-access': {
    markup: `<access-requests-provider>
  <my-access></my-access>
</access-requests-provider>`,
    user: 'demo-alice',
    caption: 'Open Access Details of an active access, or request a recent one again.',
    expect: { part: 'item-title' },
  },
  'approval-inbox': {
    markup: `<access-requests-provider>
  <approval-inbox></approval-inbox>
</access-requests-provider>`,
    user: 'demo-bob',
    caption: 'Signed in as Bob, an approver: approve or reject what waits for him.',
    expect: { part: 'item-title' },
  },
  'access-portal': {
    markup: `<access-requests-provider>
  <access-portal></access-portal>
</access-requests-provider>`,
    user: 'demo-alice',
    caption: 'The whole portal as Alice: New Request, My Requests and My Access.',
    expect: { part: 'card-title' },
  },
};
