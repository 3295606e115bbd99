// Jira Cloud's JSON shapes for issues and the objects embedded in them. The emulator's records
// are turned into these only at the edge, per request, so the shapes live in one place.
import type { DatasetIssueType, DatasetProject, DatasetStatus, DatasetUser } from '../dataset/types';
import type { EmulatorStore, StoredIssue, StoredLink } from './store';
import type { Viewer } from './visibility';

import { RANK_FIELD_ID, SPRINT_FIELD_ID } from './field-catalog';

export { RANK_CUSTOM_FIELD_NUMBER, RANK_FIELD_ID } from './field-catalog';

const ISSUE_EXPAND = 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';

const CATEGORIES = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
} as const;

export const statusCategories = CATEGORIES;

/** Jira's timestamp format: millisecond precision and a `+0000` offset, not `Z`. */
export function jiraTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** True when a request only wants identifiers: Jira then allows up to 5000 issues per page. */
export function isIdsOnly(requested: string[] | undefined): boolean {
  return !requested || requested.length === 0 || requested.every((f) => f === 'id' || f === 'key');
}

export class Serializer {
  constructor(
    private readonly store: EmulatorStore,
    readonly baseUrl: string,
  ) {}

  /**
   * Which fields a request asked for. `*all`/`*navigable` add every field of the site, `-name` removes
   * one, `id` and `key` add nothing (they are always on the issue object); unknown names are ignored
   * as Jira ignores them.
   */
  resolveFields(requested: string[] | undefined, fallback: string[]): Set<string> {
    const tokens = requested && requested.length > 0 ? requested : fallback;
    const fields = this.store.fields;
    const out = new Set<string>();
    for (const t of tokens) if (t === '*all' || t === '*navigable') fields.all.forEach((f) => out.add(f.id));
    for (const t of tokens) {
      if (t.startsWith('-')) out.delete(this.fieldId(t.slice(1)));
      else if (!t.startsWith('*')) {
        const id = this.fieldId(t);
        if (fields.has(id)) out.add(id);
      }
    }
    return out;
  }

  private fieldId(name: string): string {
    const lower = name.toLowerCase();
    if (lower === 'rank') return RANK_FIELD_ID;
    if (lower === 'sprint') return SPRINT_FIELD_ID;
    if (lower === 'type') return 'issuetype';
    if (lower === 'fixversions') return 'fixVersions';
    return lower;
  }

  /** The `names` and `schema` expansions for the fields in `wanted` (other expand values are ignored). */
  expansions(expand: string[] | undefined, wanted: Set<string>): Record<string, unknown> {
    const set = new Set((expand ?? []).map((e) => e.trim()));
    const out: Record<string, unknown> = {};
    if (set.has('names')) out.names = this.store.fields.names(wanted);
    if (set.has('schema')) out.schema = this.store.fields.schemas(wanted);
    return out;
  }

  issueSelf(issue: StoredIssue): string {
    return `${this.baseUrl}/rest/api/3/issue/${issue.id}`;
  }

  issueType(t: DatasetIssueType): Record<string, unknown> {
    return {
      self: `${this.baseUrl}/rest/api/3/issuetype/${t.id}`,
      id: t.id,
      description: t.description ?? '',
      iconUrl: `${this.baseUrl}/rest/api/2/universal_avatar/view/type/issuetype/avatar/10300?size=medium`,
      name: t.name,
      subtask: t.subtask,
      avatarId: 10300,
      hierarchyLevel: t.hierarchyLevel,
    };
  }

  status(s: DatasetStatus): Record<string, unknown> {
    const c = CATEGORIES[s.category];
    return {
      self: `${this.baseUrl}/rest/api/3/status/${s.id}`,
      description: '',
      iconUrl: `${this.baseUrl}/images/icons/statuses/generic.png`,
      name: s.name,
      id: s.id,
      statusCategory: { self: `${this.baseUrl}/rest/api/3/statuscategory/${c.id}`, ...c },
    };
  }

  avatarUrls(kind: 'user' | 'project', id: string): Record<string, string> {
    const base = `${this.baseUrl}/avatar/${kind}/${encodeURIComponent(id)}`;
    return { '48x48': `${base}?s=48`, '24x24': `${base}?s=24`, '16x16': `${base}?s=16`, '32x32': `${base}?s=32` };
  }

  project(p: DatasetProject): Record<string, unknown> {
    return {
      self: `${this.baseUrl}/rest/api/3/project/${p.id}`,
      id: p.id,
      key: p.key,
      name: p.name,
      projectTypeKey: p.projectTypeKey,
      simplified: false,
      avatarUrls: this.avatarUrls('project', p.id),
    };
  }

