// The strict Content Security Policy the end-to-end test serves the portal under, and the tab that
// collects every violation of it. docs/reliability.md quotes the policy for hosts to copy: keep both
// in step.

/**
 * No inline script or style, no eval, Trusted Types enforced for every DOM sink: the only policies
 * that may be created are Lit's (`lit-html`) and DOMPurify's (`dompurify`). Constructable
 * stylesheets (Lit's `static styles`) need no `'unsafe-inline'`. Reports go to `/csp-report`,
 * which the test answers itself.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html dompurify',
  'report-uri /csp-report',
].join('; ');

/**
 * A new tab whose documents are served with STRICT_CSP. Every violation is collected three ways: the
 * `securitypolicyviolation` event, the reports the browser sends, and the browser's security log
 * (which also sees violations in documents the page's listener does not reach).
 * `checked(when, run)` runs `run`, lets what it started settle (a frame and a task), then throws
 * with the list of what was collected meanwhile, if anything. When `run` fails, what was collected
 * is printed with it: a policy that blocks something often shows as a wait that times out.
 * @param {import('puppeteer-core').Browser} browser
 */
export async function strictCspPage(browser) {
  const tab = await browser.newPage();
  /** @type {string[]} */
  const violations = [];
  const cdp = await tab.createCDPSession();
  await cdp.send('Log.enable');
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (entry.source === 'security') violations.push(`log: ${entry.text}`);
  });
  await tab.exposeFunction('__cspViolation', (/** @type {string} */ text) =>
    violations.push(`event: ${text}`),
  );
  await tab.evaluateOnNewDocument(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      // @ts-expect-error -- exposed by the test
      window.__cspViolation(
        `${event.effectiveDirective} ${event.sample} ${event.sourceFile}:${event.lineNumber}`,
      ),
    ),
  );
  await tab.setRequestInterception(true);
  tab.on('request', (request) => {
    if (new URL(request.url()).pathname === '/csp-report') {
      violations.push(`report: ${request.postData()}`);
      return void request.respond({ status: 204 });
    }
    if (request.resourceType() !== 'document') return void request.continue();
    void fetch(request.url()).then(async (response) =>
      request.respond({
        status: response.status,
        contentType: 'text/html',
        headers: { 'content-security-policy': STRICT_CSP },
        body: await response.text(),
      }),
    );
  });

  /** @param {string} when */
  const collected = (when) => {
    const found = violations.splice(0);
    return `${when}: the strict-CSP page reported ${found.length} violation(s):\n- ${found.join('\n- ')}`;
  };
  /** @param {string} when @param {() => Promise<void>} run */
  async function checked(when, run) {
    try {
      await run();
      await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
    } catch (error) {
      if (violations.length) console.error(collected(when));
      throw error;
    }
    if (violations.length) throw new Error(collected(when));
  }
  return { tab, checked };
}
