// The permission preflight as the exporting user: one bulk permission check for every project the changes
// touch (one /mypermissions call per project when a project's id is unknown), then the domain decides what
// is missing and says it in one sentence.
import {
  EXPORT_PERMISSIONS,
  preflightExport,
  type ExportPermission,
  type PreflightInput,
  type PreflightResult,
  type ProjectPermissions,
} from '../../domain/export';
import type { IssueId } from '../../domain/forest';
import { checkProjectPermissions, myProjectPermissions, JiraNotFound, type JiraClient } from '../../jira';
import { projectsOfChanges } from './plan';

/** Only the permissions the changes need: each permission Jira answers with costs points. */
function neededBy(changes: PlannedChanges): string[] {
  const needed = new Set<ExportPermission>();
  if ((changes.rank ?? []).length > 0) needed.add('SCHEDULE_ISSUES');
  if ((changes.parents ?? []).length > 0) needed.add('EDIT_ISSUES');
  if ((changes.linkCreates ?? []).length + (changes.linkDeletes ?? []).length > 0) needed.add('LINK_ISSUES');
  for (const c of changes.statuses ?? []) {
    needed.add('TRANSITION_ISSUES');
    if (c.withResolution === true) needed.add('RESOLVE_ISSUES');
  }
  return EXPORT_PERMISSIONS.filter((p) => needed.has(p));
}

export type PlannedChanges = Omit<PreflightInput, 'projectOf' | 'permissions'>;

/** `projectIdOf`: a project key's id, when the facts carried it. */
export async function runPreflight(
  jira: JiraClient,
  changes: PlannedChanges,
  projectOf: (id: IssueId) => string | undefined,
  projectIdOf: (projectKey: string) => number | undefined = () => undefined,
): Promise<PreflightResult> {
  const permissions: Record<string, Record<string, boolean>> = {};
  const NEEDED = neededBy(changes);
  const projects = projectsOfChanges(changes, projectOf);
  const withIds = projects.filter((p) => projectIdOf(p) !== undefined);
  if (withIds.length > 0) {
    const held = await checkProjectPermissions(
      jira,
      withIds.map((p) => projectIdOf(p) as number),
      NEEDED,
    );
    for (const p of withIds)
      permissions[p] = Object.fromEntries(NEEDED.map((n) => [n, held.get(projectIdOf(p) as number)?.has(n) === true]));
  }
  for (const project of projects.filter((p) => projectIdOf(p) === undefined)) {
    try {
      permissions[project] = await myProjectPermissions(jira, project, NEEDED);
    } catch (error) {
      // A project the user cannot see holds no permission for them.
      if (!(error instanceof JiraNotFound)) throw error;
      permissions[project] = {};
    }
  }
  return preflightExport({ ...changes, projectOf, permissions: permissions as ProjectPermissions });
}

/** Project ids by key from gathered facts. */
export function projectIdsOf(facts: Iterable<{ p: string; pi?: number }>): (projectKey: string) => number | undefined {
  const ids = new Map<string, number>();
  for (const f of facts) if (f.pi !== undefined) ids.set(f.p, f.pi);
  return (key) => ids.get(key);
}
