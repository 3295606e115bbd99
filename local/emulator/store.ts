// The emulator's mutable state: the dataset turned into indexed records. Every read path (JQL,
// serializers, visibility) goes through these indexes so that a 100k-issue dataset stays fast.
import { FieldIndex } from './field-catalog';
import type {
  Dataset,
  DatasetBoard,
  DatasetChange,
  DatasetComponent,
  DatasetCustomField,
  DatasetFilter,
  DatasetIssueType,
  DatasetLinkType,
  DatasetProject,
  DatasetResolution,
  DatasetSecurityLevel,
  DatasetSprint,
  DatasetStatus,
  DatasetUser,
  DatasetVersion,
} from '../dataset/types';
import { ChangeFeed } from './change-feed';
import { changelogItems, snapshotIssue } from './changelog';
import { JIRA_EVENTS, ProductEventBuilder } from './product-events';
import { rankBetween } from './rank';
import { compileWorkflow, simplifiedWorkflow, type Workflow } from './workflows';

export interface StoredIssue {
  id: string;
  /** Numeric id, for ascending-id ordering (bulkfetch) and `id` comparisons in JQL. */
  idNum: number;
  key: string;
  /** Number part of the key, so ORDER BY key sorts ABC-9 before ABC-10 as Jira does. */
  keyNum: number;
  project: DatasetProject;
  type: DatasetIssueType;
  status: DatasetStatus;
  summary: string;
  /** Issue id of the parent (resolved from the dataset's parent key). */
  parentId?: string;
  rank: string;
  /** Position in global rank order; valid after `issuesInRankOrder()` (sorting on numbers is fast). */
  rankPos: number;
  labels: string[];
  assignee?: string;
  reporter?: string;
  priority?: string;
  security?: DatasetSecurityLevel;
  created: number;
  updated: number;
  /** Who created it in the emulator (product events' `creator`); dataset issues use the reporter. */
  creator?: string;
  description: string;
  comments: StoredComment[];
  /** Sprint ids, oldest first. */
  sprintIds: number[];
  /** Version ids (of the issue's project). */
  fixVersions: string[];
  affectedVersions: string[];
  /** Component ids (of the issue's project). */
  components: string[];
  resolution?: DatasetResolution;
  resolved?: number;
  /** Due date as UTC midnight, ms. */
  due?: number;
  /** Custom field values by id ("customfield_10016"). */
  customFields: Record<string, number | string>;
  watchers: string[];
  /** Field changes, oldest first: status and priority by name, assignee by account id. */
  history: StoredChange[];
}

export interface StoredComment {
  author: string;
  body: string;
  created: number;
}

export interface StoredChange {
  /** The dataset's recorded fields, plus the emulator's own: a resolution follows its status change. */
  field: DatasetChange['field'] | 'resolution' | 'reporter';
  from: string | null;
  to: string | null;
  at: number;
  by: string;
}

export interface StoredLink {
  id: string;
  type: DatasetLinkType;
  /** Jira's source: the `inwardIssue` of POST /issueLink; reads "source <outward> destination". */
  sourceId: string;
  destinationId: string;
}

/** Fields a test may change with `store.updateIssue` or `POST /__emulator/issues/{key}`. */
export interface IssuePatch {
  summary?: string;
  type?: string;
  status?: string;
  /** Key or id of the new parent; null removes it. */
  parent?: string | null;
  rank?: string;
  labels?: string[];
  assignee?: string | null;
  reporter?: string | null;
  priority?: string | null;
  security?: string | null;
  project?: string;
  /**
   * With `status`: the resolution the transition leaves (null: none). Without it a status change follows
   * the simplified workflow's rule (done sets Done or Won't Do, leaving done clears it).
   */
  resolution?: string | null;
}

export interface NewIssue extends Omit<IssuePatch, 'parent'> {
  project: string;
  type: string;
  summary: string;
  parent?: string;
  key?: string;
  id?: string;
}

const keyNumber = (key: string): number => Number(key.slice(key.lastIndexOf('-') + 1)) || 0;

