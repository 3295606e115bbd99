// Incremental imports, the generic part: the base a run may start from (what the last successful run of
// the synchronizer with the same parameters read on the structure, as the same user), the decision to
// read only what changed or everything (in words, for the job log), the delta searches (relative
// minutes back to a margin before the base's read: `updated >= -Nm`), and the stage that keeps what
// this run read as the next run's base. A synchronizer opts in with `ImportSpec.incremental` and builds
// its stages from these (the Filter import: src/synchronizers/filter/import.ts).
import { crc32 } from '../../domain/forest/crc32';
import { DEFAULT_FULL_READ_HOURS, fullReadReason } from '../../domain/incremental/full-read';
import { CHANGED_MARGIN_MS, minutesBack } from '../../domain/incremental/jql-delta';
import type { IssueId } from '../../domain/forest';
import { BULKFETCH_MAX, mapInLanes } from '../../jira';
import { searchIdsReconciled } from '../../jira/search-reconciled';
import {
  ImportBaseRepository,
  type ImportBase,
  type ImportBaseKey,
  type ImportJob,
  type ImportReadMark,
  type ImportResolved,
} from '../../storage';
import type { Invocation } from '../invocation';
import type { StageContext, Stage, StageResult } from '../jobs/stage';
import { validateParams } from '../params';
import type { FactsPage } from './facts';
import { unitPages, parallelCallsPerUnit, type FetchContext, type FetchStage, type ImportSpec } from './staged-import';

const BASE = 'import:base';

/** A full read at least this often: the `SYNC_FULL_READ_HOURS` app variable, 24 by default. */
export function fullReadEveryMs(): number {
  const hours = Number(process.env.SYNC_FULL_READ_HOURS);
  const valid = process.env.SYNC_FULL_READ_HOURS !== undefined && Number.isFinite(hours) && hours >= 0;
  return (valid ? hours : DEFAULT_FULL_READ_HOURS) * 3_600_000;
}

/** Where the base of these parameters lives: the same import again (by hand or installed) shares it. */
export function importBaseKey(structureId: string, synchronizer: string, params: unknown): ImportBaseKey {
  const text = new TextEncoder().encode(JSON.stringify(params));
  return { structureId, synchronizer, paramsHash: crc32(text).toString(16).padStart(8, '0') };
}

/** The job's base, read from KVS once per invocation. */
export function baseOf<P, D>(ctx: StageContext<ImportJob>, spec: ImportSpec<P, D>): Promise<ImportBase | undefined> {
  let found = ctx.cache.get(BASE) as Promise<ImportBase | undefined> | undefined;
  if (!found) {
    const params = validateParams(spec.synchronizer, ctx.job.params);
    const key = importBaseKey(ctx.job.structureId, ctx.job.synchronizer, params);
    found = new ImportBaseRepository(ctx.inv.kvsWrites).get(key);
    ctx.cache.set(BASE, found);
  }
  return found;
}

/** Reading only what changed since the base (and nothing so far said to read everything). */
export const readsDelta = (read: ImportReadMark | undefined): read is ImportReadMark & { since: number } =>
  read?.since !== undefined && read.fullRead === undefined;

const nowOf = <P>(ctx: FetchContext<P>): number => (ctx.now ?? Date.now)();

const at = (ms: number): string => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * When an import starts, as its user: whether it may read only what changed since its base (the base's
 * head, one KVS read), or everything, and why — in the job's resolved values, so the job's stages are
 * those of the read it makes.
 */
export async function decideRead(
  inv: Invocation,
  structureId: string,
  synchronizer: string,
  params: unknown,
  jql: string,
): Promise<Pick<ImportResolved, 'delta' | 'fullRead'>> {
  const base = await new ImportBaseRepository(inv.kvsWrites).getHead(importBaseKey(structureId, synchronizer, params));
  const fullRead = fullReadReason(base, {
    accountId: inv.accountId,
    jql,
    now: inv.now(),
    fullReadEveryMs: fullReadEveryMs(),
  });
  if (fullRead !== undefined || base === undefined) return { fullRead: fullRead ?? 'no earlier run to start from' };
  return { delta: { since: base.searchStartedAt, fullReadAt: base.fullReadAt } };
}

/**
 * An ids-only search of what changed since the base, CALLS_PER_UNIT pages a unit; the query is fixed in
 * the cursor at the first unit (pages of one search must follow each other). The `first` stage of a
 * delta read dates it; later ones run only while nothing decided to read everything instead.
 */
