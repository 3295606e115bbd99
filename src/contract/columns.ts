// A structure's columns: what the structure view shows beside each row's issue, saved per structure.
// The same schema checks what setStructureColumns stores and what the UI's columns dialog offers.
import { z } from 'zod';

/**
 * The Jira system fields a column may show (by Jira's field id), and `key`, the tree's own column. Sprint
 * and Story Points are custom fields on Jira Cloud (their ids differ between sites): the field picker
 * offers them with the site's other custom fields.
 */
export const SYSTEM_COLUMN_FIELDS = [
  'key',
  'summary',
  'issuetype',
  'status',
  'assignee',
  'reporter',
  'priority',
  'fixVersions',
  'versions',
  'components',
  'labels',
  'duedate',
  'resolution',
  'created',
  'updated',
  'resolutiondate',
] as const;
export type SystemColumnField = (typeof SYSTEM_COLUMN_FIELDS)[number];

export const MAX_COLUMNS = 20;
export const CUSTOM_FIELD_ID = /^customfield_[0-9]{1,18}$/;

/**
 * One column. `field`: a field's value on the row's issue. `sum`: Σ of a number field over the row and
 * every row under it. `progress`: the share of the issues under the row that are resolved (a resolution,
 * or a status of the Done category); a row with nothing under it shows its own issue, 0% or 100%.
 * `width` in pixels; absent: the column's default width.
 */
export type StructureColumn =
  | { kind: 'field'; field: string; width?: number }
  | { kind: 'sum'; field: string; width?: number }
  | { kind: 'progress'; width?: number };

export interface StructureColumnsDto {
  structureId: string;
  columns: StructureColumn[];
  /** False: nobody saved columns for this structure yet, these are the default ones. */
  saved: boolean;
  /** Whether the caller may change them (edit level). */
  canChange: boolean;
}

/** Today's four columns, for a structure nobody configured. */
export const DEFAULT_COLUMNS: StructureColumn[] = [
  { kind: 'field', field: 'key' },
  { kind: 'field', field: 'summary' },
  { kind: 'field', field: 'status' },
  { kind: 'field', field: 'assignee' },
];

/** What makes two columns the same column: a list never holds one twice. */
export const columnId = (c: StructureColumn): string => (c.kind === 'progress' ? 'progress' : `${c.kind}:${c.field}`);

const width = z.number().int().min(60, 'is narrower than 60 px').max(1200, 'is wider than 1200 px').optional();
const customField = z.string().regex(CUSTOM_FIELD_ID, 'is not a custom field id like customfield_10016');
const anyField = z.union([z.enum(SYSTEM_COLUMN_FIELDS), customField], {
  error: 'is not a field a column can show (a system field, or a custom field id like customfield_10016)',
});

export const structureColumnSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), field: anyField, width }).strict(),
  // Σ needs numbers: Jira's number fields on a site are custom fields (Story Points and the like).
  z.object({ kind: z.literal('sum'), field: customField, width }).strict(),
  z.object({ kind: z.literal('progress'), width }).strict(),
]);

export const structureColumnsSchema = z
  .array(structureColumnSchema)
  .min(1, 'needs at least the Issue column')
  .max(MAX_COLUMNS, `has more than ${MAX_COLUMNS} columns`)
  .superRefine((columns, ctx) => {
    const first = columns[0];
    if (first && !(first.kind === 'field' && first.field === 'key'))
      ctx.addIssue({ code: 'custom', path: [0], message: 'must be the Issue column (key): it holds the tree' });
    const seen = new Set<string>();
    columns.forEach((c, i) => {
      const id = columnId(c);
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i], message: 'is already a column of the list' });
      seen.add(id);
    });
  });