export class EmulatorStore {
  readonly site: Dataset['site'];
  readonly users = new Map<string, DatasetUser>();
  readonly usersByEmail = new Map<string, DatasetUser>();
  readonly projectsById = new Map<string, DatasetProject>();
  readonly projectsByKey = new Map<string, DatasetProject>();
  readonly issueTypes: DatasetIssueType[];
  readonly statuses: DatasetStatus[];
  readonly priorities: string[];
  readonly linkTypes: DatasetLinkType[];
  readonly securityLevels = new Map<string, DatasetSecurityLevel>();
  readonly filters = new Map<string, DatasetFilter>();
  readonly boards = new Map<number, DatasetBoard>();
  readonly resolutions: DatasetResolution[];
  /** Workflows by project id; a project without one in the dataset shares `defaultWorkflow`. */
  private readonly workflows = new Map<string, Workflow>();
  readonly defaultWorkflow: Workflow;
  readonly customFields: DatasetCustomField[];
  /** Every field of the site, as GET /field lists them. */
  readonly fields: FieldIndex;
  readonly sprints = new Map<number, DatasetSprint>();
  readonly versions = new Map<string, DatasetVersion>();
  readonly components = new Map<string, DatasetComponent>();

  readonly issuesById = new Map<string, StoredIssue>();
  /** Upper-cased key → issue; JQL and the REST API accept keys case-insensitively. */
  readonly issuesByKey = new Map<string, StoredIssue>();
  readonly issuesByProject = new Map<string, Set<StoredIssue>>();
  readonly childrenByParent = new Map<string, Set<StoredIssue>>();
  readonly links = new Map<string, StoredLink>();
  readonly linksByIssue = new Map<string, Set<StoredLink>>();

  /**
   * Search lag (Jira's search is eventually consistent): while on, search sees each changed issue
   * as it was before its first change (null: created meanwhile, not yet searchable) until
   * `indexNow()`. GET issue and bulkfetch always read current data, as in Jira.
   */
  readonly staleSearch = new Map<string, StoredIssue | null>();
  private searchLag = false;

  /**
   * Every change below is announced here as the Jira product event Forge would deliver
   * (`events.subscribe(listener)`); payloads are only built while someone listens.
   */
  readonly events: ChangeFeed;
  private readonly eventBuilder: ProductEventBuilder;
  /** >0 while a mutation calls another one that must not announce itself (create's parent). */
  private quiet = 0;

  private nextIssueId = 10000;
  private nextLinkId = 10000;
  private changes = 0;
  private rankOrder: StoredIssue[] | null = null;

