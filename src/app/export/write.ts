// Executing an export's writes, one Jira call each. What Jira refuses for one issue (a 207 entry, a
// 4xx answer) is an outcome to record, not a reason to stop; rate limits and outages still throw, so the
// job pauses (Retry-After) or fails as imports do. Every write here is idempotent, so a unit repeated
// after a pause writes the same values again.
import { rankCallOutcomes, rankRequestBody, type RankIssueOutcome, type RankOperation } from '../../domain/export';
import type { IssueId } from '../../domain/forest';
import type { StatusFact } from '../../domain/jira';
import { chooseTransition } from '../../domain/rollup';
import {
  createIssueLink,
  deleteIssueLink,
  issueStatusId,
  issueTransitions,
  transitionIssue,
  JiraHttpError,
  JiraNotFound,
  JiraUnavailable,
  rankIssues,
  setParent,
  type JiraClient,
} from '../../jira';

export type OtherOp =
  | { k: 'parent'; issueId: IssueId; to: IssueId | null }
  | { k: 'link-create'; typeId: string; inwardId: IssueId; outwardId: IssueId }
  | { k: 'link-delete'; linkId: string; typeId: string; inwardId: IssueId; outwardId: IssueId }
  | { k: 'status'; issueId: IssueId; from: StatusFact; to: StatusFact; allowed?: string[]; resolution?: string };

/** Jira calls an operation makes when it succeeds: a status change reads the transitions first. */
export const callsOf = (op: OtherOp): number => (op.k === 'status' ? 2 : 1);

/** Identifies the log entry an outcome belongs to. */
export function opKey(op: OtherOp): string {
  switch (op.k) {
    case 'parent':
      return `parent:${op.issueId}`;
    case 'link-create':
      return `link-create:${op.typeId}:${op.inwardId}:${op.outwardId}`;
    case 'link-delete':
      return `link-delete:${op.linkId}`;
    case 'status':
      return `status:${op.issueId}`;
  }
}

/**
 * Jira's answer to one write, when it is about that write: a refusal (4xx), or a 5xx that outlasted the
 * retries — recorded on the issue so the export goes on and its log stays revertible. Rate limits are
 * not here: they pause the job.
 */
export function refusal(error: unknown): string | undefined {
  if (error instanceof JiraHttpError) return error.jiraMessages.join(' ') || `Jira answered ${error.status}`;
  if (error instanceof JiraNotFound) return error.message;
  if (error instanceof JiraUnavailable) return error.message;
  return undefined;
}

export async function runRankOp(
  jira: JiraClient,
  op: RankOperation,
  rankFieldId: number | undefined,
): Promise<Map<IssueId, RankIssueOutcome>> {
  try {
    const answer = await rankIssues(jira, rankRequestBody(op, rankFieldId));
    return rankCallOutcomes(op, answer.entries ? { status: 207, entries: answer.entries } : { status: 204 });
  } catch (error) {
    const message = refusal(error);
    if (message === undefined) throw error;
    const status =
      error instanceof JiraHttpError ? error.status : error instanceof JiraUnavailable ? (error.status ?? 503) : 404;
    return rankCallOutcomes(op, { status, error: message });
  }
}

/** undefined when Jira did it; Jira's message when it refused. */
export async function runOtherOp(jira: JiraClient, op: OtherOp): Promise<string | undefined> {
  try {
    if (op.k === 'status') return await runTransition(jira, op);
    if (op.k === 'parent') await setParent(jira, String(op.issueId), op.to === null ? null : String(op.to));
    else if (op.k === 'link-create') await createIssueLink(jira, op.typeId, String(op.inwardId), String(op.outwardId));
    else await deleteIssueLink(jira, op.linkId);
    return undefined;
  } catch (error) {
    // A link already gone is what the delete wanted (a repeated unit, or someone was quicker).
    if (op.k === 'link-delete' && error instanceof JiraHttpError && error.status === 404) return undefined;
    const message = refusal(error);
    if (message === undefined) throw error;
    return message;
  }
}

/**
 * A status change through the workflow: the transitions Jira offers the issue now, the one the
 * synchronizer allows, then the transition itself. No allowed transition is an outcome like a refusal,
 * worded for the job log; a unit repeated after a pause finds the issue there already.
 */
type StatusOp = Extract<OtherOp, { k: 'status' }>;

/** Why a status change was not made, in the words the job log and the preview use. */
const stays = (op: StatusOp, why: string): string => `stays in ${op.from.name}, not moved to ${op.to.name}: ${why}`;

/** The transition the job would take for a status change, from what Jira offers the issue now. */
async function chooseFor(jira: JiraClient, op: StatusOp) {
  return chooseTransition({
    available: await issueTransitions(jira, String(op.issueId)),
    targetStatusId: op.to.id,
    ...(op.allowed ? { allowed: op.allowed } : {}),
    ...(op.resolution !== undefined ? { resolution: op.resolution } : {}),
    statusName: (id) => (id === op.to.id ? op.to.name : id === op.from.id ? op.from.name : id),
  });
}

/** For a preview: why a status change would not be made, or undefined when an allowed transition reaches it. One call. */
export async function transitionProblem(jira: JiraClient, op: StatusOp): Promise<string | undefined> {
  const choice = await chooseFor(jira, op);
  return choice.ok ? undefined : stays(op, choice.reason);
}

async function runTransition(jira: JiraClient, op: StatusOp): Promise<string | undefined> {
  const issueId = String(op.issueId);
  const choice = await chooseFor(jira, op);
  if (!choice.ok) {
    if ((await issueStatusId(jira, issueId)) === op.to.id) return undefined;
    return stays(op, choice.reason);
  }
  try {
    await transitionIssue(jira, issueId, choice.transitionId, choice.resolution);
    return undefined;
  } catch (error) {
    const message = refusal(error);
    if (message === undefined) throw error;
    return stays(op, `Jira refused "${choice.name}": ${message}`);
  }
}
