import { IssueId } from '../forest';
import { SyncEvent } from './events';
import { InstalledSynchronizer, runsInBackground } from '../installed';

/**
 * Which product events may change what a synchronizer would do. Each synchronizer's module says what
 * its interest is (src/synchronizers, `interestOf`), reading its parameters loosely: anything it cannot
 * read makes the interest wider, never narrower.
 */
export type SyncInterest =
  /** Issue events in these projects (ids or keys); every issue event when `projects` is unknown. With `links`, link events there too. */
  | { readonly on: 'issues-in-projects'; readonly projects?: ReadonlySet<string>; readonly links?: boolean }
  /** Link events of the type (any type when unknown), and issue events of issues in the structure. */
  | { readonly on: 'links-of-type'; readonly linkTypeId?: string; readonly scope?: 'structure' | 'expand' | 'all' }
  /** Issue events of sub-tasks, or of issues whose parent changed. */
  | { readonly on: 'subtask-changes' }
  | { readonly on: 'anything' };

/** Whether the interest asks which issues are in the structure (`InStructure`): only then is a forest worth reading. */
export function asksStructureIssues(interest: SyncInterest): boolean {
  return interest.on === 'links-of-type' || interest.on === 'subtask-changes';
}

export interface WatchedSynchronizer {
  readonly sync: InstalledSynchronizer;
  readonly interest: SyncInterest;
}

/**
 * Whether an issue has a row in a structure: true, false, or undefined when the runner cannot tell
 * cheaply (then the answer is "maybe", and the synchronizer counts as affected).
 */
export type InStructure = (structureId: string, issueId: IssueId) => boolean | undefined;

/**
 * The synchronizers running in the background that an event may affect, conservatively: when in
 * doubt, a synchronizer is affected — a needless resync costs a little, a missed one leaves the
 * structure wrong until someone notices. Disabled, unavailable and guard-stopped ones never are.
 */
export function affectedSynchronizers(
  event: SyncEvent,
  watched: readonly WatchedSynchronizer[],
  inStructure: InStructure = () => undefined,
): InstalledSynchronizer[] {
  return watched.filter((w) => runsInBackground(w.sync) && affects(event, w, inStructure)).map((w) => w.sync);
}

function affects(event: SyncEvent, { sync, interest }: WatchedSynchronizer, inStructure: InStructure): boolean {
  const maybeIn = (issueId: IssueId | undefined): boolean =>
    issueId !== undefined && inStructure(sync.structureId, issueId) !== false;
  switch (interest.on) {
    case 'anything':
      return true;
    case 'issues-in-projects': {
      const inProjects = (...refs: (string | undefined)[]): boolean => {
        if (interest.projects === undefined) return true;
        const known = refs.filter((r): r is string => r !== undefined);
        return known.length === 0 || known.some((r) => interest.projects?.has(r));
      };
      if (event.kind === 'issue') return inProjects(event.projectId, event.projectKey);
      return interest.links === true && inProjects(event.sourceProjectId, event.destinationProjectId);
    }
    case 'links-of-type':
      if (event.kind === 'link') {
        if (
          interest.linkTypeId !== undefined &&
          event.linkTypeId !== undefined &&
          interest.linkTypeId !== event.linkTypeId
        )
          return false;
        // Only "all issues" reaches issues outside the structure; otherwise one end must be in it.
        return interest.scope === 'all' || maybeIn(event.sourceIssueId) || maybeIn(event.destinationIssueId);
      }
      return maybeIn(event.issueId);
    case 'subtask-changes': {
      if (event.kind === 'link') return false;
      const parentChanged =
        event.previousParentId !== undefined ||
        (event.changedFields ?? []).some((f) => f === 'IssueParentAssociation' || f === 'parent');
      if (event.subtask === false && !parentChanged) return false;
      if (event.parentId === undefined) return true;
      return maybeIn(event.issueId) || maybeIn(event.parentId) || maybeIn(event.previousParentId);
    }
  }
}