  user(u: DatasetUser): Record<string, unknown> {
    return {
      self: `${this.baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(u.accountId)}`,
      accountId: u.accountId,
      emailAddress: u.email,
      avatarUrls: this.avatarUrls('user', u.accountId),
      displayName: u.displayName,
      active: u.active ?? true,
      timeZone: u.timeZone ?? 'Etc/UTC',
      accountType: u.accountType ?? 'atlassian',
    };
  }

  userRef(accountId: string | undefined): Record<string, unknown> | null {
    if (accountId === undefined) return null;
    const u = this.store.users.get(accountId);
    // A user who left the dataset still shows as an inactive account, as in Jira.
    if (!u) return { accountId, displayName: 'Former user', active: false, accountType: 'atlassian' };
    return this.user(u);
  }

  priority(name: string | undefined): Record<string, unknown> | null {
    if (name === undefined) return null;
    const index = this.store.priorityIndex(name);
    const id = String(index + 1);
    return {
      self: `${this.baseUrl}/rest/api/3/priority/${id}`,
      iconUrl: `${this.baseUrl}/images/icons/priorities/${name.toLowerCase()}.svg`,
      name,
      id,
    };
  }

  linkType(t: { id: string; name: string; inward: string; outward: string }): Record<string, unknown> {
    return {
      id: t.id,
      name: t.name,
      inward: t.inward,
      outward: t.outward,
      self: `${this.baseUrl}/rest/api/3/issueLinkType/${t.id}`,
    };
  }

  /** The small issue Jira embeds in `parent`, `subtasks` and `issuelinks`. */
  miniIssue(issue: StoredIssue): Record<string, unknown> {
    const fields: Record<string, unknown> = {
      summary: issue.summary,
      status: this.status(issue.status),
      issuetype: this.issueType(issue.type),
    };
    const priority = this.priority(issue.priority);
    if (priority) fields.priority = priority;
    return { id: issue.id, key: issue.key, self: this.issueSelf(issue), fields };
  }

