export type { EditAction, EditPlace, EditCounts, EditRefusal, FolderNaming, PastedRow } from './actions';
export { copiedRows } from './copy-rows';
export type { CopyInput, CopyResult } from './copy-rows';
export { planEdit } from './plan-edit';
export type { EditInput, EditResult } from './plan-edit';
export { planUndo, issuesOfUndo } from './plan-undo';
export type { UndoInput, UndoResult } from './plan-undo';
export { pinPlaces } from './pin-places';
export type { PinnedActions } from './pin-places';