  constructor(
    dataset: Dataset,
    private readonly now: () => Date,
  ) {
    this.site = dataset.site;
    const admin = dataset.users.find((u) => u.siteAdmin) ?? dataset.users[0];
    this.events = new ChangeFeed(admin?.accountId ?? 'unknown');
    this.eventBuilder = new ProductEventBuilder(this, () => this.events.baseUrl, now);
    for (const u of dataset.users) {
      this.users.set(u.accountId, u);
      this.usersByEmail.set(u.email.toLowerCase(), u);
    }
    for (const p of dataset.projects) {
      this.projectsById.set(p.id, p);
      this.projectsByKey.set(p.key.toUpperCase(), p);
      this.issuesByProject.set(p.id, new Set());
    }
    this.issueTypes = dataset.issueTypes;
    this.statuses = dataset.statuses;
    this.priorities = dataset.priorities ?? ['Highest', 'High', 'Medium', 'Low', 'Lowest'];
    this.linkTypes = dataset.linkTypes;
    for (const s of dataset.securityLevels ?? []) this.securityLevels.set(s.name, s);
    for (const f of dataset.filters) this.filters.set(f.id, f);
    for (const b of dataset.boards) this.boards.set(b.id, b);
    this.resolutions = dataset.resolutions ?? [];
    this.customFields = dataset.customFields ?? [];
    // Per project, not per issue: a 250k-issue dataset has a handful of these.
    this.defaultWorkflow = simplifiedWorkflow(this.statuses, this, this.resolutions[0]);
    const named = new Map((dataset.workflows ?? []).map((w) => [w.name, compileWorkflow(w, this)]));
    for (const p of dataset.projects) {
      if (p.workflow === undefined) continue;
      const workflow = named.get(p.workflow);
      if (!workflow) throw new Error(`Project ${p.key}: workflow ${p.workflow} does not exist`);
      this.workflows.set(p.id, workflow);
    }
    this.fields = new FieldIndex(this.customFields);
    for (const sprint of dataset.sprints ?? []) this.sprints.set(sprint.id, sprint);
    for (const v of dataset.versions ?? []) this.versions.set(v.id, v);
    for (const c of dataset.components ?? []) this.components.set(c.id, c);
    // Issues name versions and components of their own project; stored by id.
    const idIn = (list: Map<string, { id: string; project: string; name: string }>) => {
      const byName = new Map<string, string>();
      for (const x of list.values()) byName.set(`${x.project}\n${x.name}`, x.id);
      return (project: string, names: string[] | undefined, key: string): string[] =>
        (names ?? []).map((n) => {
          const found = byName.get(`${project}\n${n}`);
          if (!found) throw new Error(`Issue ${key}: ${n} is not a version or component of ${project}`);
          return found;
        });
    };
    const versionIds = idIn(this.versions);
    const componentIds = idIn(this.components);

    // Two passes: parents and link targets are keys that may come later in the file.
    for (const i of dataset.issues) {
      const projectKey = i.key.slice(0, i.key.lastIndexOf('-'));
      const project = this.projectsByKey.get(projectKey.toUpperCase());
      if (!project) throw new Error(`Issue ${i.key}: no project with key ${projectKey}`);
      const issue: StoredIssue = {
        id: i.id,
        idNum: Number(i.id),
        key: i.key,
        keyNum: keyNumber(i.key),
        project,
        type: this.requireType(i.type, i.key),
        status: this.requireStatus(i.status, i.key),
        summary: i.summary,
        rank: i.rank,
        rankPos: 0,
        labels: i.labels ?? [],
        assignee: i.assignee,
        reporter: i.reporter,
        priority: i.priority,
        security: i.security === undefined ? undefined : this.requireSecurity(i.security, i.key),
        created: Date.parse(i.created),
        updated: Date.parse(i.updated),
        description: i.description ?? '',
        comments: (i.comments ?? []).map((c) => ({ author: c.author, body: c.body, created: Date.parse(c.created) })),
        sprintIds: i.sprints ?? [],
        fixVersions: versionIds(project.key, i.fixVersions, i.key),
        affectedVersions: versionIds(project.key, i.affectedVersions, i.key),
        components: componentIds(project.key, i.components, i.key),
        resolution: i.resolution === undefined ? undefined : this.findResolution(i.resolution),
        resolved: i.resolved === undefined ? undefined : Date.parse(i.resolved),
        due: i.due === undefined ? undefined : Date.parse(`${i.due}T00:00:00Z`),
        customFields: i.customFields ?? {},
        watchers: i.watchers ?? [],
        history: withResolutionChange(
          (i.history ?? []).map((h) => ({ ...h, at: Date.parse(h.at) })),
          i.resolution,
          i.resolved,
        ),
      };
      this.indexIssue(issue);
      this.nextIssueId = Math.max(this.nextIssueId, issue.idNum + 1);
    }
    for (const i of dataset.issues) {
      const issue = this.issuesById.get(i.id);
      if (!issue) continue;
      if (i.parent !== undefined) {
        const parent = this.issuesByKey.get(i.parent.toUpperCase());
        if (!parent) throw new Error(`Issue ${i.key}: parent ${i.parent} does not exist`);
        this.setParent(issue, parent.id);
      }
    }
    for (const i of dataset.issues) {
      for (const l of i.links ?? []) {
        const to = this.issuesByKey.get(l.to.toUpperCase());
        if (!to) throw new Error(`Issue ${i.key}: link target ${l.to} does not exist`);
        const type = this.findLinkType(l.type);
        if (!type) throw new Error(`Issue ${i.key}: link type ${l.type} does not exist`);
        // The dataset's link reads "<this issue> <outward> <to>": this issue is Jira's source (inwardIssue).
        this.insertLink({ id: l.id ?? '', type, sourceId: i.id, destinationId: to.id });
      }
    }
    // Sort once at load so that the first ORDER BY Rank query does not pay for it.
    this.issuesInRankOrder();
  }

