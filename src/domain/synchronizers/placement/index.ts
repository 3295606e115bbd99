export type { PlacementModel } from './model';
export { planPlacement, MAX_NOTES } from './plan';
export { placementVisibilityQuestions } from './questions';
