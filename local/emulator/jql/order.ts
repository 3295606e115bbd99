// ORDER BY: turns the clause into a sort over precomputed numeric/string keys. Sorting decorated
// keys (rank position rather than rank strings) keeps a 100k-issue sort well under 100 ms.
import type { EmulatorStore, StoredIssue } from '../store';
import type { AstOrderByField } from './ast';
import { JqlError, jqlErrors } from './errors';

type SortField = 'rank' | 'key' | 'id' | 'created' | 'updated' | 'priority' | 'summary';

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
};

/** Fields Jira knows but the emulator cannot sort on are reported as not sortable, others as unknown. */
const KNOWN_UNSORTABLE = new Set(['labels', 'text', 'filter', 'parent', 'issuetype', 'type', 'status', 'statuscategory', 'project', 'assignee', 'reporter']);

export interface SortSpec {
  field: SortField;
  descending: boolean;
}

/** Without ORDER BY the emulator answers in key order, newest first (documented deviation). */
export const DEFAULT_ORDER: SortSpec[] = [{ field: 'key', descending: true }];

export function compileOrderBy(fields: AstOrderByField[] | undefined): SortSpec[] {
  if (!fields || fields.length === 0) return DEFAULT_ORDER;
  if (fields.length > 7) throw new JqlError([jqlErrors.tooManyOrderBy()]);
  return fields.map((f) => {
    const name = f.field.value.toLowerCase();
    const field = ORDER_FIELDS[name];
    if (!field) {
      if (KNOWN_UNSORTABLE.has(name)) throw new JqlError([jqlErrors.notSortable(f.field.value)]);
      throw new JqlError([jqlErrors.unknownField(f.field.value)]);
    }
    return { field, descending: (f.direction?.value ?? 'ASC').toUpperCase() === 'DESC' };
  });
}

export function sortIssues(store: EmulatorStore, issues: StoredIssue[], specs: SortSpec[]): StoredIssue[] {
  if (specs.some((s) => s.field === 'rank')) store.issuesInRankOrder(); // refreshes rankPos
  const priorityCount = store.priorities.length;
  const keyOf = (spec: SortSpec, i: StoredIssue): number | string => {
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
      case 'summary':
        return i.summary.toLowerCase();
      case 'key':
        return 0; // compared specially below
    }
  };
  const decorated = issues.map((issue) => ({ issue, keys: specs.map((s) => keyOf(s, issue)) }));
  decorated.sort((a, b) => {
    for (let n = 0; n < specs.length; n++) {
      const spec = specs[n];
      let c: number;
      if (spec.field === 'key') {
        const pa = a.issue.project.key;
        const pb = b.issue.project.key;
        c = pa < pb ? -1 : pa > pb ? 1 : a.issue.keyNum - b.issue.keyNum;
      } else {
        const x = a.keys[n];
        const y = b.keys[n];
        c = x < y ? -1 : x > y ? 1 : 0;
      }
      if (c !== 0) return spec.descending ? -c : c;
    }
    return a.issue.idNum - b.issue.idNum;
  });
  return decorated.map((d) => d.issue);
}
