// The XSS corpus of the elements' security tests (not shipped), and a fetch that turns the server's
// answers into it: every string the elements could render becomes hostile, while ids, enum values,
// times and numbers stay as they are so that the elements keep working.
//
// Each payload, if it ever ran, would set `window.__xss` (or its parent's, from a frame) to its id;
// `recordSentinel()` turns that property into a recorder.

/** One hostile string, with the id it would write into the sentinel. */
export interface Payload {
  readonly id: string;
  readonly text: string;
  /** Whether it is meant for a URL field (it begins with a scheme or a look-alike of one). */
  readonly url?: true;
}

const s = (n: number) => `__xss='P${String(n).padStart(2, '0')}'`;
const p = (n: number) => `parent.${s(n)}`;

const CORPUS: readonly (string | { url: string })[] = [
  // Script elements and event handlers.
  `<script>${s(1)}</script>`,
  `<img src=x onerror="${s(2)}">`,
  `<svg onload="${s(3)}">`,
  `<svg><script>${s(4)}</script></svg>`,
  `<body onload="${s(5)}">`,
  `<details open ontoggle="${s(6)}">d</details>`,
  `<input autofocus onfocus="${s(7)}">`,
  `<video><source onerror="${s(8)}"></video>`,
  `<audio src=x onerror="${s(9)}">`,
  `<marquee onstart="${s(10)}">m</marquee>`,
  `<IMG SRC=x ONERROR="${s(11)}">`,
  `<img/src=x/onerror="${s(12)}">`,
  `<img src=x onerror="&#95;&#95;xss='P13'">`,
  `<a href="https://x.example" onclick="${s(14)}" onmouseover="${s(14)}">hover</a>`,
  // Frames, plugins, forms, base and meta.
  `<iframe src="javascript:${p(15)}"></iframe>`,
  `<iframe srcdoc="<script>${p(16)}</script>"></iframe>`,
  `<object data="javascript:${s(17)}"></object>`,
  `<embed src="javascript:${s(18)}">`,
  `<form action="javascript:${s(19)}"><button>go</button></form>`,
  `<button formaction="javascript:${s(20)}">go</button>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${s(21)}">`,
  `<base href="javascript:${s(22)}//">`,
  `<link rel=import href="data:text/html,<script>${p(23)}</script>">`,
  // javascript: and data: URLs, in links and bare (for URL fields).
  `<a href="javascript:${s(24)}">link</a>`,
  `<a href="JaVaScRiPt:${s(25)}">mixed case</a>`,
  `<a href="&#106;avascript:${s(26)}">entity</a>`,
  `<a href="data:text/html,<script>${p(27)}</script>">data</a>`,
  { url: `javascript:${s(28)}` },
  { url: `JAVASCRIPT:${s(29)}` },
  { url: `  javascript:${s(30)}` },
  { url: `java\tscript:${s(31)}` },
  { url: `java\nscript:${s(32)}` },
  { url: `data:text/html,<script>${p(33)}</script>` },
  { url: `data:text/html;base64,${btoa(`<script>${p(34)}</script>`)}` },
  { url: `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="${p(35)}"/>` },
  // SVG and MathML.
  `<svg><a xlink:href="javascript:${s(36)}"><text>x</text></a></svg>`,
  `<svg><animate onbegin="${s(37)}" attributeName="x" dur="1s"/></svg>`,
  `<svg><foreignObject><img src=x onerror="${s(38)}"></foreignObject></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${s(39)}">`,
  `<noscript><p title="</noscript><img src=x onerror=${s(40)}>">`,
  // Markdown links and images, HTML in Markdown.
  `[link](javascript:${s(41)})`,
  `![image](javascript:${s(42)})`,
  `[data](data:text/html;base64,${btoa(`<script>${p(43)}</script>`)})`,
  `![x](x" onerror="${s(44)})`,
  `[x](https://ok.example/" onclick="${s(45)})`,
  `[angle](<javascript:${s(46)}>)`,
  `[ref][r46]\n\n[r46]: javascript:${s(47)}`,
  `<javascript:${s(48)}>`,
  `**bold <img src=x onerror="${s(49)}">**`,
  // Attribute and element breakouts.
  `"><img src=x onerror="${s(50)}">`,
  `'><svg onload="${s(51)}">`,
  `</textarea><img src=x onerror="${s(52)}">`,
  `</title><img src=x onerror="${s(53)}">`,
  `</style><img src=x onerror="${s(54)}">`,
  `<div style="background:url(javascript:${s(55)})">styled</div>`,
  `<style>@import 'javascript:${s(56)}';</style>`,
  `<template><img src=x onerror="${s(57)}"></template><slot onclick="${s(57)}"></slot>`,
  // Unicode tricks.
  `\u202e<img src=x onerror="${s(58)}">\u202c`,
  { url: `jav\u200bascript:${s(59)}` },
  { url: `ｊａｖａｓｃｒｉｐｔ:${s(60)}` },
  `\u2028<script>${s(61)}</script>\u2029`,
  `＜img src=x onerror="${s(62)}"＞`,
  // Template-ish strings.
  `\${${s(63)}}`,
  `{{constructor.constructor("${s(64)}")()}}`,
  `<%= ${s(65)} %>`,
  // Broken and unclosed markup last: in a string joined from all of them, they swallow what follows.
  `<<img src=x onerror="${s(66)}">`,
  `<!--<img src=x onerror="${s(67)}">-->`,
  `<img src=x onerror=${s(68)} `,
  `<script>${s(69)}`,
];

