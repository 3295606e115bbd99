import { IssueId } from '../forest';
import { MAX_ISSUES_PER_RANK_CALL, RankOperation } from './rank';

/**
 * What Jira's rank calls do to an order, as a pure function: each call takes its issues out and puts
 * them, in the call's order, right before or right after the anchor. Used to prove rank plans and by
 * the emulator's tests; refuses what Jira refuses (more than 50 issues, the anchor among the issues,
 * an issue or anchor not in the order, an issue twice). A doubly linked list: O(order + issues moved).
 */
export function applyRankOps(order: readonly IssueId[], ops: readonly RankOperation[]): IssueId[] {
  const next = new Map<IssueId, IssueId | null>();
  const prev = new Map<IssueId, IssueId | null>();
  let head: IssueId | null = order.length > 0 ? order[0] : null;
  order.forEach((id, i) => {
    if (next.has(id)) throw new RangeError(`Issue ${id} appears twice in the order`);
    prev.set(id, i > 0 ? order[i - 1] : null);
    next.set(id, i + 1 < order.length ? order[i + 1] : null);
  });

  const unlink = (id: IssueId): void => {
    const p = prev.get(id) ?? null;
    const nx = next.get(id) ?? null;
    if (p === null) head = nx;
    else next.set(p, nx);
    if (nx !== null) prev.set(nx, p);
  };
  const linkAfter = (id: IssueId, after: IssueId | null): void => {
    const nx = after === null ? head : (next.get(after) ?? null);
    prev.set(id, after);
    next.set(id, nx);
    if (after === null) head = id;
    else next.set(after, id);
    if (nx !== null) prev.set(nx, id);
  };

  ops.forEach((op, k) => {
    const anchor = 'rankBeforeIssue' in op ? op.rankBeforeIssue : op.rankAfterIssue;
    if (op.issues.length === 0 || op.issues.length > MAX_ISSUES_PER_RANK_CALL) {
      throw new RangeError(
        `Rank call ${k} has ${op.issues.length} issues; Jira takes 1 to ${MAX_ISSUES_PER_RANK_CALL}`,
      );
    }
    if (!next.has(anchor))
      throw new RangeError(`Rank call ${k} is anchored on issue ${anchor}, which is not in the order`);
    const inCall = new Set<IssueId>();
    for (const id of op.issues) {
      if (!next.has(id)) throw new RangeError(`Rank call ${k} ranks issue ${id}, which is not in the order`);
      if (id === anchor) throw new RangeError(`Rank call ${k} ranks its own anchor ${anchor}`);
      if (inCall.has(id)) throw new RangeError(`Rank call ${k} ranks issue ${id} twice`);
      inCall.add(id);
    }
    for (const id of op.issues) unlink(id);
    let after: IssueId | null = 'rankBeforeIssue' in op ? (prev.get(anchor) ?? null) : anchor;
    for (const id of op.issues) {
      linkAfter(id, after);
      after = id;
    }
  });

  const out: IssueId[] = [];
  for (let id = head; id !== null; id = next.get(id) ?? null) out.push(id);
  return out;
}
