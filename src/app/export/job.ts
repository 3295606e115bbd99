// Export and revert jobs as resumable units of work, each a few Jira calls and one checkpoint:
//   gather — read Jira (board order, facts, filter matches), a value of job data per unit;
//   plan   — the domain plans; the permission preflight (nothing is written when something is missing);
//   write  — rank calls first (re-planned from Jira's simulated order after a refused one), then parent
//            and link writes; per-issue refusals are recorded, not fatal;
//   finish — the change log with every change's old and new value and outcome, kept for revert.
import type { ExportChangeDto } from '../../contract';
import {
  applyRankOps,
  planRankExport,
  planRevert,
  preflightChangesOf,
  type ChangeLogEntry,
  type RankLogEntry,
  type RankOperation,
} from '../../domain/export';
import type { IssueId } from '../../domain/forest';
import { ExportDataRepository, type JobRecord } from '../../storage';
import { afterExportWrote } from '../background/after-export';
import { AppError } from '../errors';
import { loadForest } from '../forest-store';
import type { JobStep } from '../job-step';
import { jobsOf } from '../jobs';
import { firstCursor, gatherStep, type GatherContext, type GatherPage } from './gather';
import { changeDto, factsById, isChange, keysOfLog, mergePages, planExport, type Gathered } from './plan';
import { projectIdsOf, runPreflight } from './preflight';
import { FAIL, PAGE, stateOf, type ExportState } from './state';
import { structureIdsOf } from './structure-ids';
import { describeKey, idsOfLog, settleLog } from './outcomes';
import { opKey, runOtherOp, runRankOp, type OtherOp } from './write';
import { linkTypeNameOfParams } from '../names/link-type-name';
import { CHANGE_LOG_TTL } from './retention';

/**
 * Jira calls per unit. Forge allows ~100 outbound requests per invocation (Jira and storage alike) and the
 * job runner runs up to 20 units in one: a gather unit makes 2 calls, 1 job data write and 1 commit, a
 * write unit 3 calls and 1 commit (plus 1 write when Jira refused something) — about 4 requests a unit.
 */
export const GATHER_CALLS_PER_UNIT = 2;
export const WRITE_CALLS_PER_UNIT = 3;
const PROBLEMS_SHOWN = 50;
const FAILURES_LOGGED = 20;

export const EXPORT_PHASE = {
  gather: 'reading Jira',
  write: 'writing to Jira',
  finish: 'recording the changes',
} as const;

interface ExportCache {
  /** Read by the job runner: hand over to a fresh invocation before the next unit. */
  handOver?: boolean;
  pages?: GatherPage[];
  gathered?: Gathered;
  rankOps?: RankOperation[];
  otherOps?: OtherOp[];
  structureIds?: IssueId[];
}

const dataOf = (step: JobStep): ExportDataRepository => new ExportDataRepository(step.inv.kvsWrites);

export async function runExportUnit(step: JobStep, cacheIn: Record<string, unknown>): Promise<JobRecord> {
  const cache = cacheIn as ExportCache;
  const s = stateOf(step.job);
  switch (s.phase) {
    case 'gather':
      return gatherUnit(step, s, cache);
    case 'plan':
      return s.mode === 'export' ? planExportUnit(step, s, cache) : planRevertUnit(step, s, cache);
    case 'write':
      return writeUnit(step, s, cache);
    case 'finish':
      return finishUnit(step, s, cache);
  }
}

async function pagesOf(step: JobStep, s: ExportState, cache: ExportCache): Promise<GatherPage[]> {
  if (!cache.pages) {
    const values = await dataOf(step).getMany<GatherPage[]>(
      step.job.id,
      s.pagePieces.map((pieces, n) => ({ name: PAGE(n), pieces })),
    );
    cache.pages = values.flat();
  }
  return cache.pages;
}

async function gatheredOf(step: JobStep, s: ExportState, cache: ExportCache): Promise<Gathered> {
  cache.gathered ??= mergePages(await pagesOf(step, s, cache));
  return cache.gathered;
}