/** The corpus: every payload with its id (`P01`…), in order. */
export const PAYLOADS: readonly Payload[] = CORPUS.map((entry, index) => {
  const id = `P${String(index + 1).padStart(2, '0')}`;
  return typeof entry === 'string' ? { id, text: entry } : { id, text: entry.url, url: true };
});

/** Every payload in one string (for a field shown as text), and one for Markdown (a block each). */
export const ALL_PAYLOADS = PAYLOADS.map((payload) => payload.text).join(' ');
export const ALL_PAYLOADS_MARKDOWN = PAYLOADS.map((payload) => payload.text).join('\n\n');

declare global {
  interface Window {
    __xss?: unknown;
  }
}

/**
 * Turns `window.__xss` into a recorder: what a payload would write is kept in `hits` (in order;
 * `clear()` empties it) until `stop()` puts the plain property back.
 */
export function recordSentinel(): { readonly hits: readonly unknown[]; clear(): void; stop(): void } {
  const hits: unknown[] = [];
  Object.defineProperty(window, '__xss', {
    configurable: true,
    get: () => hits.at(-1),
    set: (value: unknown) => void hits.push(value),
  });
  return {
    hits,
    clear: () => void hits.splice(0),
    stop: () => {
      delete window.__xss;
    },
  };
}

// ---- The rewriting fetch

/** Keys whose string values are ids, enum values, times or machine-read patterns: kept as they are. */
const KEPT = new Set([
  'id',
  'next_cursor',
  'status',
  'revocation_reason',
  'approval',
  'kind',
  'category',
  'notification_channel',
  'type',
  'code',
  'field',
  'id_pattern',
  'server_time',
  'instance',
]);
const kept = (key: string, parent: string) =>
  (KEPT.has(key) && !(key === 'id' && parent === 'ticket')) || key.endsWith('_id') || key.endsWith('_at');

const URL_PAYLOADS = PAYLOADS.filter((payload) => payload.url);

/**
 * Rewrites a JSON value: each string becomes the whole corpus (Markdown and plain instructions: a
 * block each; a URL: the next URL payload), except the ids, enum values and times `kept` names.
 */
function rewrite(value: unknown, key: string, parent: string, urls: () => string): unknown {
  if (typeof value === 'string') {
    if (kept(key, parent)) return value;
    if (key === 'url') return urls();
    return key.startsWith('instructions_') ? ALL_PAYLOADS_MARKDOWN : ALL_PAYLOADS;
  }
  if (Array.isArray(value)) return value.map((item) => rewrite(item, key, parent, urls));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [name, rewrite(item, name, key, urls)]),
    );
  return value;
}

const isJson = (type: string | null) => !!type && /\bjson\b/.test(type);

/** An event stream whose `data:` lines (JSON) are rewritten as they pass. */
function rewriteStream(body: ReadableStream<Uint8Array>, change: (value: unknown) => unknown) {
  let buffer = '';
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const line = (text: string) => {
    if (!text.startsWith('data:')) return text;
    try {
      return `data: ${JSON.stringify(change(JSON.parse(text.slice(5))))}`;
    } catch {
      return text;
    }
  };
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        buffer += decoder.decode(chunk, { stream: true });
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        if (lines.length) controller.enqueue(encoder.encode(lines.map(line).join('\n') + '\n'));
      },
      flush(controller) {
        if (buffer) controller.enqueue(encoder.encode(line(buffer)));
      },
    }),
  );
}

/**
 * A fetch for the SDK's `fetch` option that makes every answer hostile (JSON bodies, problem
 * details and event streams alike), as an API that stored such strings, or a proxy that forged
 * them, would answer. The URL payloads take turns in the URL fields.
 */
export function hostileFetch(): (request: Request) => Promise<Response> {
  let next = 0;
  const urls = () => URL_PAYLOADS[next++ % URL_PAYLOADS.length]?.text ?? '';
  const change = (value: unknown) => rewrite(value, '', '', urls);
  return async (request: Request): Promise<Response> => {
    const response = await globalThis.fetch(request);
    const type = response.headers.get('content-type');
    const { status, statusText } = response;
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    if (type?.includes('text/event-stream') && response.body)
      return new Response(rewriteStream(response.body, change), { status, statusText, headers });
    if (!isJson(type)) return response;
    const text = await response.text();
    const body = text ? JSON.stringify(change(JSON.parse(text))) : text;
    return new Response(body, { status, statusText, headers });
  };
}
