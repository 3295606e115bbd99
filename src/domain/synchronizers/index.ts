export type { SyncDirection, ImportCounts, ImportPlan, ImportInput, ParameterSchema, Synchronizer } from './types';
export { defineSynchronizer } from './types';
