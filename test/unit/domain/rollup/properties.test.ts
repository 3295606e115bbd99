import fc from 'fast-check';
import { Forest, IssueId } from '../../../../src/domain/forest';
import { planStatusRollup, RollupIssueFacts, RollupRule } from '../../../../src/domain/rollup';

// The oracle: the rule read straight off the tree, recursively, for forests where each issue has one row.
// The planner sorts issues topologically instead, so that an issue in several rows has one status.
const STATUSES = ['a', 'b', 'c', 'd', 'x']; // 'x' is never rolled up
const RULE: RollupRule = { statuses: ['a', 'b', 'c', 'd'], parentIssueTypes: new Set(['rolled']) };

interface Node {
  status: string;
  rolled: boolean;
  children: Node[];
}

const node: fc.Memo<Node> = fc.memo((n) =>
  fc.record({
    status: fc.constantFrom(...STATUSES),
    rolled: fc.boolean(),
    children: n > 1 ? fc.array(node(n - 1), { maxLength: 4 }) : fc.constant([]),
  }),
);

function build(roots: Node[]) {
  const rows: { rowId: number; depth: number; issueId: IssueId }[] = [];
  const facts = new Map<IssueId, RollupIssueFacts>();
  const walk = (n: Node, depth: number): IssueId => {
    const issueId = 1000 + rows.length;
    rows.push({ rowId: rows.length + 1, depth, issueId });
    facts.set(issueId, {
      key: `K-${issueId}`,
      projectKey: 'K',
      issueTypeId: n.rolled ? 'rolled' : 'other',
      statusId: n.status,
    });
    for (const c of n.children) walk(c, depth + 1);
    return issueId;
  };
  const ids = roots.map((r) => walk(r, 0));
  return { forest: Forest.fromRows(rows), facts, ids };
}

/** The status each issue ends in, by the rule applied children-first. */
function oracle(roots: Node[]): string[] {
  const out: string[] = [];
  const visit = (n: Node): string => {
    const at = out.length;
    out.push(n.status);
    const childStatuses = n.children.map(visit);
    if (!n.rolled || childStatuses.length === 0) return n.status;
    if (childStatuses.some((s) => !RULE.statuses.includes(s))) return n.status;
    const earliest = Math.min(...childStatuses.map((s) => RULE.statuses.indexOf(s)));
    out[at] = RULE.statuses[earliest];
    return out[at];
  };
  roots.forEach(visit);
  return out;
}

describe('planStatusRollup: properties', () => {
  it('ends each issue where the rule applied bottom-up says, writing each change after those below it', () => {
    fc.assert(
      fc.property(fc.array(node(5), { maxLength: 4 }), (roots) => {
        const { forest, facts } = build(roots);
        const plan = planStatusRollup({ forest, facts, rule: RULE });
        const expected = oracle(roots);
        const after = new Map([...facts].map(([id, f]) => [id, f.statusId]));
        const position = new Map<IssueId, number>();
        plan.changes.forEach((c, i) => {
          expect(after.get(c.issueId)).toBe(c.from);
          after.set(c.issueId, c.to);
          position.set(c.issueId, i);
        });
        for (let i = 0; i < forest.size; i++) {
          expect(after.get(forest.issueIdAt(i))).toBe(expected[i]);
          const parent = forest.parentIndexAt(i);
          const here = position.get(forest.issueIdAt(i));
          const above = parent < 0 ? undefined : position.get(forest.issueIdAt(parent));
          if (here !== undefined && above !== undefined) expect(here).toBeLessThan(above);
        }
        expect(plan.changes.every((c) => c.from !== c.to)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
