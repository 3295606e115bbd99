// Export and revert jobs on the job engine, each stage a few Jira calls and one checkpoint:
//   gather — read Jira (board order, facts, filter matches), a value of job data per unit;
//   plan   — the domain plans; the permission preflight (nothing is written when something is missing);
//   write  — rank calls first (re-planned from Jira's simulated order after a refused one), then parent
//            and link writes; per-issue refusals are recorded, not fatal;
//   finish — the change log with every change's old and new value and outcome, kept for revert.
import type { ExportChangeDto, JobLogEntry } from '../../contract';
import {
  applyRankOps,
  planRankExport,
  planRevert,
  preflightChangesOf,
  type ChangeLogEntry,
  type RankLogEntry,
  type RankOperation,
} from '../../domain/export';
import { RECONCILE_LIMIT } from '../../domain/background';
import type { IssueId } from '../../domain/forest';
import { JobDataRepository, type ExportCheckpoint, type ExportJob, type RevertJob } from '../../storage';
import { afterExportWrote } from '../background/after-export';
import { AppError } from '../errors';
import { forestsOf, historyOf, loadForest } from '../forest-store';
import type { Invocation } from '../invocation';
import { jobsOf } from '../jobs/read';
import type { JobKindSpec, Stage, StageContext, StageResult } from '../jobs/stage';
import { displayNamesOf } from '../installed/summary';
import { factsStep, gatherDone, gatherStep } from './gather';
import { FAIL, PAGE } from './names';
import { describeKey, idsOfLog, settleLog } from './outcomes';
import {
  changeDto,
  factsById,
  isChange,
  keysOfLog,
  mergePages,
  planExport,
  statusOps,
  withStatuses,
  type Gathered,
} from './plan';
import { projectIdsOf, runPreflight } from './preflight';
import { CHANGE_LOG_TTL } from './retention';
import { structureIdsOf } from './structure-ids';
import { exportSpecFor } from './prepare';
import type { GatherContext, GatherPage, GatherStep } from './spec';
import { callsOf, opKey, runOtherOp, runRankOp, type OtherOp } from './write';
import { alsoReadStep, changedFactsStep } from './incremental';

const projectsOf = (pages: readonly GatherPage[]): string[] =>
  [...new Set(pages.flatMap((p) => p.facts.map((f) => f.p)))].filter((p) => p !== '').sort();
const distinctFacts = (pages: readonly GatherPage[]): number =>
  new Set(pages.flatMap((p) => p.facts.map((f) => f.i))).size;
const utcTime = (ms: number): string => new Date(ms).toISOString().slice(11, 16);

function gatheredMessage(cp: ExportCheckpoint, issues: number, readNow: number): string {
  if (!cp.base) return `Read ${issues} issues from Jira.`;
  return `Read ${readNow} issues from Jira: those updated since ${utcTime(cp.base.since)} UTC and those new in the structure; the other ${Math.max(0, issues - readNow)} as the run of ${utcTime(cp.base.since)} UTC read them (full read at ${utcTime(cp.base.fullAt)} UTC; a full read comes back daily).`;
}

/**
 * Jira calls per unit. Forge allows ~100 outbound requests per invocation (Jira and storage alike) and the
 * engine runs up to 20 units in one: a gather unit makes 2 calls, 1 job data write and 1 commit, a
 * write unit 3 calls and 1 commit (plus 1 write when Jira refused something) — about 4 requests a unit.
 */
export const GATHER_CALLS_PER_UNIT = 2;
export const WRITE_CALLS_PER_UNIT = 3;
const PROBLEMS_SHOWN = 50;
/** A revert reads the logged issues' facts with their links and ranks, whatever the synchronizer was. */
const REVERT_GATHER: ReadonlyArray<GatherStep> = [factsStep({ links: true })];
const FAILURES_LOGGED = 20;

export const EXPORT_PHASE = {
  gather: 'reading Jira',
  plan: 'planning the changes',
  write: 'writing to Jira',
  finish: 'recording the changes',
} as const;

type Job = ExportJob | RevertJob;
type Ctx = StageContext<Job>;
type Line = Pick<JobLogEntry, 'level' | 'message'>;

/** What one invocation keeps in memory between units, so each value is read from KVS once. */
interface ExportCache {
  pages?: GatherPage[];
  gathered?: Gathered;
  rankOps?: RankOperation[];
  otherOps?: OtherOp[];
  structureIds?: IssueId[];
  /** Issues an incremental run's base gave facts for, and their projects. */
  baseFacts?: Set<IssueId>;
  baseProjects?: string[];
}