/** Revert reads the export's log; the export its structure. */
async function exportLogOf(step: JobStep, s: ExportState): Promise<ChangeLogEntry[]> {
  const exportJob = await jobsOf(step.inv).get(s.revertOf as string);
  const es = exportJob ? stateOf(exportJob) : undefined;
  if (!exportJob || !es?.pieces)
    throw new AppError('REVERT_NOT_POSSIBLE', 'The export being reverted has no change log.');
  const log = await dataOf(step).get<ChangeLogEntry[]>(exportJob.id, 'log', es.pieces.log);
  // A finished export settled its log; a cancelled or failed one stopped before, so settle it here.
  return exportJob.state === 'finished' ? log : settleLog(log, await failuresOf(dataOf(step), exportJob.id, es));
}

async function gatherUnit(step: JobStep, s: ExportState, cache: ExportCache): Promise<JobRecord> {
  const job = step.job;
  if (!cache.structureIds) {
    cache.structureIds =
      s.mode === 'export'
        ? structureIdsOf((await loadForest(step.inv, job.structureId)).forest)
        : idsOfLog(await exportLogOf(step, s));
  }
  const pages = await pagesOf(step, s, cache);
  const orderKnown = new Set(pages.flatMap((p) => p.order ?? []));
  // A revert reads facts with links and ranks of the logged issues, whatever the synchronizer was.
  const ctx: GatherContext =
    s.mode === 'export'
      ? {
          key: job.synchronizer as GatherContext['key'],
          params: job.params,
          structureIds: cache.structureIds,
          orderKnown,
          rankField: s.rankField,
        }
      : { key: 'links', params: {}, structureIds: cache.structureIds, orderKnown, rankField: s.rankField };
  const pagePieces = [...s.pagePieces];
  let cursor = s.cursor;
  const read: GatherPage[] = [];
  for (let calls = 0; calls < GATHER_CALLS_PER_UNIT && cursor.stage !== 'done'; calls++) {
    const next = await gatherStep(step.inv.jira, ctx, cursor);
    read.push(next.page);
    for (const id of next.page.order ?? []) orderKnown.add(id);
    cursor = next.cursor;
  }
  // One job data value for the unit's pages: one storage write, whatever the number of calls.
  if (read.length > 0) pagePieces.push(await dataOf(step).put(job.id, PAGE(pagePieces.length), read));
  pages.push(...read);
  cache.gathered = undefined;
  const done = cursor.stage === 'done';
  // Planning reads and writes much job data and asks Jira about permissions: give it an invocation of its own.
  if (done) cache.handOver = true;
  const issues = pages.reduce((n, p) => n + p.facts.length, 0);
  return step.commit({
    exportState: { ...s, cursor, pagePieces, phase: done ? 'plan' : 'gather' } as unknown as Record<string, unknown>,
    progress: { phase: EXPORT_PHASE.gather, done: issues },
    log: done ? step.log('info', `Read ${issues} issues from Jira.`) : step.job.log,
  });
}

/** " of type “Blocks”" in a Links export's plan line (the id when Jira does not list the type). */
function linksOfType(job: JobRecord, linkTypeName: string | undefined): string {
  if (job.synchronizer !== 'links') return '';
  return linkTypeName !== undefined
    ? ` of type “${linkTypeName}”`
    : ` of type ${String((job.params as { linkTypeId?: unknown }).linkTypeId)}`;
}

