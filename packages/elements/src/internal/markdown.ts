// Access instructions arrive as Markdown from the server: rendered by a real renderer (marked) and
// sanitised by a real sanitiser (DOMPurify) into a DOM fragment. This is the one place where markup
// from the server becomes DOM; it never passes through innerHTML of a live element.
import { Marked } from 'marked';
import createDOMPurify, { type DOMPurify } from 'dompurify';

/** Links may only go to the web or to mail. */
const SAFE_URL = /^(?:https?:|mailto:)/i;

/** Text as HTML that shows it as written. */
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Raw HTML in the Markdown is shown as the text it is, never parsed as markup: Markdown says
// everything instructions need, and markup parsed even only to be sanitised makes a strict Content
// Security Policy report every event attribute in it (Chromium checks `on…` attributes as the
// sanitiser's parser meets them), filling a host's CSP reports with the server's payloads. (The five
// replacements are the whole of escaping text for HTML; marked keeps its own helper internal.)
const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: { html: ({ text }) => escapeHtml(text) },
});

let purifier: DOMPurify | undefined;

/** A DOMPurify of our own (its hooks and settings touch nobody else's). */
function purify(): DOMPurify {
  if (purifier) return purifier;
  purifier = createDOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A' && node instanceof Element) {
      if (node.hasAttribute('href')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      } else {
        node.removeAttribute('target');
      }
    }
  });
  return purifier;
}

/**
 * Markdown → a sanitised DocumentFragment: raw HTML in the Markdown shown as text; HTML only (no SVG,
 * no MathML), no scripts, styles, frames, forms, media or embedded objects, no event attributes, no
 * ids or names (they could clash with the element's own), links only to http(s) and mailto, opening
 * in a new tab without an opener.
 */
export function renderMarkdown(markdown: string): DocumentFragment {
  const rendered = marked.parse(markdown, { async: false });
  return purify().sanitize(rendered, {
    USE_PROFILES: { html: true },
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: [
      'script',
      'style',
      'iframe',
      'frame',
      'frameset',
      'object',
      'embed',
      'form',
      'input',
      'button',
      'select',
      'textarea',
      'img',
      'picture',
      'video',
      'audio',
      'source',
      'track',
      'link',
      'meta',
      'base',
      'svg',
      'math',
      'template',
    ],
    FORBID_ATTR: ['style', 'id', 'name', 'srcset', 'action', 'formaction'],
    ALLOWED_URI_REGEXP: SAFE_URL,
    ADD_ATTR: ['target'],
  });
}