  /** Monotonic counter of changes; tests and the app's consistency checks read it. */
  get changeCounter(): number {
    return this.changes;
  }

  private touch(): void {
    this.changes++;
  }

  // ---- lookups ----

  issueByIdOrKey(idOrKey: string): StoredIssue | undefined {
    return /^\d+$/.test(idOrKey) ? this.issuesById.get(idOrKey) : this.issuesByKey.get(idOrKey.toUpperCase());
  }

  projectByIdOrKey(idOrKey: string): DatasetProject | undefined {
    return this.projectsById.get(idOrKey) ?? this.projectsByKey.get(idOrKey.toUpperCase());
  }

  findIssueType(nameOrId: string): DatasetIssueType | undefined {
    const lower = nameOrId.toLowerCase();
    return this.issueTypes.find((t) => t.id === nameOrId || t.name.toLowerCase() === lower);
  }

  findStatus(nameOrId: string): DatasetStatus | undefined {
    const lower = nameOrId.toLowerCase();
    return this.statuses.find((s) => s.id === nameOrId || s.name.toLowerCase() === lower);
  }

  workflowOf(project: DatasetProject): Workflow {
    return this.workflows.get(project.id) ?? this.defaultWorkflow;
  }

  findLinkType(nameOrId: string): DatasetLinkType | undefined {
    const lower = nameOrId.toLowerCase();
    return this.linkTypes.find((t) => t.id === nameOrId || t.name.toLowerCase() === lower);
  }

  findResolution(nameOrId: string): DatasetResolution | undefined {
    const lower = nameOrId.toLowerCase();
    return this.resolutions.find((r) => r.id === nameOrId || r.name.toLowerCase() === lower);
  }

  findUser(ref: string): DatasetUser | undefined {
    const lower = ref.toLowerCase();
    return (
      this.users.get(ref) ??
      this.usersByEmail.get(lower) ??
      [...this.users.values()].find((u) => u.displayName.toLowerCase() === lower)
    );
  }

  priorityIndex(name: string | undefined): number {
    if (name === undefined) return -1;
    return this.priorities.findIndex((p) => p.toLowerCase() === name.toLowerCase());
  }

  children(issueId: string): Iterable<StoredIssue> {
    return this.childrenByParent.get(issueId) ?? [];
  }

  issueLinks(issueId: string): Iterable<StoredLink> {
    return this.linksByIssue.get(issueId) ?? [];
  }

  /** All issues in ascending rank order (cached until a rank changes). */
  issuesInRankOrder(): StoredIssue[] {
    if (!this.rankOrder) {
      this.rankOrder = [...this.issuesById.values()].sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
      this.rankOrder.forEach((issue, pos) => (issue.rankPos = pos));
    }
    return this.rankOrder;
  }

  // ---- search lag ----

  setSearchLag(on: boolean): void {
    this.searchLag = on;
    if (!on) this.indexNow();
  }

  get searchLagging(): boolean {
    return this.searchLag;
  }

  /** Lets search catch up with every change so far. */
  indexNow(): void {
    if (this.staleSearch.size === 0) return;
    this.staleSearch.clear();
    this.touch();
  }

  private beforeChange(issue: StoredIssue): void {
    if (this.searchLag && !this.staleSearch.has(issue.id))
      this.staleSearch.set(issue.id, { ...issue, labels: [...issue.labels], history: [...issue.history] });
  }

  // ---- mutations (used by the REST write endpoints and by tests) ----

