// requestJira through the Forge proxy: the SDK hands over a path and the acting principal; the proxy sends
// the request to the Jira emulator over real HTTP. Agreed with the emulator: `X-Forge-Account-Id: <id>`
// means "as this user", `X-Forge-As-App: true` means "as the app"; it trusts both on loopback only.
import { ForgeFetchArgs } from './globals';
import { Invocation } from './invocation';
import { proxyErrorResponse } from './responses';

export const ACCOUNT_HEADER = 'X-Forge-Account-Id';
export const AS_APP_HEADER = 'X-Forge-As-App';

export interface JiraCall {
  method: string;
  path: string;
  /** The account the call ran as, or 'app'. */
  as: string;
  status: number;
  /** The request body as sent (JSON text), so contract tests can check the app's requests. */
  body?: string;
}

export class JiraProxy {
  /** Every call that reached the emulator, oldest first (for tests and cost accounting). */
  readonly calls: JiraCall[] = [];

  constructor(private readonly baseUrl: string | undefined) {}

  async request(
    args: ForgeFetchArgs,
    path: string,
    init: RequestInit | undefined,
    invocation: Invocation | undefined,
  ): Promise<Response> {
    let principal: Record<string, string>;
    let as: string;
    if (args.provider === 'user') {
      const accountId = args.accountId ?? invocation?.accountId;
      // Forge answers asUser() without a user in the invocation (a queue consumer, a trigger) this way.
      if (!accountId) return proxyErrorResponse(401, 'NEEDS_AUTHENTICATION_ERR');
      principal = { [ACCOUNT_HEADER]: accountId };
      as = accountId;
    } else {
      // `provider: 'none'` is plain `api.requestJira`, which Forge runs with the app's identity.
      principal = { [AS_APP_HEADER]: 'true' };
      as = 'app';
    }
    if (!this.baseUrl) throw new Error('startLocalForge({ jiraBaseUrl }) is needed for requestJira');
    const headers = new Headers(init?.headers);
    headers.delete('authorization');
    for (const [name, value] of Object.entries(principal)) headers.set(name, value);
    const method = (init?.method ?? 'GET').toUpperCase();
    // Concatenated, not `new URL(path, base)`, so a base URL with a path prefix keeps it.
    const response = await fetch(`${this.baseUrl.replace(/\/+$/, '')}${path}`, { ...init, method, headers });
    this.calls.push({
      method,
      path,
      as,
      status: response.status,
      body: typeof init?.body === 'string' ? init.body : undefined,
    });
    return response;
  }
}
