// Site metadata: issue types (with hierarchy levels) and fields (including the Rank custom field).
import type { RequestContext, Route } from '../context';
import { json } from '../http';
import { RANK_CUSTOM_FIELD_NUMBER, RANK_FIELD_ID } from '../serializers';

function issueTypes(ctx: RequestContext): ReturnType<Route['handle']> {
  // Admins and the app see every type; others only types of projects they can browse (all types
  // are shared by all projects in the dataset).
  const visible = ctx.viewer.principal.kind === 'app' || ctx.viewer.isSiteAdmin || ctx.viewer.browsableProjects().length > 0;
  const types = visible ? ctx.core.store.issueTypes.map((t) => ctx.ser.issueType(t)) : [];
  return json(types, 200, types.length);
}

interface FieldSpec {
  id: string;
  name: string;
  schema: Record<string, unknown>;
  clauseNames: string[];
  orderable?: boolean;
}

const SYSTEM_FIELDS: FieldSpec[] = [
  { id: 'summary', name: 'Summary', schema: { type: 'string', system: 'summary' }, clauseNames: ['summary'] },
  { id: 'issuetype', name: 'Issue Type', schema: { type: 'issuetype', system: 'issuetype' }, clauseNames: ['issuetype', 'type'] },
  { id: 'status', name: 'Status', schema: { type: 'status', system: 'status' }, clauseNames: ['status'], orderable: false },
  { id: 'project', name: 'Project', schema: { type: 'project', system: 'project' }, clauseNames: ['project'] },
  { id: 'parent', name: 'Parent', schema: { type: 'issuelink', system: 'parent' }, clauseNames: ['parent'] },
  { id: 'subtasks', name: 'Sub-tasks', schema: { type: 'array', items: 'issuelinks', system: 'subtasks' }, clauseNames: ['subtasks'], orderable: false },
  { id: 'issuelinks', name: 'Linked Issues', schema: { type: 'array', items: 'issuelinks', system: 'issuelinks' }, clauseNames: ['issueLink'] },
  { id: 'assignee', name: 'Assignee', schema: { type: 'user', system: 'assignee' }, clauseNames: ['assignee'] },
  { id: 'reporter', name: 'Reporter', schema: { type: 'user', system: 'reporter' }, clauseNames: ['reporter'] },
  { id: 'labels', name: 'Labels', schema: { type: 'array', items: 'string', system: 'labels' }, clauseNames: ['labels'] },
  { id: 'priority', name: 'Priority', schema: { type: 'priority', system: 'priority' }, clauseNames: ['priority'] },
  { id: 'security', name: 'Security Level', schema: { type: 'securitylevel', system: 'security' }, clauseNames: ['level'] },
  { id: 'created', name: 'Created', schema: { type: 'datetime', system: 'created' }, clauseNames: ['created', 'createdDate'], orderable: false },
  { id: 'updated', name: 'Updated', schema: { type: 'datetime', system: 'updated' }, clauseNames: ['updated', 'updatedDate'], orderable: false },
];

function fields(_ctx: RequestContext): ReturnType<Route['handle']> {
  const system = SYSTEM_FIELDS.map((f) => ({
    id: f.id,
    key: f.id,
    name: f.name,
    custom: false,
    orderable: f.orderable ?? true,
    navigable: true,
    searchable: true,
    clauseNames: f.clauseNames,
    schema: f.schema,
  }));
  const rank = {
    id: RANK_FIELD_ID,
    key: RANK_FIELD_ID,
    name: 'Rank',
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [`cf[${RANK_CUSTOM_FIELD_NUMBER}]`, 'Rank'],
    schema: { type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-lexo-rank', customId: RANK_CUSTOM_FIELD_NUMBER },
  };
  return json([...system, rank], 200, system.length + 1);
}

export const metadataRoutes: Route[] = [
  { method: 'GET', path: '/rest/api/3/issuetype', handle: issueTypes },
  { method: 'GET', path: '/rest/api/3/field', handle: fields },
];
