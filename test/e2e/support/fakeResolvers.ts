// An in-memory stand-in for the app's resolvers, typed by the contract, for browser screenshots of
// the UI while the real backend is being written (and for UI demos without it). Jira reads go to
// the real emulator as the acting user, so JQL errors, visibility and issue details are genuine.
import type {
  AppErrorDto,
  AppSettings,
  JobDto,
  PayloadIn,
  PermissionLevel,
  ResolverAnswerOf,
  ResolverKey,
  StructureDetails,
  SynchronizerInfo,
} from '../../../src/contract';
import { PERMISSION_LEVELS } from '../../../src/contract';
import type { Dataset } from '../../../local/dataset/types';
import { listSynchronizers } from '../../../src/app/synchronizers';

interface Forest {
  rowIds: number[];
  depths: number[];
  issueIds: string[];
}

// The synchronizers exactly as the backend describes them, so the form under test is the real one.
const SYNCHRONIZERS: SynchronizerInfo[] = listSynchronizers().synchronizers;

type Answer<K extends ResolverKey> = ResolverAnswerOf<K>;
const ok = <T>(data: T) => ({ ok: true as const, data });
const err = (error: AppErrorDto) => ({ ok: false as const, error });
const notInFake = () => err({ code: 'INTERNAL', message: 'Not available in the preview backend.' });

export interface FakeOptions {
  /** Pre-create structure `big` (owned by the first Jira admin) with this many rows: epics > stories > sub-tasks, issues reused. */
  bigStructureRows?: number;
}

