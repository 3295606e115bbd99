import { IssueId } from '../forest';
import type { LinkCreate, LinkDelete } from './links';
import type { ParentChange } from './parent';
import type { RankOperation } from './rank';
import type { StatusChange } from './status';

/** The Jira project permissions an export writes with (`GET /rest/api/3/mypermissions` keys). */
export type ExportPermission =
  'SCHEDULE_ISSUES' | 'EDIT_ISSUES' | 'LINK_ISSUES' | 'TRANSITION_ISSUES' | 'RESOLVE_ISSUES';

/** What the exporting user holds, by project key; a project or permission missing here counts as not held. */
export type ProjectPermissions = Readonly<Record<string, Readonly<Partial<Record<ExportPermission, boolean>>>>>;

export interface PreflightInput {
  readonly rank?: readonly RankOperation[];
  readonly parents?: readonly ParentChange[];
  readonly linkCreates?: readonly LinkCreate[];
  readonly linkDeletes?: readonly LinkDelete[];
  readonly statuses?: readonly StatusChange[];
  /** The project key of an issue; undefined when the runner could not tell (reported as missing). */
  readonly projectOf: (issueId: IssueId) => string | undefined;
  readonly permissions: ProjectPermissions;
}

export interface MissingPermission {
  readonly permission: ExportPermission;
  /** The project key, or "an unknown project". */
  readonly project: string;
  /** How many planned changes need it there. */
  readonly changes: number;
}

export interface PreflightResult {
  readonly ok: boolean;
  /** Ordered by permission (rank, parent, links), then project. */
  readonly missing: readonly MissingPermission[];
  /** e.g. "You need Schedule issues in PLAT (12 rank changes) and Link issues in MOB (3 links) to run this export." */
  readonly message: string | null;
}

export const EXPORT_PERMISSIONS: readonly ExportPermission[] = [
  'SCHEDULE_ISSUES',
  'EDIT_ISSUES',
  'LINK_ISSUES',
  'TRANSITION_ISSUES',
  'RESOLVE_ISSUES',
];
const ORDER = EXPORT_PERMISSIONS;
const LABEL: Record<ExportPermission, string> = {
  SCHEDULE_ISSUES: 'Schedule issues',
  EDIT_ISSUES: 'Edit issues',
  LINK_ISSUES: 'Link issues',
  TRANSITION_ISSUES: 'Transition issues',
  RESOLVE_ISSUES: 'Resolve issues',
};
const NOUN: Record<ExportPermission, [string, string]> = {
  SCHEDULE_ISSUES: ['rank change', 'rank changes'],
  EDIT_ISSUES: ['parent change', 'parent changes'],
  LINK_ISSUES: ['link', 'links'],
  TRANSITION_ISSUES: ['status change', 'status changes'],
  RESOLVE_ISSUES: ['change to a Done status', 'changes to a Done status'],
};
const UNKNOWN = 'an unknown project';

/**
 * Checks the exporting user's project permissions against a plan before anything is written, so an
 * export either has every permission it needs or writes nothing (Jira would refuse call by call).
 *
 * - Rank: Schedule issues in the project of every ranked issue (Jira's 403 says so); the anchor is
 *   not changed, so its project does not count.
 * - Parent: Edit issues in the project of the issue whose parent changes.
 * - Link create: Link issues in the projects of both issues. Jira's documents disagree on which end
 *   it checks (reference jira-rest §4.2), so both are required: a clear refusal up front beats links
 *   failing one by one halfway through.
 * - Link delete: Jira needs Link issues in at least one of the two projects; when neither has it the
 *   link counts against the inward issue's project, where granting it would be enough.
 * - Status: Transition issues in the issue's project; a change that sends a resolution (a Done target
 *   with the synchronizer's resolution) needs Resolve issues there too, which guards the field.
 */
export function preflightExport(input: PreflightInput): PreflightResult {
  const held = (project: string | undefined, permission: ExportPermission): boolean =>
    project !== undefined && input.permissions[project]?.[permission] === true;
  const counts = new Map<ExportPermission, Map<string, number>>(ORDER.map((p) => [p, new Map()]));
  const need = (permission: ExportPermission, project: string | undefined): void => {
    const byProject = counts.get(permission) as Map<string, number>;
    const key = project ?? UNKNOWN;
    byProject.set(key, (byProject.get(key) ?? 0) + 1);
  };

  for (const op of input.rank ?? []) {
    for (const id of op.issues) {
      const project = input.projectOf(id);
      if (!held(project, 'SCHEDULE_ISSUES')) need('SCHEDULE_ISSUES', project);
    }
  }
  for (const c of input.parents ?? []) {
    const project = input.projectOf(c.issueId);
    if (!held(project, 'EDIT_ISSUES')) need('EDIT_ISSUES', project);
  }
  for (const l of input.linkCreates ?? []) {
    const inward = input.projectOf(l.inwardId);
    const outward = input.projectOf(l.outwardId);
    if (!held(inward, 'LINK_ISSUES')) need('LINK_ISSUES', inward);
    if (outward !== inward && !held(outward, 'LINK_ISSUES')) need('LINK_ISSUES', outward);
  }
  for (const l of input.linkDeletes ?? []) {
    const inward = input.projectOf(l.inwardId);
    if (!held(inward, 'LINK_ISSUES') && !held(input.projectOf(l.outwardId), 'LINK_ISSUES')) need('LINK_ISSUES', inward);
  }
  for (const c of input.statuses ?? []) {
    const project = input.projectOf(c.issueId);
    if (!held(project, 'TRANSITION_ISSUES')) need('TRANSITION_ISSUES', project);
    if (c.withResolution === true && !held(project, 'RESOLVE_ISSUES')) need('RESOLVE_ISSUES', project);
  }

  const missing: MissingPermission[] = [];
  for (const permission of ORDER) {
    const byProject = counts.get(permission) as Map<string, number>;
    for (const project of [...byProject.keys()].sort())
      missing.push({ permission, project, changes: byProject.get(project) as number });
  }
  return { ok: missing.length === 0, missing, message: missing.length === 0 ? null : messageFor(missing) };
}

function messageFor(missing: readonly MissingPermission[]): string {
  const parts = missing.map((m) => {
    const [one, many] = NOUN[m.permission];
    return `${LABEL[m.permission]} in ${m.project} (${m.changes} ${m.changes === 1 ? one : many})`;
  });
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `You need ${list} to run this export.`;
}
