export { structureOrderOf } from './structure-order';
export { planRankExport, rankRequestBody, MAX_ISSUES_PER_RANK_CALL } from './rank';
export type { RankOperation, RankExportInput, RankExportPlan } from './rank';
export { applyRankOps } from './rank-simulator';
export { planParentExport } from './parent';
export type {
  ParentExportMode,
  ParentExportInput,
  ParentChange,
  UnrepresentablePlacement,
  ParentConflict,
  ParentExportPlan,
} from './parent';
export { planLinksExport, linkCreateRequestBody } from './links';
export type { LinkParentEnd, LinkScope, LinksExportInput, LinkCreate, LinkDelete, LinksExportPlan } from './links';
export { rankLogEntries, parentLogEntries, linkLogEntries, statusLogEntries, withOutcome } from './change-log';
export type { StatusChange, StatusExportPlan, StatusSkip, TransitionPolicy } from './status';
export type {
  ChangeOutcome,
  ChangeLogEntry,
  RankLogEntry,
  ParentLogEntry,
  LinkCreateLogEntry,
  LinkDeleteLogEntry,
  StatusLogEntry,
} from './change-log';
// Reverting reads the log (revert.ts imports change-log.ts, never the other way round).
export { planRevert } from './revert';
export type { RevertInput, RevertPlan, SkippedRevert } from './revert';
export { preflightExport, EXPORT_PERMISSIONS } from './preflight';
export type {
  ExportPermission,
  ProjectPermissions,
  PreflightInput,
  MissingPermission,
  PreflightResult,
} from './preflight';
export { exportCounts, isEmptyExport, preflightChangesOf } from './plan';
export type { ExportPlan, ExportCounts } from './plan';
export { rankCallOutcomes, settleRankLog } from './rank-outcome';
export type { RankCallAnswer, RankIssueOutcome } from './rank-outcome';