export function createFakeResolvers(dataset: Dataset, jiraUrl: () => string, options: FakeOptions = {}) {
  const users = new Map(dataset.users.map((u) => [u.accountId, u]));
  const settings = { synchronizersEnabled: false };
  const structures = new Map<string, Omit<StructureDetails, 'level'>>();
  const forests = new Map<string, Forest>();
  const jobs = new Map<string, JobDto>();
  let nextId = 1;
  let nextRow = 1;

  if (options.bigStructureRows) {
    const admin = dataset.users.find((u) => u.siteAdmin) ?? dataset.users[0]!;
    const now = new Date().toISOString();
    structures.set('big', { id: 'big', name: `Big structure (${options.bigStructureRows.toLocaleString('en')} rows)`, description: 'For the structure view benchmark', ownerAccountId: admin.accountId, rowCount: 0, createdAt: now, updatedAt: now, rules: [], forestVersion: 1 });
    const forest: Forest = { rowIds: [], depths: [], issueIds: [] };
    for (let i = 0; i < options.bigStructureRows; i++) {
      forest.rowIds.push(nextRow++);
      forest.depths.push(i % 100 === 0 ? 0 : i % 10 === 1 ? 1 : 2);
      forest.issueIds.push(dataset.issues[i % dataset.issues.length]!.id);
    }
    forests.set('big', forest);
  }

  const isAdmin = (accountId: string) => users.get(accountId)?.siteAdmin === true;
  const levelOf = (s: Omit<StructureDetails, 'level'>, accountId: string): PermissionLevel => {
    if (s.ownerAccountId === accountId || isAdmin(accountId)) return 'control';
    const groups = users.get(accountId)?.groups ?? [];
    let best = 0;
    for (const r of s.rules) {
      const match =
        r.subject.type === 'anyone' ||
        (r.subject.type === 'user' && r.subject.accountId === accountId) ||
        (r.subject.type === 'group' && groups.includes(r.subject.groupName));
      if (match) best = Math.max(best, PERMISSION_LEVELS.indexOf(r.level));
    }
    return PERMISSION_LEVELS[best]!;
  };
  const view = (s: Omit<StructureDetails, 'level'>, accountId: string): StructureDetails => ({
    ...s,
    rowCount: forests.get(s.id)?.rowIds.length ?? 0,
    level: levelOf(s, accountId),
  });
  const need = (id: string, accountId: string, level: PermissionLevel) => {
    const s = structures.get(id);
    if (!s || levelOf(s, accountId) === 'none') return { error: err({ code: 'STRUCTURE_NOT_FOUND', message: `There is no structure ${id}.` }) };
    const have = levelOf(s, accountId);
    if (PERMISSION_LEVELS.indexOf(have) < PERMISSION_LEVELS.indexOf(level)) {
      return { error: err({ code: 'PERMISSION_LEVEL', message: `This needs ${level} on the structure; you have ${have}.`, needed: level }) };
    }
    return { structure: s };
  };

  // Jira's JSON bodies, loosely: the fake reads only a few well-known fields.
  type JiraJson = { errorMessages?: string[]; jql?: string; issues?: Array<{ id: string }>; isLast?: boolean; nextPageToken?: string };
  async function jira(accountId: string, path: string, body?: unknown): Promise<{ status: number; json: JiraJson }> {
    const res = await fetch(jiraUrl() + path, {
      method: body ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json', 'x-forge-account-id': accountId },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, json: ((await res.json().catch(() => ({}))) ?? {}) as JiraJson };
  }

  /** The issue ids a Filter source matches for this user, or an error for the form. */
  async function search(accountId: string, rawParams: Record<string, unknown>): Promise<{ ids: string[] } | { error: AppErrorDto }> {
    const params = rawParams as { source?: { kind?: string; jql?: string; filterId?: string } };
    let jql: string = params.source?.jql ?? '';
    if (params.source?.kind === 'filter') {
      const f = await jira(accountId, `/rest/api/3/filter/${encodeURIComponent(params.source.filterId ?? '')}`);
      if (f.status !== 200) return { error: { code: 'FILTER_NOT_FOUND', message: (f.json.errorMessages ?? ['The filter is not visible to you.'])[0], field: 'params.source.filterId' } };
      jql = f.json.jql ?? '';
    }
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const page = await jira(accountId, '/rest/api/3/search/jql', { jql, fields: ['id'], maxResults: 5000, nextPageToken: token });
      if (page.status === 400) return { error: { code: 'JQL_INVALID', message: (page.json.errorMessages ?? ['Invalid JQL'])[0], field: 'params.source.jql' } };
      if (page.status !== 200) return { error: { code: 'JIRA_UNAVAILABLE', message: `Jira answered ${page.status}.` } };
      ids.push(...(page.json.issues ?? []).map((i) => String(i.id)));
      token = page.json.isLast ? undefined : page.json.nextPageToken;
    } while (token);
    return { ids };
  }

  /** Parents before children, each issue under its parent when the parent matched too. */
  function arrange(ids: string[]): Forest {
    const byId = new Map(dataset.issues.map((i) => [i.id, i]));
    const byKey = new Map(dataset.issues.map((i) => [i.key, i]));
    const wanted = new Set(ids);
    const children = new Map<string, string[]>();
    const roots: string[] = [];
    for (const id of ids) {
      const parentKey = byId.get(id)?.parent;
      const parentId = parentKey ? byKey.get(parentKey)?.id : undefined;
      if (parentId && wanted.has(parentId)) children.set(parentId, [...(children.get(parentId) ?? []), id]);
      else roots.push(id);
    }
    const forest: Forest = { rowIds: [], depths: [], issueIds: [] };
    const walk = (id: string, depth: number) => {
      forest.rowIds.push(nextRow++);
      forest.depths.push(depth);
      forest.issueIds.push(id);
      for (const c of children.get(id) ?? []) walk(c, depth + 1);
    };
    roots.forEach((r) => walk(r, 0));
    return forest;
  }

  function runJob(job: JobDto, accountId: string, forest: Forest, before: number) {
    const total = forest.rowIds.length;
    const step = (ms: number, f: () => void) => setTimeout(() => job.state !== 'cancelled' && f(), ms);
    step(800, () => {
      Object.assign(job, { state: 'running', startedAt: new Date().toISOString(), progress: { phase: 'Searching Jira', done: 0, total } });
      job.log.push({ at: new Date().toISOString(), level: 'info', message: `Searching Jira as ${users.get(accountId)?.displayName}` });
    });
    step(2000, () => {
      job.progress = { phase: 'Searching Jira', done: Math.floor(total / 2), total };
      job.cost = { jiraCalls: 1, jiraPoints: 1 + Math.floor(total / 2), kvsWrites: 1 };
    });
    step(3500, () => {
      job.progress = { phase: 'Applying changes', done: total, total };
      job.log.push({ at: new Date().toISOString(), level: 'info', message: `Found ${total} issues` });
    });
    step(4500, () => {
      forests.set(job.structureId, forest);
      Object.assign(job, {
        state: 'finished',
        cancellable: false,
        undoable: true,
        finishedAt: new Date().toISOString(),
        result: { added: Math.max(0, total - before), moved: 0, removed: 0, unchanged: Math.min(total, before), skippedNotVisible: 0 },
        cost: { jiraCalls: 2, jiraPoints: 2 + total, kvsWrites: 3 },
      });
      job.log.push({ at: new Date().toISOString(), level: 'info', message: `Applied: ${total} rows in the structure` });
    });
  }

  const handlers: { [K in ResolverKey]: (p: PayloadIn<K>, accountId: string) => Promise<Answer<K>> | Answer<K> } = {
    listStructures: (_p, a) => ok({ structures: [...structures.values()].map((s) => view(s, a)).filter((s) => s.level !== 'none').map(({ rules: _r, forestVersion: _v, ...s }) => s) }),
    getStructure: (p, a) => {
      const r = need(p.structureId, a, 'view');
      return r.error ?? ok(view(r.structure!, a));
    },
    createStructure: (p, a) => {
      const now = new Date().toISOString();
      const s = { id: `s${nextId++}`, name: p.name.trim(), description: p.description ?? '', ownerAccountId: a, rowCount: 0, createdAt: now, updatedAt: now, rules: [], forestVersion: 1 };
      if (!s.name) return err({ code: 'INVALID_PAYLOAD', message: 'Name is required', field: 'name' });
      structures.set(s.id, s);
      forests.set(s.id, { rowIds: [], depths: [], issueIds: [] });
      return ok(view(s, a));
    },
    updateStructure: (p, a) => {
      const r = need(p.structureId, a, 'control');
      if (r.error) return r.error;
      Object.assign(r.structure!, { ...(p.name !== undefined ? { name: p.name } : {}), ...(p.description !== undefined ? { description: p.description } : {}) });
      return ok(view(r.structure!, a));
    },
    deleteStructure: (p, a) => {
      const r = need(p.structureId, a, 'control');
      if (r.error) return r.error;
      structures.delete(p.structureId);
      return ok({ deleted: true as const });
    },
    setPermissions: (p, a) => {
      const r = need(p.structureId, a, 'control');
      if (r.error) return r.error;
      r.structure!.rules = p.rules;
      return ok(view(r.structure!, a));
    },
    getForest: (p, a) => {
      const r = need(p.structureId, a, 'view');
      if (r.error) return r.error;
      const f = forests.get(p.structureId)!;
      const start = Number(p.cursor ?? 0);
      const end = Math.min(f.rowIds.length, start + (p.limit ?? 5000));
      return ok({
        structureId: p.structureId,
        version: 1,
        rowIds: f.rowIds.slice(start, end),
        depths: f.depths.slice(start, end),
        issueIds: f.issueIds.slice(start, end),
        hiddenRows: 0,
        totalRows: f.rowIds.length,
        nextCursor: end < f.rowIds.length ? String(end) : undefined,
      });
    },
    listSynchronizers: () => ok({ synchronizers: SYNCHRONIZERS }),
    previewImport: async (p, a) => {
      const r = need(p.structureId, a, 'control');
      if (r.error) return r.error;
      if (!settings.synchronizersEnabled) return err({ code: 'SYNCHRONIZERS_DISABLED', message: 'Synchronizers are turned off on this site.' });
      const found = await search(a, p.params);
      if ('error' in found) return err(found.error);
      const current = new Set(forests.get(p.structureId)!.issueIds);
      const added = found.ids.filter((id) => !current.has(id));
      const keyOf = new Map(dataset.issues.map((i) => [i.id, i.key]));
      return ok({
        forestVersion: 1,
        counts: { added: added.length, moved: 0, removed: 0, unchanged: found.ids.length - added.length, skippedNotVisible: 0 },
        totalActions: added.length,
        actions: added.slice(0, 50).map((id) => ({ kind: 'add' as const, issueId: id, issueKey: keyOf.get(id) })),
        warnings: [],
      });
    },
    startImport: async (p, a) => {
      const r = need(p.structureId, a, 'control');
      if (r.error) return r.error;
      if (!settings.synchronizersEnabled) return err({ code: 'SYNCHRONIZERS_DISABLED', message: 'Synchronizers are turned off on this site.' });
      const found = await search(a, p.params);
      if ('error' in found) return err(found.error);
      const job: JobDto = {
        id: `j${nextId++}`,
        kind: 'import',
        structureId: p.structureId,
        synchronizer: p.synchronizer,
        params: p.params,
        startedBy: a,
        state: 'queued',
        createdAt: new Date().toISOString(),
        progress: { phase: 'queued', done: 0 },
        log: [{ at: new Date().toISOString(), level: 'info', message: 'Import queued' }],
        cost: { jiraCalls: 0, jiraPoints: 0, kvsWrites: 0 },
        cancellable: true,
      };
      jobs.set(job.id, job);
      runJob(job, a, arrange(found.ids), forests.get(p.structureId)!.rowIds.length);
      return ok({ job });
    },
    getJob: (p, a) => {
      const job = jobs.get(p.jobId);
      if (!job || need(job.structureId, a, 'view').error) return err({ code: 'JOB_NOT_FOUND', message: `There is no job ${p.jobId}.` });
      return ok(job);
    },
    listJobs: (p, a) => {
      const r = need(p.structureId, a, 'view');
      if (r.error) return r.error;
      return ok({ jobs: [...jobs.values()].filter((j) => j.structureId === p.structureId).reverse() });
    },
    cancelJob: (p) => {
      const job = jobs.get(p.jobId);
      if (!job) return err({ code: 'JOB_NOT_FOUND', message: `There is no job ${p.jobId}.` });
      if (!job.cancellable) return err({ code: 'JOB_NOT_CANCELLABLE', message: 'The job has ended.' });
      Object.assign(job, { state: 'cancelled', cancellable: false, finishedAt: new Date().toISOString() });
      return ok(job);
    },
    undoImport: () => err({ code: 'UNDO_NOT_POSSIBLE', message: 'Undo is not available in the preview backend.' }),
    getSettings: (_p, a): Answer<'getSettings'> => ok<AppSettings>({ ...settings, canChange: isAdmin(a) }),
    setSettings: (p, a) => {
      if (!isAdmin(a)) return err({ code: 'NOT_JIRA_ADMIN', message: 'Only Jira admins can change app settings.' });
      settings.synchronizersEnabled = p.synchronizersEnabled;
      return ok({ ...settings, canChange: true });
    },
    // Issue 5 keys: the preview backend answers these until the Sync settings and Export pages need them.
    installSynchronizer: () => notInFake(),
    listInstalledSynchronizers: () => ok({ synchronizers: [], canChange: false }),
    updateSynchronizer: () => notInFake(),
    removeSynchronizer: () => notInFake(),
    setSynchronizerEnabled: () => notInFake(),
    previewResync: () => notInFake(),
    resync: () => notInFake(),
    previewExport: () => notInFake(),
    startExport: () => notInFake(),
    revertJob: () => notInFake(),
    listJobChanges: () => ok({ changes: [], total: 0 }),
  };

  return async function invoke(key: string, payload: unknown, accountId: string): Promise<unknown> {
    const handler = handlers[key as ResolverKey] as ((p: unknown, a: string) => unknown) | undefined;
    if (!handler) throw new Error(`Resolver has no definition for '${key}'.`);
    return handler(payload ?? {}, accountId);
  };
}
