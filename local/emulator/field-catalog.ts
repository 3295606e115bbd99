// The fields the emulator models, with Jira's display names, schemas and JQL clause names. One
// table feeds GET /field and the `names`/`schema` expansions of search and issue reads.
import type { DatasetCustomField } from '../dataset/types';

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

/** Jira Cloud's Sprint field (greenhopper); the emulator keeps sprints per issue, not as a dataset custom field. */
export const SPRINT_FIELD_ID = 'customfield_10020';

const SYSTEM_FIELDS: FieldSpec[] = [
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
  system('resolution', 'Resolution', { type: 'resolution' }, ['resolution']),
  system('resolutiondate', 'Resolved', { type: 'datetime' }, ['resolutiondate', 'resolved'], false),
  system('duedate', 'Due date', { type: 'date' }, ['due', 'duedate']),
  system('fixVersions', 'Fix versions', { type: 'array', items: 'version' }, ['fixVersion']),
  system('versions', 'Affects versions', { type: 'array', items: 'version' }, ['affectedVersion']),
  system('components', 'Components', { type: 'array', items: 'component' }, ['component']),
  system('description', 'Description', { type: 'string' }, ['description']),
  system('comment', 'Comment', { type: 'comments-page' }, ['comment']),
  system('watches', 'Watchers', { type: 'watches' }, ['watchers'], false),
  {
    id: RANK_FIELD_ID,
    name: 'Rank',
    custom: true,
    schema: { type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-lexo-rank', customId: RANK_CUSTOM_FIELD_NUMBER },
    clauseNames: [`cf[${RANK_CUSTOM_FIELD_NUMBER}]`, 'Rank'],
    orderable: true,
  },
  {
    id: SPRINT_FIELD_ID,
    name: 'Sprint',
    custom: true,
    schema: { type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint', customId: 10020 },
    clauseNames: ['cf[10020]', 'Sprint'],
    orderable: true,
  },
];

/** Every field of a site: the modelled system fields, Rank and Sprint, then the dataset's custom fields. */
export function fieldCatalog(customFields: readonly DatasetCustomField[]): FieldSpec[] {
  const custom = customFields.map((f): FieldSpec => {
    const customId = Number(f.id.slice('customfield_'.length));
    const kind = f.type === 'number' ? 'float' : 'textfield';
    return {
      id: f.id,
      name: f.name,
      custom: true,
      schema: { type: f.type, custom: `com.atlassian.jira.plugin.system.customfieldtypes:${kind}`, customId },
      clauseNames: [`cf[${customId}]`, f.name],
      orderable: true,
    };
  });
  return [...SYSTEM_FIELDS, ...custom];
}

/** A site's fields by id: what `fields=` may name, and the `names` and `schema` expansions. */
export class FieldIndex {
  readonly all: FieldSpec[];
  private readonly byId: Map<string, FieldSpec>;

  constructor(customFields: readonly DatasetCustomField[]) {
    this.all = fieldCatalog(customFields);
    this.byId = new Map(this.all.map((f) => [f.id, f]));
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The `names` expansion: field id → display name, for the given fields. */
  names(ids: Iterable<string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const id of ids) {
      const f = this.byId.get(id);
      if (f) out[id] = f.name;
    }
    return out;
  }

  /** The `schema` expansion: field id → JsonTypeBean, for the given fields. */
  schemas(ids: Iterable<string>): Record<string, Record<string, unknown>> {
    const out: Record<string, Record<string, unknown>> = {};
    for (const id of ids) {
      const f = this.byId.get(id);
      if (f) out[id] = { ...f.schema };
    }
    return out;
  }
}