function cacheOf(ctx: Ctx): ExportCache {
  let cache = ctx.cache.get('export') as ExportCache | undefined;
  if (!cache) ctx.cache.set('export', (cache = {}));
  return cache;
}

const dataOf = (inv: Invocation): JobDataRepository => new JobDataRepository(inv.kvsWrites);

async function pagesOf(ctx: Ctx): Promise<GatherPage[]> {
  const cache = cacheOf(ctx);
  if (!cache.pages) {
    const data = dataOf(ctx.inv);
    const read = (jobId: string, pagePieces: number[]) =>
      data.getValues<GatherPage[]>(
        jobId,
        pagePieces.map((pieces, n) => ({ name: PAGE(n), pieces })),
      );
    // An incremental run's own pages come last, so what it read again wins over its base's.
    const base: GatherPage[][] = [];
    for (const b of ctx.job.checkpoint.base?.pages ?? []) base.push(...(await read(b.jobId, b.pagePieces)));
    cache.baseFacts ??= new Set(base.flat().flatMap((p) => p.facts.map((f) => f.i)));
    cache.pages = [...base, ...(await read(ctx.job.id, ctx.job.checkpoint.pagePieces))].flat();
  }
  return cache.pages;
}

async function gatheredOf(ctx: Ctx): Promise<Gathered> {
  const cache = cacheOf(ctx);
  cache.gathered ??= mergePages(await pagesOf(ctx));
  return cache.gathered;
}

/** Revert reads the export's log; the export its structure. */
async function exportLogOf(inv: Invocation, revert: RevertJob): Promise<ChangeLogEntry[]> {
  const exportJob = await jobsOf(inv).get(revert.revertOf);
  if (exportJob?.kind !== 'export' || !exportJob.checkpoint.pieces)
    throw new AppError('REVERT_NOT_POSSIBLE', 'The export being reverted has no change log.');
  const data = dataOf(inv);
  const log = await data.getValue<ChangeLogEntry[]>(exportJob.id, 'log', exportJob.checkpoint.pieces.log);
  // A finished export settled its log; a cancelled or failed one stopped before, so settle it here.
  return exportJob.state === 'finished'
    ? log
    : settleLog(log, await failuresOf(data, exportJob.id, exportJob.checkpoint));
}

const gatherStage: Stage<Job> = {
  name: 'gather',
  phase: EXPORT_PHASE.gather,
  async run(ctx): Promise<StageResult<Job>> {
    const { inv, job } = ctx;
    const cp = job.checkpoint;
    const cache = cacheOf(ctx);
    if (!cache.structureIds) {
      cache.structureIds =
        job.kind === 'export'
          ? structureIdsOf((await loadForest(inv, job.structureId)).forest)
          : idsOfLog(await exportLogOf(inv, job));
    }
    const pages = await pagesOf(ctx);
    // The facts step skips issues an earlier step (or the incremental run's base) gave facts for.
    const orderKnown = new Set([...pages.flatMap((p) => p.order ?? []), ...(cache.baseFacts ?? [])]);
    // A revert reads facts with links and ranks of the logged issues, whatever the synchronizer was.
    const steps =
      job.kind === 'revert'
        ? REVERT_GATHER
        : cp.base
          ? [
              changedFactsStep(cp.base.since, inv.now, (cache.baseProjects ??= projectsOf(pages))),
              ...(cp.base.alsoRead ? [alsoReadStep(cp.base.alsoRead)] : []),
              ...exportSpecFor(job.synchronizer).gather(job.params),
            ]
          : exportSpecFor(job.synchronizer).gather(job.params);
    const gather: GatherContext = {
      params: job.params,
      structureIds: cache.structureIds,
      orderKnown,
      rankField: cp.rankField,
    };
    const pagePieces = [...cp.pagePieces];
    let cursor = cp.cursor;
    const read: GatherPage[] = [];
    for (let calls = 0; calls < GATHER_CALLS_PER_UNIT && !gatherDone(steps, cursor); calls++) {
      const next = await gatherStep(inv.jira, steps, gather, cursor);
      read.push(next.page);
      for (const id of next.page.order ?? []) orderKnown.add(id);
      if (cp.base) for (const f of next.page.facts) orderKnown.add(f.i);
      cursor = next.cursor;
    }
    // One job data value for the unit's pages: one storage write, whatever the number of calls.
    if (read.length > 0) pagePieces.push(await dataOf(inv).putValue(job.id, PAGE(pagePieces.length), read));
    pages.push(...read);
    cache.gathered = undefined;
    const done = gatherDone(steps, cursor);
    const issues = pages.reduce((n, p) => n + p.facts.length, 0);
    const readNow = read.reduce((n, p) => n + p.facts.length, 0) + (cp.gathered ?? 0);
    return {
      next: done ? 'next' : 'again',
      changes: { checkpoint: { ...cp, cursor, pagePieces, ...(cp.base ? { gathered: readNow } : {}) } },
      progress: { phase: EXPORT_PHASE.gather, done: cp.base ? readNow : issues },
      log: done ? [{ level: 'info', message: gatheredMessage(cp, distinctFacts(pages), readNow) }] : [],
      // Planning reads and writes much job data and asks Jira about permissions: give it an invocation of its own.
      handOver: done,
    };
  },
};

