// One tick of background sync:
//   1. settle background runs that ended: record the last run, feed the cycle guard (stopping looping
//      synchronizers with the reason), and when a run changed the structure, trigger the structure's other
//      synchronizers — their result may depend on the rows it changed;
//   2. start the debounced resyncs that are due, as their run-as users;
//   3. come back later while something is pending or running.
import { IDLE_GUARD, recordGuardEvent } from '../../domain/background/cycle-guard';
import { addTrigger, takeDue, type PendingResyncs } from '../../domain/background/debounce';
import { runsInBackground, type InstalledSynchronizer } from '../../domain/installed';
import { InstalledSynchronizerRepository, JobRepository, KvsWriteMeter, type JobRecord } from '../../storage';
import { lastRunMessageOf, lastRunResultOf } from '../installed/dto';
import { applyGuardStop, guardLabelOf } from './guard-stop';
import { isTerminal } from '../jobs';
import { debounceOptions, guardMaxRounds, pollMs } from './options';
import { backgroundAllowance } from './pool-allowance';
import { startBackgroundRun } from './run';
import { recordTrigger } from './pending';
import { scheduleTick, tickStarted, type PushSyncTick, pushSyncTick } from './tick-queue';

const changedSomething = (job: JobRecord): boolean => {
  if (job.state !== 'finished') return false;
  if (job.kind === 'import')
    return (job.result?.added ?? 0) + (job.result?.moved ?? 0) + (job.result?.removed ?? 0) > 0;
  if (job.kind === 'export' || job.kind === 'revert') return (job.checkpoint.result?.applied ?? 0) > 0;
  return false;
};

export async function runSyncTick(now: number, push: PushSyncTick = pushSyncTick): Promise<void> {
  await tickStarted();
  const meter = new KvsWriteMeter();
  const repo = new InstalledSynchronizerRepository(meter);
  const jobs = new JobRepository(meter);
  let all = await repo.list();
  let pending: PendingResyncs = await repo.getPending();
  const running = new Set<string>();

  for (const s of all) {
    if (s.lastRun?.result !== 'running' || s.lastRun.jobId === undefined) continue;
    const job = await jobs.get(s.lastRun.jobId);
    if (job && !isTerminal(job)) {
      running.add(s.id);
      continue;
    }
    const message = job ? lastRunMessageOf(job) : 'The job record is gone.';
    const settled: InstalledSynchronizer = {
      ...s,
      lastRun: {
        ...s.lastRun,
        result: job ? lastRunResultOf(job) : 'failed',
        finishedAt: new Date(job?.finishedAt ?? now).toISOString(),
        ...(message !== undefined ? { message } : {}),
      },
    };
    await repo.put(settled);
    all = all.map((x) => (x.id === s.id ? settled : x));
    if (s.lastRun.trigger === 'manual' || !job) continue;
    const changed = changedSomething(job);
    const guard = (await repo.getGuard(s.structureId)) ?? IDLE_GUARD;
    const decision = recordGuardEvent(
      guard,
      { kind: 'sync-run', synchronizerId: s.id, changed, side: job.kind === 'import' ? 'forest' : 'jira' },
      { maxRounds: guardMaxRounds(), labelOf: guardLabelOf(all) },
    );
    await repo.putGuard(s.structureId, decision.state);
    if (decision.stop) {
      all = await applyGuardStop(repo, all, decision.stop, now);
      for (const id of decision.stop.synchronizerIds) {
        const { [id]: _dropped, ...rest } = pending;
        pending = rest;
      }
      continue;
    }
    if (changed) {
      for (const other of all) {
        if (other.structureId !== s.structureId || other.id === s.id || !runsInBackground(other)) continue;
        const target = { structureId: other.structureId, synchronizerId: other.id };
        pending = addTrigger(pending, target, now);
        await recordTrigger(repo, target, now);
      }
    }
  }

  const taken = takeDue(pending, now, debounceOptions(), running);
  let waiting = false;
  // Jira's hourly points are shared with people's own imports and exports: below the reserve the due
  // resyncs stay pending until the hour turns; under twice the reserve, one starts per tick.
  const pool = taken.due.length > 0 ? await backgroundAllowance(now) : undefined;
  let startsLeft = pool?.starts ?? Infinity;
  for (const due of taken.due) {
    const s = all.find((x) => x.id === due.synchronizerId);
    if (startsLeft <= 0 && s && runsInBackground(s)) {
      await recordTrigger(repo, { structureId: s.structureId, synchronizerId: s.id }, now, due.issueIds);
      continue;
    }
    // Taken before the run starts: a trigger arriving from now on asks for one more run after it.
    await repo.deletePendingOf(due.synchronizerId);
    if (!s || !runsInBackground(s)) continue;
    startsLeft--;
    const start = await startBackgroundRun(s, 'event', now, due.issueIds);
    if (start === 'started') running.add(s.id);
    if (start === 'busy') {
      // Another job runs on the structure: keep the trigger, and look again while it runs.
      const target = { structureId: s.structureId, synchronizerId: s.id };
      await recordTrigger(repo, target, now, due.issueIds);
      waiting = true;
    }
  }

  const next = [
    taken.nextCheckAt,
    running.size > 0 || waiting ? now + pollMs() : null,
    pool && startsLeft <= 0 && taken.due.length > 0 ? pool.lookAgainAt : null,
  ].filter((t): t is number => t !== null);
  if (next.length > 0) await scheduleTick(Math.min(...next), now, push);
}
