export { Forest } from './forest';
export type { ForestColumns } from './forest';
export type { Row, RowId, IssueId } from './types';
export { MAX_DEPTH, MAX_ISSUE_ID, MAX_ROW_ID, issueIdFromJira, issueIdToJira } from './types';
export type { Placement, AddedRow, AddAction, MoveAction, RemoveAction, ForestAction, ForestUpdate } from './actions';
export { applyUpdate } from './update';
export { diffForests } from './diff';
export { rowsTouched } from './touched';
export { forestChangeCounts, type ForestChangeCounts } from './change-counts';
export { firstActions } from './preview';
export {
  encodeForest,
  decodeForest,
  splitIntoChunks,
  joinChunks,
  forestToChunks,
  forestFromChunks,
  DEFAULT_CHUNK_BYTES,
  KVS_VALUE_LIMIT,
} from './encoding';
export {
  isFolder,
  folderItemId,
  folderIdOf,
  folderOfNewRow,
  folderName,
  MAX_FOLDER_NAME,
  type FolderId,
} from './folders';