async function planExportStage(ctx: StageContext<ExportJob>): Promise<StageResult<Job>> {
  const { inv, job } = ctx;
  const cp = job.checkpoint;
  const { forest } = await loadForest(inv, job.structureId);
  const gathered = await gatheredOf(ctx);
  const spec = exportSpecFor(job.synchronizer);
  const names = await displayNamesOf(inv, job.synchronizer, job.params);
  const planned = planExport(spec, job.params, forest, gathered, names);
  const preflight = await runPreflight(
    inv.jira,
    preflightChangesOf(planned.plan),
    (id) => gathered.facts.get(id)?.p,
    projectIdsOf(gathered.facts.values()),
  );
  const log: Line[] = [
    ...planned.warnings.map((message): Line => ({ level: 'warn', message })),
    ...planned.notRepresentable
      .slice(0, FAILURES_LOGGED)
      .map((r): Line => ({ level: 'warn', message: `Not written: ${r}` })),
  ];
  if (!preflight.ok) {
    return {
      next: { failed: { code: 'EXPORT_PERMISSIONS', message: `${preflight.message} Nothing was written.` } },
      changes: { checkpoint: { ...cp, counts: planned.counts } },
      log,
    };
  }
  const data = dataOf(inv);
  const rankOps = [...(planned.plan.rank?.operations ?? [])];
  const pieces = {
    rankOps: await data.putValue(job.id, 'rankops', rankOps),
    otherOps: await data.putValue(job.id, 'otherops', planned.otherOps),
    log: await data.putValue(job.id, 'log', planned.log, CHANGE_LOG_TTL),
    order: await data.putValue(job.id, 'order', planned.jiraOrder),
    structureOrder: await data.putValue(job.id, 'sorder', planned.structureOrder),
  };
  const cache = cacheOf(ctx);
  cache.rankOps = rankOps;
  cache.otherOps = planned.otherOps;
  const c = planned.counts;
  log.push({
    level: 'info',
    message:
      c.statusChanges > 0
        ? `Plan: ${c.statusChanges} status changes, through the workflows' transitions. Permissions checked.`
        : `Plan: ${c.issuesRanked} issues to rank in ${c.rankCalls} calls, ${c.parentChanges} parent changes, ${c.linksCreated} links${spec.linksWording?.(job.params, names) ?? ''} to create, ${c.linksDeleted} to delete, ${c.notRepresentable} placements Jira cannot hold. Permissions checked.`,
  });
  return {
    next: 'next',
    changes: {
      checkpoint: {
        ...cp,
        counts: c,
        pieces,
        rankOpsCount: rankOps.length,
        otherOpsCount: planned.otherOps.length,
      },
    },
    progress: { phase: EXPORT_PHASE.write, done: 0, total: rankOps.length + planned.otherOps.length },
    log,
  };
}

