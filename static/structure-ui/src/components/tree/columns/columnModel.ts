// The structure's columns as the view lays them out: their headings, the CSS grid template the header
// and every row share, and which Jira fields the rows (and the subtrees under them) must be read with.
import {
  columnId,
  DEFAULT_COLUMNS,
  SYSTEM_COLUMN_FIELDS,
  type StructureColumn,
  type SystemColumnField,
} from '../../../../../../src/contract';
import { BASE_FIELDS } from '../../../api/issueDetails';

/** A field of the site, as Jira's GET /rest/api/3/field describes it (the part columns use). */
export interface JiraField {
  id: string;
  name: string;
  custom?: boolean;
  /** False: Jira shows the field in no issue list. */
  navigable?: boolean;
  schema?: { type?: string; items?: string; custom?: string };
}

export const SYSTEM_FIELD_LABELS: Record<SystemColumnField, string> = {
  key: 'Issue',
  summary: 'Summary',
  issuetype: 'Type',
  status: 'Status',
  assignee: 'Assignee',
  reporter: 'Reporter',
  priority: 'Priority',
  fixVersions: 'Fix versions',
  versions: 'Affects versions',
  components: 'Components',
  labels: 'Labels',
  duedate: 'Due date',
  resolution: 'Resolution',
  created: 'Created',
  updated: 'Updated',
  resolutiondate: 'Resolved',
};

const isSystem = (field: string): field is SystemColumnField =>
  (SYSTEM_COLUMN_FIELDS as readonly string[]).includes(field);

/** A field's name: ours for system fields, the site's for custom ones (its id until the site's fields load). */
export function fieldLabel(field: string, names: ReadonlyMap<string, string>): string {
  return isSystem(field) ? SYSTEM_FIELD_LABELS[field] : (names.get(field) ?? field);
}

export function columnLabel(column: StructureColumn, names: ReadonlyMap<string, string>): string {
  if (column.kind === 'progress') return 'Progress';
  const label = fieldLabel(column.field, names);
  return column.kind === 'sum' ? `Σ ${label}` : label;
}

/** Whether Jira says a field holds numbers: what Σ can add up. */
export const isNumberField = (f: JiraField): boolean => f.schema?.type === 'number';

function defaultWidth(column: StructureColumn): string {
  if (column.kind === 'progress') return '160px';
  if (column.kind === 'sum') return '120px';
  switch (column.field) {
    case 'key':
      return 'minmax(220px, 1.3fr)';
    case 'summary':
      return 'minmax(200px, 3fr)';
    case 'assignee':
    case 'reporter':
      return '200px';
    case 'duedate':
    case 'created':
    case 'updated':
    case 'resolutiondate':
      return '120px';
    default:
      return '150px';
  }
}

export interface ColumnLayout {
  columns: StructureColumn[];
  /** The grid template of the header and of every row. */
  template: string;
  labels: string[];
  /** Per column: whether it holds numbers (its heading aligns right, as its values do). */
  numeric: boolean[];
  /** The narrowest the columns get, in px: below it the tree scrolls sideways. */
  minWidth: number;
}

export function columnLayout(columns: StructureColumn[], siteFields: readonly JiraField[] = []): ColumnLayout {
  const widths = columns.map((c) => (c.width ? `${c.width}px` : defaultWidth(c)));
  const names = new Map(siteFields.map((f) => [f.id, f.name]));
  const numbers = new Set(siteFields.filter(isNumberField).map((f) => f.id));
  return {
    columns,
    template: widths.join(' '),
    labels: columns.map((c) => columnLabel(c, names)),
    numeric: columns.map((c) => c.kind === 'sum' || (c.kind === 'field' && numbers.has(c.field))),
    // The scrollbar's 12px too: the header leaves room for it.
    minWidth: widths.reduce((n, w) => n + Number(/(\d+)px/.exec(w)?.[1] ?? 0), 12),
  };
}

export const DEFAULT_LAYOUT = columnLayout(DEFAULT_COLUMNS);

/** The fields to read for the rows on screen: the tree column's, and one per field column. */
export function rowFields(columns: readonly StructureColumn[]): string[] {
  const out = new Set(BASE_FIELDS);
  for (const c of columns) if (c.kind === 'field' && c.field !== 'key') out.add(c.field);
  return [...out];
}

/**
 * The fields to read for every issue under a row on screen, for the aggregates: the Σ fields, and what
 * decides "resolved" for progress. Empty: no aggregate column, nothing read beyond the rows on screen.
 */
export function aggregateFields(columns: readonly StructureColumn[]): string[] {
  const out = new Set<string>();
  for (const c of columns) {
    if (c.kind === 'sum') out.add(c.field);
    if (c.kind === 'progress') {
      out.add('resolution');
      out.add('status');
    }
  }
  return [...out];
}

export { columnId };
