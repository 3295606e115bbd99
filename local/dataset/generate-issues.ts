// The issue stream of a generated dataset, produced one issue at a time so that 250k issues never have
// to sit in memory. Every parent is emitted before its children and every reference (parent, link
// target) is a key that exists once the stream ends: project sizes are fixed up front, so a link may name
// an issue that comes later, which is how planted Blocks cycles close.

import { EPOCH, TWO_YEARS_MS } from './catalog';
import { CONFIDENTIAL_LEVEL, SECURITY_TEAM_LEVEL, type GenerationPlan, type ProjectPlan } from './generate-head';
import type { Random, WeightedTable } from './prng';
import { lexoRank } from './rank';
import type { DatasetIssue, DatasetLink } from './types';
import {
  bugSummary,
  COMMON_LABELS,
  epicSummary,
  initiativeSummary,
  storySummary,
  subtaskSummary,
  taskSummary,
} from './vocabulary';

// Fan-out tables, shaped after public Jira sites: most epics are small, a few are huge; most standard
// issues have no sub-tasks. Explicit tables (rather than Math.log-based distributions) keep
// the output identical on every platform.
const TOP_LEVEL: WeightedTable<'initiative' | 'epic' | 'loose'> = [
  ['initiative', 4],
  ['epic', 30],
  ['loose', 66],
];
const EPICS_PER_INITIATIVE: WeightedTable<number> = [
  [2, 2],
  [3, 3],
  [4, 3],
  [5, 2],
  [6, 1],
  [8, 1],
];
const STORIES_PER_EPIC: WeightedTable<number> = [
  [1, 1],
  [2, 2],
  [3, 3],
  [5, 4],
  [8, 4],
  [12, 3],
  [18, 2],
  [25, 1],
  [40, 0.5],
];
const SUBTASKS_PER_ISSUE: WeightedTable<number> = [
  [0, 70],
  [1, 10],
  [2, 8],
  [3, 6],
  [4, 3],
  [5, 2],
  [6, 0.7],
  [8, 0.3],
];
const TYPE_IN_EPIC: WeightedTable<string> = [
  ['Story', 60],
  ['Task', 25],
  ['Bug', 15],
];
const TYPE_LOOSE: WeightedTable<string> = [
  ['Bug', 40],
  ['Task', 35],
  ['Story', 25],
];
const LABEL_COUNT: WeightedTable<number> = [
  [0, 55],
  [1, 30],
  [2, 12],
  [3, 3],
];
const PRIORITY: WeightedTable<string> = [
  ['Medium', 50],
  ['High', 20],
  ['Low', 17],
  ['Lowest', 8],
  ['Highest', 5],
];
const BUG_PRIORITY: WeightedTable<string> = [
  ['High', 35],
  ['Medium', 35],
  ['Highest', 12],
  ['Low', 15],
  ['Lowest', 3],
];
const DAYS_TO_UPDATE: WeightedTable<number> = [
  [0, 10],
  [1, 15],
  [3, 20],
  [7, 20],
  [14, 15],
  [30, 10],
  [90, 7],
  [180, 3],
];

const DAY_MS = 24 * 3600 * 1000;
const RANK_CHUNK_BITS = 20;
const RANK_SEQ_LIMIT = 36 ** 3;

type Category = 'new' | 'indeterminate' | 'done';

interface Context {
  rnd: Random;
  total: number;
  /** Index of the next issue in the whole stream: its id and its age derive from it. */
  emitted: number;
  chunks: number;
  rankSalt: number;
  links: number;
  projects: readonly ProjectPlan[];
  /** Cumulative project sizes, to pick a link target uniformly over all issues. */
  cumulative: number[];
  allUsers: string[];
  /** Links planted by an earlier issue for an issue not yet emitted (the far end of a cycle). */
  pending: Map<string, DatasetLink[]>;
}

interface Chunk {
  rankPrefix: number;
  seq: number;
}

