// Seeded properties of the parent and links planners over random forests and random Jira facts.
import { planLinksExport } from '../../../../src/domain/export/links';
import { planParentExport } from '../../../../src/domain/export/parent';
import { Forest, IssueId } from '../../../../src/domain/forest';
import type { IssueFacts, IssueFactsById, LinkFact } from '../../../../src/domain/jira';
import { random } from '../builders';
import { randomForest } from '../forest/model';

const TYPE = '10000';
const POOL = 16;

/** Facts for issues 1..POOL (some left unknown), random levels, parents one level up, random links. */
function randomFacts(rnd: ReturnType<typeof random>): IssueFactsById {
  const level = new Map<IssueId, number>();
  for (let id = 1; id <= POOL; id++) level.set(id, rnd.int(4) - 1);
  const links: LinkFact[] = [];
  for (let k = rnd.int(20); k > 0; k--) {
    const a = 1 + rnd.int(POOL);
    const b = 1 + rnd.int(POOL);
    if (a !== b)
      links.push({ linkId: `L${k}`, linkTypeId: rnd.int(3) === 0 ? '999' : TYPE, inwardId: a, outwardId: b });
  }
  const out = new Map<IssueId, IssueFacts>();
  for (let id = 1; id <= POOL; id++) {
    if (rnd.int(8) === 0) continue; // not visible
    const up = [...level].filter(([, l]) => l === (level.get(id) as number) + 1).map(([p]) => p);
    out.set(id, {
      id,
      key: `P-${id}`,
      projectKey: 'P',
      issueTypeId: String(level.get(id)),
      hierarchyLevel: level.get(id) as number,
      parentId: up.length > 0 && rnd.int(2) === 0 ? rnd.pick(up) : null,
      links: links.filter((l) => l.inwardId === id || l.outwardId === id),
    });
  }
  return out;
}

const seeds = Array.from({ length: 60 }, (_, i) => i + 1);

describe('planParentExport properties', () => {
  it.each(seeds)('writes only representable, unconflicted parents of known issues (#%i)', (seed) => {
    // given
    const rnd = random(7000 + seed);
    const forest: Forest = randomForest(rnd, rnd.int(30), POOL);
    const facts = randomFacts(rnd);
    for (const mode of ['every-level', 'epics'] as const) {
      // when
      const plan = planParentExport({ forest, facts, mode });
      // then
      const changed = plan.changes.map((c) => c.issueId);
      expect(new Set(changed).size).toBe(changed.length);
      for (const c of plan.changes) {
        const x = facts.get(c.issueId) as IssueFacts;
        expect(x).toBeDefined();
        expect(forest.rowsOfIssue(c.issueId).length).toBeGreaterThan(0);
        expect(c.from).toBe(x.parentId ?? null);
        expect(c.to).not.toBe(c.from);
        if (c.to === null) {
          expect(x.hierarchyLevel).not.toBe(-1);
          // only a parent the structure shows is removed
          expect(forest.rowsOfIssue(c.from as IssueId).length).toBeGreaterThan(0);
        } else {
          expect(facts.get(c.to)?.hierarchyLevel).toBe(x.hierarchyLevel + 1);
          if (x.hierarchyLevel === -1) throw new Error('a sub-task parent was changed');
        }
        if (mode === 'epics') expect(x.hierarchyLevel).toBe(0);
      }
      for (const conflict of plan.conflicts) expect(changed).not.toContain(conflict.issueId);
    }
  });
});

describe('planLinksExport properties', () => {
  it.each(seeds)('scope all leaves exactly the implied links among the structure issues (#%i)', (seed) => {
    // given
    const rnd = random(8000 + seed);
    const forest = randomForest(rnd, rnd.int(30), POOL);
    const facts = randomFacts(rnd);
    const parentEnd = rnd.int(2) === 0 ? 'inward' : 'outward';
    // when
    const plan = planLinksExport({ forest, facts, linkTypeId: TYPE, parentEnd, scope: 'all' });
    // then: replaying creates and deletes on the links of the type gives the implied pairs
    const pair = (l: { inwardId: IssueId; outwardId: IssueId }): string =>
      parentEnd === 'inward' ? `${l.inwardId}>${l.outwardId}` : `${l.outwardId}>${l.inwardId}`;
    const inStructure = (id: IssueId): boolean => facts.has(id) && forest.rowsOfIssue(id).length > 0;
    const existing = new Map<string, LinkFact>();
    for (const x of facts.values()) for (const l of x.links ?? []) if (l.linkTypeId === TYPE) existing.set(l.linkId, l);
    const deleted = new Set(plan.deletes.map((d) => d.linkId));
    const after = new Set(
      [...existing.values()]
        .filter((l) => !deleted.has(l.linkId) && inStructure(l.inwardId) && inStructure(l.outwardId))
        .map(pair),
    );
    for (const c of plan.creates) {
      expect(c.inwardId).not.toBe(c.outwardId);
      expect(after.has(pair(c))).toBe(false);
      after.add(pair(c));
    }
    const implied = new Set<string>();
    for (let i = 0; i < forest.size; i++) {
      const p = forest.parentIndexAt(i);
      if (p < 0) continue;
      const [a, b] = [forest.issueIdAt(p), forest.issueIdAt(i)];
      if (a !== b && facts.has(a) && facts.has(b)) implied.add(`${a}>${b}`);
    }
    expect([...after].sort()).toEqual([...implied].sort());
    // and the other scopes never delete
    expect(planLinksExport({ forest, facts, linkTypeId: TYPE, parentEnd, scope: 'expand' }).deletes).toEqual([]);
  });
});
