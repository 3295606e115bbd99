// Single issues: GET, PUT (parent and simple fields), and bulkfetch.
import type { RequestContext, Route } from '../context';
import { badRequest, empty, isObject, ISSUE_NOT_FOUND, JiraHttpError, json, listParam, notFound } from '../http';
import type { IssuePatch, StoredIssue } from '../store';

const MAX_BULK = 100;

const fieldError = (field: string, message: string): JiraHttpError => new JiraHttpError(400, [], { [field]: message });

function getIssue(ctx: RequestContext): ReturnType<Route['handle']> {
  const issue = ctx.viewer.visibleIssue(ctx.params.issueIdOrKey);
  if (!issue) throw notFound(ISSUE_NOT_FOUND);
  // GET issue's default is all fields (unlike search/jql's ids only).
  const wanted = ctx.ser.resolveFields(listParam(ctx.query, 'fields'), ['*all']);
  return json(
    { ...ctx.ser.issue(issue, wanted, ctx.viewer), ...ctx.ser.expansions(listParam(ctx.query, 'expand'), wanted) },
    200,
    1,
  );
}

async function bulkFetch(ctx: RequestContext): Promise<ReturnType<typeof json>> {
  const body = await ctx.body();
  if (!isObject(body) || !Array.isArray(body.issueIdsOrKeys)) {
    throw badRequest('issueIdsOrKeys: You must provide at least one issue ID or key.');
  }
  const refs = body.issueIdsOrKeys;
  if (refs.length === 0) throw badRequest('issueIdsOrKeys: You must provide at least one issue ID or key.');
  if (refs.some((r) => typeof r !== 'string')) throw badRequest('issueIdsOrKeys: Issue IDs and keys must be strings.');
  if (refs.length > MAX_BULK) throw badRequest(`issueIdsOrKeys: You can request up to ${MAX_BULK} issues at a time.`);
  const fieldsIn = body.fields;
  if (fieldsIn !== undefined && (!Array.isArray(fieldsIn) || fieldsIn.some((f) => typeof f !== 'string'))) {
    throw badRequest("'fields' must be an array of strings.");
  }
  const wanted = ctx.ser.resolveFields(fieldsIn as string[] | undefined, ['*navigable']);
  const found = new Map<string, StoredIssue>();
  // Unknown and invisible issues are silently left out, as Jira does.
  for (const ref of refs as string[]) {
    const issue = ctx.viewer.visibleIssue(ref.trim());
    if (issue) found.set(issue.id, issue);
  }
  const issues = [...found.values()].sort((a, b) => a.idNum - b.idNum);
  // bulkfetch's `expand` is an array; BulkIssueResults has no room for names/schema, so they go on each issue.
  const expand = Array.isArray(body.expand) ? body.expand.filter((e): e is string => typeof e === 'string') : undefined;
  const extra = ctx.ser.expansions(expand, wanted);
  return json(
    { issues: issues.map((i) => ({ ...ctx.ser.issue(i, wanted, ctx.viewer), ...extra })), issueErrors: [] },
    200,
    issues.length,
  );
}

function refOf(v: unknown): string | undefined {
  if (!isObject(v)) return undefined;
  if (typeof v.key === 'string') return v.key;
  if (typeof v.id === 'string' || typeof v.id === 'number') return String(v.id);
  return undefined;
}

/** Validates a parent change the way Jira's unified parent field does. */
function parentPatch(ctx: RequestContext, issue: StoredIssue, value: unknown): string | null {
  if (value === null || (isObject(value) && value.none === true)) {
    if (issue.type.subtask) throw fieldError('parent', 'The parent of a subtask cannot be removed.');
    return null;
  }
  const ref = refOf(value);
  if (ref === undefined) throw fieldError('parent', "Specify the parent as an object with 'key' or 'id'.");
  const parent = ctx.viewer.visibleIssue(ref);
  if (!parent) throw fieldError('parent', 'Could not find issue by id or key.');
  if (parent.id === issue.id || parent.type.hierarchyLevel !== issue.type.hierarchyLevel + 1) {
    throw fieldError('parent', 'Given parent work item does not belong to appropriate hierarchy.');
  }
  if (issue.type.subtask && parent.project.id !== issue.project.id) {
    throw fieldError('parent', 'A subtask must be in the same project as its parent.');
  }
  return parent.id;
}