async function planRevertStage(ctx: StageContext<RevertJob>): Promise<StageResult<Job>> {
  const { inv, job } = ctx;
  const cp = job.checkpoint;
  const exportLog = await exportLogOf(inv, job);
  const gathered = await gatheredOf(ctx);
  const facts = factsById(gathered);
  const rankOrder = exportLog
    .filter((e): e is RankLogEntry => e.kind === 'rank')
    .map((e) => e.issueId)
    .filter((id) => facts.get(id)?.rank !== undefined)
    .sort((a, b) => ((facts.get(a)?.rank as string) < (facts.get(b)?.rank as string) ? -1 : 1));
  const plan = planRevert({ log: exportLog, facts, rankOrder });
  const keyOf = (id: IssueId): string => gathered.facts.get(id)?.k ?? String(id);
  const log: Line[] = plan.skipped.map((skipped) => ({
    level: 'info',
    message: `Skipped ${skipped.entry.kind} of ${keyOf(skipped.entry.issueId)}: ${skipped.reason}`,
  }));
  const changes = {
    rank: plan.rank,
    parents: plan.parents,
    linkCreates: plan.linkCreates,
    linkDeletes: plan.linkDeletes,
    statuses: plan.statuses,
  };
  const preflight = await runPreflight(
    inv.jira,
    changes,
    (id) => gathered.facts.get(id)?.p,
    projectIdsOf(gathered.facts.values()),
  );
  if (!preflight.ok) {
    const message = `${preflight.message?.replace('this export', 'this revert')} Nothing was written.`;
    return { next: { failed: { code: 'EXPORT_PERMISSIONS', message } }, log };
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
    // Back to where they were, by any transition the workflow offers.
    ...statusOps(plan.statuses, { allowed: {} }),
  ];
  const data = dataOf(inv);
  const pieces = {
    rankOps: await data.putValue(job.id, 'rankops', plan.rank),
    otherOps: await data.putValue(job.id, 'otherops', otherOps),
    log: 0,
  };
  const cache = cacheOf(ctx);
  cache.rankOps = [...plan.rank];
  cache.otherOps = otherOps;
  return {
    next: 'next',
    changes: {
      checkpoint: {
        ...cp,
        pieces,
        rankOpsCount: plan.rank.length,
        otherOpsCount: otherOps.length,
        skipped: plan.skipped.length,
      },
    },
    progress: { phase: EXPORT_PHASE.write, done: 0, total: plan.rank.length + otherOps.length },
    log,
  };
}

const planStage: Stage<Job> = {
  name: 'plan',
  phase: EXPORT_PHASE.plan,
  run: (ctx) =>
    ctx.job.kind === 'export' ? planExportStage({ ...ctx, job: ctx.job }) : planRevertStage({ ...ctx, job: ctx.job }),
};

