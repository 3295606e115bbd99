// Jira's workflow calls for exports that change statuses: which transitions an issue offers now (with
// whether their screen has the resolution field), and performing one. The list costs 1 point plus 1 per
// transition listed (uncategorised objects); the transition, a write, costs 1.
import type { AvailableTransition } from '../domain/rollup';
import type { JiraClient } from './client';
import { JIRA_OPERATIONS } from './operations';

interface TransitionJson {
  id?: string;
  name?: string;
  to?: { id?: string };
  isAvailable?: boolean;
  fields?: Record<string, { required?: boolean; defaultValue?: { name?: string } }>;
}

/** The transitions the user may perform on the issue from its current status (Jira lists only those). */
export async function issueTransitions(jira: JiraClient, issueId: string): Promise<AvailableTransition[]> {
  const json = await jira.call<{ transitions?: TransitionJson[] }>({
    operation: JIRA_OPERATIONS.getTransitions,
    params: { issueIdOrKey: issueId },
    query: new URLSearchParams({ expand: 'transitions.fields' }),
    // Transitions are "uncategorised" objects: a point each, on top of the request's.
    objects: (j) => ((j as { transitions?: unknown[] }).transitions ?? []).length,
  });
  return (json.transitions ?? [])
    .filter((t) => t.isAvailable !== false && t.id !== undefined && t.to?.id !== undefined)
    .map((t): AvailableTransition => {
      const resolution = t.fields?.resolution;
      const defaultResolution = resolution?.defaultValue?.name;
      return {
        id: t.id as string,
        name: t.name ?? (t.id as string),
        toStatusId: t.to?.id as string,
        hasResolution: resolution !== undefined,
        resolutionRequired: resolution?.required === true,
        ...(defaultResolution !== undefined ? { defaultResolution } : {}),
      };
    });
}

/** Performs a transition, with the resolution by name when its screen takes one. */
export async function transitionIssue(
  jira: JiraClient,
  issueId: string,
  transitionId: string,
  resolution?: string,
): Promise<void> {
  await jira.call({
    operation: JIRA_OPERATIONS.doTransition,
    params: { issueIdOrKey: issueId },
    body: {
      transition: { id: transitionId },
      ...(resolution !== undefined ? { fields: { resolution: { name: resolution } } } : {}),
    },
    objects: () => 0,
  });
}

/** The issue's current status id (a repeated write checks whether it already happened). */
export async function issueStatusId(jira: JiraClient, issueId: string): Promise<string | undefined> {
  const json = await jira.call<{ fields?: { status?: { id?: string } } }>({
    operation: JIRA_OPERATIONS.getIssue,
    params: { issueIdOrKey: issueId },
    query: new URLSearchParams({ fields: 'status' }),
    objects: () => 1,
  });
  return json.fields?.status?.id;
}
