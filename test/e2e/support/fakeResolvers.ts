// An in-memory stand-in for the app's resolvers, typed by the contract, for browser screenshots of
// the UI while the real backend is being written (and for UI demos without it). Jira reads go to
// the real emulator as the acting user, so JQL errors, visibility and issue details are genuine.
import type {
  AppErrorDto,
  AppSettings,
  Direction,
  ExportChangeDto,
  ExportCountsDto,
  ExportJobResult,
  ExportPreview,
  GuardStopDto,
  ImportPreview,
  InstalledSynchronizerDto,
  InstalledSynchronizerLastRun,
  JobDto,
  PayloadIn,
  PermissionLevel,
  ResolverAnswerOf,
  ResolverKey,
  StructureDetails,
  SynchronizerInfo,
} from '../../../src/contract';
import { DEFAULT_COLUMNS, PERMISSION_LEVELS, type StructureColumn } from '../../../src/contract';
import type { Dataset } from '../../../local/dataset/types';
import { paramsSummary } from '../../../src/app/installed/summary';
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
const disabled = () => err({ code: 'SYNCHRONIZERS_DISABLED', message: 'Synchronizers are turned off on this site.' });

/** An installed synchronizer as the fake keeps it; its DTO (state, last run) is worked out when asked. */
interface InstalledRecord {
  id: string;
  structureId: string;
  synchronizer: string;
  params: Record<string, unknown>;
  runAs: string;
  enabled: boolean;
  stoppedByGuard?: GuardStopDto;
  lastRun?: { jobId: string; direction: Direction; at: string };
}

/** What the tour may do that no resolver offers: things that happen in the background in a real site. */
export interface FakeControls {
  /** Stops every enabled synchronizer of the structure as the cycle guard would, with its reason. */
  stopByCycleGuard(structureId: string): void;
}

