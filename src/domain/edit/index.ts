export type { EditAction, EditPlace, EditCounts, EditRefusal } from './actions';
export { planEdit } from './plan-edit';
export type { EditInput, EditResult } from './plan-edit';
export { planUndo, issuesOfUndo } from './plan-undo';
export type { UndoInput, UndoResult } from './plan-undo';
export { pinPlaces } from './pin-places';
export type { PinnedActions } from './pin-places';