async function writeUnit(ctx: Ctx): Promise<StageResult<Job>> {
  const { inv, job } = ctx;
  const s = job.checkpoint;
  const cache = cacheOf(ctx);
  const data = dataOf(inv);
  if (!s.pieces) throw new Error(`Export ${job.id} reached its writes without a plan`);
  const pieces = { ...s.pieces };
  cache.rankOps ??= await data.getValue<RankOperation[]>(job.id, 'rankops', pieces.rankOps);
  cache.otherOps ??= await data.getValue<OtherOp[]>(job.id, 'otherops', pieces.otherOps);
  let rankOps = cache.rankOps;
  const otherOps = cache.otherOps;
  let { rankIndex, otherIndex, applied, failed, replans } = s;
  const failedRank = new Set(s.failedRank);
  const failures: Array<[string, string]> = [];
  const held = new Map(s.heldStatus ?? []);
  let heldNow = false;
  let replanned = false;
  for (let calls = 0; calls < WRITE_CALLS_PER_UNIT; calls++) {
    if (rankIndex < rankOps.length) {
      const op = rankOps[rankIndex++];
      const outcomes = await runRankOp(inv.jira, op, s.rankFieldId);
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
      if (refused > 0 && job.kind === 'export' && rankIndex < rankOps.length) {
        // The calls after a refused one were anchored on issues that did not move: plan the rest again
        // from where Jira's order now is, leaving out the issues Jira refuses to rank.
        const base = await data.getValue<IssueId[]>(job.id, 'order', pieces.order as number);
        const done = rankOps
          .slice(0, rankIndex)
          .map((o) => ({ ...o, issues: o.issues.filter((id) => !failedRank.has(id)) }))
          .filter((o) => o.issues.length > 0);
        const now = applyRankOps(base, done);
        const structureOrder = (
          await data.getValue<IssueId[]>(job.id, 'sorder', pieces.structureOrder as number)
        ).filter((id) => !failedRank.has(id));
        rankOps = [...planRankExport({ structureOrder, jiraOrder: now }).operations];
        pieces.order = await data.putValue(job.id, 'order', now);
        rankIndex = 0;
        replans++;
        replanned = true;
      }
    } else if (otherIndex < otherOps.length) {
      const op = otherOps[otherIndex++];
      calls += callsOf(op) - 1;
      const error = await runOtherOp(inv.jira, op);
      if (error === undefined) applied++;
      else {
        failed++;
        failures.push([opKey(op), error]);
        if (op.k === 'status') {
          held.set(op.issueId, error);
          heldNow = true;
          // The statuses above it were planned as if it had moved: plan them again before writing on.
          break;
        }
      }
    } else break;
  }
  let otherOpsNow = otherOps;
  if (heldNow && job.kind === 'export' && otherIndex < otherOps.length) {
    // The issues above a status that did not move were planned as if it had: plan them again from what
    // Jira now holds, keeping the held ones where they are.
    const replan = await replanStatuses({ ...ctx, job }, otherOps.slice(0, otherIndex), held);
    otherOpsNow = [...otherOps.slice(0, otherIndex), ...replan.ops];
    cache.otherOps = otherOpsNow;
    pieces.otherOps = await data.putValue(job.id, 'otherops', otherOpsNow);
    pieces.log = await data.putValue(
      job.id,
      'log',
      replan.log(await data.getValue(job.id, 'log', pieces.log)),
      CHANGE_LOG_TTL,
    );
    replans++;
  }
  if (replanned) pieces.rankOps = await data.putValue(job.id, 'rankops', rankOps);
  cache.rankOps = rankOps;
  const failPieces = [...s.failPieces];
  if (failures.length > 0) failPieces.push(await data.putValue(job.id, FAIL(failPieces.length), failures));
  const finished = rankIndex >= rankOps.length && otherIndex >= otherOpsNow.length;
  const log: Line[] = [];
  const toLog = failures.slice(0, Math.max(0, FAILURES_LOGGED - s.failed));
  if (toLog.length > 0) {
    const gathered = await gatheredOf(ctx);
    const keyOf = (id: string): string => gathered.facts.get(Number(id))?.k ?? `issue ${id}`;
    for (const [key, message] of toLog)
      log.push({
        level: 'warn',
        // A status that found no allowed transition was not refused by Jira: the message says why.
        message: key.startsWith('status:')
          ? `${keyOf(key.slice('status:'.length))} ${message}`
          : `Jira refused ${describeKey(key, keyOf)}: ${message}`,
      });
  }
  if (replanned)
    log.push({
      level: 'info',
      message: 'A rank call was partly refused; the remaining rank calls were planned again.',
    });
  return {
    next: finished ? 'next' : 'again',
    changes: {
      checkpoint: {
        ...s,
        pieces,
        rankIndex,
        otherIndex,
        rankOpsCount: rankOps.length,
        otherOpsCount: otherOpsNow.length,
        applied,
        failed,
        replans,
        failPieces,
        failedRank: [...failedRank],
        ...(held.size > 0 ? { heldStatus: [...held] } : {}),
      },
    },
    progress: {
      phase: finished ? EXPORT_PHASE.finish : EXPORT_PHASE.write,
      done: rankIndex + otherIndex,
      total: rankOps.length + otherOpsNow.length,
    },
    log,
  };
}

/**
 * The status writes still to come, planned again with the held issues kept where they are and the
 * statuses written so far as Jira now holds them; and the change log with their entries replaced.
 */
async function replanStatuses(
  ctx: StageContext<ExportJob>,
  done: readonly OtherOp[],
  held: ReadonlyMap<IssueId, string>,
): Promise<{ ops: OtherOp[]; log: (planned: ChangeLogEntry[]) => ChangeLogEntry[] }> {
  const { inv, job } = ctx;
  const written = new Map(
    done.flatMap((op) => (op.k === 'status' && !held.has(op.issueId) ? [[op.issueId, op.to] as const] : [])),
  );
  const { forest } = await loadForest(inv, job.structureId);
  const spec = exportSpecFor(job.synchronizer);
  const names = await displayNamesOf(inv, job.synchronizer, job.params);
  const planned = planExport(spec, job.params, forest, withStatuses(await gatheredOf(ctx), written), names, held);
  const doneIds = new Set(done.flatMap((op) => (op.k === 'status' ? [op.issueId] : [])));
  return {
    ops: planned.otherOps.filter((op) => op.k === 'status'),
    log: (log) => [
      ...log.filter((e) => e.kind !== 'status' || doneIds.has(e.issueId)),
      ...planned.log.filter((e) => e.kind === 'status'),
    ],
  };
}

const writeStage: Stage<Job> = { name: 'write', phase: EXPORT_PHASE.write, run: writeUnit };

async function failuresOf(data: JobDataRepository, jobId: string, s: ExportCheckpoint): Promise<Map<string, string>> {
  const values = await data.getValues<Array<[string, string]>>(
    jobId,
    s.failPieces.map((pieces, n) => ({ name: FAIL(n), pieces })),
  );
  return new Map(values.flat());
}