async function editIssue(ctx: RequestContext): Promise<ReturnType<typeof empty>> {
  const { viewer, core } = ctx;
  const issue = viewer.visibleIssue(ctx.params.issueIdOrKey);
  if (!issue) throw notFound(ISSUE_NOT_FOUND);
  const body = await ctx.body();
  if (!isObject(body)) throw badRequest('The request body must be a JSON object.');
  if (!viewer.hasIssuePermission(issue, 'EDIT_ISSUES')) {
    throw new JiraHttpError(403, ['You do not have permission to edit issues in this project.']);
  }
  const patch: IssuePatch = {};
  const fields = isObject(body.fields) ? body.fields : {};
  const update = isObject(body.update) ? body.update : {};
  let labels = [...issue.labels];
  let labelsTouched = false;

  for (const [name, value] of Object.entries(fields)) {
    switch (name) {
      case 'summary':
        if (typeof value !== 'string' || value.trim() === '')
          throw fieldError('summary', 'You must specify a summary of the issue.');
        if (value.length > 255) throw fieldError('summary', 'Summary must be less than 255 characters.');
        patch.summary = value;
        break;
      case 'labels':
        if (!Array.isArray(value) || value.some((l) => typeof l !== 'string' || /\s/.test(l))) {
          throw fieldError('labels', 'Labels must be an array of strings without spaces.');
        }
        labels = value as string[];
        labelsTouched = true;
        break;
      case 'parent':
        patch.parent = parentPatch(ctx, issue, value);
        break;
      case 'assignee': {
        if (value === null) patch.assignee = null;
        else {
          const accountId = isObject(value) && typeof value.accountId === 'string' ? value.accountId : undefined;
          if (!accountId || !core.store.users.has(accountId))
            throw fieldError('assignee', `User '${String(accountId)}' does not exist.`);
          patch.assignee = accountId;
        }
        break;
      }
      case 'priority': {
        const ref = isObject(value)
          ? typeof value.name === 'string'
            ? value.name
            : typeof value.id === 'string'
              ? value.id
              : undefined
          : undefined;
        const idx =
          ref === undefined
            ? -1
            : core.store.priorities.findIndex((p, n) => p.toLowerCase() === ref.toLowerCase() || String(n + 1) === ref);
        if (idx < 0) throw fieldError('priority', `The priority selected is invalid.`);
        patch.priority = core.store.priorities[idx];
        break;
      }
      default:
        throw fieldError(name, `Field '${name}' cannot be set. It is not on the appropriate screen, or unknown.`);
    }
  }

  for (const [name, ops] of Object.entries(update)) {
    if (!Array.isArray(ops) && !isObject(ops))
      throw fieldError(name, 'Operation value must be an array of operations.');
    const list: unknown[] = Array.isArray(ops) ? ops : [ops];
    for (const op of list) {
      if (!isObject(op)) throw fieldError(name, 'Operation must be an object.');
      switch (name) {
        case 'parent':
          if (!('set' in op)) throw fieldError('parent', 'Only the set operation is supported for parent.');
          patch.parent = parentPatch(ctx, issue, op.set);
          break;
        case 'labels':
          labelsTouched = true;
          if (typeof op.add === 'string') labels = labels.includes(op.add) ? labels : [...labels, op.add];
          else if (typeof op.remove === 'string') labels = labels.filter((l) => l !== op.remove);
          else if (Array.isArray(op.set)) labels = op.set.filter((l): l is string => typeof l === 'string');
          else throw fieldError('labels', 'Unsupported labels operation.');
          break;
        case 'summary':
          if (typeof op.set !== 'string' || op.set.trim() === '')
            throw fieldError('summary', 'You must specify a summary of the issue.');
          patch.summary = op.set;
          break;
        default:
          throw fieldError(name, `Field '${name}' cannot be set. It is not on the appropriate screen, or unknown.`);
      }
    }
  }
  if (labelsTouched) patch.labels = labels;
  if (Object.keys(patch).length > 0) core.store.updateIssue(issue.id, patch);
  return empty(204);
}

export const issueRoutes: Route[] = [
  { method: 'GET', path: '/rest/api/3/issue/{issueIdOrKey}', handle: getIssue },
  { method: 'PUT', path: '/rest/api/3/issue/{issueIdOrKey}', write: true, handle: editIssue },
  { method: 'POST', path: '/rest/api/3/issue/bulkfetch', handle: bulkFetch },
];
