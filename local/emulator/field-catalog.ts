// The fields the emulator models, with Jira's display names, schemas and JQL clause names. One
// table feeds GET /field and the `names`/`schema` expansions of search and issue reads.

export const RANK_FIELD_ID = 'customfield_10019';
export const RANK_CUSTOM_FIELD_NUMBER = 10019;

export interface FieldSpec {
  id: string;
  name: string;
  custom: boolean;
  schema: Record<string, unknown>;
  clauseNames: string[];
  orderable: boolean;
}

const system = (
  id: string,
  name: string,
  schema: Record<string, unknown>,
  clauseNames: string[],
  orderable = true,
): FieldSpec => ({
  id,
  name,
  custom: false,
  schema: { ...schema, system: id },
  clauseNames,
  orderable,
});

export const FIELD_CATALOG: FieldSpec[] = [
  system('summary', 'Summary', { type: 'string' }, ['summary']),
  system('issuetype', 'Issue Type', { type: 'issuetype' }, ['issuetype', 'type']),
  system('status', 'Status', { type: 'status' }, ['status'], false),
  system('project', 'Project', { type: 'project' }, ['project']),
  system('parent', 'Parent', { type: 'issuelink' }, ['parent']),
  system('subtasks', 'Sub-tasks', { type: 'array', items: 'issuelinks' }, ['subtasks'], false),
  system('issuelinks', 'Linked Issues', { type: 'array', items: 'issuelinks' }, ['issueLink']),
  system('assignee', 'Assignee', { type: 'user' }, ['assignee']),
  system('reporter', 'Reporter', { type: 'user' }, ['reporter']),
  system('labels', 'Labels', { type: 'array', items: 'string' }, ['labels']),
  system('priority', 'Priority', { type: 'priority' }, ['priority']),
  system('security', 'Security Level', { type: 'securitylevel' }, ['level']),
  system('created', 'Created', { type: 'datetime' }, ['created', 'createdDate'], false),
  system('updated', 'Updated', { type: 'datetime' }, ['updated', 'updatedDate'], false),
  {
    id: RANK_FIELD_ID,
    name: 'Rank',
    custom: true,
    schema: { type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-lexo-rank', customId: RANK_CUSTOM_FIELD_NUMBER },
    clauseNames: [`cf[${RANK_CUSTOM_FIELD_NUMBER}]`, 'Rank'],
    orderable: true,
  },
];

const BY_ID = new Map(FIELD_CATALOG.map((f) => [f.id, f]));

/** The `names` expansion: field id → display name, for the given fields. */
export function fieldNames(ids: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of ids) {
    const f = BY_ID.get(id);
    if (f) out[id] = f.name;
  }
  return out;
}

/** The `schema` expansion: field id → JsonTypeBean, for the given fields. */
export function fieldSchemas(ids: Iterable<string>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const id of ids) {
    const f = BY_ID.get(id);
    if (f) out[id] = { ...f.schema };
  }
  return out;
}
