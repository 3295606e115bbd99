// The caller's permission level on a structure, from Jira facts read as the caller. Facts are fetched
// lazily and once per invocation: the owner needs no Jira call at all, a user rule none either; groups
// (`/myself?expand=groups`) and admin (`/mypermissions?permissions=ADMINISTER`) only when they can matter.
import type { PermissionLevel } from '../contract';
import { atLeast, effectiveLevel, type Viewer } from '../domain/permissions';
import type { StructureRecord } from '../storage';
import { AppError } from './errors';
import { memo, type Invocation } from './invocation';

const groupsOf = (inv: Invocation): Promise<string[]> => memo(inv, 'groups', async () => (await inv.jira.myself()).groups);
export const isJiraAdmin = (inv: Invocation): Promise<boolean> => memo(inv, 'admin', () => inv.jira.hasGlobalPermission('ADMINISTER'));

/**
 * Project-role rules are not resolved: Jira has no "my roles" call, and checking every role of every
 * project named in the rules as the user costs a call per project. Such rules match nobody for now.
 */
function viewer(inv: Invocation, groups: readonly string[], admin: boolean): Viewer {
  return { accountId: inv.accountId, isJiraAdmin: admin, groups, projectRoles: [] };
}

export async function levelOf(inv: Invocation, structure: StructureRecord): Promise<PermissionLevel> {
  return levelAtLeast(inv, structure, 'control');
}

/**
 * The caller's level, computed only as far as needed to decide whether it reaches `enough`: once it does,
 * further facts cannot change the answer to "may they?". With `enough = 'control'` this is the exact level.
 */
async function levelAtLeast(inv: Invocation, structure: StructureRecord, enough: PermissionLevel): Promise<PermissionLevel> {
  let level = effectiveLevel(structure, viewer(inv, [], false));
  if (atLeast(level, enough)) return level;
  if (structure.rules.some((r) => r.subject.type === 'group')) {
    level = effectiveLevel(structure, viewer(inv, await groupsOf(inv), false));
    if (atLeast(level, enough)) return level;
  }
  if (await isJiraAdmin(inv)) return 'control';
  return level;
}

export async function requireLevel(inv: Invocation, structure: StructureRecord, needed: PermissionLevel): Promise<PermissionLevel> {
  const level = await levelAtLeast(inv, structure, needed);
  if (!atLeast(level, needed)) {
    throw new AppError(
      'PERMISSION_LEVEL',
      level === 'none'
        ? `You do not have access to structure "${structure.name}".`
        : `This needs the ${needed} permission level on structure "${structure.name}"; you have ${level}.`,
      { needed },
    );
  }
  return level;
}
