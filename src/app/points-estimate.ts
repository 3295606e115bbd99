// The points estimate of a preview: what the same run (same kind, synchronizer and parameters on this
// structure) cost last time — the job records its points —, else, for a run with a query, from Jira's
// approximate count (1 point). Compared with what the app knows is left of this hour's pool.
import type { PointsEstimate } from '../contract';
import { estimateFromCount, exceedsLeft } from '../domain/points/estimate';
import { HOUR_MS, hourOf } from '../domain/points/pool';
import { JiraError } from '../jira';
import { KvsWriteMeter, PointsPoolRepository } from '../storage';
import type { Invocation } from './invocation';
import { jobsOf } from './jobs';

/** Jobs looked at for the last run: one page of the structure's newest. */
const LAST_RUNS_READ = 20;

export interface EstimateRequest {
  structureId: string;
  kind: 'import' | 'export';
  synchronizer: string;
  params: unknown;
  /** The query the run reads, when it has one. */
  jql?: string;
}

export async function estimatePoints(inv: Invocation, request: EstimateRequest): Promise<PointsEstimate | undefined> {
  const basis = (await lastRunPoints(inv, request)) ?? (await countedPoints(inv, request.jql));
  if (!basis) return undefined;
  const now = inv.now();
  const stored = await new PointsPoolRepository(new KvsWriteMeter()).get();
  // Known only when something was learnt this hour; a new hour's pool is shared with every other site.
  const poolLeft = stored && stored.hour === hourOf(now) ? stored.remaining : undefined;
  return {
    ...basis,
    ...(poolLeft !== undefined ? { poolLeft, resetsAt: new Date(hourOf(now) + HOUR_MS).toISOString() } : {}),
    aboveLeft: exceedsLeft(basis.points, poolLeft),
  };
}

async function lastRunPoints(
  inv: Invocation,
  request: EstimateRequest,
): Promise<Pick<PointsEstimate, 'points' | 'basis'> | undefined> {
  const { jobs } = await jobsOf(inv).listByStructure(request.structureId, LAST_RUNS_READ);
  const params = JSON.stringify(request.params);
  const last = jobs.find(
    (j) =>
      j.state === 'finished' &&
      j.kind === request.kind &&
      j.synchronizer === request.synchronizer &&
      JSON.stringify(j.params) === params,
  );
  return last ? { points: last.cost.jiraPoints, basis: 'last-run' } : undefined;
}

async function countedPoints(
  inv: Invocation,
  jql: string | undefined,
): Promise<Pick<PointsEstimate, 'points' | 'basis'> | undefined> {
  if (jql === undefined) return undefined;
  try {
    return { points: estimateFromCount(await inv.jira.approximateCount(jql)), basis: 'count' };
  } catch (error) {
    // An estimate is a courtesy: the preview stands without it.
    if (error instanceof JiraError) return undefined;
    throw error;
  }
}
