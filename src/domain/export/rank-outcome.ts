import { IssueId } from '../forest';
import type { RankLogEntry } from './change-log';
import type { RankOperation } from './rank';

/** What one rank call answered, as the runner read it (reference jira-rest §3.3). */
export type RankCallAnswer =
  | { readonly status: 204 }
  /** 207: "may fail for some issues"; one entry per issue of the call. */
  | {
      readonly status: 207;
      readonly entries: readonly {
        readonly issueId: number | string;
        readonly status: number;
        readonly errors?: readonly string[];
      }[];
    }
  /** Any refusal of the whole call (400, 403, 404...), with Jira's message. */
  | { readonly status: number; readonly error: string };

export interface RankIssueOutcome {
  readonly outcome: 'applied' | 'failed';
  readonly error?: string;
}

/**
 * Per-issue outcomes of one rank call. A 207 entry with a 2xx status is applied; an issue of the call
 * that the 207 body does not mention counts as failed (nothing says it moved).
 */
export function rankCallOutcomes(op: RankOperation, answer: RankCallAnswer): Map<IssueId, RankIssueOutcome> {
  const out = new Map<IssueId, RankIssueOutcome>();
  if (answer.status === 204) {
    for (const id of op.issues) out.set(id, { outcome: 'applied' });
  } else if ('entries' in answer) {
    const byId = new Map(answer.entries.map((e) => [Number(e.issueId), e]));
    for (const id of op.issues) {
      const e = byId.get(id);
      if (e === undefined)
        out.set(id, { outcome: 'failed', error: 'Jira did not report this issue in its partial answer' });
      else if (e.status >= 200 && e.status < 300) out.set(id, { outcome: 'applied' });
      else out.set(id, { outcome: 'failed', error: (e.errors ?? []).join(' ') || `Jira answered ${e.status}` });
    }
  } else {
    for (const id of op.issues)
      out.set(id, { outcome: 'failed', error: 'error' in answer ? answer.error : `Jira answered ${answer.status}` });
  }
  return out;
}

/**
 * The rank entries once the export's calls are done: an issue whose call failed is `failed`; every
 * other ranked issue — moved, or kept where it was — is `applied`, since the order the export wrote
 * depends on the kept issues too. Calls not made (a cancelled job) leave their issues `planned`.
 */
export function settleRankLog(
  entries: readonly RankLogEntry[],
  outcomes: ReadonlyMap<IssueId, RankIssueOutcome>,
  notMade: ReadonlySet<IssueId> = new Set(),
): RankLogEntry[] {
  return entries.map((e) => {
    if (notMade.has(e.issueId)) return e;
    const o = outcomes.get(e.issueId);
    const { error: _previous, ...rest } = e;
    if (o?.outcome === 'failed')
      return { ...rest, outcome: 'failed', ...(o.error === undefined ? {} : { error: o.error }) };
    return { ...rest, outcome: 'applied' };
  });
}
