// End to end: the demo portal in headless Chromium, driven as a user would — by roles and accessible
// names (puppeteer's ARIA queries, which see through shadow roots) — through the whole lifecycle:
// Alice requests access to a production database, Bob approves it, it becomes Active, Alice reads its
// Access Details, uses it, extends it (Bob approves the extension), revokes it, and requests it
// again; Bob rejects another, and Alice filters My Requests. The simulated clock is frozen and moved
// by hand. Every tab is served with the strict CSP of strict-csp.mjs, Trusted Types enforced, and
// every step ends with no violation of it.
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from '../../scripts/chrome.mjs';
import { serveWithReference } from '../../scripts/serve.mjs';
import { strictCspPage } from './strict-csp.mjs';

const rootDir = fileURLToPath(new URL('../..', import.meta.url));
const RESOURCE = 'prod-payments-db';
const ACCESS = `${RESOURCE} (ReadOnly)`;
/** One of Alice's seeded requests that waits for Bob, which he rejects. */
const REJECTED = 'AWS production account 1234 (Admin)';
const REJECTION_REASON = 'Admin on production needs a change ticket.';
const started = Date.now();

const server = await serveWithReference({
  rootDir,
  index: 'examples/portal/index.html',
  entry: 'examples/portal/main.ts',
  stylesheets: ['examples/portal/portal.css'],
  world: { speed: 0 },
});
const browser = await puppeteer.launch({ executablePath: findChrome(), args: CHROME_ARGS, headless: true });
// The whole journey runs under the strict CSP, Trusted Types enforced: every step ends with no violation.
const { tab: page, checked } = await strictCspPage(browser);
await page.setViewport({ width: 1400, height: 1000 });
const errors = [];
page.on('pageerror', (error) => errors.push(String(error)));

/** `[name="…"][role="…"]`, through shadow roots. */
const aria = (role, name) =>
  page.locator(`::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`);
const click = (role, name) => aria(role, name).setTimeout(15_000).click();
const fill = (role, name, value) => aria(role, name).setTimeout(15_000).fill(value);
const see = (role, name) =>
  page.waitForSelector(`::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`, {
    timeout: 15_000,
  });