  updateIssue(idOrKey: string, patch: IssuePatch): StoredIssue {
    const issue = this.issueByIdOrKey(idOrKey);
    if (!issue) throw new Error(`No issue ${idOrKey}`);
    this.beforeChange(issue);
    const before = this.announcing ? snapshotIssue(issue) : undefined;
    const at = this.now().getTime();
    const by = this.events.currentActor().accountId;
    const record = (field: StoredChange['field'], from: string | undefined, to: string | undefined): void => {
      if (from !== to) issue.history.push({ field, from: from ?? null, to: to ?? null, at, by });
    };
    if (patch.summary !== undefined) issue.summary = patch.summary;
    if (patch.type !== undefined) issue.type = this.requireType(patch.type, issue.key);
    if (patch.status !== undefined) {
      const from = issue.status;
      issue.status = this.requireStatus(patch.status, issue.key);
      record('status', from.name, issue.status.name);
      const resolution = issue.resolution?.name;
      if (patch.resolution === undefined) this.resolveFor(issue, from, at);
      else this.setResolution(issue, patch.resolution, at);
      record('resolution', resolution, issue.resolution?.name);
    }
    if (patch.labels !== undefined) issue.labels = [...patch.labels];
    if (patch.assignee !== undefined) {
      record('assignee', issue.assignee, patch.assignee ?? undefined);
      issue.assignee = patch.assignee ?? undefined;
    }
    if (patch.reporter !== undefined) {
      record('reporter', issue.reporter, patch.reporter ?? undefined);
      issue.reporter = patch.reporter ?? undefined;
    }
    if (patch.priority !== undefined) {
      record('priority', issue.priority, patch.priority ?? undefined);
      issue.priority = patch.priority ?? undefined;
    }
    if (patch.security !== undefined) {
      issue.security = patch.security === null ? undefined : this.requireSecurity(patch.security, issue.key);
    }
    if (patch.rank !== undefined) {
      issue.rank = patch.rank;
      this.rankOrder = null;
    }
    if (patch.project !== undefined) {
      const project = this.projectByIdOrKey(patch.project);
      if (!project) throw new Error(`No project ${patch.project}`);
      this.issuesByProject.get(issue.project.id)?.delete(issue);
      issue.project = project;
      this.issuesByProject.get(project.id)?.add(issue);
    }
    if (patch.parent !== undefined) {
      if (patch.parent === null) this.setParent(issue, undefined);
      else {
        const parent = this.issueByIdOrKey(patch.parent);
        if (!parent) throw new Error(`No parent issue ${patch.parent}`);
        this.setParent(issue, parent.id);
      }
    }
    issue.updated = this.now().getTime();
    this.touch();
    if (before) {
      const items = changelogItems(this, before, issue);
      // Saving an unchanged value records no history and sends no event.
      if (items.length > 0)
        this.events.emit(
          this.eventBuilder.issueEvent(JIRA_EVENTS.issueUpdated, issue, this.events.currentActor(), {
            changelog: items,
          }),
        );
    }
    return issue;
  }

