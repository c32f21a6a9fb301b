// After the build: every internal link and resource of every page resolves to a file of the site,
// and nothing a page loads comes from another origin (the site works offline).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { filesUnder } from './util.mjs';

/** Tags whose attribute loads something when the page is viewed (as opposed to a link a reader follows). */
const LOADS = /** @type {Record<string, string[]>} */ ({
  script: ['src'],
  link: ['href'],
  img: ['src', 'srcset'],
  iframe: ['src'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  embed: ['src'],
  object: ['data'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
});

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;
const NOT_A_FILE = /^(?:#|mailto:|tel:|javascript:|data:|blob:)/i;

/**
 * @param {string} site the site's folder
 * @returns {{ pages: number, links: number, broken: string[], external: string[] }}
 */
export function checkLinks(site) {
  /** @type {string[]} */
  const broken = [];
  /** @type {string[]} */
  const external = [];
  let links = 0;
  const all = filesUnder(site);
  const pages = all.filter((file) => file.endsWith('.html'));
  for (const page of pages) {
    const name = relative(site, page);
    // Script bodies hold markup in strings (Redoc's bundle does): only the page's own tags count.
    const html = readFileSync(page, 'utf8')
      .replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>')
      .replace(/<!--[\s\S]*?-->/g, '');
    for (const tag of html.matchAll(/<([a-z][a-z0-9:-]*)\b([^>]*)>/gi)) {
      const element = (tag[1] ?? '').toLowerCase();
      for (const attribute of (tag[2] ?? '').matchAll(/([a-z:-]+)\s*=\s*("([^"]*)"|'([^']*)')/gi)) {
        const key = (attribute[1] ?? '').toLowerCase();
        const value = (attribute[3] ?? attribute[4] ?? '').trim().replace(/&amp;/g, '&');
        const loads = LOADS[element]?.includes(key) ?? false;
        if (!loads && key !== 'href') continue;
        // A client-side router's links (react-router marks them; Redocly's page has them) are routes
        // the page's script handles, not files.
        if (element === 'a' && /\sdata-discover\s*=/.test(tag[2] ?? '')) continue;
        if (!value || NOT_A_FILE.test(value)) continue;
        const urls =
          key === 'srcset'
            ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
            : [value];
        for (const url of urls) {
          if (EXTERNAL.test(url) || /^[a-z][a-z0-9+.-]*:/i.test(url)) {
            // A reader may follow a link out; a page must not load anything from outside.
            if (
              loads &&
              !(element === 'link' && /rel\s*=\s*["']?(?:canonical|alternate)/i.test(tag[2] ?? ''))
            ) {
              external.push(`${name}: <${element} ${key}="${url}">`);
            }
            continue;
          }
          links++;
          const path = decodeURIComponent(url.replace(/[?#].*$/, ''));
          if (!path) continue;
          const target = path.startsWith('/') ? join(site, path) : join(dirname(page), path);
          const file =
            existsSync(target) && statSync(target).isDirectory() ? join(target, 'index.html') : target;
          if (!existsSync(file)) broken.push(`${name}: ${url}`);
        }
      }
    }
  }
  // Stylesheets may import or load from outside too.
  for (const sheet of all.filter((file) => file.endsWith('.css'))) {
    const css = readFileSync(sheet, 'utf8');
    for (const match of css.matchAll(/(?:@import\s+(?:url\()?|url\()\s*["']?([^"')\s]+)/gi)) {
      if (EXTERNAL.test(match[1] ?? '')) external.push(`${relative(site, sheet)}: ${match[1]}`);
    }
  }
  return { pages: pages.length, links, broken, external };
}
