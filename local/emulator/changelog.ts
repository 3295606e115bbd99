// The changelog of an issue update: which fields differ between the issue before and after, in the
// item shape Jira puts into `avi:jira:updated:issue` (and GET issue?expand=changelog). `from`/`to`
// hold ids (account ids, status ids, issue ids), `fromString`/`toString` what a user reads.
import type { ChangelogItem } from './product-events';
import { RANK_FIELD_ID } from './serializers';
import type { EmulatorStore, StoredIssue } from './store';

/** The parts of an issue a changelog compares; a copy taken before the change. */
export type IssueSnapshot = Pick<
  StoredIssue,
  | 'summary'
  | 'type'
  | 'status'
  | 'parentId'
  | 'rank'
  | 'labels'
  | 'assignee'
  | 'reporter'
  | 'priority'
  | 'security'
  | 'project'
  | 'resolution'
>;

export function snapshotIssue(issue: StoredIssue): IssueSnapshot {
  return {
    summary: issue.summary,
    type: issue.type,
    status: issue.status,
    parentId: issue.parentId,
    rank: issue.rank,
    labels: [...issue.labels],
    assignee: issue.assignee,
    reporter: issue.reporter,
    priority: issue.priority,
    security: issue.security,
    project: issue.project,
    resolution: issue.resolution,
  };
}

const item = (
  field: string,
  fieldId: string | undefined,
  from: string | null,
  fromString: string | null,
  to: string | null,
  toString: string | null,
  fieldtype: ChangelogItem['fieldtype'] = 'jira',
): ChangelogItem => ({ field, fieldtype, ...(fieldId ? { fieldId } : {}), from, fromString, to, toString });

export function changelogItems(store: EmulatorStore, before: IssueSnapshot, after: StoredIssue): ChangelogItem[] {
  const items: ChangelogItem[] = [];
  const userName = (id: string | undefined): string | null =>
    id === undefined ? null : (store.users.get(id)?.displayName ?? id);
  const issueKey = (id: string | undefined): string | null =>
    id === undefined ? null : (store.issuesById.get(id)?.key ?? null);

  if (before.summary !== after.summary)
    items.push(item('summary', 'summary', null, before.summary, null, after.summary));
  if (before.type.id !== after.type.id)
    items.push(item('issuetype', 'issuetype', before.type.id, before.type.name, after.type.id, after.type.name));
  if (before.status.id !== after.status.id)
    items.push(item('status', 'status', before.status.id, before.status.name, after.status.id, after.status.name));
  // Jira records the resolution a transition sets or clears next to the status change.
  if (before.resolution?.id !== after.resolution?.id)
    items.push(
      item(
        'resolution',
        'resolution',
        before.resolution?.id ?? null,
        before.resolution?.name ?? null,
        after.resolution?.id ?? null,
        after.resolution?.name ?? null,
      ),
    );
  if (before.parentId !== after.parentId) {
    // Live payloads name a parent change so, without fieldId, for every hierarchy level.
    items.push(
      item(
        'IssueParentAssociation',
        undefined,
        before.parentId ?? null,
        issueKey(before.parentId),
        after.parentId ?? null,
        issueKey(after.parentId),
      ),
    );
  }
  const labelsBefore = before.labels.join(' ');
  const labelsAfter = after.labels.join(' ');
  // Jira writes labels as one space-separated string on each side.
  if (labelsBefore !== labelsAfter) items.push(item('labels', 'labels', null, labelsBefore, null, labelsAfter));
  if (before.assignee !== after.assignee) {
    items.push(
      item(
        'assignee',
        'assignee',
        before.assignee ?? null,
        userName(before.assignee),
        after.assignee ?? null,
        userName(after.assignee),
      ),
    );
  }
  if (before.reporter !== after.reporter) {
    items.push(
      item(
        'reporter',
        'reporter',
        before.reporter ?? null,
        userName(before.reporter),
        after.reporter ?? null,
        userName(after.reporter),
      ),
    );
  }
  if (before.priority !== after.priority) {
    const id = (name: string | undefined): string | null =>
      name === undefined ? null : String(store.priorityIndex(name) + 1);
    items.push(
      item(
        'priority',
        'priority',
        id(before.priority),
        before.priority ?? null,
        id(after.priority),
        after.priority ?? null,
      ),
    );
  }
  if (before.security?.id !== after.security?.id) {
    items.push(
      item(
        'security',
        'security',
        before.security?.id ?? null,
        before.security?.name ?? null,
        after.security?.id ?? null,
        after.security?.name ?? null,
      ),
    );
  }
  if (before.project.id !== after.project.id) {
    items.push(
      item('project', 'project', before.project.id, before.project.name, after.project.id, after.project.name),
    );
  }
  if (before.rank !== after.rank) {
    // Jira records a rank change as a direction, not the lexorank strings.
    items.push(
      item(
        'Rank',
        RANK_FIELD_ID,
        null,
        null,
        null,
        after.rank < before.rank ? 'Ranked higher' : 'Ranked lower',
        'custom',
      ),
    );
  }
  return items;
}
