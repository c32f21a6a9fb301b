import { expect } from '@open-wc/testing';
import { renderMarkdown } from './markdown.js';
import { safeHttpUrl } from './urls.js';
import {
  clientFor,
  expectNoContractViolations,
  injectedMarkupHadItsChance,
  resetServer,
  type DemoUser,
} from './test-support.js';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

/** Renders into a connected container (so that anything that could run or load would), returns it. */
async function mount(markdown: string): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.append(host);
  host.append(renderMarkdown(markdown));
  await injectedMarkupHadItsChance(host);
  return host;
}

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '[wiki](javascript:window.__xss=1)',
  '<a href="javascript:window.__xss=1">support</a>',
  '<a href="JaVaScRiPt:window.__xss=1">mixed case</a>',
  '<a href="&#106;avascript:window.__xss=1">entity</a>',
  '<a href="data:text/html,<script>window.__xss=1</script>">data</a>',
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<p onclick="window.__xss=1" onmouseover="window.__xss=1">hover</p>',
  '<svg><script>window.__xss=1</script></svg>',
  '<svg onload="window.__xss=1"><circle r="4"/></svg>',
  '<svg><a xlink:href="javascript:window.__xss=1"><text>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">',
  '<form action="javascript:window.__xss=1"><button>go</button></form>',
  '<style>*{display:none}</style><div style="background:url(javascript:window.__xss=1)">styled</div>',
  '<object data="javascript:window.__xss=1"></object><embed src="javascript:window.__xss=1">',
  '<details open ontoggle="window.__xss=1">x</details>',
  '<input autofocus onfocus="window.__xss=1">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<base href="javascript:/">',
  '<div id="title" name="client">clobber</div>',
];