async function finishUnit(ctx: Ctx): Promise<StageResult<Job>> {
  const { inv, job } = ctx;
  const s = job.checkpoint;
  const data = dataOf(inv);
  const failures = await failuresOf(data, job.id, s);
  const gathered = await gatheredOf(ctx);
  const keyOf = (id: IssueId): string => gathered.facts.get(id)?.k ?? String(id);
  if (!s.pieces) throw new Error(`Export ${job.id} reached its end without a plan`);
  const pieces = { ...s.pieces };
  let problems: ExportChangeDto[];
  let appliedChanges = s.applied;
  let writtenIssueIds: number[] | undefined;
  if (job.kind === 'export') {
    const planned = await data.getValue<ChangeLogEntry[]>(job.id, 'log', pieces.log);
    const settled = settleLog(planned, failures);
    const rankEntries = planned.filter((e) => e.kind === 'rank');
    pieces.log = await data.putValue(job.id, 'log', settled, CHANGE_LOG_TTL);
    // Keys of the logged issues, kept with the log: the gathered pages holding them expire.
    pieces.keys = await data.putValue(job.id, 'keys', keysOfLog(settled, keyOf), CHANGE_LOG_TTL);
    const total = rankEntries.length;
    problems = settled
      .filter((e) => e.outcome === 'failed')
      .slice(0, PROBLEMS_SHOWN)
      .map((e) => changeDto(e, keyOf, total));
    const applied = settled.filter((e) => e.outcome === 'applied' && isChange(e));
    appliedChanges = applied.length;
    writtenIssueIds = [...new Set(applied.map((e) => e.issueId))].slice(-RECONCILE_LIMIT);
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
    statusChanges: 0,
    notRepresentable: 0,
  };
  const result = { counts, applied: appliedChanges, failed: failures.size, skipped: s.skipped, problems };
  const what = job.kind === 'export' ? 'Export' : 'Revert';
  const message =
    `${what} finished: ${appliedChanges} changes written` +
    (failures.size > 0 ? `, ${failures.size} refused by Jira (see the problems)` : '') +
    (s.skipped > 0 ? `, ${s.skipped} skipped because Jira changed since the export` : '') +
    '.';
  return {
    next: 'done',
    changes: { checkpoint: { ...s, pieces, result, ...(writtenIssueIds ? { writtenIssueIds } : {}) } },
    progress: { phase: 'finished', done: s.rankIndex + s.otherIndex, total: s.rankOpsCount + s.otherOpsCount },
    log: [{ level: failures.size > 0 ? 'warn' : 'info', message }],
  };
}

const finishStage: Stage<Job> = { name: 'finish', phase: EXPORT_PHASE.finish, run: finishUnit };

const STAGES: ReadonlyArray<Stage<Job>> = [gatherStage, planStage, writeStage, finishStage];

/**
 * An export or revert that wrote something — finished, failed or cancelled part-way — tells background sync,
 * which ignores the app's own product events (see after-export.ts). It goes in the structure's history too,
 * beside the version it ran on, as does a finished one that found nothing to write.
 */
async function ended(inv: Invocation, job: Job): Promise<void> {
  if (job.checkpoint.applied > 0) await afterExportWrote(inv.kvsWrites, inv.now(), job.checkpoint.writtenIssueIds);
  if (job.checkpoint.applied > 0 || job.state === 'finished') await recordInHistory(inv, job);
}

async function recordInHistory(inv: Invocation, job: Job): Promise<void> {
  const header = await forestsOf(inv).getHeader(job.structureId);
  if (!header || (job.state !== 'finished' && job.state !== 'failed' && job.state !== 'cancelled')) return;
  await historyOf(inv).recordExport(job.structureId, {
    kind: job.kind,
    version: header.version,
    at: inv.now(),
    who: job.startedBy,
    jobId: job.id,
    changes: job.checkpoint.applied,
    state: job.state,
  });
}

export const exportJobKind: JobKindSpec<ExportJob> = {
  kind: 'export',
  stages: () => STAGES,
  untouched: 'changes written to Jira before this stay (see the log)',
  cancelled: 'changes already written to Jira stay',
  ended,
};

export const revertJobKind: JobKindSpec<RevertJob> = {
  kind: 'revert',
  stages: () => STAGES,
  untouched: 'changes written to Jira before this stay (see the log)',
  cancelled: 'changes already written to Jira stay',
  ended,
};