interface Made {
  issue: DatasetIssue;
  category: Category;
}

export function* generateIssues(
  plan: GenerationPlan,
  total: number,
  seed: number,
  rnd: Random,
): Generator<DatasetIssue, void> {
  const cumulative: number[] = [];
  let sum = 0;
  for (const p of plan.projects) cumulative.push((sum += p.size));
  const ctx: Context = {
    rnd,
    total,
    emitted: 0,
    chunks: 0,
    rankSalt: seed & ((1 << RANK_CHUNK_BITS) - 1),
    links: 0,
    projects: plan.projects,
    cumulative,
    allUsers: plan.head.users.map((u) => u.accountId),
    pending: new Map(),
  };
  const streams = plan.projects.map((p) => ({ plan: p, left: p.size, issues: projectIssues(ctx, p) }));
  let left = total;
  // Projects advance in interleaved bursts, weighted by the work they have left, so ids (global, in
  // creation order) mix projects the way a real site's do.
  while (left > 0) {
    let r = rnd.int(0, left - 1);
    const stream = streams.find((s) => (r -= s.left) < 0);
    if (!stream) throw new Error('unreachable: burst selection ran past the remaining issues');
    const burst = Math.min(stream.left, rnd.int(1, 40));
    for (let i = 0; i < burst; i++) {
      const next = stream.issues.next();
      if (next.done) throw new Error('unreachable: project streams never end');
      yield next.value;
      stream.left--;
      left--;
      ctx.emitted++;
    }
  }
}

function* projectIssues(ctx: Context, p: ProjectPlan): Generator<DatasetIssue, never> {
  const rnd = ctx.rnd;
  const state = { number: 0 };
  for (;;) {
    const chunk = startChunk(ctx);
    const kind = rnd.weighted(TOP_LEVEL);
    if (kind === 'initiative') {
      const initiative = makeIssue(ctx, p, state, chunk, 'Initiative', undefined);
      yield initiative.issue;
      const epics = rnd.weighted(EPICS_PER_INITIATIVE);
      for (let i = 0; i < epics; i++) yield* epicTree(ctx, p, state, chunk, initiative);
    } else if (kind === 'epic') {
      yield* epicTree(ctx, p, state, chunk, undefined);
    } else {
      yield* standardTree(ctx, p, state, chunk, rnd.weighted(TYPE_LOOSE), undefined);
    }
  }
}

function* epicTree(
  ctx: Context,
  p: ProjectPlan,
  state: { number: number },
  chunk: Chunk,
  parent: Made | undefined,
): Generator<DatasetIssue, void> {
  const epic = makeIssue(ctx, p, state, chunk, 'Epic', parent);
  yield epic.issue;
  // ±30% around the table value, so sizes do not cluster on a few numbers.
  const base = ctx.rnd.weighted(STORIES_PER_EPIC);
  const stories = Math.max(1, base + ctx.rnd.int(-Math.floor(base * 0.3), Math.floor(base * 0.3)));
  for (let i = 0; i < stories; i++) yield* standardTree(ctx, p, state, chunk, ctx.rnd.weighted(TYPE_IN_EPIC), epic);
}

function* standardTree(
  ctx: Context,
  p: ProjectPlan,
  state: { number: number },
  chunk: Chunk,
  type: string,
  parent: Made | undefined,
): Generator<DatasetIssue, void> {
  const standard = makeIssue(ctx, p, state, chunk, type, parent);
  yield standard.issue;
  const subtasks = ctx.rnd.weighted(SUBTASKS_PER_ISSUE);
  for (let i = 0; i < subtasks; i++) yield makeIssue(ctx, p, state, chunk, 'Sub-task', standard).issue;
}