  issueLinks(issue: StoredIssue, viewer: Viewer): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    for (const link of this.store.issueLinks(issue.id)) {
      const entry = this.issueLinkEntry(issue, link, viewer);
      if (entry) out.push(entry);
    }
    return out;
  }

  private issueLinkEntry(issue: StoredIssue, link: StoredLink, viewer: Viewer): Record<string, unknown> | undefined {
    // This issue is the source → the other end is shown as outwardIssue ("THIS <outward> other").
    const isSource = link.sourceId === issue.id;
    const other = this.store.issuesById.get(isSource ? link.destinationId : link.sourceId);
    if (!other || !viewer.canSeeIssue(other)) return undefined;
    return {
      id: link.id,
      self: `${this.baseUrl}/rest/api/3/issueLink/${link.id}`,
      type: this.linkType(link.type),
      [isSource ? 'outwardIssue' : 'inwardIssue']: this.miniIssue(other),
    };
  }

  fields(issue: StoredIssue, wanted: Set<string>, viewer: Viewer): Record<string, unknown> {
    const f: Record<string, unknown> = {};
    for (const name of wanted) {
      switch (name) {
        case 'summary':
          f.summary = issue.summary;
          break;
        case 'issuetype':
          f.issuetype = this.issueType(issue.type);
          break;
        case 'status':
          f.status = this.status(issue.status);
          break;
        case 'project':
          f.project = this.project(issue.project);
          break;
        case 'parent': {
          // Jira leaves `parent` out entirely when there is none (and when the caller cannot see it).
          const parent = issue.parentId === undefined ? undefined : this.store.issuesById.get(issue.parentId);
          if (parent && viewer.canSeeIssue(parent)) f.parent = this.miniIssue(parent);
          break;
        }
        case 'subtasks':
          f.subtasks = [...this.store.children(issue.id)]
            .filter((c) => c.type.subtask && viewer.canSeeIssue(c))
            .sort((a, b) => a.idNum - b.idNum)
            .map((c) => this.miniIssue(c));
          break;
        case 'issuelinks':
          f.issuelinks = this.issueLinks(issue, viewer);
          break;
        case 'assignee':
          f.assignee = this.userRef(issue.assignee);
          break;
        case 'reporter':
          f.reporter = this.userRef(issue.reporter);
          break;
        case 'labels':
          f.labels = [...issue.labels];
          break;
        case 'priority':
          f.priority = this.priority(issue.priority);
          break;
        case 'security':
          f.security = this.namedRef('securitylevel', issue.security);
          break;
        case 'created':
          f.created = jiraTimestamp(issue.created);
          break;
        case 'updated':
          f.updated = jiraTimestamp(issue.updated);
          break;
        case RANK_FIELD_ID:
          f[RANK_FIELD_ID] = issue.rank;
          break;
        case SPRINT_FIELD_ID:
          f[SPRINT_FIELD_ID] = issue.sprintIds.length > 0 ? issue.sprintIds.map((id) => this.sprint(id)) : null;
          break;
        case 'resolution':
          f.resolution = this.namedRef('resolution', issue.resolution);
          break;
        case 'resolutiondate':
          f.resolutiondate = issue.resolved === undefined ? null : jiraTimestamp(issue.resolved);
          break;
        case 'duedate':
          f.duedate = issue.due === undefined ? null : new Date(issue.due).toISOString().slice(0, 10);
          break;
        case 'fixVersions':
          f.fixVersions = issue.fixVersions.map((id) => this.version(id));
          break;
        case 'versions':
          f.versions = issue.affectedVersions.map((id) => this.version(id));
          break;
        case 'components':
          f.components = issue.components.map((id) => this.component(id));
          break;
        case 'description':
          f.description = issue.description ? adf(issue.description) : null;
          break;
        case 'comment':
          f.comment = this.comments(issue);
          break;
        case 'watches':
          f.watches = {
            self: `${this.issueSelf(issue)}/watchers`,
            watchCount: issue.watchers.length,
            isWatching: issue.watchers.includes(viewer.accountId),
          };
          break;
        default:
          // The dataset's own custom fields; an unset one is null, as Jira sends it.
          if (name.startsWith('customfield_')) f[name] = issue.customFields[name] ?? null;
      }
    }
    return f;
  }

  /** A resolution (GET /resolution, a transition screen's allowed values). */
  resolution(r: { id: string; name: string }): Record<string, unknown> {
    return this.namedRef('resolution', r) as Record<string, unknown>;
  }

  /** A security level or resolution as an issue field holds it (null when the issue has none). */
  private namedRef(
    resource: 'securitylevel' | 'resolution',
    ref: { id: string; name: string } | undefined,
  ): Record<string, unknown> | null {
    if (!ref) return null;
    return { self: `${this.baseUrl}/rest/api/3/${resource}/${ref.id}`, id: ref.id, name: ref.name, description: '' };
  }

  /** A sprint as the Sprint field holds it. */
  private sprint(id: number): Record<string, unknown> {
    const s = this.store.sprints.get(id);
    if (!s) return { id, name: `Sprint ${id}`, state: 'closed' };
    return {
      id: s.id,
      name: s.name,
      state: s.state,
      boardId: s.boardId,
      goal: '',
      ...(s.startDate ? { startDate: s.startDate } : {}),
      ...(s.endDate ? { endDate: s.endDate } : {}),
    };
  }

  private version(id: string): Record<string, unknown> {
    const v = this.store.versions.get(id);
    const project = v && this.store.projectsByKey.get(v.project);
    return {
      self: `${this.baseUrl}/rest/api/3/version/${id}`,
      id,
      name: v?.name ?? id,
      archived: false,
      released: v?.released ?? false,
      ...(v?.releaseDate ? { releaseDate: v.releaseDate } : {}),
      ...(project ? { projectId: Number(project.id) } : {}),
    };
  }

  private component(id: string): Record<string, unknown> {
    const c = this.store.components.get(id);
    return { self: `${this.baseUrl}/rest/api/3/component/${id}`, id, name: c?.name ?? id };
  }

  /** The `comment` field: a PageOfComments (as documented, without the page's `self`) with every comment. */
  private comments(issue: StoredIssue): Record<string, unknown> {
    const self = `${this.issueSelf(issue)}/comment`;
    const comments = issue.comments.map((c, n) => {
      // Stored comments carry no id; this one is stable for the issue and unique on the site.
      const id = String(issue.idNum * 1000 + n);
      const author = this.userRef(c.author);
      return {
        self: `${self}/${id}`,
        id,
        author,
        body: adf(c.body),
        updateAuthor: author,
        created: jiraTimestamp(c.created),
        updated: jiraTimestamp(c.created),
        jsdPublic: true,
      };
    });
    return { comments, maxResults: comments.length, total: comments.length, startAt: 0 };
  }

  /** IssueBean. `idsOnly` gives the bare `{id}` objects enhanced search returns by default. */
  issue(
    issue: StoredIssue,
    wanted: Set<string>,
    viewer: Viewer,
    idsOnly = false,
    withKey = false,
  ): Record<string, unknown> {
    if (idsOnly) return withKey ? { id: issue.id, key: issue.key } : { id: issue.id };
    return {
      expand: ISSUE_EXPAND,
      id: issue.id,
      self: this.issueSelf(issue),
      key: issue.key,
      fields: this.fields(issue, wanted, viewer),
    };
  }
}

/** Plain text as the Atlassian Document Format API v3 uses for rich-text fields. */
function adf(text: string): Record<string, unknown> {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}