async function planExportUnit(step: JobStep, s: ExportState, cache: ExportCache): Promise<JobRecord> {
  const job = step.job;
  const { forest } = await loadForest(step.inv, job.structureId);
  const gathered = await gatheredOf(step, s, cache);
  const linkTypeName = await linkTypeNameOfParams(step.inv, job.synchronizer, job.params);
  const planned = planExport(job.synchronizer as GatherContext['key'], job.params, forest, gathered, linkTypeName);
  const preflight = await runPreflight(
    step.inv.jira,
    preflightChangesOf(planned.plan),
    (id) => gathered.facts.get(id)?.p,
    projectIdsOf(gathered.facts.values()),
  );
  let log = step.job.log;
  for (const w of planned.warnings)
    log = [...log, { at: new Date(step.inv.now()).toISOString(), level: 'warn', message: w }];
  for (const r of planned.notRepresentable.slice(0, FAILURES_LOGGED))
    log = [...log, { at: new Date(step.inv.now()).toISOString(), level: 'warn', message: `Not written: ${r}` }];
  if (!preflight.ok) {
    const message = `${preflight.message} Nothing was written.`;
    return step.commit({
      state: 'failed',
      finishedAt: step.inv.now(),
      error: { code: 'EXPORT_PERMISSIONS', message },
      log: [...log, { at: new Date(step.inv.now()).toISOString(), level: 'error', message }],
      exportState: { ...s, counts: planned.counts } as unknown as Record<string, unknown>,
    });
  }
  const data = dataOf(step);
  const rankOps = [...(planned.plan.rank?.operations ?? [])];
  const pieces = {
    rankOps: await data.put(job.id, 'rankops', rankOps),
    otherOps: await data.put(job.id, 'otherops', planned.otherOps),
    log: await data.put(job.id, 'log', planned.log, CHANGE_LOG_TTL),
    order: await data.put(job.id, 'order', planned.jiraOrder),
    structureOrder: await data.put(job.id, 'sorder', planned.structureOrder),
  };
  cache.rankOps = rankOps;
  cache.otherOps = planned.otherOps;
  const c = planned.counts;
  log = [
    ...log,
    {
      at: new Date(step.inv.now()).toISOString(),
      level: 'info',
      message: `Plan: ${c.issuesRanked} issues to rank in ${c.rankCalls} calls, ${c.parentChanges} parent changes, ${c.linksCreated} links${linksOfType(job, linkTypeName)} to create, ${c.linksDeleted} to delete, ${c.notRepresentable} placements Jira cannot hold. Permissions checked.`,
    },
  ];
  return step.commit({
    exportState: {
      ...s,
      phase: 'write',
      counts: c,
      pieces,
      rankOpsCount: rankOps.length,
      otherOpsCount: planned.otherOps.length,
    } as unknown as Record<string, unknown>,
    progress: { phase: EXPORT_PHASE.write, done: 0, total: rankOps.length + planned.otherOps.length },
    log,
  });
}

async function planRevertUnit(step: JobStep, s: ExportState, cache: ExportCache): Promise<JobRecord> {
  const job = step.job;
  const exportLog = await exportLogOf(step, s);
  const gathered = await gatheredOf(step, s, cache);
  const facts = factsById(gathered);
  const rankOrder = exportLog
    .filter((e): e is RankLogEntry => e.kind === 'rank')
    .map((e) => e.issueId)
    .filter((id) => facts.get(id)?.rank !== undefined)
    .sort((a, b) => ((facts.get(a)?.rank as string) < (facts.get(b)?.rank as string) ? -1 : 1));
  const plan = planRevert({ log: exportLog, facts, rankOrder });
  const keyOf = (id: IssueId): string => gathered.facts.get(id)?.k ?? String(id);
  let log = step.job.log;
  for (const skipped of plan.skipped) {
    log = [
      ...log,
      {
        at: new Date(step.inv.now()).toISOString(),
        level: 'info',
        message: `Skipped ${skipped.entry.kind} of ${keyOf(skipped.entry.issueId)}: ${skipped.reason}`,
      },
    ];
  }
  const changes = {
    rank: plan.rank,
    parents: plan.parents,
    linkCreates: plan.linkCreates,
    linkDeletes: plan.linkDeletes,
  };
  const preflight = await runPreflight(
    step.inv.jira,
    changes,
    (id) => gathered.facts.get(id)?.p,
    projectIdsOf(gathered.facts.values()),
  );
  if (!preflight.ok) {
    const message = `${preflight.message?.replace('this export', 'this revert')} Nothing was written.`;
    return step.commit({
      state: 'failed',
      finishedAt: step.inv.now(),
      error: { code: 'EXPORT_PERMISSIONS', message },
      log: [...log, { at: new Date(step.inv.now()).toISOString(), level: 'error', message }],
    });
  }
  const otherOps: OtherOp[] = [
    ...plan.parents.map((c): OtherOp => ({ k: 'parent', issueId: c.issueId, to: c.to })),
    ...plan.linkCreates.map((c): OtherOp => ({
      k: 'link-create',
      typeId: c.linkTypeId,
      inwardId: c.inwardId,
      outwardId: c.outwardId,
    })),
    ...plan.linkDeletes.map((d): OtherOp => ({
      k: 'link-delete',
      linkId: d.linkId,
      typeId: d.linkTypeId,
      inwardId: d.inwardId,
      outwardId: d.outwardId,
    })),
  ];
  const data = dataOf(step);
  const pieces = {
    rankOps: await data.put(job.id, 'rankops', plan.rank),
    otherOps: await data.put(job.id, 'otherops', otherOps),
    log: 0,
  };
  cache.rankOps = [...plan.rank];
  cache.otherOps = otherOps;
  return step.commit({
    exportState: {
      ...s,
      phase: 'write',
      pieces,
      rankOpsCount: plan.rank.length,
      otherOpsCount: otherOps.length,
      skipped: plan.skipped.length,
    } as unknown as Record<string, unknown>,
    progress: { phase: EXPORT_PHASE.write, done: 0, total: plan.rank.length + otherOps.length },
    log,
  });
}

