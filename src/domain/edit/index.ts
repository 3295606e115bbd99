export type { EditAction, EditPlace, EditCounts, EditRefusal } from './actions';
export { planEdit } from './plan-edit';
export type { EditInput, EditResult } from './plan-edit';
