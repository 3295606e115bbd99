export { rolledUpStatus, isRolledUp } from './rule';
export type { RollupRule, RowVerdict } from './rule';
export { planStatusRollup } from './plan';
export type { RollupInput, RollupIssueFacts, RollupChange, RollupSkip, RollupPlan } from './plan';
export { chooseTransition } from './transition';
export type { AvailableTransition, TransitionChoiceInput, TransitionChoice } from './transition';