  createIssue(input: NewIssue): StoredIssue {
    const project = this.projectByIdOrKey(input.project);
    if (!project) throw new Error(`No project ${input.project}`);
    const projectIssues = this.issuesByProject.get(project.id) ?? new Set<StoredIssue>();
    let nextNum = 1;
    for (const i of projectIssues) nextNum = Math.max(nextNum, i.keyNum + 1);
    const key = input.key ?? `${project.key}-${nextNum}`;
    const id = input.id ?? String(this.nextIssueId++);
    const order = this.issuesInRankOrder();
    const last = order[order.length - 1];
    const now = this.now().getTime();
    const issue: StoredIssue = {
      id,
      idNum: Number(id),
      key,
      keyNum: keyNumber(key),
      project,
      type: this.requireType(input.type, key),
      // A new issue starts in its workflow's first status, as Jira's create transition puts it there.
      status: this.requireStatus(input.status ?? this.workflowOf(project).initial?.name ?? 'To Do', key),
      summary: input.summary,
      rank: input.rank ?? rankBetween(last?.rank, undefined),
      rankPos: 0,
      labels: input.labels ?? [],
      assignee: input.assignee ?? undefined,
      reporter: input.reporter ?? undefined,
      priority: input.priority ?? undefined,
      security: input.security ? this.requireSecurity(input.security, key) : undefined,
      created: now,
      updated: now,
      creator: this.events.currentActor().accountId,
      description: '',
      comments: [],
      sprintIds: [],
      fixVersions: [],
      affectedVersions: [],
      components: [],
      customFields: {},
      watchers: [],
      history: [],
    };
    this.indexIssue(issue);
    this.rankOrder = null;
    if (this.searchLag) this.staleSearch.set(issue.id, null);
    if (input.parent !== undefined) this.silently(() => this.updateIssue(id, { parent: input.parent }));
    this.touch();
    if (this.announcing)
      this.events.emit(this.eventBuilder.issueEvent(JIRA_EVENTS.issueCreated, issue, this.events.currentActor()));
    return issue;
  }

  deleteIssue(idOrKey: string): void {
    const issue = this.issueByIdOrKey(idOrKey);
    if (!issue) throw new Error(`No issue ${idOrKey}`);
    for (const child of [...this.children(issue.id)]) this.deleteIssue(child.id);
    // A deleted issue stays searchable until search catches up (unless it never was).
    this.beforeChange(issue);
    for (const link of [...this.issueLinks(issue.id)]) this.removeLink(link.id);
    // Built while the issue still has its parent and project.
    const deleted = this.announcing
      ? this.eventBuilder.issueEvent(JIRA_EVENTS.issueDeleted, issue, this.events.currentActor())
      : undefined;
    this.setParent(issue, undefined);
    this.issuesById.delete(issue.id);
    this.issuesByKey.delete(issue.key.toUpperCase());
    this.issuesByProject.get(issue.project.id)?.delete(issue);
    this.rankOrder = null;
    this.touch();
    if (deleted) this.events.emit(deleted);
  }

  /** Adds a link "source <outward> destination"; an identical link is not duplicated (Jira is idempotent). */
  addLink(sourceIdOrKey: string, typeNameOrId: string, destinationIdOrKey: string): StoredLink {
    const source = this.issueByIdOrKey(sourceIdOrKey);
    const destination = this.issueByIdOrKey(destinationIdOrKey);
    const type = this.findLinkType(typeNameOrId);
    if (!source || !destination || !type)
      throw new Error(`Cannot link ${sourceIdOrKey} -> ${destinationIdOrKey} (${typeNameOrId})`);
    const existing = [...this.issueLinks(source.id)].find(
      (l) => l.type.id === type.id && l.sourceId === source.id && l.destinationId === destination.id,
    );
    if (existing) return existing;
    const link = this.insertLink({ id: '', type, sourceId: source.id, destinationId: destination.id });
    source.updated = destination.updated = this.now().getTime();
    this.touch();
    if (this.announcing)
      this.events.emit(this.eventBuilder.linkEvent(JIRA_EVENTS.issueLinkCreated, link, this.events.currentActor()));
    return link;
  }

  removeLink(id: string): boolean {
    const link = this.links.get(id);
    if (!link) return false;
    this.links.delete(id);
    this.linksByIssue.get(link.sourceId)?.delete(link);
    this.linksByIssue.get(link.destinationId)?.delete(link);
    this.touch();
    if (this.announcing)
      this.events.emit(this.eventBuilder.linkEvent(JIRA_EVENTS.issueLinkDeleted, link, this.events.currentActor()));
    return true;
  }

  /**
   * Jira's default workflow sets a resolution when an issue moves into a done status and clears it when
   * it moves out: `resolution` and `resolved` follow the status category.
   */
  private resolveFor(issue: StoredIssue, before: DatasetStatus, at: number): void {
    const done = issue.status.category === 'done';
    if (done && before.category !== 'done') {
      issue.resolution =
        this.findResolution(issue.status.name === "Won't Do" ? "Won't Do" : 'Done') ?? this.resolutions[0];
      issue.resolved = issue.resolution ? at : undefined;
    } else if (!done) {
      issue.resolution = undefined;
      issue.resolved = undefined;
    }
  }

