// Fetch `Response`s as the Forge proxy hands them to the SDK. Node 20+ has a global `Response` (undici),
// which is exactly what @forge/api, @forge/kvs and @forge/events read (status, statusText, ok, headers.get,
// text, json).
import { STATUS_CODES } from 'node:http';

export function jsonResponse(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  const statusText = STATUS_CODES[status] ?? '';
  // 204 and 304 must not carry a body, whatever the caller passes.
  if (body === undefined || status === 204 || status === 304)
    return new Response(null, { status, statusText, headers });
  return new Response(JSON.stringify(body), {
    status,
    statusText,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A refusal by the Forge proxy itself (not by the product); @forge/api turns the header into an error. */
export function proxyErrorResponse(status: number, reason: string): Response {
  return new Response(null, { status, headers: { 'forge-proxy-error': reason } });
}

/** The request body as text, whatever form the SDK passed it in. */
export async function bodyText(init: RequestInit | undefined): Promise<string> {
  const body = init?.body;
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  return new Response(body).text();
}