describe('renderMarkdown', () => {
  beforeEach(() => {
    delete window.__xss;
  });
  afterEach(() => {
    document.body.replaceChildren();
  });
  after(expectNoContractViolations);

  it('renders Markdown: headings, lists, emphasis, code and links', async () => {
    const host = await mount(
      [
        '## Use it',
        '',
        '1. Open **the portal**.',
        '2. Pick `ReadOnly`.',
        '',
        '```sh',
        'aws sso login',
        '```',
        '',
        '[Guide](https://docs.example.com/a)',
      ].join('\n'),
    );
    expect(host.querySelector('h2')?.textContent).to.equal('Use it');
    expect(host.querySelectorAll('ol > li').length).to.equal(2);
    expect(host.querySelector('strong')?.textContent).to.equal('the portal');
    expect(host.querySelector('pre code')?.textContent).to.contain('aws sso login');
    const link = host.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://docs.example.com/a');
    expect(link.getAttribute('target')).to.equal('_blank');
    expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
  });

  it('renders the standard instructions to exactly the markup users see', async () => {
    // The reference world's template (one app's section). A renderer change that alters this markup
    // changes what every user of Access Details sees: it has to be a decision, not an accident.
    const host = await mount(
      [
        '## Use your AWS access portal access',
        '',
        '1. Open the **AWS access portal** with the link below.',
        '2. Choose **payments-prod** with the `ReadOnly` permission.',
        '3. Or, from a terminal, run:',
        '',
        '```sh',
        'aws sso login --profile payments-prod && echo "a < b & c"',
        '```',
        '',
        'Read more in the [access guide](https://docs.example.com/access/aws).',
        '',
      ].join('\n'),
    );
    expect(host.innerHTML).to.equal(
      [
        '<h2>Use your AWS access portal access</h2>',
        '<ol>',
        '<li>Open the <strong>AWS access portal</strong> with the link below.</li>',
        '<li>Choose <strong>payments-prod</strong> with the <code>ReadOnly</code> permission.</li>',
        '<li>Or, from a terminal, run:</li>',
        '</ol>',
        '<pre><code class="language-sh">aws sso login --profile payments-prod &amp;&amp; echo "a &lt; b &amp; c"',
        '</code></pre>',
        '<p>Read more in the <a href="https://docs.example.com/access/aws" target="_blank" rel="noopener noreferrer">access guide</a>.</p>',
        '',
      ].join('\n'),
    );
  });

  it('renders every instruction text of the reference world: each section a heading, steps, a command and a link', async () => {
    await resetServer();
    let texts = 0;
    for (const user of ['alice', 'bob', 'carol', 'dave'] satisfies DemoUser[]) {
      const client = clientFor(user);
      const { items } = await client.requests({ scope: 'mine' }).page({ limit: 100 });
      for (const request of items.filter((r) => r.can.use_access)) {
        const details = await client.accessDetails(request.id);
        const host = await mount(details.instructions_markdown);
        const sections = host.querySelectorAll('h2');
        const what = `${request.id}: ${details.instructions_markdown}`;
        expect(sections.length, what).to.be.greaterThan(0);
        expect(host.querySelectorAll(':scope > ol').length, what).to.equal(sections.length);
        expect(host.querySelectorAll(':scope > ol > li').length, what).to.equal(3 * sections.length);
        expect(host.querySelectorAll(':scope > pre > code.language-sh').length, what).to.equal(
          sections.length,
        );
        for (const link of host.querySelectorAll('a[href]')) {
          expect(link.getAttribute('href'), what).to.match(/^https:\/\//);
          expect(link.getAttribute('rel'), what).to.equal('noopener noreferrer');
        }
        expect(window.__xss, what).to.equal(undefined);
        host.remove();
        texts++;
      }
    }
    expect(texts, 'instruction texts in the reference world').to.be.greaterThan(0);
  });

  it('shows raw HTML as the text it is, without parsing it (no markup, nothing for a CSP to report)', async () => {
    const host = await mount('Press <kbd>Ctrl</kbd> and see <img src=x onerror="window.__xss=1">');
    expect(host.querySelector('kbd, img')).to.equal(null);
    expect(host.textContent)
      .to.contain('<kbd>Ctrl</kbd>')
      .and.to.contain('<img src=x onerror="window.__xss=1">');
  });

  it('keeps mailto links', async () => {
    const host = await mount('[Ask](mailto:it@example.com)');
    expect(host.querySelector('a')?.getAttribute('href')).to.equal('mailto:it@example.com');
  });

  for (const payload of PAYLOADS) {
    it(`neutralises ${payload.slice(0, 60)}`, async () => {
      const host = await mount(`Before\n\n${payload}\n\nAfter`);
      expect(window.__xss, 'nothing executed').to.equal(undefined);
      const markup = host.innerHTML.toLowerCase();
      for (const banned of [
        '<script',
        '<iframe',
        '<svg',
        '<math',
        '<style',
        '<form',
        '<object',
        '<embed',
        '<img',
        '<input',
        '<meta',
        '<base',
      ]) {
        expect(markup, banned).not.to.contain(banned);
      }
      for (const element of host.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
          expect(attribute.name, `${element.localName}[${attribute.name}]`).not.to.match(/^on/);
          expect(['style', 'id', 'name', 'srcdoc', 'action'], attribute.name).not.to.include(attribute.name);
          expect(attribute.value.toLowerCase().replace(/\s/g, ''), attribute.name).not.to.match(
            /^(javascript|data|vbscript):/,
          );
        }
      }
      expect(host.textContent).to.contain('Before');
    });
  }

  it('renders the seeded hostile Legacy CRM instructions inert', async () => {
    const host = await mount(
      [
        '## Use your Legacy CRM access <img src=x onerror="window.__xss=1">',
        '',
        '2. If the page stays blank, clear the cache <script>window.__xss=1</script> and retry.',
        '',
        'Help: [Legacy CRM wiki](javascript:window.__xss=1) · <a href="javascript:window.__xss=1">support</a>',
      ].join('\n'),
    );
    expect(window.__xss).to.equal(undefined);
    expect(host.querySelector('h2')?.textContent).to.contain('Use your Legacy CRM access');
    expect(host.querySelector('img, script')).to.equal(null);
    for (const a of host.querySelectorAll('a')) expect(a.hasAttribute('href')).to.equal(false);
    expect(host.textContent).to.contain('Legacy CRM wiki').and.to.contain('support');
  });
});

describe('safeHttpUrl', () => {
  it('accepts only http and https URLs', () => {
    expect(safeHttpUrl('https://example.com/a?b=1')).to.equal('https://example.com/a?b=1');
    expect(safeHttpUrl('http://example.com')).to.equal('http://example.com/');
    for (const url of [
      'javascript:window.__xss=1',
      ' javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'mailto:a@b.c',
      'ftp://x',
      '/relative',
      '',
      null,
      undefined,
    ]) {
      expect(safeHttpUrl(url), String(url)).to.equal(undefined);
    }
  });
});
