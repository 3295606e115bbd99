// The import job on the job engine: the synchronizer's fetch stages, the visibility stage, then the
// apply — plan against the current forest and write the new forest together with the finished job in
// ONE transaction conditioned on both the forest version and the job step. A concurrent change of the
// structure makes the engine run the apply again from the new forest (bounded); a duplicate or cancelled
// step loses on the job condition and changes nothing.
import { applyUpdate, type Forest } from '../../domain/forest';
import {
  DeletedIssueRepository,
  JobDataRepository,
  requestUnits,
  type ChangeNote,
  type ImportJob,
} from '../../storage';
import { AppError } from '../errors';
import { forestChunks, forestsOf, historyOp, loadForest, trimHistory } from '../forest-store';
import type { Invocation } from '../invocation';
import type { JobKindSpec, Stage, StageContext, StageResult } from '../jobs/stage';
import { validateParams } from '../params';
import type { FactsPage } from './facts';
import { importSpecFor } from './registry';
import { baseOf, rememberStage } from './incremental';
import {
  planStaged,
  splitPage,
  visibilityStage,
  type FetchContext,
  type FetchStage,
  type ImportSpec,
} from './staged-import';

export const MAX_APPLY_ATTEMPTS = 5;
export const APPLYING_PHASE = 'applying to the structure';

const PAGES = 'import:pages';
const MEMO = 'import:memo';
const FOREST = 'import:forest';

const dataOf = (inv: Invocation): JobDataRepository => new JobDataRepository(inv.kvsWrites);

/** The pages written so far, read from KVS once per invocation (and again only if another wrote more). */
async function pagesOf({ inv, job, cache }: StageContext<ImportJob>): Promise<FactsPage[]> {
  const count = job.checkpoint.pages;
  const cached = cache.get(PAGES) as FactsPage[] | undefined;
  if (cached && cached.length === count) return cached;
  const pages = await dataOf(inv).readPages<FactsPage>(job.id, 0, count);
  cache.set(PAGES, pages);
  cache.set(MEMO, new Map());
  return pages;
}

function memoOf(cache: Map<string, unknown>): Map<string, unknown> {
  let memo = cache.get(MEMO) as Map<string, unknown> | undefined;
  if (!memo) cache.set(MEMO, (memo = new Map()));
  return memo;
}

/** One fetch stage as an engine stage: each run is one unit, whose page is written before the checkpoint counts it. */
function fetchStage<P, D>(spec: ImportSpec<P, D>, stage: FetchStage<P>): Stage<ImportJob> {
  return {
    name: stage.name,
    phase: stage.phase,
    async run(ctx): Promise<StageResult<ImportJob>> {
      const { inv, job, cache } = ctx;
      const cp = job.checkpoint;
      // A stage that reads no pages gets the ones already in memory, or none: this unit's page is kept only with the rest.
      const pages = stage.withoutPages ? ((cache.get(PAGES) as FactsPage[] | undefined) ?? []) : await pagesOf(ctx);
      const fetchContext: FetchContext<P> = {
        jira: inv.jira,
        params: validateParams(spec.synchronizer, job.params),
        resolved: job.resolved,
        pages,
        memo: memoOf(cache),
        forest: async () => {
          let forest = cache.get(FOREST) as Forest | undefined;
          if (!forest) cache.set(FOREST, (forest = (await loadForest(inv, job.structureId)).forest));
          return forest;
        },
        now: inv.now,
        accountId: job.startedBy,
        base: () => baseOf(ctx, spec),
        deletedSince: (since) => new DeletedIssueRepository(inv.kvsWrites).since(since),
        read: cp.read,
      };
      const unit = await stage.run(fetchContext, cp.cursor);
      let count = cp.pages;
      for (const part of [...(unit.page ? [unit.page] : []), ...(unit.pages ?? [])].flatMap(splitPage)) {
        await dataOf(inv).putPage(job.id, count, part);
        pages.push(part);
        count++;
      }
      const matched = cp.matched + (unit.fetched ?? 0);
      const read = unit.read ? { read: { ...cp.read, ...unit.read } } : cp.read ? { read: cp.read } : {};
      return {
        next: unit.done ? 'next' : 'again',
        changes: { checkpoint: { pages: count, matched, ...read, ...(unit.done ? {} : { cursor: unit.cursor }) } },
        // A stage that knows its total shows a determinate bar; the next stage starts without one.
        progress:
          unit.progress && !unit.done
            ? { phase: stage.phase, done: unit.progress.done, total: Math.max(unit.progress.total, unit.progress.done) }
            : { phase: stage.phase, done: matched },
        log: [
          ...(unit.info ?? []).map((message) => ({ level: 'info' as const, message })),
          ...(unit.warnings ?? []).map((message) => ({ level: 'warn' as const, message })),
          ...(unit.done && unit.note ? [{ level: 'info' as const, message: unit.note }] : []),
        ],
      };
    },
  };
}