const advance = (seconds) =>
  fetch(`${server.url}_control/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seconds }),
  });

async function step(name, run) {
  const at = Date.now();
  await checked(name, run);
  console.log(`  ✔ ${name} (${((Date.now() - at) / 1000).toFixed(1)} s)`);
}

/** A card of `access` on My Requests whose status is `status`, once there is one. */
async function cardStatus(status, access = ACCESS) {
  await see('article', access);
  // Of the cards with that name (a request asked again has the same), the one in that status.
  const card = await page.waitForFunction(
    (name, expected) =>
      [
        ...(document
          .querySelector('access-portal')
          ?.shadowRoot?.querySelector('request-list')
          ?.shadowRoot?.querySelectorAll('article') ?? []),
      ].find(
        (node) =>
          node.querySelector('[part="card-title"]')?.textContent === name &&
          node.querySelector('status-badge')?.getAttribute('status') === expected,
      ) ?? false,
    { timeout: 15_000 },
    access,
    status,
  );
  return /** @type {import('puppeteer-core').ElementHandle<Element>} */ (card);
}

/** The text of the node `selector` finds in the portal's `element`, once it includes `expected`. */
const shownIn = (element, selector, expected) =>
  page.waitForFunction(
    (inner, wanted, text) => {
      const root = document.querySelector('access-portal')?.shadowRoot?.querySelector(inner)?.shadowRoot;
      return (root?.querySelector(wanted)?.textContent?.replace(/\s+/g, ' ') ?? '').includes(text);
    },
    { timeout: 10_000 },
    element,
    selector,
    expected,
  );

/** Resolves once the portal's current tab is `name`. */
async function onTab(name) {
  const tab = await see('tab', name);
  await page.waitForFunction(
    (node) => node.getAttribute('aria-selected') === 'true',
    { timeout: 10_000 },
    tab,
  );
}

/** Opens My Requests' Status filter, runs `choose`, and closes the filter (its panel covers the cards). */
async function statusFilter(choose) {
  await page.locator('access-portal >>> request-list >>> [part="filter-button"]').setTimeout(15_000).click();
  await choose();
  await page.keyboard.press('Escape');
  await page.waitForSelector('access-portal >>> request-list >>> [part="filter-panel"][hidden]', {
    timeout: 5_000,
  });
}

/** Dismisses the notifier's toasts, as a user would before reaching what they cover. */
async function dismissToasts() {
  for (let handle; (handle = await page.$('::-p-aria([name="Dismiss"][role="button"])'));)
    await handle.click();
}

/** Chooses a demo user by its key (`alice`) in the switcher, once the page has taken it. */
async function switchUser(key) {
  await fill('combobox', 'Demo user', key);
  await page.waitForFunction((k) => sessionStorage.getItem('access-requests-demo-user') === k, {}, key);
}

/**
 * Where a demo token (`demo-…`) shows in the page: attributes, text and form values, through every
 * shadow root, and the session and local storage.
 */
const tokensInPage = () =>
  page.evaluate(() => {
    const found = [];
    const seen = (where, value) => {
      if (/demo-(?:alice|bob|carol|dave)/.test(String(value))) found.push(`${where}: ${value}`);
    };
    /** @param {Document | ShadowRoot} root */
    const scan = (root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.currentNode; node; node = walker.nextNode()) {
        if (node instanceof Text) seen('text', node.data);
        if (!(node instanceof Element)) continue;
        for (const attribute of node.attributes)
          seen(`${node.localName}[${attribute.name}]`, attribute.value);
        if ('value' in node) seen(`${node.localName}.value`, node.value);
        if (node.shadowRoot) scan(node.shadowRoot);
      }
    };
    scan(document);
    /** @type {[string, Storage][]} */
    const storages = [
      ['sessionStorage', sessionStorage],
      ['localStorage', localStorage],
    ];
    for (const [name, storage] of storages) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i) ?? '';
        seen(`${name} key`, key);
        seen(`${name}[${key}]`, storage.getItem(key));
      }
    }
    return found;
  });

/** The first page of a demo user's requests, from the reference server. */
async function requestsOf(key) {
  const response = await fetch(`${server.url}v1/access-requests`, {
    headers: { authorization: `Bearer demo-${key}` },
  });
  return (await response.json()).items;
}

/** Loads the page at `hash` in a new tab (a first load); resolves once the details panel says `expected`. */
async function detailsPanelOnFirstLoad(hash, expected) {
  const { tab: fresh, checked: checkedInTab } = await strictCspPage(browser);
  try {
    await checkedInTab(`A first load of ${hash}`, async () => {
      await fresh.goto(`${server.url}${hash}`, { waitUntil: 'load' });
      await fresh.waitForFunction(
        (wanted) => {
          const details = document
            .querySelector('access-portal')
            ?.shadowRoot?.querySelector('request-details');
          return (details?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '').includes(wanted);
        },
        { timeout: 10_000 },
        expected,
      );
    });
  } finally {
    await fresh.close();
  }
}

let failed = false;
try {
  await page.goto(server.url, { waitUntil: 'load' });

  await step('No demo token in the page or its storage, whichever user is chosen', async () => {
    for (const key of ['bob', 'carol', 'dave', 'alice']) {
      await switchUser(key);
      await see('tab', 'My Requests');
      const found = await tokensInPage();
      if (found.length) throw new Error(`As ${key}, a token shows in the page:\n${found.join('\n')}`);
    }
  });

  await step(
    'The hostile Legacy CRM instructions on a strict-CSP page: shown, inert, no violation',
    async () => {
      const { tab, checked: checkedInTab } = await strictCspPage(browser);
      try {
        await checkedInTab('The hostile instructions', async () => {
          await tab.goto(`${server.url}#/my-access`, { waitUntil: 'load' });
          await tab
            .locator(
              '::-p-aria([name="Access Details: crm-staging-accounts (Viewer) and 1 more"][role="button"])',
            )
            .setTimeout(15_000)
            .click();
          await tab.waitForFunction(
            () => {
              const dialog = document
                .querySelector('access-portal')
                ?.shadowRoot?.querySelector('my-access')
                ?.shadowRoot?.querySelector('dialog[open]');
              return (dialog?.querySelector('[part="instructions"]')?.textContent ?? '').includes(
                'Use your Legacy CRM access',
              );
            },
            { timeout: 10_000 },
          );
          // A task and a frame for anything the markup could have started (a load, an error event).
          const executed = await tab.evaluate(
            () =>
              new Promise((resolve) =>
                requestAnimationFrame(() =>
                  setTimeout(() => resolve(/** @type {{ __xss?: unknown }} */ (window).__xss !== undefined)),
                ),
              ),
          );
          if (executed) throw new Error('Markup from the instructions ran.');
        });
      } finally {
        await tab.close();
      }
    },
  );

  await step(
    'A first load of #/my-requests/<id> opens that request; an unknown or hidden id says so',
    async () => {
      const [mine] = await requestsOf('alice');
      const resource = mine.target.resources_summary[0].resource.name;
      await detailsPanelOnFirstLoad(`#/my-requests/${mine.id}`, resource);
      // One of Dave's own requests (not one Alice made for him): not Alice's to see.
      const daves = (await requestsOf('dave')).find((r) => r.requester.id !== mine.requester.id);
      for (const id of ['req_unknown', daves.id]) {
        await detailsPanelOnFirstLoad(`#/my-requests/${id}`, 'The request could not be loaded.');
      }
    },
  );

  await step('Alice requests ReadOnly on the production payments database', async () => {
    await click('tab', 'New Request');
    await fill('searchbox', 'Search', RESOURCE);
    await click('checkbox', RESOURCE);
    await fill('combobox', `Permission for ${RESOURCE}`, 'perm_pg_readonly');
    await click('button', 'Next');
    await fill('spinbutton', 'Duration in Hours', '2');
    await fill('textbox', 'Justification', 'Investigating INC-4821 end to end.');
    await click('button', 'Submit Request');
    await see('heading', 'Request submitted');
    await click('tab', 'My Requests');
    await cardStatus('pending_approval');
  });

  await step('Bob approves it from Approvals', async () => {
    await switchUser('bob');
    await click('tab', 'Approvals');
    await click('button', `Approve: ${ACCESS}`);
    await click('button', 'Approve');
    await page.waitForFunction(
      (name) =>
        !document
          .querySelector('access-portal')
          ?.shadowRoot?.querySelector('approval-inbox')
          ?.approvals.some((r) => r.target.resources_summary?.[0]?.resource.name === name),
      { timeout: 10_000 },
      RESOURCE,
    );
  });

  await step('Alice sees it Active, and reads its Access Details', async () => {
    await switchUser('alice');
    await advance(6);
    await click('tab', 'My Requests');
    await cardStatus('active');
    await click('tab', 'My Access');
    await click('button', `Access Details: ${ACCESS}`);
    await see('dialog', 'Access Details');
    await page.waitForFunction(
      () => {
        const dialog = document
          .querySelector('access-portal')
          ?.shadowRoot?.querySelector('my-access')
          ?.shadowRoot?.querySelector('dialog[open]');
        return (dialog?.querySelector('[part="instructions"]')?.textContent ?? '').includes('database proxy');
      },
      { timeout: 10_000 },
    );
    await see('timer', '');
    await click('button', 'Close');
  });

  await step('Use Access on its details opens its Access Details on My Access', async () => {
    await click('tab', 'My Requests');
    const card = await cardStatus('active');
    await card.click();
    await dismissToasts();
    await click('button', 'Use Access');
    await see('dialog', 'Access Details');
    await shownIn('my-access', 'dialog[open] [part="instructions"]', 'database proxy');
    await click('button', 'Close');
    // The modal dialog made the rest of the page inert: the tabs are back once it is closed.
    await onTab('My Access');
  });

  await step('Alice extends it from My Access, and Bob approves the extension', async () => {
    await click('tab', 'My Access');
    await dismissToasts();
    await click('button', `Extend access: ${ACCESS}`);
    await see('dialog', 'Extend access');
    await fill('spinbutton', 'Hours to add', '2');
    await fill('textbox', 'Justification', 'The payout replay needs two more hours.');
    await click('button', 'Extend');
    await shownIn(
      'my-access',
      '[part="extension-pending"]',
      'Extension pending: 2 hours, waiting for Bob Example.',
    );
    await switchUser('bob');
    await click('tab', 'Approvals');
    await shownIn('approval-inbox', '[part~="extension"] h3', `Extension: ${ACCESS}`);
    await click('button', `Approve: ${ACCESS}`);
    await see('dialog', 'Approve this extension?');
    await click('button', 'Approve');
    await switchUser('alice');
    await click('tab', 'My Access');
    // Granted: the card no longer says Extension pending.
    await page.waitForFunction(
      () => {
        const root = document
          .querySelector('access-portal')
          ?.shadowRoot?.querySelector('my-access')?.shadowRoot;
        return (
          root?.querySelector('[part~="section-active"] [part="item"]') &&
          !root.querySelector('[part="extension-pending"]')
        );
      },
      { timeout: 10_000 },
    );
  });

  await step('Alice revokes it', async () => {
    await click('tab', 'My Requests');
    const card = await cardStatus('active');
    await card.click();
    await dismissToasts();
    await click('button', 'Revoke access');
    await click('button', 'Yes');
    await cardStatus('revoking');
    await advance(6);
    await cardStatus('revoked');
    await shownIn('access-notifications', '[part="region"]', `Your request for ${ACCESS} is now Revoked.`);
  });

  await step('Alice requests it again from My Access', async () => {
    await click('tab', 'My Access');
    await dismissToasts();
    await click('button', `Request again: ${ACCESS}`);
    await fill('textbox', 'Justification', 'INC-4821 is back.');
    await click('button', 'Submit Request');
    await see('heading', 'Request submitted');
    const sentence = await page.waitForFunction(
      () =>
        document
          .querySelector('access-portal')
          ?.shadowRoot?.querySelector('my-access')
          ?.shadowRoot?.querySelector('[part="notification-channel"]')?.textContent,
      { timeout: 5_000 },
    );
    if ((await sentence.jsonValue()) !== 'You will receive a notification via Slack.')
      throw new Error('The confirmation does not say how Alice will be notified.');
    await click('button', 'Close');
  });

  await step('Bob rejects another of her requests from Approvals, with a reason', async () => {
    const waiting = (await requestsOf('alice')).find(
      (r) => r.status === 'pending_approval' && r.target.resources_summary[0].permission?.name === 'Admin',
    );
    await switchUser('bob');
    await click('tab', 'Approvals');
    await click('button', `Reject: ${REJECTED}`);
    await fill('textbox', 'Reason', REJECTION_REASON);
    await click('button', 'Reject');
    await page.waitForFunction(
      (id) =>
        !document
          .querySelector('access-portal')
          ?.shadowRoot?.querySelector('approval-inbox')
          ?.approvals.some((r) => r.id === id),
      { timeout: 10_000 },
      waiting.id,
    );
  });

  await step(
    'My Requests filtered: Rejected shows the reason, Request again, On behalf of others',
    async () => {
      await switchUser('alice');
      await click('tab', 'My Requests');
      await statusFilter(() => click('checkbox', 'Rejected'));
      const card = await cardStatus('rejected', REJECTED);
      // Only rejected cards are left (the seeded one and Bob's).
      await page.waitForFunction(
        () => {
          const list = document.querySelector('access-portal')?.shadowRoot?.querySelector('request-list');
          const badges = [...(list?.shadowRoot?.querySelectorAll('[part~="card"] status-badge') ?? [])];
          return badges.length === 2 && badges.every((badge) => badge.getAttribute('status') === 'rejected');
        },
        { timeout: 10_000 },
      );
      // The badge's tooltip: in the top layer, placed under the badge from script, with Bob's reason.
      const badge = await card.$('status-badge');
      const base = await badge.evaluateHandle((node) => node.shadowRoot.querySelector('[part="base"]'));
      await base.hover();
      await page.waitForFunction(
        (node, reason) => {
          const tip = node.shadowRoot.querySelector('[part="tooltip"]');
          const below = tip.getBoundingClientRect().top >= node.getBoundingClientRect().bottom;
          return tip.matches(':popover-open') && below && tip.textContent.includes(reason);
        },
        { timeout: 10_000 },
        badge,
        REJECTION_REASON,
      );
      await card.click();
      await click('button', 'Request again');
      await fill('textbox', 'Justification', 'With change ticket CHG-1042.');
      await click('button', 'Submit Request');
      await see('heading', 'Request submitted');
      await click('button', 'Close');
      // The new request waits for approval: the Rejected filter leaves it out until it is cleared.
      await statusFilter(() => click('button', 'Show all'));
      await cardStatus('pending_approval', REJECTED);
      await click('radio', 'On behalf of others');
      await see('article', 'prod-orders-db (ReadOnly)');
      // Only what she asked for someone else: none of her own requests.
      await page.waitForFunction(
        () => {
          const list = document.querySelector('access-portal')?.shadowRoot?.querySelector('request-list');
          return list?.items.length && list.items.every((r) => r.requester.id !== r.grantee.id);
        },
        { timeout: 10_000 },
      );
      await click('radio', 'My requests');
      await see('article', REJECTED);
    },
  );

  await step('Alice saves a template in New Request, finds it on My Access, and starts from it', async () => {
    await click('tab', 'New Request');
    await fill('searchbox', 'Search', 'staging-payments-db');
    await click('checkbox', 'staging-payments-db');
    await click('button', 'Next');
    await fill('spinbutton', 'Duration in Hours', '3');
    await click('button', 'Save as template');
    await fill('textbox', 'Template name', 'Staging checks');
    await click('button', 'Save template');
    await shownIn('access-request-form', '[part="template-saved"]', 'Staging checks');
    await click('tab', 'My Access');
    await shownIn('my-access', '[part~="section-templates"]', '1 resource · 3 hours');
    await click('button', 'Use template: Staging checks');
    await onTab('New Request');
    await page.waitForFunction(() => location.hash.startsWith('#/new-request/template/tpl_'), {
      timeout: 10_000,
    });
    await shownIn('access-request-form', '#selected', 'staging-payments-db');
    // The address is the template's link: opened afresh (a link someone shared), it starts from it again.
    await page.reload();
    await onTab('New Request');
    await shownIn('access-request-form', '#selected', 'staging-payments-db');
  });

  if (errors.length) throw new Error(`The page threw:\n${errors.join('\n')}`);
  console.log(`✔ demo portal, end to end (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log('1 passed, 0 failed');
} catch (error) {
  failed = true;
  await page.screenshot({ path: '/tmp/e2e-failure.png' }).catch(() => undefined);
  console.error(
    `✘ demo portal, end to end: ${error instanceof Error ? error.stack : error} (screenshot: /tmp/e2e-failure.png)`,
  );
  console.log('0 passed, 1 failed');
} finally {
  await browser.close();
  await server.stop();
}
process.exit(failed ? 1 : 0);