async function writeUnit(step: JobStep, s: ExportState, cache: ExportCache): Promise<JobRecord> {
  const job = step.job;
  const data = dataOf(step);
  const pieces = { ...(s.pieces as NonNullable<ExportState['pieces']>) };
  cache.rankOps ??= await data.get<RankOperation[]>(job.id, 'rankops', pieces.rankOps);
  cache.otherOps ??= await data.get<OtherOp[]>(job.id, 'otherops', pieces.otherOps);
  let rankOps = cache.rankOps;
  const otherOps = cache.otherOps;
  let { rankIndex, otherIndex, applied, failed, replans } = s;
  const failedRank = new Set(s.failedRank);
  const failures: Array<[string, string]> = [];
  let replanned = false;
  for (let calls = 0; calls < WRITE_CALLS_PER_UNIT; calls++) {
    if (rankIndex < rankOps.length) {
      const op = rankOps[rankIndex++];
      const outcomes = await runRankOp(step.inv.jira, op, s.rankFieldId);
      let refused = 0;
      for (const [id, o] of outcomes) {
        if (o.outcome === 'applied') applied++;
        else {
          failed++;
          refused++;
          failedRank.add(id);
          failures.push([`rank:${id}`, o.error ?? 'refused']);
        }
      }
      if (refused > 0 && s.mode === 'export' && rankIndex < rankOps.length) {
        // The calls after a refused one were anchored on issues that did not move: plan the rest again
        // from where Jira's order now is, leaving out the issues Jira refuses to rank.
        const base = await data.get<IssueId[]>(job.id, 'order', pieces.order as number);
        const done = rankOps
          .slice(0, rankIndex)
          .map((o) => ({ ...o, issues: o.issues.filter((id) => !failedRank.has(id)) }))
          .filter((o) => o.issues.length > 0);
        const now = applyRankOps(base, done);
        const structureOrder = (await data.get<IssueId[]>(job.id, 'sorder', pieces.structureOrder as number)).filter(
          (id) => !failedRank.has(id),
        );
        rankOps = [...planRankExport({ structureOrder, jiraOrder: now }).operations];
        pieces.order = await data.put(job.id, 'order', now);
        rankIndex = 0;
        replans++;
        replanned = true;
      }
    } else if (otherIndex < otherOps.length) {
      const op = otherOps[otherIndex++];
      const error = await runOtherOp(step.inv.jira, op);
      if (error === undefined) applied++;
      else {
        failed++;
        failures.push([opKey(op), error]);
      }
    } else break;
  }
  if (replanned) pieces.rankOps = await data.put(job.id, 'rankops', rankOps);
  cache.rankOps = rankOps;
  const failPieces = [...s.failPieces];
  if (failures.length > 0) failPieces.push(await data.put(job.id, FAIL(failPieces.length), failures));
  const finished = rankIndex >= rankOps.length && otherIndex >= otherOps.length;
  let log = step.job.log;
  const toLog = failures.slice(0, Math.max(0, FAILURES_LOGGED - s.failed));
  if (toLog.length > 0) {
    const gathered = await gatheredOf(step, s, cache);
    const keyOf = (id: string): string => gathered.facts.get(Number(id))?.k ?? `issue ${id}`;
    for (const [key, message] of toLog)
      log = [
        ...log,
        {
          at: new Date(step.inv.now()).toISOString(),
          level: 'warn',
          message: `Jira refused ${describeKey(key, keyOf)}: ${message}`,
        },
      ];
  }
  if (replanned)
    log = [
      ...log,
      {
        at: new Date(step.inv.now()).toISOString(),
        level: 'info',
        message: 'A rank call was partly refused; the remaining rank calls were planned again.',
      },
    ];
  return step.commit({
    exportState: {
      ...s,
      phase: finished ? 'finish' : 'write',
      pieces,
      rankIndex,
      otherIndex,
      rankOpsCount: rankOps.length,
      applied,
      failed,
      replans,
      failPieces,
      failedRank: [...failedRank],
    } as unknown as Record<string, unknown>,
    progress: {
      phase: finished ? EXPORT_PHASE.finish : EXPORT_PHASE.write,
      done: rankIndex + otherIndex,
      total: rankOps.length + otherOps.length,
    },
    log,
  });
}

