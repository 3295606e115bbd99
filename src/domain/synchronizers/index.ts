export type { SyncDirection, ImportCounts, ImportPlan, ImportInput, ParameterSchema, Synchronizer } from './types';
export { defineSynchronizer } from './types';
export { SYNCHRONIZERS, findSynchronizer, getSynchronizer, describeSynchronizers } from './registry';
export type { SynchronizerSummary } from './registry';
