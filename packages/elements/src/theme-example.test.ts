// examples/portal/themed.css restyles the portal with the elements' public styling API only: `--ar-…`
// custom properties and `::part()` rules. Parsed by the browser itself, and applied to a real element
// to show that its tokens reach the styles inside the shadow root.
import { assert, expect } from '@open-wc/testing';
import {
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  openRequestForm,
  resetServer,
} from './internal/test-support.js';
import './components/access-request-form/access-request-form.define.js';

const THEMED_CSS = '/examples/portal/themed.css';

async function themedSheet(): Promise<CSSStyleSheet> {
  const response = await fetch(THEMED_CSS);
  assert.isTrue(response.ok, `${THEMED_CSS} is served`);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(await response.text());
  return sheet;
}

/** What a rule does beyond tokens and parts, as sentences; empty when it keeps to them. */
function outsideTheApi(rules: CSSRuleList): string[] {
  const found: string[] = [];
  for (const rule of rules) {
    if (rule instanceof CSSMediaRule || rule instanceof CSSSupportsRule) {
      found.push(...outsideTheApi(rule.cssRules));
    } else if (rule instanceof CSSStyleRule) {
      const selectors = rule.selectorText.split(',').map((s) => s.trim());
      const partRule = selectors.every((s) => /::part\([a-z-]+(?:\s+[a-z-]+)*\)$/.test(s));
      const mixed = !partRule && selectors.some((s) => s.includes('::part('));
      if (mixed) found.push(`"${rule.selectorText}" mixes ::part() and other selectors`);
      for (const name of rule.style) {
        if (rule.style.getPropertyPriority(name))
          found.push(`"${rule.selectorText}" uses !important on ${name}`);
        if (!partRule && !name.startsWith('--ar-')) found.push(`"${rule.selectorText}" sets ${name}`);
        if (partRule && name.startsWith('--') && !name.startsWith('--ar-')) {
          found.push(`"${rule.selectorText}" sets ${name}`);
        }
      }
    } else {
      found.push(`a rule outside tokens and parts: ${rule.cssText.slice(0, 60)}`);
    }
  }
  return found;
}

/** A colour as the browser computes it from a token set on the page. */
function resolvedToken(name: string, scheme: 'light' | 'dark'): string {
  const probe = document.createElement('div');
  probe.style.colorScheme = scheme;
  probe.style.backgroundColor = `var(${name})`;
  document.body.append(probe);
  const value = getComputedStyle(probe).backgroundColor;
  probe.remove();
  return value;
}

describe('examples/portal/themed.css', () => {
  let sheet: CSSStyleSheet;
  const pageSheets = document.adoptedStyleSheets;

  before(ignoreResizeObserverLoopReports);
  beforeEach(async () => {
    await resetServer();
    sheet = await themedSheet();
  });
  afterEach(() => {
    document.adoptedStyleSheets = pageSheets;
  });
  after(expectNoContractViolations);

  it('sets only --ar-… custom properties and ::part() rules', () => {
    assert.isAbove(sheet.cssRules.length, 1, 'the sheet has rules');
    expect(outsideTheApi(sheet.cssRules)).to.deep.equal([]);
    const partRules = [...sheet.cssRules].filter(
      (rule) => rule instanceof CSSStyleRule && rule.selectorText.includes('::part('),
    );
    assert.isNotEmpty(partRules, 'the example restyles parts too');
  });

  it('reaches the styles inside the shadow root, in light and dark', async () => {
    document.adoptedStyleSheets = [...pageSheets, sheet];
    const page = await openRequestForm('alice');
    const next = page.part('next') as HTMLButtonElement;
    const style = getComputedStyle(next);
    const accentLight = resolvedToken('--ar-color-accent', 'light');
    assert.notEqual(accentLight, 'rgb(31, 85, 194)', "the example's accent is not the default one");
    expect(style.backgroundColor, 'the primary button takes the accent').to.equal(accentLight);
    expect(style.borderTopLeftRadius, 'square corners').to.equal('0px');
    expect(getComputedStyle(page.el).fontFamily, 'the font stack').to.contain('IBM Plex Sans');

    page.el.style.setProperty('--ar-color-scheme', 'dark');
    const accentDark = resolvedToken('--ar-color-accent', 'dark');
    assert.notEqual(accentDark, accentLight, 'the example has a dark accent of its own');
    expect(getComputedStyle(next).backgroundColor, 'the dark variant').to.equal(accentDark);
  });
});
