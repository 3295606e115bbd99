// Issue details for the rows on screen, fetched from Jira as the viewer (requestJira) and cached.
// The structure itself only holds issue ids; with 100k rows we fetch what is looked at, in
// bulkfetch batches of at most 100 (Jira's limit), never the whole forest, and only the fields the
// structure's columns show: each field asked for is read for every issue fetched.
import type { AppServices } from './services';

export interface IssueDetails {
  id: string;
  key: string;
  summary: string;
  typeName?: string;
  typeIconUrl?: string;
  statusName?: string;
  statusCategory?: string;
  assigneeName?: string;
  assigneeAvatarUrl?: string;
  /** Every field fetched, as Jira returned it: what columns other than the tree's own render. */
  fields: Record<string, unknown>;
}

/** `null` = Jira did not return the issue to this viewer. */
export type IssueEntry = IssueDetails | null;

interface JiraIssue {
  id: string;
  key: string;
  fields?: Record<string, unknown> & {
    summary?: string;
    issuetype?: { name?: string; iconUrl?: string };
    status?: { name?: string; statusCategory?: { key?: string } };
    assignee?: { displayName?: string; avatarUrls?: Record<string, string> } | null;
  };
}

const BATCH = 100;
/** What the tree's own column needs (the key comes with every issue): its type icon, and the summary for its label. */
export const BASE_FIELDS = ['summary', 'issuetype'];
/** What the structure view fetched before columns could be chosen: its four default columns. */
const DEFAULT_FIELDS = [...BASE_FIELDS, 'status', 'assignee'];

export class IssueDetailsStore {
  private readonly entries = new Map<string, IssueEntry>();
  private readonly inFlight = new Set<string>();
  private queued = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();
  private version = 0;
  error: string | undefined;

  constructor(
    private readonly requestJira: AppServices['requestJira'],
    private readonly debounceMs = 30,
    /** Jira field ids to read for each issue. */
    private readonly fields: readonly string[] = DEFAULT_FIELDS,
  ) {}

  get(issueId: string): IssueEntry | undefined {
    return this.entries.get(issueId);
  }

  /** Changes whenever an entry arrives: lets React subscribe with useSyncExternalStore. */
  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  findByKey(key: string): IssueDetails | undefined {
    const wanted = key.toUpperCase();
    for (const entry of this.entries.values()) if (entry && entry.key.toUpperCase() === wanted) return entry;
    return undefined;
  }

  /**
   * Ask for the issues on screen now; ones already known or on their way are skipped. Batched and
   * debounced, and each call replaces what is still waiting: rows scrolled past before the
   * debounce ends are never fetched.
   */
  request(issueIds: Iterable<string>): void {
    this.queued = new Set();
    for (const id of issueIds) if (!this.entries.has(id) && !this.inFlight.has(id)) this.queued.add(id);
    if (this.queued.size === 0 || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.debounceMs);
  }

  private async flush(): Promise<void> {
    const ids = [...this.queued];
    this.queued = new Set();
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      batch.forEach((id) => this.inFlight.add(id));
      try {
        const res = await this.requestJira('/rest/api/3/issue/bulkfetch', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ issueIdsOrKeys: batch, fields: this.fields }),
        });
        if (!res.ok) throw new Error(`Jira answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
        const body = (await res.json()) as { issues?: JiraIssue[] };
        const found = new Set<string>();
        for (const issue of body.issues ?? []) {
          found.add(String(issue.id));
          this.entries.set(String(issue.id), toDetails(issue));
        }
        for (const id of batch) if (!found.has(id)) this.entries.set(id, null);
        this.error = undefined;
      } catch (e) {
        this.error = e instanceof Error ? e.message : String(e);
      } finally {
        batch.forEach((id) => this.inFlight.delete(id));
        this.version += 1;
        this.listeners.forEach((l) => l());
      }
    }
  }
}

function toDetails(issue: JiraIssue): IssueDetails {
  const f = issue.fields ?? {};
  return {
    id: String(issue.id),
    key: issue.key,
    summary: f.summary ?? '',
    typeName: f.issuetype?.name,
    typeIconUrl: f.issuetype?.iconUrl,
    statusName: f.status?.name,
    statusCategory: f.status?.statusCategory?.key,
    assigneeName: f.assignee?.displayName,
    assigneeAvatarUrl: f.assignee?.avatarUrls?.['24x24'] ?? f.assignee?.avatarUrls?.['16x16'],
    fields: f,
  };
}