  /** A transition's resolution: a new one is resolved now, none clears the resolved date. */
  private setResolution(issue: StoredIssue, nameOrId: string | null, at: number): void {
    const next = nameOrId === null ? undefined : this.findResolution(nameOrId);
    if (nameOrId !== null && !next) throw new Error(`Issue ${issue.key}: resolution ${nameOrId} does not exist`);
    if (next?.id === issue.resolution?.id) return;
    issue.resolution = next;
    issue.resolved = next ? at : undefined;
  }

  // ---- change feed ----

  /** Whether mutations should build and emit events now. */
  private get announcing(): boolean {
    return this.quiet === 0 && this.events.active;
  }

  private silently<T>(fn: () => T): T {
    this.quiet++;
    try {
      return fn();
    } finally {
      this.quiet--;
    }
  }

  // ---- internals ----

  private indexIssue(issue: StoredIssue): void {
    if (this.issuesById.has(issue.id)) throw new Error(`Duplicate issue id ${issue.id}`);
    if (this.issuesByKey.has(issue.key.toUpperCase())) throw new Error(`Duplicate issue key ${issue.key}`);
    this.issuesById.set(issue.id, issue);
    this.issuesByKey.set(issue.key.toUpperCase(), issue);
    this.issuesByProject.get(issue.project.id)?.add(issue);
  }

  private setParent(issue: StoredIssue, parentId: string | undefined): void {
    if (issue.parentId !== undefined) this.childrenByParent.get(issue.parentId)?.delete(issue);
    issue.parentId = parentId;
    if (parentId !== undefined) {
      let set = this.childrenByParent.get(parentId);
      if (!set) this.childrenByParent.set(parentId, (set = new Set()));
      set.add(issue);
    }
  }

  private insertLink(link: StoredLink): StoredLink {
    if (link.id === '' || this.links.has(link.id)) link.id = String(this.nextLinkId++);
    else this.nextLinkId = Math.max(this.nextLinkId, Number(link.id) + 1 || 0);
    this.links.set(link.id, link);
    for (const end of [link.sourceId, link.destinationId]) {
      let set = this.linksByIssue.get(end);
      if (!set) this.linksByIssue.set(end, (set = new Set()));
      set.add(link);
    }
    return link;
  }

  private requireType(name: string, key: string): DatasetIssueType {
    const t = this.findIssueType(name);
    if (!t) throw new Error(`Issue ${key}: issue type ${name} does not exist`);
    return t;
  }

  private requireStatus(name: string, key: string): DatasetStatus {
    const s = this.findStatus(name);
    if (!s) throw new Error(`Issue ${key}: status ${name} does not exist`);
    return s;
  }

  private requireSecurity(name: string, key: string): DatasetSecurityLevel {
    const s = this.securityLevels.get(name);
    if (!s) throw new Error(`Issue ${key}: security level ${name} does not exist`);
    return s;
  }
}

/**
 * A dataset records status changes only; Jira records the resolution set with the last one too, so
 * `resolution WAS Done` and `resolution CHANGED` see it. It is made by whoever made that status change.
 */
function withResolutionChange(
  history: StoredChange[],
  resolution: string | undefined,
  resolved: string | undefined,
): StoredChange[] {
  if (resolution === undefined || resolved === undefined) return history;
  const at = Date.parse(resolved);
  const statusChange = history.findLast((h) => h.field === 'status' && h.at <= at);
  if (!statusChange) return history;
  const change: StoredChange = { field: 'resolution', from: null, to: resolution, at, by: statusChange.by };
  const index = history.findIndex((h) => h.at > at);
  return index < 0 ? [...history, change] : [...history.slice(0, index), change, ...history.slice(index)];
}
