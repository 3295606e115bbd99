// The fields real teams filter on besides the hierarchy: sprints, versions, components, resolution and
// resolved date, due date, story points, watchers, description, comments and a status history. Both the
// generator and the demo add them from their own PRNG stream, after an issue's core fields are drawn, so
// that adding a field here never reshuffles summaries, ranks or links of an existing seed.

import { EPOCH, RESOLUTIONS, SOFTWARE_WORKFLOW, STORY_POINTS_FIELD, STATUSES, statusIn, workflowPath } from './catalog';
import type { Random, WeightedTable } from './prng';
import type {
  DatasetBoard,
  DatasetChange,
  DatasetComment,
  DatasetComponent,
  DatasetCustomField,
  DatasetResolution,
  DatasetIssue,
  DatasetSprint,
  DatasetVersion,
  DatasetWorkflow,
} from './types';

const DAY_MS = 24 * 3600 * 1000;
const SPRINT_MS = 14 * DAY_MS;
/** Closed sprints per scrum board: half a year of two-week sprints before the active one. */
const CLOSED_SPRINTS = 13;
const STORY_POINTS: WeightedTable<number> = [
  [1, 15],
  [2, 20],
  [3, 25],
  [5, 20],
  [8, 12],
  [13, 6],
  [21, 2],
];
const COMMENTS: readonly string[] = [
  'Looks good to me, merging after the review.',
  'Reproduced on staging; logs attached.',
  'Blocked until the API contract is agreed.',
  'Moved to the next sprint: waiting for design.',
  'Customer escalation: please prioritise.',
  'Fixed in the latest build, please verify.',
  'Needs a feature flag before rollout.',
  'Discussed in planning; splitting into smaller tasks.',
  'Performance regression confirmed by the load test.',
  'Documentation updated in the wiki.',
];
const CATEGORY = new Map(STATUSES.map((s) => [s.name, s.category]));

/** Per project: its components' names and the people who work in it (watchers, commenters). */
export interface ProjectFieldsInput {
  key: string;
  components: readonly string[];
  team: readonly string[];
  /** Words for descriptions: the parts of the product the project touches. */
  vocabulary: readonly string[];
}

export interface FieldsPlan {
  head: {
    resolutions: DatasetResolution[];
    customFields: DatasetCustomField[];
    versions: DatasetVersion[];
    components: DatasetComponent[];
    sprints: DatasetSprint[];
  };
  projects: Map<string, ProjectFieldsInput & { versions: DatasetVersion[]; sprints: DatasetSprint[] }>;
}

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Versions, components and sprints of every project (sprints only for projects with a scrum board). */
export function planFields(projects: readonly ProjectFieldsInput[], boards: readonly DatasetBoard[]): FieldsPlan {
  const versions: DatasetVersion[] = [];
  const components: DatasetComponent[] = [];
  const sprints: DatasetSprint[] = [];
  const byProject: FieldsPlan['projects'] = new Map();
  for (const p of projects) {
    // Quarterly releases over two years, then two planned ones.
    const own: DatasetVersion[] = [];
    for (let n = 0; n < 10; n++) {
      const release = EPOCH - (7 - n) * 91 * DAY_MS;
      own.push({
        id: String(10000 + versions.length + own.length),
        project: p.key,
        name: `${1 + Math.floor(n / 4)}.${n % 4}`,
        released: release < EPOCH,
        releaseDate: day(release),
      });
    }
    versions.push(...own);
    for (const name of p.components) components.push({ id: String(10000 + components.length), project: p.key, name });
    const ownSprints: DatasetSprint[] = [];
    const board = boards.find((b) => b.projectKey === p.key && b.type === 'scrum');
    if (board) {
      const activeStart = EPOCH - 5 * DAY_MS;
      for (let n = 0; n <= CLOSED_SPRINTS + 1; n++) {
        const start = activeStart + (n - CLOSED_SPRINTS) * SPRINT_MS;
        ownSprints.push({
          id: sprints.length + ownSprints.length + 1,
          name: `${p.key} Sprint ${n + 1}`,
          state: n < CLOSED_SPRINTS ? 'closed' : n === CLOSED_SPRINTS ? 'active' : 'future',
          boardId: board.id,
          startDate: new Date(start).toISOString(),
          endDate: new Date(start + SPRINT_MS).toISOString(),
        });
      }
      sprints.push(...ownSprints);
    }
    byProject.set(p.key, { ...p, versions: own, sprints: ownSprints });
  }
  return {
    head: { resolutions: [...RESOLUTIONS], customFields: [STORY_POINTS_FIELD], versions, components, sprints },
    projects: byProject,
  };
}

