// Workflow transitions of one issue: GET lists those the caller may take from the issue's status, POST
// takes one (status, resolution, history, product event), as Jira's getTransitions and doTransition do.
import type { DatasetResolution } from '../../dataset/types';
import type { RequestContext, Route } from '../context';
import {
  badRequest,
  boolParam,
  empty,
  isObject,
  ISSUE_NOT_FOUND,
  JiraHttpError,
  json,
  listParam,
  notFound,
} from '../http';
import type { StoredIssue } from '../store';
import { resolutionAfter, type WorkflowTransition } from '../workflows';

const CATEGORY_ORDER = { new: 0, indeterminate: 1, done: 2 } as const;

/** Jira's answer to a POST without the Transition Issues permission (400, as the OpenAPI documents it). */
export const NO_TRANSITION_PERMISSION = "You don't have permission to transition this issue.";

const fieldError = (field: string, message: string): JiraHttpError => new JiraHttpError(400, [], { [field]: message });
const notOnScreen = (field: string): JiraHttpError =>
  fieldError(field, `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`);

/** The transition's screen shows the Resolution field to this caller (Jira hides it without Resolve Issues). */
function showsResolution(ctx: RequestContext, issue: StoredIssue, t: WorkflowTransition): boolean {
  return t.resolutionScreen !== undefined && ctx.viewer.hasIssuePermission(issue, 'RESOLVE_ISSUES');
}

/** What the caller may take: nothing without Transition Issues (the OpenAPI: "will not list any transitions"). */
function available(ctx: RequestContext, issue: StoredIssue): readonly WorkflowTransition[] {
  if (!ctx.viewer.hasIssuePermission(issue, 'TRANSITION_ISSUES')) return [];
  return ctx.core.store.workflowOf(issue.project).availableFrom(issue.status);
}

function resolutionField(ctx: RequestContext, t: WorkflowTransition): Record<string, unknown> {
  const screen = t.resolutionScreen as NonNullable<WorkflowTransition['resolutionScreen']>;
  return {
    required: screen.required,
    schema: { type: 'resolution', system: 'resolution' },
    name: 'Resolution',
    key: 'resolution',
    operations: ['set'],
    allowedValues: ctx.core.store.resolutions.map((r) => ctx.ser.resolution(r)),
    hasDefaultValue: screen.default !== undefined,
    ...(screen.default ? { defaultValue: ctx.ser.resolution(screen.default) } : {}),
  };
}

function getTransitions(ctx: RequestContext): ReturnType<Route['handle']> {
  const issue = ctx.viewer.visibleIssue(ctx.params.issueIdOrKey);
  if (!issue) throw notFound(ISSUE_NOT_FOUND);
  const withFields = (listParam(ctx.query, 'expand') ?? []).includes('transitions.fields');
  const only = ctx.query.get('transitionId');
  // skipRemoteOnlyCondition and includeUnavailableTransitions change nothing: no transition has conditions.
  let list = [...available(ctx, issue)];
  if (only !== null && only !== '') list = list.filter((t) => t.id === only);
  if (boolParam(ctx.query, 'sortByOpsBarAndStatus', false))
    list.sort((a, b) => CATEGORY_ORDER[a.to.category] - CATEGORY_ORDER[b.to.category]);
  const transitions = list.map((t) => ({
    id: t.id,
    name: t.name,
    to: ctx.ser.status(t.to),
    hasScreen: t.resolutionScreen !== undefined,
    isGlobal: t.from === undefined,
    isInitial: false,
    isAvailable: true,
    isConditional: false,
    isLooped: false,
    ...(withFields ? { fields: showsResolution(ctx, issue, t) ? { resolution: resolutionField(ctx, t) } : {} } : {}),
  }));
  return json({ expand: 'transitions', transitions }, 200, transitions.length);
}

/** The transition a body names: `{transition: {id}}`, the id a number or a numeric string. */
function transitionId(body: Record<string, unknown>): string {
  const t = body.transition;
  if (!isObject(t) || t.id === undefined || t.id === null || t.id === '')
    throw badRequest("Missing 'transition' identifier");
  const id = typeof t.id === 'number' ? String(t.id) : t.id;
  if (typeof id !== 'string' || !/^\d+$/.test(id.trim()))
    throw badRequest("'transition' identifier must be an integer");
  return id.trim();
}

/** `fields.resolution` or `update.resolution[].set`, each `{name}` or `{id}`. */
function resolutionValue(ctx: RequestContext, body: Record<string, unknown>): DatasetResolution | undefined {
  const fields = isObject(body.fields) ? body.fields : {};
  const update = isObject(body.update) ? body.update : {};
  let value: unknown;
  if ('resolution' in fields) {
    if ('resolution' in update)
      throw fieldError('resolution', "Field 'resolution' cannot be set in both 'fields' and 'update'.");
    value = fields.resolution;
  } else if ('resolution' in update) {
    const ops = update.resolution;
    const op = Array.isArray(ops) ? (ops[0] as unknown) : ops;
    if (!isObject(op) || !('set' in op))
      throw fieldError('resolution', 'Only the set operation is supported for resolution.');
    value = op.set;
  } else return undefined;
  const ref = isObject(value)
    ? typeof value.name === 'string'
      ? value.name
      : typeof value.id === 'string' || typeof value.id === 'number'
        ? String(value.id)
        : undefined
    : undefined;
  if (ref === undefined) throw fieldError('resolution', "Could not find valid 'id' or 'name' in resolution object.");
  const found = ctx.core.store.findResolution(ref);
  if (!found) throw fieldError('resolution', `Resolution '${ref}' does not exist.`);
  return found;
}

async function doTransition(ctx: RequestContext): Promise<ReturnType<typeof empty>> {
  const { viewer, core } = ctx;
  const issue = viewer.visibleIssue(ctx.params.issueIdOrKey);
  if (!issue) throw notFound(ISSUE_NOT_FOUND);
  const body = await ctx.body();
  if (!isObject(body)) throw badRequest("Missing 'transition' identifier");
  const id = transitionId(body);
  if (!viewer.hasIssuePermission(issue, 'TRANSITION_ISSUES')) throw badRequest(NO_TRANSITION_PERMISSION);
  const transition = available(ctx, issue).find((t) => t.id === id);
  if (!transition) throw badRequest(`Transition id '${id}' is not valid for this issue.`);

  // Only the screen's fields may be set, and the Resolution field is on it only for Resolve Issues.
  const onScreen = showsResolution(ctx, issue, transition);
  for (const part of ['fields', 'update'] as const) {
    const given = body[part];
    if (given === undefined) continue;
    if (!isObject(given)) throw badRequest(`'${part}' must be an object.`);
    for (const name of Object.keys(given)) if (name !== 'resolution' || !onScreen) throw notOnScreen(name);
  }
  const chosen = resolutionValue(ctx, body);
  if (onScreen && transition.resolutionScreen?.required && !chosen)
    throw fieldError('resolution', 'Resolution is required.');
  // historyMetadata is accepted and not kept: the emulator's history has no room for it.
  const resolution = resolutionAfter(transition, issue.resolution, chosen);
  core.store.updateIssue(issue.id, { status: transition.to.id, resolution: resolution?.id ?? null });
  return empty(204);
}

export const transitionRoutes: Route[] = [
  { method: 'GET', path: '/rest/api/3/issue/{issueIdOrKey}/transitions', handle: getTransitions },
  { method: 'POST', path: '/rest/api/3/issue/{issueIdOrKey}/transitions', write: true, handle: doTransition },
];
