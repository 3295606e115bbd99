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
export { rankLogEntries, parentLogEntries, linkLogEntries, withOutcome, planRevert } from './change-log';
export type {
  ChangeOutcome,
  ChangeLogEntry,
  RankLogEntry,
  ParentLogEntry,
  LinkCreateLogEntry,
  LinkDeleteLogEntry,
  RevertInput,
  RevertPlan,
  SkippedRevert,
} from './change-log';
export { preflightExport } from './preflight';
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
