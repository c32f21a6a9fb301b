// Every element, in its main states, in German and Arabic against the reference server: no English
// UI string is left (the English of every message, from the committed XLIFF, is looked for in the
// text and the aria-label/title/placeholder of every shadow DOM). And, with a pseudo-locale that
// brackets every message, no text outside a message is left but data (what the API answered, dates,
// durations): a string that does not go through msg() at all fails too.
import { expect, fixture, html } from '@open-wc/testing';
import { STATUSES } from '@access-requests/sdk';
import {
  getLocale,
  langOf,
  loadLocale,
  msg,
  registerTranslations,
  setLocale,
  str,
} from './internal/locale.js';
import { moreUpdatesCount, requestsCount } from './internal/format.js';
import { statusDescription, statusLabel } from './internal/status-label.js';
import {
  expectNoContractViolations,
  ignoreResizeObserverLoopReports,
  resetServer,
  until,
} from './internal/test-support.js';
import './all.define.js';
import { SCENES, inLang, ours, portalView, showScene } from './internal/test-scenes.js';

interface Unit {
  id: string;
  /** The English, `{0}`… for the values. */
  source: string;
  /** The translation, the same way. */
  target: string;
}

const catalogues = new Map<string, Unit[]>();
/** The messages of a locale, as its XLIFF file (the translators' source) has them. */
async function catalogue(locale: 'de' | 'ar'): Promise<Unit[]> {
  const known = catalogues.get(locale);
  if (known) return known;
  const response = await fetch(new URL(`../xliff/${locale}.xlf`, import.meta.url));
  const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
  const text = (element: Element | null) =>
    [...(element?.childNodes ?? [])]
      .map((n) => (n.nodeType === Node.TEXT_NODE ? n.textContent : `{${(n as Element).getAttribute('id')}}`))
      .join('');
  const units = [...doc.querySelectorAll('trans-unit')].map((unit) => ({
    id: unit.getAttribute('id')!,
    source: text(unit.querySelector('source')),
    target: text(unit.querySelector('target')),
  }));
  catalogues.set(locale, units);
  return units;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const normal = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A matcher for the English of each message whose translation differs from it. */
function englishMatchers(units: Unit[]): { unit: Unit; pattern: RegExp }[] {
  return units
    .filter((unit) => normal(unit.target) !== normal(unit.source))
    .map((unit) => {
      const pieces = normal(unit.source).split(/\{\d+\}|#/);
      const letters = pieces.join('').replace(/[^A-Za-z]/g, '').length;
      if (letters < 2) return undefined;
      const body = pieces.map(escape).join('[^]+?');
      // A short message is its own text node or attribute; a long one may have been joined to another.
      return { unit, pattern: new RegExp(letters < 15 ? `^${body}$` : body) };
    })
    .filter((m) => m !== undefined);
}

const LABELS = [
  'aria-label',
  'title',
  'placeholder',
  'aria-description',
  'alt',
  'label',
  'aria-roledescription',
];

/** Every visible text and label under `root`, through every shadow root, one entry each. */
function shownTexts(root: Node): string[] {
  const texts: string[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = normal(child.textContent ?? '');
        if (text) texts.push(text);
      } else if (child instanceof Element) {
        // Not shown: styles, and the virtualizer's sizer (a literal "&nbsp;" it writes itself).
        if (child.localName === 'style' || child.hasAttribute('virtualizer-sizer')) continue;
        for (const name of LABELS) {
          const value = child.getAttribute(name);
          if (value && normal(value)) texts.push(normal(value));
        }
        walk(child);
      }
    }
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
  };
  walk(root);
  return texts;
}

/** Strings the API answered: names, ids, justifications — data, shown as they came. */
const data = new Set<string>();
const realFetch = globalThis.fetch;
function recordData(): void {
  globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
    const response = await realFetch(...args);
    if (/json/.test(response.headers.get('content-type') ?? '')) {
      const collect = (value: unknown): void => {
        if (typeof value === 'string' && value.trim()) data.add(normal(value));
        else if (Array.isArray(value)) value.forEach(collect);
        else if (value && typeof value === 'object') Object.values(value).forEach(collect);
      };
      void response
        .clone()
        .json()
        .then(collect, () => undefined);
    }
    return response;
  };
}

