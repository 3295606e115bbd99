import { higher, PermissionLevel } from './levels';
import { matches, PermissionRule, Viewer } from './rules';

export interface StructureAccess {
  readonly ownerAccountId: string;
  readonly rules: readonly PermissionRule[];
}

/**
 * The owner and Jira admins have control (Structure DC's rule; Structure Cloud drops the admin part,
 * but an app admin locked out of a structure is worse than one who can see it). Otherwise the highest
 * level among matching rules — Cloud's rule, so rule order cannot surprise anyone; no match → none.
 */
export function effectiveLevel(access: StructureAccess, viewer: Viewer): PermissionLevel {
  if (viewer.isJiraAdmin) return 'control';
  if (viewer.accountId !== null && viewer.accountId === access.ownerAccountId) return 'control';
  let level: PermissionLevel = 'none';
  for (const rule of access.rules) if (matches(rule.subject, viewer)) level = higher(level, rule.level);
  return level;
}
