// A Jira product event: which installed synchronizers it may affect (conservatively, domain relevance;
// for links and sub-tasks ones, knowing which issues their structures hold),
// a debounced resync of each, and a tick for when the first is due. A change by a person (an event the
// app did not cause) also starts the structure's cycle guard over; a change by another app's account (an
// automation rule) is a round of it instead.
import { IDLE_GUARD, recordGuardEvent } from '../../domain/background/cycle-guard';
import { issuesNamedBy, syncEventFromProduct } from '../../domain/background/events';
import { affectedSynchronizers, asksStructureIssues } from '../../domain/background/relevance';
import { interestOf } from '../../synchronizers';
import { DeletedIssueRepository, InstalledSynchronizerRepository, KvsWriteMeter } from '../../storage';
import { debounceOptions, guardMaxRounds } from './options';
import { actorKindOf } from './actor-kind';
import { applyGuardStop, guardLabelOf } from './guard-stop';
import { recordTrigger } from './pending';
import { structureIssuesOf } from './structure-issues';
import { syncsInBackground } from './eligible';
import { scheduleTick, type PushSyncTick, pushSyncTick } from './tick-queue';
import { DEFAULT_QUIET_MS } from '../../domain/background/debounce';

export async function onProductEvent(
  payload: unknown,
  now: number,
  push: PushSyncTick = pushSyncTick,
): Promise<number> {
  const event = syncEventFromProduct(payload);
  if (!event) return 0;
  // Whatever follows the event: an incremental import learns of deleted members only from these records.
  if (event.kind === 'issue' && event.action === 'deleted')
    await new DeletedIssueRepository(new KvsWriteMeter()).record(event.issueId, now);
  const repo = new InstalledSynchronizerRepository(new KvsWriteMeter());
  const all = (await repo.list()).filter(syncsInBackground);
  const watched = all.map((sync) => ({ sync, interest: interestOf(sync.synchronizerKey, sync.params) }));
  let affected = affectedSynchronizers(event, watched);
  // Links and sub-tasks synchronizers care only about their structure's issues: read the forests of the
  // structures they would resync for this event (only those), then ask again knowing which issues they hold.
  const toRead = watched
    .filter((w) => asksStructureIssues(w.interest) && affected.includes(w.sync))
    .map((w) => w.sync.structureId);
  if (toRead.length > 0) affected = affectedSynchronizers(event, watched, await structureIssuesOf(toRead));
  if (affected.length === 0) return 0;
  if (!event.selfGenerated) {
    const actor = event.actorId === undefined ? undefined : await actorKindOf(repo, event.actorId, affected[0]!.runAs);
    for (const structureId of new Set(affected.map((s) => s.structureId))) {
      if (actor?.kind !== 'app') {
        await repo.putGuard(structureId, IDLE_GUARD);
        continue;
      }
      const decision = recordGuardEvent(
        (await repo.getGuard(structureId)) ?? IDLE_GUARD,
        { kind: 'app-change', accountId: event.actorId!, name: actor.name },
        { maxRounds: guardMaxRounds(), labelOf: guardLabelOf(all) },
      );
      await repo.putGuard(structureId, decision.state);
      if (decision.stop) {
        await applyGuardStop(repo, all, decision.stop, now);
        const stopped = new Set(decision.stop.synchronizerIds);
        affected = affected.filter((s) => !stopped.has(s.id));
      }
    }
    if (affected.length === 0) return 0;
  }
  // The resync may search before Jira's index shows this change: it reconciles the event's issues.
  const issueIds = issuesNamedBy(event);
  for (const s of affected)
    await recordTrigger(repo, { structureId: s.structureId, synchronizerId: s.id }, now, issueIds);
  await scheduleTick(now + (debounceOptions().quietMs ?? DEFAULT_QUIET_MS), now, push);
  return affected.length;
}
