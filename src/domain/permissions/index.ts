export { PERMISSION_LEVELS, atLeast, rank } from './levels';
export type { PermissionLevel } from './levels';
export type { PermissionSubject, PermissionRule, Viewer } from './rules';
export { matches } from './rules';
export { effectiveLevel } from './effective-level';
export type { StructureAccess } from './effective-level';
