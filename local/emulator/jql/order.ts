// ORDER BY: turns the clause into a sort over precomputed numeric/string keys. Sorting decorated
// keys (rank position rather than rank strings) keeps a 100k-issue sort well under 100 ms.
import type { EmulatorStore, StoredIssue } from '../store';
import type { AstOrderByField } from './ast';
import { findCustomField } from './custom-fields';
import { JqlError, jqlErrors } from './errors';

type SortField =
  | 'rank'
  | 'key'
  | 'id'
  | 'created'
  | 'updated'
  | 'priority'
  | 'summary'
  | 'resolved'
  | 'due'
  | 'status'
  | 'issuetype'
  | 'project'
  | 'custom';

const ORDER_FIELDS: Record<string, SortField> = {
  rank: 'rank',
  'cf[10019]': 'rank',
  customfield_10019: 'rank',
  key: 'key',
  issuekey: 'key',
  issue: 'key',
  id: 'id',
  created: 'created',
  createddate: 'created',
  updated: 'updated',
  updateddate: 'updated',
  priority: 'priority',
  summary: 'summary',
  resolved: 'resolved',
  resolutiondate: 'resolved',
  due: 'due',
  duedate: 'due',
  status: 'status',
  issuetype: 'issuetype',
  type: 'issuetype',
  project: 'project',
};

/** Fields Jira knows but the emulator cannot sort on are reported as not sortable, others as unknown. */
const KNOWN_UNSORTABLE = new Set(['labels', 'text', 'filter', 'parent', 'statuscategory', 'assignee', 'reporter']);

export interface SortSpec {
  field: SortField;
  descending: boolean;
  /** For `custom`: the custom field's id (a number field; ORDER BY cf[10016] or "Story Points"). */
  customId?: string;
}

/** Without ORDER BY the emulator answers in key order, newest first (documented deviation). */
export const DEFAULT_ORDER: SortSpec[] = [{ field: 'key', descending: true }];

export function compileOrderBy(fields: AstOrderByField[] | undefined, store?: EmulatorStore): SortSpec[] {
  if (!fields || fields.length === 0) return DEFAULT_ORDER;
  if (fields.length > 7) throw new JqlError([jqlErrors.tooManyOrderBy()]);
  return fields.map((f) => {
    const name = f.field.value.toLowerCase();
    const field = ORDER_FIELDS[name];
    const descending = (f.direction?.value ?? 'ASC').toUpperCase() === 'DESC';
    const custom = field || !store ? undefined : findCustomField(store, f.field.value);
    if (custom?.type === 'number') return { field: 'custom', descending, customId: custom.id };
    if (!field) {
      if (KNOWN_UNSORTABLE.has(name)) throw new JqlError([jqlErrors.notSortable(f.field.value)]);
      throw new JqlError([jqlErrors.unknownField(f.field.value)]);
    }
    return { field, descending };
  });
}

export function sortIssues(
  store: EmulatorStore,
  issues: StoredIssue[],
  specs: SortSpec[],
  opts: { byRankString?: boolean } = {},
): StoredIssue[] {
  // Stale copies (search lag) carry outdated rank positions: compare their rank strings instead.
  if (opts.byRankString || specs.some((s) => s.field === 'summary')) return sortDecorated(store, issues, specs);
  if (specs.some((s) => s.field === 'rank')) store.issuesInRankOrder(); // refreshes rankPos
  if (specs.length === 1 && specs[0].field === 'rank') return byRank(store, issues, specs[0].descending);

  // Numeric keys in typed arrays and an index sort: no per-issue objects, which matters at 100k.
  const n = issues.length;
  const projectOrder = projectKeyOrder(store);
  const priorityCount = store.priorities.length;
  const columns = specs.map((spec) => {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = numericKey(spec, issues[i], store, projectOrder, priorityCount);
    return col;
  });
  const signs = specs.map((s) => (s.descending ? -1 : 1));
  const index = new Array<number>(n);
  for (let i = 0; i < n; i++) index[i] = i;
  index.sort((a, b) => {
    for (let c = 0; c < columns.length; c++) {
      const d = columns[c][a] - columns[c][b];
      if (d !== 0) return d * signs[c];
    }
    return issues[a].idNum - issues[b].idNum;
  });
  return index.map((i) => issues[i]);
}

/** Rank positions are a dense permutation of all issues: place each issue in its slot, O(n). */
function byRank(store: EmulatorStore, issues: StoredIssue[], descending: boolean): StoredIssue[] {
  const slots = new Array<StoredIssue | undefined>(store.issuesById.size);
  for (const issue of issues) slots[issue.rankPos] = issue;
  const out: StoredIssue[] = [];
  for (const issue of slots) if (issue) out.push(issue);
  return descending ? out.reverse() : out;
}

function projectKeyOrder(store: EmulatorStore): Map<string, number> {
  const keys = [...store.projectsById.values()].map((p) => p.key).sort();
  return new Map(keys.map((k, i) => [k, i]));
}

/** Empty dates and numbers sort after every value when ascending. */
const EMPTY_LAST = Number.MAX_VALUE;

function numericKey(
  spec: SortSpec,
  i: StoredIssue,
  store: EmulatorStore,
  projectOrder: Map<string, number>,
  priorityCount: number,
): number {
  switch (spec.field) {
    case 'rank':
      return i.rankPos;
    case 'id':
      return i.idNum;
    case 'created':
      return i.created;
    case 'updated':
      return i.updated;
    case 'priority': {
      // The first configured priority is the highest: DESC puts it first. Empty sorts lowest.
      const idx = store.priorityIndex(i.priority);
      return idx < 0 ? -1 : priorityCount - idx;
    }
    case 'key':
      // Project key order, then the key's number (ABC-9 before ABC-10).
      return (projectOrder.get(i.project.key) ?? 0) * 2 ** 32 + i.keyNum;
    case 'summary':
      return 0;
    case 'resolved':
      return i.resolved ?? EMPTY_LAST;
    case 'due':
      return i.due ?? EMPTY_LAST;
    // Statuses and issue types sort in the order the site lists them (Jira: workflow and scheme order).
    case 'status':
      return store.statuses.indexOf(i.status);
    case 'issuetype':
      return store.issueTypes.indexOf(i.type);
    case 'project':
      return projectOrder.get(i.project.key) ?? 0;
    case 'custom': {
      const v = i.customFields[spec.customId ?? ''];
      return typeof v === 'number' ? v : EMPTY_LAST;
    }
  }
}

/** The general path, for string keys (summary, rank strings). */
function sortDecorated(store: EmulatorStore, issues: StoredIssue[], specs: SortSpec[]): StoredIssue[] {
  const projectOrder = projectKeyOrder(store);
  const priorityCount = store.priorities.length;
  const decorated = issues.map((issue) => ({
    issue,
    keys: specs.map((s) =>
      s.field === 'summary'
        ? issue.summary.toLowerCase()
        : s.field === 'rank'
          ? issue.rank
          : numericKey(s, issue, store, projectOrder, priorityCount),
    ),
  }));
  decorated.sort((a, b) => {
    for (let n = 0; n < specs.length; n++) {
      const x = a.keys[n];
      const y = b.keys[n];
      const c = x < y ? -1 : x > y ? 1 : 0;
      if (c !== 0) return specs[n].descending ? -c : c;
    }
    return a.issue.idNum - b.issue.idNum;
  });
  return decorated.map((d) => d.issue);
}
