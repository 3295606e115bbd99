// Egress as Forge allows it: a function may `fetch` only the hosts of `permissions.external.fetch.backend`
// (`requestJira` and the other product calls need no entry). Entries are a host (`api.example.com`), a
// wildcard for its subdomains (`*.example.com`), or either with a scheme and port (`https://x.io:8443`).
// A refused URL throws what @forge/api defines for it, ExternalEndpointNotAllowedError
// (REQUEST_EGRESS_ALLOWLIST_ERR), before anything is sent.
// The class comes from its own module so the runtime does not load @forge/api's index (which binds `fetch`).
import { ExternalEndpointNotAllowedError } from '@forge/api/out/api/errors';

export function egressAllows(entries: readonly string[], url: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const defaultPort = target.protocol === 'https:' ? '443' : target.protocol === 'http:' ? '80' : '';
  return entries.some((entry) => {
    const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/:]+)(?::(\d+))?/i.exec(entry.trim());
    if (!m) return false;
    const [, scheme, host, port] = m;
    if (scheme && `${scheme.toLowerCase()}:` !== target.protocol) return false;
    if (port && port !== (target.port || defaultPort)) return false;
    const hostname = target.hostname.toLowerCase();
    const wanted = host.toLowerCase();
    return wanted.startsWith('*.') ? hostname.endsWith(wanted.slice(1)) : hostname === wanted;
  });
}

export function refuseEgress(url: string): never {
  throw new ExternalEndpointNotAllowedError(url);
}

/** The URL a `fetch` call goes to, whatever form its first argument takes. */
export function urlOf(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  if (input && typeof input === 'object' && 'url' in input) return String((input as { url: unknown }).url);
  return String(input);
}