/** The issue with the optional fields added (it is not changed). */
export function withFields(issue: DatasetIssue, plan: FieldsPlan, rnd: Random): DatasetIssue {
  const p = plan.projects.get(issue.key.slice(0, issue.key.lastIndexOf('-')));
  if (!p) return issue;
  const category = CATEGORY.get(issue.status) ?? 'new';
  const created = Date.parse(issue.created);
  const updated = Date.parse(issue.updated);
  const container = issue.type === 'Epic' || issue.type === 'Initiative';
  const out: DatasetIssue = { ...issue };
  const people = p.team.length > 0 ? p.team : [issue.reporter ?? ''];
  const actor = (): string => issue.assignee ?? issue.reporter ?? rnd.pick(people);

  let resolvedAt: number | undefined;
  if (category === 'done') {
    resolvedAt = updated - rnd.int(0, Math.min(updated - created, DAY_MS));
    out.resolution =
      issue.status === "Won't Do"
        ? "Won't Do"
        : issue.type === 'Bug' && rnd.chance(0.12)
          ? rnd.pick(['Duplicate', 'Cannot Reproduce'])
          : 'Done';
    out.resolved = new Date(resolvedAt).toISOString();
  }
  out.history = statusHistory(issue, category, created, resolvedAt ?? updated, actor, rnd);
  if (out.history.length === 0) delete out.history;

  if (!container && rnd.chance(category === 'done' ? 0.15 : 0.3)) out.due = day(created + rnd.int(7, 60) * DAY_MS);
  if (!container && issue.type !== 'Sub-task') {
    const fix = fixVersion(p.versions, category, resolvedAt, rnd);
    if (fix) out.fixVersions = [fix];
    if (issue.type === 'Bug' && rnd.chance(0.5)) {
      const before = p.versions.filter((v) => v.released && Date.parse(v.releaseDate ?? '') <= created);
      if (before.length > 0) out.affectedVersions = [rnd.pick(before).name];
    }
  }
  if (p.components.length > 0 && rnd.chance(0.6)) {
    const names = new Set([rnd.pick(p.components)]);
    if (rnd.chance(0.2)) names.add(rnd.pick(p.components));
    out.components = [...names];
  }
  const pointsChance = issue.type === 'Story' ? 0.8 : issue.type === 'Task' ? 0.3 : issue.type === 'Bug' ? 0.2 : 0;
  if (rnd.chance(pointsChance)) out.customFields = { [STORY_POINTS_FIELD.id]: rnd.weighted(STORY_POINTS) };
  const sprints = sprintsFor(p.sprints, issue, category, resolvedAt, rnd);
  if (sprints.length > 0) out.sprints = sprints;

  const watchers = new Set<string>();
  if (issue.reporter && rnd.chance(0.8)) watchers.add(issue.reporter);
  if (issue.assignee && rnd.chance(0.7)) watchers.add(issue.assignee);
  if (rnd.chance(0.1)) watchers.add(rnd.pick(people));
  if (watchers.size > 0) out.watchers = [...watchers];
  if (rnd.chance(0.4)) out.description = description(p, rnd);
  if (rnd.chance(0.2)) out.comments = comments(people, created, updated, rnd);
  return out;
}

/** The workflow path to the current status, spread between creation and `end` (resolution or last update). */
function statusHistory(
  issue: DatasetIssue,
  category: string,
  created: number,
  end: number,
  actor: () => string,
  rnd: Random,
): DatasetChange[] {
  let path: string[];
  if (issue.status === 'Backlog') path = ['Backlog'];
  else if (issue.status === 'To Do') path = rnd.chance(0.4) ? ['Backlog', 'To Do'] : ['To Do'];
  else if (issue.status === "Won't Do")
    path = rnd.chance(0.5) ? ['To Do', "Won't Do"] : ['To Do', 'In Progress', "Won't Do"];
  else if (category === 'indeterminate')
    path = ['To Do', 'In Progress', ...(issue.status === 'In Review' ? ['In Review'] : [])];
  else path = ['To Do', 'In Progress', ...(rnd.chance(0.6) ? ['In Review'] : []), issue.status];
  return changesAlong(path, created, end, actor);
}

/** One status change per step of `path`, the last at `end` and the others evenly before it. */
function changesAlong(path: readonly string[], created: number, end: number, actor: () => string): DatasetChange[] {
  const changes: DatasetChange[] = [];
  const steps = path.length - 1;
  for (let n = 1; n <= steps; n++) {
    // The last step happens at `end`; earlier ones in order before it.
    const at = n === steps ? end : created + Math.floor(((end - created) * n) / (steps + 1));
    changes.push({
      field: 'status',
      from: path[n - 1] as string,
      to: path[n] as string,
      at: new Date(at).toISOString(),
      by: actor(),
    });
  }
  return changes;
}