const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
};

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
    structures.set('big', {
      id: 'big',
      name: `Big structure (${options.bigStructureRows.toLocaleString('en')} rows)`,
      description: 'For the structure view benchmark',
      ownerAccountId: admin.accountId,
      rowCount: 0,
      createdAt: now,
      updatedAt: now,
      rules: [],
      forestVersion: 1,
    });
    const forest: Forest = { rowIds: [], depths: [], issueIds: [] };
    for (let i = 0; i < options.bigStructureRows; i++) {
      forest.rowIds.push(nextRow++);
      forest.depths.push(i % 100 === 0 ? 0 : i % 10 === 1 ? 1 : 2);
      forest.issueIds.push(dataset.issues[i % dataset.issues.length]!.id);
    }
    forests.set('big', forest);
  }

  const columns = new Map<string, StructureColumn[]>();
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
    if (!s || levelOf(s, accountId) === 'none')
      return { error: err({ code: 'STRUCTURE_NOT_FOUND', message: `There is no structure ${id}.` }) };
    const have = levelOf(s, accountId);
    if (PERMISSION_LEVELS.indexOf(have) < PERMISSION_LEVELS.indexOf(level)) {
      return {
        error: err({
          code: 'PERMISSION_LEVEL',
          message: `This needs ${level} on the structure; you have ${have}.`,
          needed: level,
        }),
      };
    }
    return { structure: s };
  };

  // Jira's JSON bodies, loosely: the fake reads only a few well-known fields.
  type JiraJson = {
    errorMessages?: string[];
    jql?: string;
    issues?: Array<{ id: string }>;
    isLast?: boolean;
    nextPageToken?: string;
  };
  async function jira(accountId: string, path: string, body?: unknown): Promise<{ status: number; json: JiraJson }> {
    const res = await fetch(jiraUrl() + path, {
      method: body ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json', 'x-forge-account-id': accountId },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, json: ((await res.json().catch(() => ({}))) ?? {}) as JiraJson };
  }

  /**
   * The JQL that stands for a synchronizer's source in this fake: the Filter's own JQL, a board's saved
   * filter, the projects or roots named. Sub-tasks and Links read the whole site (what the user sees).
   */
  function sourceJql(synchronizer: string, rawParams: Record<string, unknown>): string {
    type Source = { kind?: string; jql?: string; mode?: string; boardId?: number | string; projectKeys?: string[] };
    const params = rawParams as { source?: Source; roots?: Source; parentJql?: string };
    const projects = (keys: string[] | undefined) => `project in (${(keys ?? []).join(', ')}) ORDER BY Rank`;
    if (synchronizer === 'agile') {
      if (params.source?.mode !== 'board') return projects(params.source?.projectKeys);
      const board = dataset.boards.find((b) => String(b.id) === String(params.source?.boardId));
      return dataset.filters.find((f) => f.id === board?.filterId)?.jql ?? '';
    }
    if (synchronizer === 'hierarchy')
      return params.roots?.kind === 'jql' ? (params.roots.jql ?? '') : projects(params.roots?.projectKeys);
    if (synchronizer === 'links') return params.parentJql ?? '';
    return params.source?.jql ?? '';
  }

  /** The issue ids a synchronizer's source matches for this user, or an error for the form. */
  async function search(
    accountId: string,
    rawParams: Record<string, unknown>,
    synchronizer = 'filter',
  ): Promise<{ ids: string[] } | { error: AppErrorDto }> {
    const params = rawParams as { source?: { kind?: string; jql?: string; filterId?: string } };
    let jql = sourceJql(synchronizer, rawParams);
    if (synchronizer === 'filter' && params.source?.kind === 'filter') {
      const f = await jira(accountId, `/rest/api/3/filter/${encodeURIComponent(params.source.filterId ?? '')}`);
      if (f.status !== 200)
        return {
          error: {
            code: 'FILTER_NOT_FOUND',
            message: (f.json.errorMessages ?? ['The filter is not visible to you.'])[0],
            field: 'params.source.filterId',
          },
        };
      jql = f.json.jql ?? '';
    }
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const page = await jira(accountId, '/rest/api/3/search/jql', {
        jql,
        fields: ['id'],
        maxResults: 5000,
        nextPageToken: token,
      });
      if (page.status === 400)
        return {
          error: {
            code: 'JQL_INVALID',
            message: (page.json.errorMessages ?? ['Invalid JQL'])[0],
            field: 'params.source.jql',
          },
        };
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
      Object.assign(job, {
        state: 'running',
        startedAt: new Date().toISOString(),
        progress: { phase: 'Searching Jira', done: 0, total },
      });
      job.log.push({
        at: new Date().toISOString(),
        level: 'info',
        message: `Searching Jira as ${users.get(accountId)?.displayName}`,
      });
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
        result: {
          added: Math.max(0, total - before),
          moved: 0,
          removed: 0,
          unchanged: Math.min(total, before),
          skippedNotVisible: 0,
        },
        cost: { jiraCalls: 2, jiraPoints: 2 + total, kvsWrites: 3 },
      });
      job.log.push({ at: new Date().toISOString(), level: 'info', message: `Applied: ${total} rows in the structure` });
    });
  }

  // ——— Installed synchronizers, export and revert (issue 5) ———
  const installed = new Map<string, InstalledRecord>();
  /** Each export or revert job's full change log, as listJobChanges pages it. */
  const changeLogs = new Map<string, ExportChangeDto[]>();
  const exporters = new Set(SYNCHRONIZERS.filter((s) => s.directions.includes('export')).map((s) => s.key));
  const labelOf = (key: string) => SYNCHRONIZERS.find((s) => s.key === key)?.label ?? key;
  const byId = new Map(dataset.issues.map((i) => [i.id, i]));

  function lastRunOf(job: JobDto, run: NonNullable<InstalledRecord['lastRun']>): InstalledSynchronizerLastRun {
    const failed = job.exportResult?.failed ?? 0;
    const result: InstalledSynchronizerLastRun['result'] =
      job.state === 'queued' || job.state === 'running'
        ? 'running'
        : job.state === 'finished'
          ? failed > 0
            ? 'partial'
            : 'succeeded'
          : job.state;
    const message =
      job.error?.message ??
      (job.result
        ? `${job.result.added} added, ${job.result.moved} moved, ${job.result.removed} removed`
        : undefined) ??
      (job.exportResult
        ? `${job.exportResult.applied} changes written to Jira${failed > 0 ? `, ${failed} refused` : ''}`
        : undefined);
    return {
      jobId: job.id,
      direction: run.direction,
      trigger: job.trigger ?? 'manual',
      at: run.at,
      ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
      state: job.state,
      result,
      ...(message ? { message } : {}),
    };
  }

  function installedDto(r: InstalledRecord): InstalledSynchronizerDto {
    const structure = structures.get(r.structureId)!;
    // The backend's words (src/app/installed/availability.ts): the account ID, which the UI turns into a name.
    const lostControl = levelOf(structure, r.runAs) !== 'control';
    const lastJob = r.lastRun && jobs.get(r.lastRun.jobId);
    return {
      id: r.id,
      structureId: r.structureId,
      synchronizer: r.synchronizer,
      label: labelOf(r.synchronizer),
      directions: [...(SYNCHRONIZERS.find((s) => s.key === r.synchronizer)?.directions ?? [])],
      params: r.params,
      paramsSummary: paramsSummary(r.synchronizer, r.params),
      runAs: r.runAs,
      enabled: r.enabled,
      state: lostControl ? 'not-available' : r.enabled ? 'enabled' : 'disabled',
      ...(lostControl
        ? {
            notAvailableReason: `The run-as user (${r.runAs}) no longer has control of structure "${structure.name}"; someone with control can reinstall it as themselves.`,
          }
        : {}),
      ...(r.stoppedByGuard ? { stoppedByGuard: r.stoppedByGuard } : {}),
      ...(lastJob && r.lastRun ? { lastRun: lastRunOf(lastJob, r.lastRun) } : {}),
    };
  }

  function installedFor(
    structureId: string,
    synchronizerId: string,
    accountId: string,
  ): { record: InstalledRecord } | { error: ReturnType<typeof err> } {
    const r = need(structureId, accountId, 'control');
    if (r.error) return { error: r.error };
    if (!settings.synchronizersEnabled) return { error: disabled() };
    const record = installed.get(synchronizerId);
    if (!record || record.structureId !== structureId)
      return {
        error: err({
          code: 'SYNCHRONIZER_NOT_FOUND',
          message: `There is no installed synchronizer ${synchronizerId} on this structure.`,
        }),
      };
    return { record };
  }

  const notAvailable = (r: InstalledRecord) =>
    err({
      code: 'SYNCHRONIZER_NOT_AVAILABLE',
      message: installedDto(r).notAvailableReason ?? 'Its run-as user can no longer run it.',
    });

  function resyncRefusal(r: InstalledRecord, direction: Direction) {
    const dto = installedDto(r);
    if (!dto.directions.includes(direction))
      return err({
        code: 'DIRECTION_NOT_SUPPORTED',
        message: `The ${dto.label} synchronizer does not ${direction}.`,
        field: 'direction',
      });
    return dto.state === 'not-available' ? notAvailable(r) : undefined;
  }

  async function previewImportOf(
    structureId: string,
    synchronizer: string,
    params: Record<string, unknown>,
    accountId: string,
  ): Promise<Answer<'previewImport'>> {
    const found = await search(accountId, params, synchronizer);
    if ('error' in found) return err(found.error);
    const current = new Set(forests.get(structureId)!.issueIds);
    const added = found.ids.filter((id) => !current.has(id));
    const preview: ImportPreview = {
      forestVersion: 1,
      counts: {
        added: added.length,
        moved: 0,
        removed: 0,
        unchanged: found.ids.length - added.length,
        skippedNotVisible: 0,
      },
      totalActions: added.length,
      actions: added.slice(0, 50).map((id) => ({ kind: 'add' as const, issueId: id, issueKey: byId.get(id)?.key })),
      warnings: [],
    };
    return ok(preview);
  }

  const newJob = (
    kind: JobDto['kind'],
    structureId: string,
    synchronizer: string,
    params: Record<string, unknown>,
    accountId: string,
    queued: string,
  ): JobDto => ({
    id: `j${nextId++}`,
    kind,
    structureId,
    synchronizer,
    params,
    startedBy: accountId,
    state: 'queued',
    createdAt: new Date().toISOString(),
    progress: { phase: 'queued', done: 0 },
    log: [{ at: new Date().toISOString(), level: 'info', message: queued }],
    cost: { jiraCalls: 0, jiraPoints: 0, kvsWrites: 0 },
    cancellable: true,
  });

  async function startImportOf(
    structureId: string,
    synchronizer: string,
    params: Record<string, unknown>,
    accountId: string,
  ): Promise<Answer<'startImport'>> {
    const found = await search(accountId, params, synchronizer);
    if ('error' in found) return err(found.error);
    const job = newJob('import', structureId, synchronizer, params, accountId, 'Import queued');
    jobs.set(job.id, job);
    runJob(job, accountId, arrange(found.ids), forests.get(structureId)!.rowIds.length);
    return ok({ job });
  }

  /**
   * What an export of the structure would write, worked out from the forest against the dataset as
   * Jira holds it: Agile ranks rows in the structure's order, Hierarchy sets parents, Links links each
   * row to its parent row. Enough for every part of the preview and the job page to have something to show.
   */
  function planChanges(
    structureId: string,
    synchronizer: string,
    rawParams: Record<string, unknown>,
  ): { changes: ExportChangeDto[]; counts: ExportCountsDto; warnings: string[] } {
    const f = forests.get(structureId) ?? { rowIds: [], depths: [], issueIds: [] };
    const keyOf = (id: string) => byId.get(id)?.key ?? id;
    const parentRow: Array<string | undefined> = [];
    const stack: string[] = [];
    f.issueIds.forEach((id, i) => {
      stack.length = f.depths[i]!;
      parentRow.push(stack[stack.length - 1]);
      stack.push(id);
    });
    const counts: ExportCountsDto = {
      rankCalls: 0,
      issuesRanked: 0,
      parentChanges: 0,
      linksCreated: 0,
      linksDeleted: 0,
      statusChanges: 0,
      notRepresentable: 0,
    };
    const changes: ExportChangeDto[] = [];
    const warnings: string[] = [];
    if (synchronizer === 'agile') {
      // The fake takes Jira's current rank to be newest issue first, as if the board had been re-ranked
      // since the structure was imported, so that the preview has rank changes to show.
      const jiraOrder = [...f.issueIds].reverse();
      const n = f.issueIds.length;
      f.issueIds.forEach((id, i) => {
        const was = jiraOrder.indexOf(id);
        if (was !== i)
          changes.push({
            kind: 'rank',
            issueId: id,
            issueKey: keyOf(id),
            before: `${ordinal(was + 1)} of ${n}`,
            after: `${ordinal(i + 1)} of ${n}`,
          });
      });
      counts.issuesRanked = changes.length;
      counts.rankCalls = Math.ceil(changes.length / 50) + (changes.length ? 1 : 0);
    } else if (synchronizer === 'hierarchy') {
      f.issueIds.forEach((id, i) => {
        const now = byId.get(id)?.parent ?? 'none';
        const want = parentRow[i] ? keyOf(parentRow[i]!) : now;
        if (want !== now) changes.push({ kind: 'parent', issueId: id, issueKey: keyOf(id), before: now, after: want });
      });
      counts.parentChanges = changes.length;
    } else if (synchronizer === 'links') {
      const params = rawParams as { linkTypeId?: string; scope?: string };
      const type = dataset.linkTypes.find((t) => t.id === params.linkTypeId) ?? dataset.linkTypes[0];
      const verb = type?.outward ?? 'relates to';
      f.issueIds.forEach((id, i) => {
        const parent = parentRow[i];
        if (parent)
          changes.push({
            kind: 'link-create',
            issueId: id,
            issueKey: keyOf(id),
            before: 'none',
            after: `${keyOf(parent)} ${verb} ${keyOf(id)}`,
          });
      });
      counts.linksCreated = changes.length;
      if (params.scope === 'all') {
        // A few links of that type outside the structure's tree, which scope "all issues" deletes.
        const doomed = dataset.issues
          .flatMap((i) => (i.links ?? []).filter((l) => l.type === type?.name).map((l) => ({ from: i, to: l.to })))
          .slice(0, 3);
        for (const d of doomed)
          changes.push({
            kind: 'link-delete',
            issueId: d.from.id,
            issueKey: d.from.key,
            before: `${d.from.key} ${verb} ${d.to}`,
            after: 'none',
          });
        counts.linksDeleted = doomed.length;
        warnings.push(
          `With scope "all issues", this export deletes every link of type ${type?.name ?? params.linkTypeId} between issues matching the filters that the structure does not hold (${doomed.length} here).`,
        );
      }
    }
    return { changes, counts, warnings };
  }

  function planExport(structureId: string, synchronizer: string, params: Record<string, unknown>): ExportPreview {
    const { changes, counts, warnings } = planChanges(structureId, synchronizer, params);
    return {
      counts,
      totalChanges: changes.length,
      changes: changes.slice(0, 50),
      warnings,
      notRepresentable: [],
      preflight: { ok: true, missing: [], message: null },
    };
  }

  /** Some writes fail, as Jira refuses a few in a real site (207 entries), so the job page shows per-issue failures. */
  const refusedAt = (i: number) => i % 9 === 4;
  const refusal = (c: ExportChangeDto) =>
    c.kind === 'rank'
      ? `Jira did not rank ${c.issueKey}: the issue is not on the board's filter any more (207)`
      : `Jira refused the change to ${c.issueKey}: You do not have permission to edit this issue (403)`;

  /** Queued, then a long Running stretch (so a poll sees it), then finished with the result. */
  function runWrites(job: JobDto, total: number, finish: () => void) {
    const step = (ms: number, f: () => void) => setTimeout(() => job.state !== 'cancelled' && f(), ms);
    step(800, () => {
      Object.assign(job, {
        state: 'running',
        startedAt: new Date().toISOString(),
        progress: { phase: 'Writing to Jira', done: 0, total },
      });
      job.log.push({
        at: new Date().toISOString(),
        level: 'info',
        message: `Writing ${total} changes to Jira as ${users.get(job.startedBy)?.displayName}`,
      });
    });
    step(1600, () => {
      job.progress = { phase: 'Writing to Jira', done: Math.floor(total / 3), total };
      job.cost = { jiraCalls: 3, jiraPoints: 3, kvsWrites: 2 };
    });
    step(5000, () => {
      job.progress = { phase: 'Writing to Jira', done: Math.floor((2 * total) / 3), total };
      job.cost = { jiraCalls: 6, jiraPoints: 6, kvsWrites: 4 };
    });
    step(7000, () => {
      finish();
      Object.assign(job, {
        state: 'finished',
        cancellable: false,
        finishedAt: new Date().toISOString(),
        progress: { phase: 'Done', done: total, total },
      });
    });
  }

  function startExportOf(
    structureId: string,
    synchronizer: string,
    params: Record<string, unknown>,
    accountId: string,
  ): { job: JobDto } {
    const { changes, counts } = planChanges(structureId, synchronizer, params);
    const job = newJob('export', structureId, synchronizer, params, accountId, 'Export queued');
    jobs.set(job.id, job);
    runWrites(job, changes.length, () => {
      const log = changes.map((c, i): ExportChangeDto =>
        refusedAt(i) ? { ...c, outcome: 'failed', error: refusal(c) } : { ...c, outcome: 'applied' },
      );
      const problems = log.filter((c) => c.outcome === 'failed');
      changeLogs.set(job.id, log);
      const result: ExportJobResult = {
        counts,
        applied: log.length - problems.length,
        failed: problems.length,
        skipped: 0,
        problems: problems.slice(0, 50),
      };
      for (const c of problems) job.log.push({ at: new Date().toISOString(), level: 'warn', message: c.error! });
      job.log.push({
        at: new Date().toISOString(),
        level: 'info',
        message: `Wrote ${result.applied} changes to Jira; ${result.failed} failed`,
      });
      Object.assign(job, {
        exportResult: result,
        revertible: result.applied > 0,
        cost: { jiraCalls: 9, jiraPoints: 9, kvsWrites: 5 },
      });
    });
    return { job };
  }

  function startRevertOf(exported: JobDto, accountId: string): JobDto {
    // Claimed at once, as the backend does, so a second Revert is refused.
    exported.revertible = false;
    const applied = (changeLogs.get(exported.id) ?? []).filter((c) => c.outcome === 'applied');
    const job = newJob(
      'revert',
      exported.structureId,
      exported.synchronizer,
      exported.params,
      accountId,
      `Revert of export ${exported.id} queued`,
    );
    jobs.set(job.id, job);
    runWrites(job, applied.length, () => {
      // The first change was changed in Jira since the export: a revert leaves it alone.
      const log = applied.map((c, i): ExportChangeDto =>
        i === 0
          ? {
              ...c,
              before: c.after,
              after: c.before,
              outcome: 'skipped',
              error: `${c.issueKey} changed in Jira since the export; left as it is`,
            }
          : { ...c, before: c.after, after: c.before, outcome: 'reverted' },
      );
      changeLogs.set(job.id, log);
      const problems = log.filter((c) => c.outcome === 'skipped');
      const result: ExportJobResult = {
        counts: exported.exportResult!.counts,
        applied: log.length - problems.length,
        failed: 0,
        skipped: problems.length,
        problems,
      };
      job.log.push({
        at: new Date().toISOString(),
        level: 'info',
        message: `Put back ${result.applied} old values; ${result.skipped} skipped`,
      });
      Object.assign(job, { exportResult: result, cost: { jiraCalls: 5, jiraPoints: 5, kvsWrites: 3 } });
    });
    return job;
  }

  const controls: FakeControls = {
    stopByCycleGuard(structureId) {
      const looping = [...installed.values()].filter((r) => r.structureId === structureId && r.enabled);
      const names = looping.map((r) => `“${labelOf(r.synchronizer)} (${paramsSummary(r.synchronizer, r.params)})”`);
      const list =
        names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? '');
      // The cycle guard's own words (src/domain/background/cycle-guard.ts); the stop disables them.
      const stop: GuardStopDto = {
        at: new Date().toISOString(),
        rounds: 6,
        reason: `Background sync stopped: ${list} kept undoing each other's changes in the structure and Jira — 6 rounds with no change by a user in between. Check their parameters, then enable them again.`,
        synchronizerIds: looping.map((r) => r.id),
      };
      for (const r of looping) Object.assign(r, { enabled: false, stoppedByGuard: stop });
    },
  };

  const handlers: { [K in ResolverKey]: (p: PayloadIn<K>, accountId: string) => Promise<Answer<K>> | Answer<K> } = {
    listStructures: (_p, a) =>
      ok({
        structures: [...structures.values()]
          .map((s) => view(s, a))
          .filter((s) => s.level !== 'none')
          .map(({ rules: _r, forestVersion: _v, ...s }) => s),
      }),
    getStructure: (p, a) => {
      const r = need(p.structureId, a, 'view');
      return r.error ?? ok(view(r.structure!, a));
    },
    createStructure: (p, a) => {
      const now = new Date().toISOString();
      const s = {
        id: `s${nextId++}`,
        name: p.name.trim(),
        description: p.description ?? '',
        ownerAccountId: a,
        rowCount: 0,
        createdAt: now,
        updatedAt: now,
        rules: [],
        forestVersion: 1,
      };
      if (!s.name) return err({ code: 'INVALID_PAYLOAD', message: 'Name is required', field: 'name' });
      structures.set(s.id, s);
      forests.set(s.id, { rowIds: [], depths: [], issueIds: [] });
      return ok(view(s, a));
    },
    updateStructure: (p, a) => {
      const r = need(p.structureId, a, 'control');
      if (r.error) return r.error;
      Object.assign(r.structure!, {
        ...(p.name !== undefined ? { name: p.name } : {}),
        ...(p.description !== undefined ? { description: p.description } : {}),
      });
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
    // The preview backend shows structures; editing them is the real backend's (test/integration/edit-structure.test.ts).
    editStructure: () => err({ code: 'INVALID_EDIT', message: 'The UI preview backend does not edit structures.' }),
    pasteRows: () => err({ code: 'INVALID_EDIT', message: 'The UI preview backend does not edit structures.' }),
    // History, earlier versions and undo of edits are the real backend's (test/integration/structure-history.test.ts).
    listStructureHistory: (p, a) => {
      const r = need(p.structureId, a, 'view');
      if (r.error) return r.error;
      return ok({ structureId: p.structureId, version: 1, entries: [] });
    },
    getForestAt: () =>
      err({ code: 'VERSION_NOT_STORED', message: 'The UI preview backend keeps no earlier versions.' }),
    restoreVersion: () =>
      err({ code: 'VERSION_NOT_STORED', message: 'The UI preview backend keeps no earlier versions.' }),
    undoEdit: () => err({ code: 'UNDO_NOT_POSSIBLE', message: 'The UI preview backend does not edit structures.' }),
    // Columns are kept in memory here; the real backend's are tested in test/integration/structure-columns.test.ts.
    getStructureColumns: (p, a) => {
      const r = need(p.structureId, a, 'view');
      if (r.error) return r.error;
      const saved = columns.get(p.structureId);
      const canChange = PERMISSION_LEVELS.indexOf(levelOf(r.structure!, a)) >= PERMISSION_LEVELS.indexOf('edit');
      return ok({
        structureId: p.structureId,
        columns: saved ?? DEFAULT_COLUMNS,
        saved: saved !== undefined,
        canChange,
      });
    },
    setStructureColumns: (p, a) => {
      const r = need(p.structureId, a, 'edit');
      if (r.error) return r.error;
      columns.set(p.structureId, p.columns as StructureColumn[]);
      return ok({ structureId: p.structureId, columns: p.columns as StructureColumn[], saved: true, canChange: true });
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
      if (!settings.synchronizersEnabled) return disabled();
      return previewImportOf(p.structureId, p.synchronizer, p.params, a);
    },
    startImport: async (p, a) => {
      const r = need(p.structureId, a, 'control');
      if (r.error) return r.error;
      if (!settings.synchronizersEnabled) return disabled();
      return startImportOf(p.structureId, p.synchronizer, p.params, a);
    },
    getJob: (p, a) => {
      const job = jobs.get(p.jobId);
      if (!job || need(job.structureId, a, 'view').error)
        return err({ code: 'JOB_NOT_FOUND', message: `There is no job ${p.jobId}.` });
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
    previewUndo: () => err({ code: 'UNDO_NOT_POSSIBLE', message: 'Undo is not available in the preview backend.' }),
    undoImport: () => err({ code: 'UNDO_NOT_POSSIBLE', message: 'Undo is not available in the preview backend.' }),
    getSettings: (_p, a): Answer<'getSettings'> => ok<AppSettings>({ ...settings, canChange: isAdmin(a) }),
    setSettings: (p, a) => {
      if (!isAdmin(a)) return err({ code: 'NOT_JIRA_ADMIN', message: 'Only Jira admins can change app settings.' });
      settings.synchronizersEnabled = p.synchronizersEnabled;
      return ok({ ...settings, canChange: true });
    },
    // Issue 5: installed synchronizers, resync, export, revert.
    installSynchronizer: (p, a) => {
      const r = need(p.structureId, a, 'control');
      if (r.error) return r.error;
      if (!settings.synchronizersEnabled) return disabled();
      if (!SYNCHRONIZERS.some((s) => s.key === p.synchronizer))
        return err({ code: 'UNKNOWN_SYNCHRONIZER', message: `There is no synchronizer ${p.synchronizer}.` });
      const record: InstalledRecord = {
        id: `i${nextId++}`,
        structureId: p.structureId,
        synchronizer: p.synchronizer,
        params: p.params,
        runAs: a,
        enabled: false,
      };
      installed.set(record.id, record);
      return ok({ synchronizer: installedDto(record) });
    },
    listInstalledSynchronizers: (p, a) => {
      const r = need(p.structureId, a, 'view');
      if (r.error) return r.error;
      const list = [...installed.values()].filter((i) => i.structureId === p.structureId).map(installedDto);
      return ok({ synchronizers: list, canChange: levelOf(r.structure!, a) === 'control' });
    },
    updateSynchronizer: (p, a) => {
      const found = installedFor(p.structureId, p.synchronizerId, a);
      if ('error' in found) return found.error;
      found.record.params = p.params;
      return ok({ synchronizer: installedDto(found.record) });
    },
    removeSynchronizer: (p, a) => {
      const found = installedFor(p.structureId, p.synchronizerId, a);
      if ('error' in found) return found.error;
      installed.delete(found.record.id);
      return ok({ removed: true as const });
    },
    setSynchronizerEnabled: (p, a) => {
      const found = installedFor(p.structureId, p.synchronizerId, a);
      if ('error' in found) return found.error;
      if (p.enabled && installedDto(found.record).state === 'not-available') return notAvailable(found.record);
      found.record.enabled = p.enabled;
      // As in the backend: the guard's stop stays until someone enables the synchronizer again.
      if (p.enabled) delete found.record.stoppedByGuard;
      return ok({ synchronizer: installedDto(found.record) });
    },
    previewResync: async (p, a) => {
      const found = installedFor(p.structureId, p.synchronizerId, a);
      if ('error' in found) return found.error;
      const refused = resyncRefusal(found.record, p.direction);
      if (refused) return refused;
      const { synchronizer, params, runAs } = found.record;
      if (p.direction === 'export')
        return ok({ direction: 'export' as const, export: planExport(p.structureId, synchronizer, params) });
      const preview = await previewImportOf(p.structureId, synchronizer, params, runAs);
      return preview.ok ? ok({ direction: 'import' as const, import: preview.data }) : preview;
    },
    resync: async (p, a) => {
      const found = installedFor(p.structureId, p.synchronizerId, a);
      if ('error' in found) return found.error;
      const refused = resyncRefusal(found.record, p.direction);
      if (refused) return refused;
      const { synchronizer, params, runAs } = found.record;
      const started =
        p.direction === 'export'
          ? ok(startExportOf(p.structureId, synchronizer, params, runAs))
          : await startImportOf(p.structureId, synchronizer, params, runAs);
      if (!started.ok) return started;
      Object.assign(started.data.job, { installedSynchronizerId: found.record.id, trigger: 'manual' });
      found.record.lastRun = { jobId: started.data.job.id, direction: p.direction, at: started.data.job.createdAt };
      return started;
    },
    previewExport: (p, a) => {
      const r = need(p.structureId, a, 'control');
      if (r.error) return r.error;
      if (!settings.synchronizersEnabled) return disabled();
      if (!exporters.has(p.synchronizer))
        return err({
          code: 'DIRECTION_NOT_SUPPORTED',
          message: `The ${p.synchronizer} synchronizer does not export.`,
          field: 'direction',
        });
      return ok(planExport(p.structureId, p.synchronizer, p.params));
    },
    startExport: (p, a) => {
      const r = need(p.structureId, a, 'control');
      if (r.error) return r.error;
      if (!settings.synchronizersEnabled) return disabled();
      if (!exporters.has(p.synchronizer))
        return err({
          code: 'DIRECTION_NOT_SUPPORTED',
          message: `The ${p.synchronizer} synchronizer does not export.`,
          field: 'direction',
        });
      return ok(startExportOf(p.structureId, p.synchronizer, p.params, a));
    },
    revertJob: (p, a) => {
      const job = jobs.get(p.jobId);
      if (!job || need(job.structureId, a, 'view').error)
        return err({ code: 'JOB_NOT_FOUND', message: `There is no job ${p.jobId}.` });
      const r = need(job.structureId, a, 'control');
      if (r.error) return r.error;
      if (job.kind !== 'export' || !job.revertible)
        return err({
          code: 'REVERT_NOT_POSSIBLE',
          message: 'Only a finished export that has not been reverted can be reverted.',
        });
      return ok({ job: startRevertOf(job, a) });
    },
    listJobChanges: (p, a) => {
      const job = jobs.get(p.jobId);
      if (!job || need(job.structureId, a, 'view').error)
        return err({ code: 'JOB_NOT_FOUND', message: `There is no job ${p.jobId}.` });
      const all = changeLogs.get(p.jobId) ?? [];
      const start = Number(p.cursor ?? 0);
      const end = Math.min(all.length, start + (p.limit ?? 100));
      return ok({
        changes: all.slice(start, end),
        total: all.length,
        hidden: 0,
        ...(end < all.length ? { nextCursor: String(end) } : {}),
      });
    },
  };

  async function invoke(key: string, payload: unknown, accountId: string): Promise<unknown> {
    const handler = handlers[key as ResolverKey] as ((p: unknown, a: string) => unknown) | undefined;
    if (!handler) throw new Error(`Resolver has no definition for '${key}'.`);
    return handler(payload ?? {}, accountId);
  }
  return { invoke, controls };
}