function applyStage<P, D>(spec: ImportSpec<P, D>): Stage<ImportJob> {
  return {
    name: 'apply',
    phase: APPLYING_PHASE,
    async run(ctx): Promise<StageResult<ImportJob>> {
      const { inv, job } = ctx;
      const params = validateParams(spec.synchronizer, job.params);
      const pages = await pagesOf(ctx);
      const { header, forest } = await loadForest(inv, job.structureId);
      const plan = await planStaged(spec, inv.jira, params, job.resolved, pages, forest, memoOf(ctx.cache));
      const c = plan.counts;
      const summary = `Added ${c.added}, moved ${c.moved}, removed ${c.removed}, unchanged ${c.unchanged}, skipped (not visible to you) ${c.skippedNotVisible}.`;
      const notes = plan.notes.map((message) => ({ level: 'info' as const, message }));
      const matched = job.checkpoint.matched;
      const finished = {
        next: 'done' as const,
        progress: { phase: 'finished', done: matched, total: matched },
      };
      const updated = plan.update.length === 0 ? forest : applyUpdate(forest, plan.update);
      if (updated === forest || updated.equals(forest)) {
        // Nothing to change: no forest write at all, and nothing to undo.
        return {
          ...finished,
          changes: { result: { ...c } },
          log: [...notes, { level: 'info', message: `The structure already matches. ${summary}` }],
        };
      }
      const chunks = forestChunks(updated);
      // The forest write is part of this job's cost; count it in the record the same transaction writes.
      const units = requestUnits(chunks.reduce((n, chunk) => n + chunk.length, 0) + 1024);
      return {
        ...finished,
        changes: { result: { ...c }, undo: { replacedVersion: header.version, appliedVersion: header.version + 1 } },
        log: [...notes, { level: 'info', message: summary }],
        atomic: {
          write: async (recordOp) => {
            const note: ChangeNote = {
              kind: job.installedId !== undefined ? 'resync' : 'import',
              who: job.startedBy,
              counts: { added: c.added, moved: c.moved, removed: c.removed },
              jobId: job.id,
              ...(job.trigger === 'event' || job.trigger === 'schedule' ? { trigger: job.trigger } : {}),
            };
            const written = await forestsOf(inv).replace(header, chunks, updated.size, job.id, inv.now(), [
              recordOp,
              historyOp(inv, header, note),
            ]);
            await trimHistory(inv, written);
          },
          pending: { kvsWrites: units, forestWrites: units },
          retryNote: 'The structure changed while importing; recomputing from the new structure.',
          maxAttempts: MAX_APPLY_ATTEMPTS,
          conflict: new AppError(
            'CONFLICT',
            `The structure kept changing during the import (${MAX_APPLY_ATTEMPTS} attempts); run it again.`,
          ),
        },
      };
    },
  };
}

function stagesOf<P, D>(spec: ImportSpec<P, D>, job: ImportJob): Stage<ImportJob>[] {
  const params = validateParams(spec.synchronizer, job.params);
  const fetch = [...spec.stages(params, job.resolved), visibilityStage(spec)];
  const remember = spec.incremental ? [rememberStage(spec, pagesOf)] : [];
  return [...fetch.map((stage) => fetchStage(spec, stage)), ...remember, applyStage(spec)];
}

export const importJobKind: JobKindSpec<ImportJob> = {
  kind: 'import',
  stages: (job) => stagesOf(importSpecFor(job.synchronizer), job),
  untouched: 'the structure was not changed',
  cancelled: 'the structure was left as it was',
  // Best effort: the pages also expire on their own.
  ended: (inv, job) => dataOf(inv).delete(job.id, job.checkpoint.pages),
};