export function changedIdsStage<P>(
  name: string,
  jqlOf: (minutes: number, ctx: FetchContext<P>) => string,
  note: (found: number) => string,
  options: { first?: boolean } = {},
): FetchStage<P> {
  return {
    name,
    phase: 'reading what changed in Jira',
    withoutPages: true,
    async run(ctx, cursor) {
      let read = ctx.read;
      let started: ImportReadMark | undefined;
      const delta = ctx.resolved.delta;
      if (cursor === undefined && options.first && delta !== undefined) {
        read = started = { startedAt: nowOf(ctx), since: delta.since, fullReadAt: delta.fullReadAt };
      }
      if (!readsDelta(read)) return { done: true };
      const jql = (cursor?.jql as string | undefined) ?? jqlOf(minutesBack(nowOf(ctx), read.since), ctx);
      const { pages, token } = await unitPages(cursor?.token as string | undefined, (at) =>
        searchIdsReconciled(ctx.jira, jql, at, ctx.resolved.reconcileIssueIds),
      );
      const ids = pages.flatMap((p) => p.ids);
      const found = Number(cursor?.found ?? 0) + ids.length;
      const page: FactsPage = { stage: name, round: 0, ids };
      return {
        page,
        cursor: { jql, token, found },
        done: !token,
        fetched: ids.length,
        note: token ? undefined : note(found),
        ...(started
          ? { read: started, info: [`Reading only what changed in Jira since the last run (${at(read.since)}).`] }
          : {}),
      };
    },
  };
}

/**
 * Members of the base that Jira's events said were deleted since (a margin before) the base's read,
 * confirmed by id (bulkfetch, 100 a call, side by side): one that does not come back is gone for this
 * user — deleted, or no longer visible, which a full search would not return either. The page asks
 * about them (`asked`), so the planner treats the gone ones as issues the user cannot see, as a full
 * run's visibility check would.
 */
export function deletedMembersStage<P>(name: string): FetchStage<P> {
  return {
    name,
    phase: 'checking which issues were deleted',
    withoutPages: true,
    async run(ctx, cursor) {
      const read = ctx.read;
      if (!readsDelta(read) || !ctx.deletedSince || !ctx.base) return { done: true };
      const base = await ctx.base();
      if (!base) return { done: true };
      const members = new Set<IssueId>(base.ids);
      const candidates = [...new Set(await ctx.deletedSince(read.since - CHANGED_MARGIN_MS))]
        .filter((id) => members.has(id))
        .sort((a, b) => a - b);
      const from = Number(cursor?.from ?? 0);
      const asked = candidates.slice(from, from + BULKFETCH_MAX * parallelCallsPerUnit(ctx));
      if (asked.length === 0) return { done: true };
      const batches: number[][] = [];
      for (let i = 0; i < asked.length; i += BULKFETCH_MAX) batches.push(asked.slice(i, i + BULKFETCH_MAX));
      const found = (await mapInLanes(batches, (batch) => ctx.jira.bulkFetch(batch, ['id']))).flat();
      const issues = found.map((i) => ({ id: Number(i.id), key: i.key }));
      const done = from + asked.length >= candidates.length;
      const gone = Number(cursor?.gone ?? 0) + asked.length - issues.length;
      return {
        page: { stage: name, round: 0, asked, issues },
        cursor: { from: from + asked.length, gone },
        done,
        note: done
          ? `Deleted in Jira since the last run (or no longer visible to you): ${gone} of its members.`
          : undefined,
      };
    },
  };
}

/** Members a deletedMembersStage found gone. */
export function goneMembers(pages: readonly FactsPage[], stage: string): IssueId[] {
  const asked: IssueId[] = [];
  const found = new Set<IssueId>();
  for (const page of pages) {
    if (page.stage !== stage) continue;
    asked.push(...(page.asked ?? []));
    for (const issue of page.issues ?? []) found.add(issue.id);
  }
  return asked.filter((id) => !found.has(id));
}

/**
 * After the reads (and the visibility stage), before the apply: keeps what this run read as the next
 * run's base. What Jira said does not depend on the structure, so a base is good even when the apply
 * then has to retry or fails on a conflict.
 */
export function rememberStage<P, D>(
  spec: ImportSpec<P, D>,
  pagesOf: (ctx: StageContext<ImportJob>) => Promise<FactsPage[]>,
): Stage<ImportJob> {
  return {
    name: 'remember',
    phase: 'remembering what was read for the next run',
    async run(ctx): Promise<StageResult<ImportJob>> {
      const { inv, job } = ctx;
      const read = job.checkpoint.read;
      const params = validateParams(spec.synchronizer, job.params);
      const members = spec.incremental?.members(await pagesOf(ctx), params, job.resolved);
      if (members && read?.startedAt !== undefined) {
        await new ImportBaseRepository(inv.kvsWrites).put(importBaseKey(job.structureId, job.synchronizer, params), {
          accountId: job.startedBy,
          jql: job.resolved.jql,
          searchStartedAt: read.startedAt,
          fullReadAt: read.fullReadAt ?? read.startedAt,
          jobId: job.id,
          ids: members,
        });
      }
      return { next: 'next', changes: {} };
    },
  };
}
