// Value clauses of the fields teams plan with: sprint, fixVersion/affectedVersion, component,
// resolution, "Epic Link", issueLinkType and watcher. Values resolve like Jira's: by id or name, only
// among what the caller can see (a sprint of a board in a project the caller cannot browse does not
// exist for them), and a value that resolves to nothing is a 400 naming it.
import type { EmulatorStore, StoredIssue } from '../store';
import type { Viewer } from '../visibility';
import { JqlError, jqlErrors } from './errors';

export type PlanningField =
  'sprint' | 'fixversion' | 'affectedversion' | 'component' | 'resolution' | 'epiclink' | 'issuelinktype' | 'watcher';

interface Ctx {
  store: EmulatorStore;
  viewer: Viewer;
}

const EPIC_LEVEL = 1;

/** Whether the field holds nothing, for IS EMPTY and for the rule that negative operators skip empty fields. */
export function planningIsEmpty(kind: PlanningField, store: EmulatorStore): (i: StoredIssue) => boolean {
  switch (kind) {
    case 'sprint':
      return (i) => i.sprintIds.length === 0;
    case 'fixversion':
      return (i) => i.fixVersions.length === 0;
    case 'affectedversion':
      return (i) => i.affectedVersions.length === 0;
    case 'component':
      return (i) => i.components.length === 0;
    case 'resolution':
      return (i) => i.resolution === undefined;
    case 'epiclink':
      return (i) => epicOf(i, store) === undefined;
    case 'issuelinktype':
      return (i) => isEmptyIterable(store.issueLinks(i.id));
    case 'watcher':
      return (i) => i.watchers.length === 0;
  }
}

function isEmptyIterable(it: Iterable<unknown>): boolean {
  for (const _ of it) return false;
  return true;
}

/** The issue's epic: its parent, when the parent is at the Epic level ("Epic Link" reads the unified parent). */
function epicOf(issue: StoredIssue, store: EmulatorStore): string | undefined {
  if (issue.parentId === undefined) return undefined;
  const parent = store.issuesById.get(issue.parentId);
  return parent && parent.type.hierarchyLevel === EPIC_LEVEL ? parent.id : undefined;
}

/** Sprints the caller can see: those of boards on projects they browse. */
export function visibleSprintIds(ctx: Ctx, state?: 'active' | 'closed' | 'future'): string[] {
  const out: string[] = [];
  for (const s of ctx.store.sprints.values()) {
    if (state !== undefined && s.state !== state) continue;
    if (sprintVisible(ctx, s.boardId)) out.push(String(s.id));
  }
  return out;
}

function sprintVisible(ctx: Ctx, boardId: number): boolean {
  const board = ctx.store.boards.get(boardId);
  const project = board && ctx.store.projectByIdOrKey(board.projectKey);
  return project !== undefined && ctx.viewer.canBrowseProject(project);
}

/** Version ids of browsable projects, released or not (releasedVersions(), unreleasedVersions()). */
export function versionIds(ctx: Ctx, released: boolean, projectRef?: string): string[] {
  const project = projectRef === undefined ? undefined : ctx.store.projectByIdOrKey(projectRef);
  if (projectRef !== undefined && (!project || !ctx.viewer.canBrowseProject(project)))
    throw new JqlError([jqlErrors.unknownValue(projectRef, 'project')]);
  const out: string[] = [];
  for (const v of ctx.store.versions.values()) {
    if (v.released !== released || (project && v.project !== project.key)) continue;
    if (browses(ctx, v.project)) out.push(v.id);
  }
  return out;
}

function browses(ctx: Ctx, projectKey: string): boolean {
  const p = ctx.store.projectByIdOrKey(projectKey);
  return p !== undefined && ctx.viewer.canBrowseProject(p);
}

/** Ids of the named things (by id or case-insensitive name) the caller can see; a value naming none is a 400. */
function resolveAll<T extends { id: string | number; name: string }>(
  values: string[],
  items: Iterable<T>,
  visible: (item: T) => boolean,
  fieldName: string,
): Set<string> {
  const list = [...items].filter(visible);
  const out = new Set<string>();
  for (const v of values) {
    const lower = v.toLowerCase();
    const found = list.filter((x) => String(x.id) === v || x.name.toLowerCase() === lower);
    if (found.length === 0) throw new JqlError([jqlErrors.unknownValue(v, fieldName)]);
    for (const x of found) out.add(String(x.id));
  }
  return out;
}

/** The test of `field = v` / `field in (v…)` for the non-empty values (EMPTY is handled by the caller). */
export function planningValueTest(
  kind: PlanningField,
  values: string[],
  fieldName: string,
  ctx: Ctx,
): (issue: StoredIssue) => boolean {
  const { store, viewer } = ctx;
  switch (kind) {
    case 'sprint': {
      const ids = resolveAll(values, store.sprints.values(), (s) => sprintVisible(ctx, s.boardId), fieldName);
      return (i) => i.sprintIds.some((id) => ids.has(String(id)));
    }
    case 'fixversion':
    case 'affectedversion': {
      const ids = resolveAll(values, store.versions.values(), (v) => browses(ctx, v.project), fieldName);
      return kind === 'fixversion'
        ? (i) => i.fixVersions.some((id) => ids.has(id))
        : (i) => i.affectedVersions.some((id) => ids.has(id));
    }
    case 'component': {
      const ids = resolveAll(values, store.components.values(), (c) => browses(ctx, c.project), fieldName);
      return (i) => i.components.some((id) => ids.has(id));
    }
    case 'resolution': {
      const ids = resolveAll(values, store.resolutions, () => true, fieldName);
      return (i) => i.resolution !== undefined && ids.has(i.resolution.id);
    }
    case 'epiclink': {
      const ids = new Set(
        values.map((v) => {
          const epic = store.issueByIdOrKey(v);
          if (!epic || !viewer.canSeeIssue(epic)) throw new JqlError([jqlErrors.unknownIssue(v, fieldName)]);
          if (epic.type.hierarchyLevel !== EPIC_LEVEL) throw new JqlError([jqlErrors.notAnEpic(v)]);
          return epic.id;
        }),
      );
      return (i) => {
        const epic = epicOf(i, store);
        return epic !== undefined && ids.has(epic);
      };
    }
    case 'issuelinktype': {
      // Values are link descriptions as read from the issue's end ("blocks", "is blocked by"); a link
      // type's name that is no description ("Cloners") stands for both of its ends.
      const described = new Set<string>();
      const named = new Set<string>();
      for (const v of values) {
        const lower = v.toLowerCase();
        if (store.linkTypes.some((t) => t.inward.toLowerCase() === lower || t.outward.toLowerCase() === lower))
          described.add(lower);
        else if (store.linkTypes.some((t) => t.name.toLowerCase() === lower)) named.add(lower);
        else throw new JqlError([jqlErrors.unknownValue(v, fieldName)]);
      }
      return (i) => {
        for (const link of store.issueLinks(i.id)) {
          const phrase = link.sourceId === i.id ? link.type.outward : link.type.inward;
          if (described.has(phrase.toLowerCase()) || named.has(link.type.name.toLowerCase())) return true;
        }
        return false;
      };
    }
    case 'watcher': {
      const ids = new Set(
        values.map((v) => {
          const u = store.findUser(v);
          if (u) return u.accountId;
          if (v === viewer.accountId) return v;
          throw new JqlError([jqlErrors.unknownValue(v, fieldName)]);
        }),
      );
      return (i) => i.watchers.some((w) => ids.has(w));
    }
  }
}