describe('languages', () => {
  before(ignoreResizeObserverLoopReports);
  before(recordData);
  beforeEach(resetServer);
  afterEach(() => setLocale(undefined));
  after(() => (globalThis.fetch = realFetch));
  after(expectNoContractViolations);

  for (const locale of ['de', 'ar'] as const) {
    describe(`in ${locale === 'de' ? 'German' : 'Arabic'}`, () => {
      before(() => loadLocale(locale));
      for (const scene of SCENES) {
        it(`${scene.name}: no English left`, async () => {
          const matchers = englishMatchers(await catalogue(locale));
          const root = await showScene(scene, locale);
          const left = shownTexts(root).flatMap((text) =>
            matchers.filter((m) => m.pattern.test(text)).map((m) => `"${text}" (English of ${m.unit.id})`),
          );
          expect(left, left.join('\n')).to.deep.equal([]);
          if (locale === 'ar') {
            // Direction comes from the host: nothing inside sets its own.
            const forced = ours(root).flatMap((el) =>
              [...el.shadowRoot!.querySelectorAll('[dir="ltr"], [dir="rtl"]')].map(
                (e) => `${el.localName} ${e.localName}`,
              ),
            );
            expect(forced).to.deep.equal([]);
            for (const el of ours(root)) expect(getComputedStyle(el).direction, el.localName).to.equal('rtl');
          }
        });
      }
    });
  }

  describe('in a pseudo-locale that brackets every message', () => {
    let unregister: () => void = () => undefined;
    before(async () => {
      const pseudo: Record<string, string> = {};
      for (const unit of await catalogue('de')) pseudo[unit.id] = `⟦${unit.source}⟧`;
      unregister = registerTranslations('de-XA', pseudo);
      await loadLocale('de-XA');
    });
    after(() => unregister());

    for (const scene of SCENES) {
      it(`${scene.name}: nothing outside a message but data`, async () => {
        const root = await showScene(scene, 'de-XA');
        const known = [...data, 'Scope too broad'].sort((a, b) => b.length - a.length);
        const dataWords = new Set(known.flatMap((value) => value.match(/\p{L}+/gu) ?? []));
        const left = shownTexts(root)
          .map((text) => {
            // A middle-truncated name is two text nodes, each a piece of the data value.
            if (text.trim() && known.some((value) => value.includes(text.trim()))) return { text, rest: '' };
            let rest = text;
            for (let i = 0; i < 4; i++) rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
            // Dates and durations in German, from Intl.
            rest = rest
              .replace(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/g, ' ')
              .replace(/\bGMT(?:[+-]\d{1,2}(?::\d{2})?)?/g, ' ')
              .replace(/\d+ (Tage?|Stunden?|Minuten?|Sekunden?)\b/g, ' ');
            for (const value of known) if (rest.includes(value)) rest = rest.split(value).join(' ');
            // Rendered Markdown (access instructions) splits its data into text nodes: word by word.
            const words = (rest.match(/\p{L}+/gu) ?? []).filter((word) => !dataWords.has(word));
            return { text, rest: words.join(' ') };
          })
          .filter(({ rest }) => rest);
        expect(
          left.map((l) => l.text),
          left.map((l) => `"${l.text}" leaves "${l.rest}"`).join('\n'),
        ).to.deep.equal([]);
      });
    }
  });

  describe('choosing the language', () => {
    const badge = (el: Element) => el.shadowRoot!.querySelector('[part="label"]')!.textContent;

    it('follows `lang` on the element or its closest ancestor, across shadow roots, and its changes', async () => {
      const el = await inLang('de', html`<status-badge status="active"></status-badge>`);
      const b = el.firstElementChild!;
      await until(() => badge(b) === 'Aktiv', 'German');
      el.setAttribute('lang', 'ar');
      await until(() => badge(b) === 'نشط', 'Arabic, once lang changed');
      b.setAttribute('lang', 'de-CH');
      await until(() => badge(b) === 'Aktiv', 'the element’s own lang (de-CH: German)');
      expect(langOf(b)).to.equal('de-CH');
    });

    it('shows two elements in two languages on one page', async () => {
      const el = await fixture<HTMLElement>(
        html`<div>
          <div lang="de"><status-badge status="rejected"></status-badge></div>
          <div lang="ar"><status-badge status="rejected"></status-badge></div>
        </div>`,
      );
      const [de, ar] = [...el.querySelectorAll('status-badge')];
      await until(() => badge(de!) === 'Abgelehnt' && badge(ar!) === 'مرفوض', 'each its own language');
      const title = (b: Element) => b.shadowRoot!.querySelector('[part="base"]')!.getAttribute('title');
      expect(title(de!)).to.equal(statusDescriptionIn('de', 'rejected'));
      expect(title(ar!)).to.equal(statusDescriptionIn('ar', 'rejected'));
    });

    it('lets an explicit setLocale() win over `lang`, until it is cleared', async () => {
      const el = await inLang('de', html`<status-badge status="failed"></status-badge>`);
      const b = el.firstElementChild!;
      await until(() => badge(b) === 'Fehlgeschlagen', 'German');
      await setLocale('ar');
      expect(getLocale()).to.equal('ar');
      await until(() => badge(b) === 'فشل', 'Arabic, set explicitly');
      await setLocale(undefined);
      await until(() => badge(b) === 'Fehlgeschlagen', 'German again');
    });

    it('takes a host’s translations: overriding some strings, or a whole new locale', async () => {
      const el = await inLang('de', html`<status-badge status="active"></status-badge>`);
      const b = el.firstElementChild!;
      await until(() => badge(b) === 'Aktiv', 'the library’s German');
      const undo = registerTranslations('de', { 'status.active.label': 'Freigeschaltet' });
      await until(() => badge(b) === 'Freigeschaltet', 'the host’s German');
      undo();
      await until(() => badge(b) === 'Aktiv', 'the library’s German again');

      const french = registerTranslations('fr', {
        'status.active.label': 'Actif',
        sb76284772db1f8b0: 'Expire dans {0}',
      });
      try {
        el.setAttribute('lang', 'fr-CA');
        await until(() => badge(b) === 'Actif', 'French (fr-CA: fr)');
        await setLocale('fr');
        expect(msg(str`Expires in ${'2 h'}`)).to.equal('Expire dans 2 h');
        // What French does not have stays English.
        expect(statusLabel('revoked')).to.equal('Revoked');
      } finally {
        french();
      }
    });

    it('lets a language space the colon of a filter’s name (French: “Statut : Tous”)', async () => {
      const french = registerTranslations('fr', {
        sad3e3c8146fc920f: 'Statut',
        s087d8607b52b5801: '{0} :',
      });
      try {
        const el = await portalView('fr', 'alice', 'my-requests', '[part~="card-title"]');
        const filter = () =>
          el
            .firstElementChild!.shadowRoot!.querySelector('request-list')!
            .shadowRoot!.querySelector('[part~="filter-button"]');
        await until(
          () => filter()?.textContent?.replace(/\s+/g, ' ').trim().startsWith('Statut : '),
          'the French colon',
        );
      } finally {
        french();
      }
    });

    it('mirrors in Arabic with the host’s dir: the portal’s tabs run right to left', async () => {
      const el = await portalView('ar', 'alice', 'my-requests', '[part~="card-title"]');
      const portal = el.firstElementChild!;
      const tabs = [...portal.shadowRoot!.querySelectorAll('[role="tab"]')].map((t) =>
        t.getBoundingClientRect(),
      );
      expect(tabs.length).to.be.greaterThan(1);
      expect(tabs[0]!.left).to.be.greaterThan(tabs[1]!.left);
      expect(tabs[0]!.right).to.be.closeTo(portal.getBoundingClientRect().right, 48);
    });

    it('counts with the plural forms of the language (Arabic: 1, 2, 3, 11, 100)', async () => {
      await setLocale('ar');
      // The digits are the locale's (Intl's choice for `ar`).
      const n = (count: number) => new Intl.NumberFormat('ar').format(count);
      expect([1, 2, 3, 11, 100].map(requestsCount)).to.deep.equal([
        'طلب واحد',
        'طلبان',
        `${n(3)} طلبات`,
        `${n(11)} طلبًا`,
        `${n(100)} طلب`,
      ]);
      expect([1, 2, 3, 11, 100].map(moreUpdatesCount), 'the toasts’ count, dual included').to.deep.equal([
        'تحديث واحد آخر',
        'تحديثان آخران',
        `${n(3)} تحديثات أخرى`,
        `${n(11)} تحديثًا آخر`,
        `${n(100)} تحديث آخر`,
      ]);
      await setLocale('de');
      expect([1, 2, 11].map(requestsCount)).to.deep.equal(['1 Anfrage', '2 Anfragen', '11 Anfragen']);
      await setLocale('en');
      expect([1, 2].map(requestsCount)).to.deep.equal(['1 request', '2 requests']);
    });

    it('says the status words of the SDK’s vocabulary in English', async () => {
      await setLocale('en');
      for (const status of STATUSES) {
        expect(statusLabel(status.id)).to.equal(status.label);
        expect(statusDescription(status.id)).to.equal(status.description);
      }
    });
  });
});

function statusDescriptionIn(locale: 'de' | 'ar', status: 'rejected'): string {
  return catalogues.get(locale)!.find((u) => u.id === `status.${status}.description`)!.target;
}