/** A top-level backlog item and everything under it share a rank prefix; the prefixes are shuffled. */
function startChunk(ctx: Context): Chunk {
  const n = ctx.chunks++;
  if (n >= 1 << RANK_CHUNK_BITS) throw new RangeError('Too many top-level issues for the rank space');
  // Multiplying by an odd constant modulo 2^20 is a bijection, so prefixes stay unique while the
  // backlog order differs from creation order, as it does on a groomed backlog.
  const rankPrefix = (Math.imul(n ^ ctx.rankSalt, 0x2c1b3c6d) >>> 0) & ((1 << RANK_CHUNK_BITS) - 1);
  return { rankPrefix, seq: 0 };
}

function makeIssue(
  ctx: Context,
  p: ProjectPlan,
  state: { number: number },
  chunk: Chunk,
  type: string,
  parent: Made | undefined,
): Made {
  const rnd = ctx.rnd;
  const number = ++state.number;
  const key = `${p.key}-${number}`;
  const g = ctx.emitted;
  const age = 1 - g / ctx.total;

  if (chunk.seq >= RANK_SEQ_LIMIT)
    throw new RangeError(`Backlog item in ${p.key} has more than ${RANK_SEQ_LIMIT} issues`);
  const category = pickCategory(rnd, type, age, parent?.category);
  const status =
    category === 'done'
      ? rnd.chance(0.92)
        ? 'Done'
        : "Won't Do"
      : category === 'indeterminate'
        ? rnd.chance(0.65)
          ? 'In Progress'
          : 'In Review'
        : rnd.chance(0.6)
          ? 'To Do'
          : 'Backlog';

  const slot = TWO_YEARS_MS / ctx.total;
  const created = EPOCH - TWO_YEARS_MS + Math.floor(g * slot + rnd.next() * slot * 0.9);
  const settle = category === 'new' ? rnd.int(0, 3) : rnd.weighted(DAYS_TO_UPDATE);
  const updated = Math.min(EPOCH - 1000, created + settle * DAY_MS + rnd.int(0, DAY_MS - 1));

  const summary = summaryFor(rnd, type, p);
  const links = linksFor(ctx, p, key, number, type);
  const rank = lexoRank([
    [chunk.rankPrefix, 4],
    [chunk.seq++, 3],
  ]);
  const labels = labelsFor(rnd, p, type);
  const team = p.team.length > 0 ? p.team : ctx.allUsers;
  const assignee = rnd.chance(category === 'new' ? 0.4 : 0.08) ? undefined : rnd.pick(team);
  const reporter = rnd.chance(0.85) ? rnd.pick(team) : rnd.pick(ctx.allUsers);
  const priority = rnd.weighted(type === 'Bug' ? BUG_PRIORITY : PRIORITY);
  // Jira gives sub-tasks their parent's security level; elsewhere a few issues are locked down.
  const security =
    type === 'Sub-task'
      ? parent?.issue.security
      : p.restricted
        ? rnd.chance(0.15)
          ? SECURITY_TEAM_LEVEL
          : undefined
        : rnd.chance(0.004)
          ? CONFIDENTIAL_LEVEL
          : undefined;

  // Optional fields are left out rather than set to undefined: the file stays small and the object
  // returned in-process equals the one parsed back from the file.
  const issue: DatasetIssue = {
    id: String(10000 + g),
    key,
    type,
    summary,
    status,
    ...(parent ? { parent: parent.issue.key } : {}),
    ...(links.length > 0 ? { links } : {}),
    rank,
    ...(labels.length > 0 ? { labels } : {}),
    ...(assignee ? { assignee } : {}),
    reporter,
    priority,
    ...(security ? { security } : {}),
    created: new Date(created).toISOString(),
    updated: new Date(updated).toISOString(),
  };
  return { issue, category };
}

