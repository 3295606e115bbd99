// requestJira through the Forge proxy: the SDK hands over a path and the acting principal; the proxy sends
// the request to the Jira emulator over real HTTP. Agreed with the emulator: `X-Forge-Account-Id: <id>`
// means "as this user", `X-Forge-As-App: true` means "as the app"; it trusts both on loopback only.
//
// What the platform refuses is refused here, before the emulator sees it:
// - an operation none of whose scope alternatives the manifest declares: Jira's 401 "scope does not match";
// - `asUser(accountId)` for a user who is not the invocation's present user (a consumer, a trigger: offline
//   impersonation) when the declared scopes that cover the operation do not allow impersonation: the proxy's
//   NEEDS_AUTHENTICATION_ERR, which @forge/api throws as NeedsAuthenticationError.
import { ForgeFetchArgs, platformFetch } from './globals';
import { Invocation } from './invocation';
import { JiraScopeIndex, satisfiedBy } from './jira-scopes';
import { jsonResponse, proxyErrorResponse } from './responses';

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
  /** Set when the platform refused the call before it reached Jira, and why. */
  refused?: 'scope' | 'impersonation';
}

/** What the proxy knows of the installation: its scopes, and the index of what each operation needs. */
export interface JiraProxyPermissions {
  scopes: readonly string[];
  impersonationScopes: readonly string[];
  /** Without it (no OpenAPI documents), nothing is refused for scopes. */
  index?: JiraScopeIndex;
}

/** Jira's (the API gateway's) answer to a token without the operation's scopes. */
export const SCOPE_MISMATCH_BODY = { code: 401, message: 'Unauthorized; scope does not match' };

export class JiraProxy {
  /** Every call that reached the emulator, oldest first (for tests and cost accounting). */
  readonly calls: JiraCall[] = [];

  private readonly scopes: ReadonlySet<string>;
  private readonly impersonationScopes: ReadonlySet<string>;

  constructor(
    private readonly baseUrl: string | undefined,
    private readonly permissions: JiraProxyPermissions = { scopes: [], impersonationScopes: [] },
  ) {
    this.scopes = new Set(permissions.scopes);
    this.impersonationScopes = new Set(permissions.impersonationScopes);
  }

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
    const method = (init?.method ?? 'GET').toUpperCase();
    const offline = args.provider === 'user' && as !== invocation?.accountId;
    const refused = this.refusal(method, path, offline);
    if (refused) {
      this.calls.push({
        method,
        path,
        as,
        status: 401,
        refused,
        body: typeof init?.body === 'string' ? init.body : undefined,
      });
      return refused === 'scope'
        ? jsonResponse(401, SCOPE_MISMATCH_BODY)
        : proxyErrorResponse(401, 'NEEDS_AUTHENTICATION_ERR');
    }
    if (!this.baseUrl) throw new Error('startLocalForge({ jiraBaseUrl }) is needed for requestJira');
    const headers = new Headers(init?.headers);
    headers.delete('authorization');
    for (const [name, value] of Object.entries(principal)) headers.set(name, value);
    // Concatenated, not `new URL(path, base)`, so a base URL with a path prefix keeps it.
    const response = await platformFetch(`${this.baseUrl.replace(/\/+$/, '')}${path}`, { ...init, method, headers });
    this.calls.push({
      method,
      path,
      as,
      status: response.status,
      body: typeof init?.body === 'string' ? init.body : undefined,
    });
    return response;
  }

  /**
   * Why the platform refuses this request, if it does. An operation the specs do not know goes through:
   * the emulator answers it (typically 404), as Jira would.
   */
  private refusal(method: string, path: string, offline: boolean): JiraCall['refused'] {
    const operation = this.permissions.index?.match(method, path);
    if (!operation) return undefined;
    if (!satisfiedBy(operation, this.scopes)) return 'scope';
    if (offline && !satisfiedBy(operation, this.impersonationScopes)) return 'impersonation';
    return undefined;
  }
}