/**
 * The issue moved onto its project's workflow. Issues are drawn over the catalog's statuses, whose paths
 * are the software workflow's; elsewhere the status becomes the workflow's of the same category and the
 * history its shortest path through work in progress, by the same person and ending at the same time.
 * Draws nothing, so a project's workflow never moves another project's random fields.
 */
export function settleOnWorkflow(issue: DatasetIssue, workflow: DatasetWorkflow): DatasetIssue {
  if (workflow.name === SOFTWARE_WORKFLOW.name) return issue;
  const status = statusIn(workflow, issue.status, Number(issue.id));
  const old = issue.history ?? [];
  const by = old[0]?.by ?? issue.assignee ?? issue.reporter;
  const out: DatasetIssue = { ...issue, status };
  delete out.history;
  const path = workflowPath(workflow, status);
  if (!by || !path) return out;
  const end = old.at(-1)?.at ?? issue.resolved ?? issue.updated;
  const history = changesAlong(path, Date.parse(issue.created), Date.parse(end), () => by);
  // Where the catalog path had as many changes, they keep its times: work started when it did and
  // finished when it did, only the steps skipped in between are gone.
  if (history.length > 0 && old.length >= history.length) {
    const times = [...old.slice(0, history.length - 1), old.at(-1)].map((c) => c?.at as string);
    history.forEach((c, n) => (c.at = times[n] as string));
  }
  return history.length > 0 ? { ...out, history } : out;
}

function fixVersion(
  versions: readonly DatasetVersion[],
  category: string,
  resolvedAt: number | undefined,
  rnd: Random,
): string | undefined {
  if (resolvedAt !== undefined) {
    // Shipped in the first release after it was resolved.
    const release = versions.find((v) => Date.parse(v.releaseDate ?? '') >= resolvedAt);
    return release && rnd.chance(0.7) ? release.name : undefined;
  }
  const planned = versions.filter((v) => !v.released);
  return planned.length > 0 && rnd.chance(category === 'indeterminate' ? 0.6 : 0.25)
    ? rnd.pick(planned).name
    : undefined;
}

function sprintsFor(
  sprints: readonly DatasetSprint[],
  issue: DatasetIssue,
  category: string,
  resolvedAt: number | undefined,
  rnd: Random,
): number[] {
  if (sprints.length === 0 || issue.type === 'Epic' || issue.type === 'Initiative') return [];
  if (resolvedAt !== undefined) {
    const index = sprints.findIndex(
      (s) =>
        s.state !== 'future' && Date.parse(s.startDate ?? '') <= resolvedAt && resolvedAt < Date.parse(s.endDate ?? ''),
    );
    if (index < 0) return [];
    // Some work spills over from the sprint before.
    const previous = sprints[index - 1];
    return previous && rnd.chance(0.2)
      ? [previous.id, (sprints[index] as DatasetSprint).id]
      : [(sprints[index] as DatasetSprint).id];
  }
  const active = sprints.find((s) => s.state === 'active');
  const future = sprints.find((s) => s.state === 'future');
  if (active && (category === 'indeterminate' || rnd.chance(0.3))) {
    // Unfinished work carried over from the sprint before keeps that closed sprint too, as in Jira.
    const carried = sprints[sprints.indexOf(active) - 1];
    // Chosen by id rather than drawn, so that the fields drawn after this one stay as they were.
    return carried && Number(issue.id) % 5 === 0 ? [carried.id, active.id] : [active.id];
  }
  if (future && rnd.chance(0.15)) return [future.id];
  return [];
}

function description(p: ProjectFieldsInput, rnd: Random): string {
  const part = p.vocabulary.length > 0 ? rnd.pick(p.vocabulary) : 'product';
  return rnd.pick([
    `Scope: changes to the ${part}. Acceptance criteria are in the linked design.`,
    `Steps to reproduce: open the ${part} with a fresh account and retry twice.`,
    `Follow-up from the incident review: the ${part} needs better monitoring.`,
    `Customer request: make the ${part} configurable per tenant.`,
    `Technical debt in the ${part}; see the architecture notes.`,
  ]);
}

function comments(people: readonly string[], created: number, updated: number, rnd: Random): DatasetComment[] {
  const count = rnd.int(1, 3);
  const out: DatasetComment[] = [];
  for (let n = 0; n < count; n++) {
    const at = created + Math.floor(((updated - created) * (n + 1)) / (count + 1));
    out.push({ author: rnd.pick(people), body: rnd.pick(COMMENTS), created: new Date(at).toISOString() });
  }
  return out;
}
