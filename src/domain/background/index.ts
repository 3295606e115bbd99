export { issuesNamedBy, syncEventFromProduct } from './events';
export type { SyncEvent, IssueEvent, LinkEvent } from './events';
export { affectedSynchronizers } from './relevance';
export type { SyncInterest, WatchedSynchronizer, InStructure } from './relevance';
export { addTrigger, takeDue, DEFAULT_QUIET_MS, DEFAULT_MAX_DELAY_MS, RECONCILE_LIMIT } from './debounce';
export type { PendingResync, PendingResyncs, DebounceOptions, DueResyncs } from './debounce';
export { recordGuardEvent, IDLE_GUARD, DEFAULT_MAX_ROUNDS, appParticipantId } from './cycle-guard';
export type { CycleGuardState, GuardEvent, GuardStopDecision, GuardOptions } from './cycle-guard';
