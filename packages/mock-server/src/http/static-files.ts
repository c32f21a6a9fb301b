/**
 * Files of one folder, served beside the API (`access-requests-mock --static dist`): a built host
 * page and the reference server on one origin, with no CORS and no second server. GET and HEAD
 * only; `/` and folders serve their `index.html`; nothing outside the folder is reachable.
 *
 * Written here rather than taken from a static-file library: an example page or a local trial
 * needs only this (no ranges, caching or compression), and every integrator who installs the
 * reference server for their tests would carry the library.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * A function that answers a request from `folder`, or `undefined` when the folder has no such file
 * (the server then answers its 404 problem).
 *
 * @example
 * ```ts
 * const files = staticFiles('dist');
 * const response = await files(new Request('http://127.0.0.1:5173/')); // dist/index.html
 * ```
 */
export function staticFiles(folder: string): (request: Request) => Promise<Response | undefined> {
  const root = resolve(folder);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url).pathname);
    } catch {
      return undefined; // a malformed escape is no file of ours
    }
    let path = resolve(join(root, pathname));
    if (path !== root && !path.startsWith(root + sep)) return undefined;
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      const body = await readFile(path);
      const headers = {
        'content-type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      };
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
    } catch {
      return undefined;
    }
  };
}