function pickCategory(rnd: Random, type: string, age: number, parent: Category | undefined): Category {
  // Old work is mostly finished; containers (epics, initiatives) stay open longer than their items.
  if (parent === 'done' && rnd.chance(0.95)) return 'done';
  const doneChance = type === 'Initiative' ? 0.6 * age : type === 'Epic' ? 0.05 + 0.75 * age : 0.1 + 0.8 * age;
  if (rnd.chance(doneChance)) return 'done';
  const activeChance = parent === 'indeterminate' ? 0.45 : type === 'Initiative' ? 0.6 : 0.3;
  return rnd.chance(activeChance) ? 'indeterminate' : 'new';
}

function summaryFor(rnd: Random, type: string, p: ProjectPlan): string {
  switch (type) {
    case 'Initiative':
      return initiativeSummary(rnd, p.area);
    case 'Epic':
      return epicSummary(rnd, p.area);
    case 'Story':
      return storySummary(rnd, p.area);
    case 'Task':
      return taskSummary(rnd, p.area);
    case 'Bug':
      return bugSummary(rnd, p.area);
    default:
      return subtaskSummary(rnd);
  }
}

function labelsFor(rnd: Random, p: ProjectPlan, type: string): string[] {
  const labels = new Set<string>();
  if (type === 'Bug' && rnd.chance(0.1)) labels.add('regression');
  const count = rnd.weighted(LABEL_COUNT);
  for (let i = 0; i < count; i++) labels.add(rnd.chance(0.7) ? rnd.pick(p.area.labels) : rnd.pick(COMMON_LABELS));
  return [...labels];
}

/** A key drawn uniformly over all issues (cross-project) or over one project. */
function randomTarget(ctx: Context, p: ProjectPlan, sameProject: boolean): string {
  if (sameProject) return `${p.key}-${ctx.rnd.int(1, p.size)}`;
  const index = ctx.rnd.int(0, ctx.total - 1);
  let lo = 0;
  while ((ctx.cumulative[lo] as number) <= index) lo++;
  const target = ctx.projects[lo] as ProjectPlan;
  const before = lo === 0 ? 0 : (ctx.cumulative[lo - 1] as number);
  return `${target.key}-${index - before + 1}`;
}

function linksFor(ctx: Context, p: ProjectPlan, key: string, number: number, type: string): DatasetLink[] {
  const rnd = ctx.rnd;
  const links: DatasetLink[] = [];
  const add = (linkType: string, to: string): void => {
    if (to === key || links.some((l) => l.type === linkType && l.to === to)) return;
    links.push({ id: String(10000 + ctx.links++), type: linkType, to });
  };
  for (const planted of ctx.pending.get(key) ?? []) add(planted.type, planted.to);
  ctx.pending.delete(key);

  // About a quarter of the issues hold a link, like the public Jira sites (~1M links for 2.7M issues).
  if (type === 'Sub-task') {
    if (rnd.chance(0.02)) add('Relates', randomTarget(ctx, p, true));
    return links;
  }
  if (rnd.chance(0.12)) add('Blocks', randomTarget(ctx, p, rnd.chance(0.55)));
  if (rnd.chance(0.15)) add('Relates', randomTarget(ctx, p, rnd.chance(0.5)));
  if (type === 'Bug' && rnd.chance(0.06)) add('Duplicate', randomTarget(ctx, p, true));
  if (rnd.chance(0.015)) add('Cloners', randomTarget(ctx, p, rnd.chance(0.7)));

  // Plant a Blocks cycle through the next one or two issues of this project: real sites have a few,
  // and the app must survive them.
  const length = rnd.chance(0.0015) ? rnd.int(2, 3) : 0;
  if (length > 0 && number + length - 1 <= p.size) {
    add('Blocks', `${p.key}-${number + 1}`);
    for (let i = 1; i < length; i++) {
      const from = `${p.key}-${number + i}`;
      const to = i === length - 1 ? key : `${p.key}-${number + i + 1}`;
      const list = ctx.pending.get(from) ?? [];
      list.push({ type: 'Blocks', to });
      ctx.pending.set(from, list);
    }
  }
  return links;
}
