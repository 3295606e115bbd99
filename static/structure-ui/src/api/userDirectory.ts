// Display names of Jira users, as the viewer may see them. A page names the same few people many times
// (owners of hundreds of structures, who started each job), so lookups made in the same tick go to Jira
// together in `/user/bulk` (up to BATCH ids a request, following its pages), and each answer is kept for
// the session. A failed request is forgotten so that the next page view asks again.
import type { AppServices } from './services';

type RequestJira = AppServices['requestJira'];

/** Ids per bulk request: keeps the URL short and is within the page size Jira grants. */
const BATCH = 50;

interface BulkPage {
  values?: Array<{ accountId?: string; displayName?: string }>;
  isLast?: boolean;
}

export class UserDirectory {
  private readonly names = new Map<string, Promise<string | undefined>>();
  private pending = new Map<string, (name: string | undefined) => void>();
  private scheduled = false;

  constructor(private readonly requestJira: RequestJira) {}

  /** The display name, or undefined when Jira does not name this account to the viewer. */
  name(accountId: string): Promise<string | undefined> {
    let found = this.names.get(accountId);
    if (!found) {
      found = new Promise((resolve) => this.pending.set(accountId, resolve));
      this.names.set(accountId, found);
      this.schedule();
    }
    return found;
  }

  /** A name learnt elsewhere (a user search), so picking someone shows their name at once. */
  remember(accountId: string, displayName: string): void {
    if (!this.names.has(accountId)) this.names.set(accountId, Promise.resolve(displayName));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      const batch = this.pending;
      this.pending = new Map();
      const ids = [...batch.keys()];
      for (let i = 0; i < ids.length; i += BATCH) void this.fetch(ids.slice(i, i + BATCH), batch);
    }, 0);
  }

  private async fetch(ids: string[], resolvers: Map<string, (name: string | undefined) => void>): Promise<void> {
    const found = new Map<string, string>();
    try {
      const query = ids.map((id) => `accountId=${encodeURIComponent(id)}`).join('&');
      for (let startAt = 0; ;) {
        const res = await this.requestJira(`/rest/api/3/user/bulk?${query}&startAt=${startAt}&maxResults=${BATCH}`);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const page = (await res.json()) as BulkPage;
        const values = page.values ?? [];
        for (const u of values) if (u.accountId && u.displayName) found.set(u.accountId, u.displayName);
        if (page.isLast !== false || values.length === 0) break;
        startAt += values.length;
      }
    } catch {
      for (const id of ids) this.names.delete(id);
    }
    for (const id of ids) resolvers.get(id)?.(found.get(id));
  }
}

const directories = new WeakMap<RequestJira, UserDirectory>();

/** One directory per host connection (tests pass a new fake requestJira each, so they never share). */
export function userDirectory(requestJira: RequestJira): UserDirectory {
  let d = directories.get(requestJira);
  if (!d) {
    d = new UserDirectory(requestJira);
    directories.set(requestJira, d);
  }
  return d;
}
