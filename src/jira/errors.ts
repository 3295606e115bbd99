// Typed failures of Jira calls. Callers branch on the class: a rate limit pauses a job, an invalid JQL
// becomes a user-facing error with Jira's own words, anything else is "Jira unavailable".

export class JiraError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Jira asked us to wait longer than this caller is willing to wait in place (quota exhaustion). */
export class JiraRateLimited extends JiraError {
  constructor(
    readonly retryAfterSeconds: number,
    readonly reason: string | undefined,
    /** The hourly quota is gone (not a burst): nothing before the reset will be answered. */
    readonly quota = false,
    /** When Jira says the quota resets (ms since epoch), if it said. */
    readonly resetAt?: number,
  ) {
    super(`Jira rate limit reached (${reason ?? 'no reason given'}); retry after ${retryAfterSeconds} s`);
  }
}

/** Jira rejected the JQL; `jiraMessage` is Jira's own explanation, shown to the user as is. */
export class JiraJqlInvalid extends JiraError {
  constructor(readonly jiraMessage: string) {
    super(jiraMessage);
  }
}

/** 404, or a 400 that Jira uses for "not found or not visible" (saved filters). */
export class JiraNotFound extends JiraError {}

/** Kept failing with 5xx/429 after all retries, or answered something we cannot use. */
export class JiraUnavailable extends JiraError {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * The platform, not the user's Jira permissions, refused the call: the app's installation lacks a scope
 * the operation needs (Jira answers 401 "scope does not match"), or the Forge proxy would not act as the
 * user (`NeedsAuthenticationError`: no consent, or the scope does not allow offline impersonation), or
 * refused the request itself (`ProxyRequestError`). Nothing the user does fixes it; a site admin must.
 */
export class JiraAccessRefused extends JiraError {
  constructor(
    readonly reason: 'scope' | 'consent' | 'platform',
    /** What the refused call was for, e.g. "rank issues". */
    readonly purpose: string,
    /** The scopes the operation needs, from the operation table. */
    readonly scopes: readonly string[],
    detail: string,
  ) {
    super(detail);
  }
}

/** Any other non-2xx answer (401/403, unexpected 400). */
export class JiraHttpError extends JiraError {
  constructor(
    readonly status: number,
    readonly jiraMessages: string[],
    path: string,
  ) {
    super(`Jira answered ${status} for ${path}${jiraMessages.length ? `: ${jiraMessages.join('; ')}` : ''}`);
  }
}

/** Reads Jira's ErrorCollection `{errorMessages[], errors{field: msg}}` into plain messages. */
export function jiraMessages(body: string): string[] {
  try {
    const parsed = JSON.parse(body) as { errorMessages?: unknown; errors?: unknown };
    const out: string[] = [];
    if (Array.isArray(parsed.errorMessages))
      out.push(...parsed.errorMessages.filter((m): m is string => typeof m === 'string'));
    if (parsed.errors && typeof parsed.errors === 'object') {
      for (const v of Object.values(parsed.errors as Record<string, unknown>)) if (typeof v === 'string') out.push(v);
    }
    return out;
  } catch {
    return body ? [body.slice(0, 300)] : [];
  }
}
