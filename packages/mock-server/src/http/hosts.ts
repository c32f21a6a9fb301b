/**
 * Which `Host` names the HTTP server answers: the defence against DNS rebinding. A page on
 * `http://attacker.example:4010` whose name is made to resolve to 127.0.0.1 is same-origin with the
 * reference server as far as the browser knows: its requests carry `Origin` and `Host`
 * `attacker.example:4010`, pass every origin check, and can read the answers (the demo tokens are
 * public). A rebinding needs a DNS name, so an IP address is always safe to answer; a name is
 * answered only when it is `localhost` (or under `.localhost`, which resolves to loopback by
 * definition, RFC 6761), the name the server listens on, or one the operator listed.
 */

/**
 * Host names the server answers besides IP addresses, `localhost`, `*.localhost` and the name it
 * listens on: exact names (`portal.internal`), a leading dot for a name and all its subdomains
 * (`.example.com`), or `*` for any name (behind a proxy that checks the name itself).
 *
 * @example
 * ```ts
 * const allowedHosts: AllowedHosts = ['access.test', '.corp.example'];
 * const server = await startHttpServer({ port: 0, host: '0.0.0.0', allowedHosts });
 * ```
 */
export type AllowedHosts = readonly string[] | undefined;

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** The name of a `Host` header value, lower-cased, without port, brackets or a final dot. */
export function hostName(host: string): string {
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d*$/, '');
  return name.toLowerCase().replace(/\.$/, '');
}

/**
 * Whether a request whose `Host` header is `host` may be answered by a server listening on
 * `listeningOn` (an address or a name) with `allowed` extra names.
 *
 * @example
 * ```ts
 * hostAllowed('127.0.0.1:4010', undefined, '127.0.0.1'); // true
 * hostAllowed('localhost:4010', undefined, '127.0.0.1'); // true
 * hostAllowed('attacker.example:4010', undefined, '127.0.0.1'); // false
 * hostAllowed('api.corp.example', ['.corp.example'], '0.0.0.0'); // true
 * ```
 */
export function hostAllowed(host: string, allowed: AllowedHosts, listeningOn: string): boolean {
  const name = hostName(host);
  if (IPV4.test(name) || /^\[[\da-f:.]+\]$/.test(name)) return true;
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (name === hostName(listeningOn)) return true;
  return (allowed ?? []).some((entry) => {
    const wanted = entry.toLowerCase();
    if (wanted === '*') return true;
    return wanted.startsWith('.') ? name === wanted.slice(1) || name.endsWith(wanted) : name === wanted;
  });
}

/** Checks an `--allowed-host` value: `*`, a name, or `.` and a name (the name and its subdomains). */
export function parseAllowedHost(value: string): string {
  const name = value.trim().toLowerCase();
  if (name === '*' || /^\.?[a-z\d](?:[a-z\d-]*[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]*[a-z\d])?)*$/.test(name)) {
    return name;
  }
  throw new Error(
    `"${value}" is not a host name such as portal.internal, .example.com (with subdomains) or * (any name).`,
  );
}