async function failuresOf(data: ExportDataRepository, jobId: string, s: ExportState): Promise<Map<string, string>> {
  const values = await data.getMany<Array<[string, string]>>(
    jobId,
    s.failPieces.map((pieces, n) => ({ name: FAIL(n), pieces })),
  );
  return new Map(values.flat());
}

async function finishUnit(step: JobStep, s: ExportState, cache: ExportCache): Promise<JobRecord> {
  const job = step.job;
  const data = dataOf(step);
  const failures = await failuresOf(data, job.id, s);
  const gathered = await gatheredOf(step, s, cache);
  const keyOf = (id: IssueId): string => gathered.facts.get(id)?.k ?? String(id);
  const pieces = { ...(s.pieces as NonNullable<ExportState['pieces']>) };
  let problems: ExportChangeDto[];
  let appliedChanges = s.applied;
  if (s.mode === 'export') {
    const planned = await data.get<ChangeLogEntry[]>(job.id, 'log', pieces.log);
    const settled = settleLog(planned, failures);
    const rankEntries = planned.filter((e) => e.kind === 'rank');
    pieces.log = await data.put(job.id, 'log', settled, CHANGE_LOG_TTL);
    // Keys of the logged issues, kept with the log: the gathered pages holding them expire.
    pieces.keys = await data.put(job.id, 'keys', keysOfLog(settled, keyOf), CHANGE_LOG_TTL);
    const total = rankEntries.length;
    problems = settled
      .filter((e) => e.outcome === 'failed')
      .slice(0, PROBLEMS_SHOWN)
      .map((e) => changeDto(e, keyOf, total));
    appliedChanges = settled.filter((e) => e.outcome === 'applied' && isChange(e)).length;
  } else {
    problems = [...failures].slice(0, PROBLEMS_SHOWN).map(([key, error]) => {
      const [kind, a] = key.split(':');
      const id = Number(kind === 'link-create' ? key.split(':')[2] : a);
      return {
        kind: kind as ExportChangeDto['kind'],
        issueId: String(id),
        issueKey: keyOf(id),
        before: '',
        after: '',
        outcome: 'failed',
        error,
      };
    });
  }
  const counts = s.counts ?? {
    rankCalls: s.rankOpsCount,
    issuesRanked: 0,
    parentChanges: 0,
    linksCreated: 0,
    linksDeleted: 0,
    notRepresentable: 0,
  };
  const result = { counts, applied: appliedChanges, failed: failures.size, skipped: s.skipped, problems };
  const what = s.mode === 'export' ? 'Export' : 'Revert';
  const message =
    `${what} finished: ${appliedChanges} changes written` +
    (failures.size > 0 ? `, ${failures.size} refused by Jira (see the problems)` : '') +
    (s.skipped > 0 ? `, ${s.skipped} skipped because Jira changed since the export` : '') +
    '.';
  const finished = await step.commit({
    state: 'finished',
    finishedAt: step.inv.now(),
    exportState: { ...s, pieces, result } as unknown as Record<string, unknown>,
    progress: { phase: 'finished', done: s.rankIndex + s.otherIndex, total: s.rankOpsCount + s.otherOpsCount },
    log: step.log(failures.size > 0 ? 'warn' : 'info', message),
  });
  if (s.applied > 0) await afterExportWrote(step.inv.kvsWrites, step.inv.now());
  return finished;
}

export { firstCursor };
