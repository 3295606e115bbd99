import {
  ChangeLogEntry,
  linkLogEntries,
  parentLogEntries,
  rankLogEntries,
  withOutcome,
} from '../../../../src/domain/export/change-log';
import { planRevert } from '../../../../src/domain/export/revert';
import { planRankExport } from '../../../../src/domain/export/rank';
import { applyRankOps } from '../../../../src/domain/export/rank-simulator';
import { IssueId } from '../../../../src/domain/forest';
import { issue, issues, random } from '../builders';
import { epic, facts, link, story } from './facts';

const BLOCKS = '10000';
const applied = <E extends ChangeLogEntry>(entries: E[]): E[] => entries.map((e) => withOutcome(e, 'applied'));

describe('change log entries', () => {
  it('records every ranked issue with its old and new place', () => {
    // given: Jira B A C X, structure A B C (X is not in the structure, Y not in Jira)
    const entries = rankLogEntries(issues('A', 'Y', 'B', 'C'), issues('B', 'A', 'C', 'X'));
    // then
    expect(entries).toEqual([
      { kind: 'rank', issueId: issue('B'), before: 0, after: 1, outcome: 'planned' },
      { kind: 'rank', issueId: issue('A'), before: 1, after: 0, outcome: 'planned' },
      { kind: 'rank', issueId: issue('C'), before: 2, after: 2, outcome: 'planned' },
    ]);
  });

  it('records parent and link changes with old and new values', () => {
    const parent = parentLogEntries([{ issueId: issue('S1'), from: null, to: issue('E1') }]);
    const links = linkLogEntries({
      creates: [{ linkTypeId: BLOCKS, inwardId: issue('A'), outwardId: issue('B') }],
      deletes: [link(BLOCKS, 'C', 'D', 'L9')],
    });
    expect([...parent, ...links].map((e) => [e.kind, e.before, e.after])).toEqual([
      ['parent', null, issue('E1')],
      ['link-create', null, { linkTypeId: BLOCKS, inwardId: issue('A'), outwardId: issue('B') }],
      ['link-delete', link(BLOCKS, 'C', 'D', 'L9'), null],
    ]);
  });

  it('keeps what Jira answered and drops an old error when it succeeds later', () => {
    const [entry] = parentLogEntries([{ issueId: 1, from: null, to: 2 }]);
    const failed = withOutcome(entry, 'failed', 'Issue does not exist');
    expect(failed).toMatchObject({ outcome: 'failed', error: 'Issue does not exist' });
    expect(withOutcome(failed, 'applied')).not.toHaveProperty('error');
  });
});

describe('planRevert: parent and links', () => {
  it('sets a parent back while Jira still holds what the export wrote, and skips one changed since', () => {
    // given: the export moved S1 and S2 to E2; someone since moved S2 to E3
    const log = applied(
      parentLogEntries([
        { issueId: issue('S1'), from: issue('E1'), to: issue('E2') },
        { issueId: issue('S2'), from: null, to: issue('E2') },
      ]),
    );
    const now = facts(epic('E1'), epic('E2'), epic('E3'), story('S1', { parent: 'E2' }), story('S2', { parent: 'E3' }));
    // when
    const plan = planRevert({ log, facts: now });
    // then
    expect(plan.parents).toEqual([{ issueId: issue('S1'), from: issue('E2'), to: issue('E1') }]);
    expect(plan.skipped.map((s) => s.reason)).toEqual(['S2: parent changed since export (export set E2, now E3)']);
  });

  it('deletes links it created and re-creates links it deleted', () => {
    // given
    const created = link(BLOCKS, 'A', 'B', 'L-NEW');
    const log = applied(
      linkLogEntries({
        creates: [{ linkTypeId: BLOCKS, inwardId: issue('A'), outwardId: issue('B') }],
        deletes: [link(BLOCKS, 'C', 'D', 'L-OLD')],
      }),
    );
    const now = facts(story('A', { links: [created] }), story('B', { links: [created] }), story('C'), story('D'));
    // when
    const plan = planRevert({ log, facts: now });
    // then
    expect(plan.linkDeletes).toEqual([created]);
    expect(plan.linkCreates).toEqual([{ linkTypeId: BLOCKS, inwardId: issue('C'), outwardId: issue('D') }]);
    expect(plan.skipped).toEqual([]);
  });

  it('skips a created link removed since, and a deleted link made again since', () => {
    // given
    const log = applied(
      linkLogEntries({
        creates: [{ linkTypeId: BLOCKS, inwardId: issue('A'), outwardId: issue('B') }],
        deletes: [link(BLOCKS, 'C', 'D', 'L-OLD')],
      }),
    );
    const again = link(BLOCKS, 'C', 'D', 'L-AGAIN');
    const now = facts(story('A'), story('B'), story('C', { links: [again] }), story('D', { links: [again] }));
    // when
    const plan = planRevert({ log, facts: now });
    // then
    expect(plan.linkDeletes).toEqual([]);
    expect(plan.linkCreates).toEqual([]);
    expect(plan.skipped.map((s) => s.reason)).toEqual([
      'Link A → B changed since export: it no longer exists',
      'Link C → D changed since export: it exists again',
    ]);
  });

  it('reverts only applied changes', () => {
    const log = parentLogEntries([{ issueId: issue('S1'), from: null, to: issue('E1') }]);
    const plan = planRevert({
      log: [...log, withOutcome(log[0], 'failed', 'no')],
      facts: facts(story('S1', { parent: 'E1' })),
    });
    expect(plan.parents).toEqual([]);
  });
});

describe('planRevert: rank', () => {
  const shuffled = (xs: readonly IssueId[], rnd: ReturnType<typeof random>): IssueId[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = rnd.int(i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };

  it.each(Array.from({ length: 25 }, (_, i) => i + 1))(
    'restores the old order, leaving issues moved since in place (#%i)',
    (seed) => {
      // given: an export from a random Jira order to the structure order, applied
      const rnd = random(9000 + seed);
      const n = 2 + rnd.int(150);
      const structure = Array.from({ length: n }, (_, i) => 20_000 + i);
      const before = shuffled(structure, rnd);
      const exported = applyRankOps(
        before,
        planRankExport({ structureOrder: structure, jiraOrder: before }).operations,
      );
      const log = applied(rankLogEntries(structure, before));
      // and someone moves a few issues since (or none)
      const now = [...exported];
      const touched = new Set<IssueId>();
      for (let k = rnd.int(3); k > 0; k--) {
        const [id] = now.splice(rnd.int(now.length), 1);
        now.splice(rnd.int(now.length + 1), 0, id);
        touched.add(id);
      }
      // when
      const plan = planRevert({ log, facts: new Map(), rankOrder: now });
      const reverted = applyRankOps(now, plan.rank);
      // then: every issue not skipped is back in its old relative order, and skipped ones did not move
      const skipped = new Set(plan.skipped.map((s) => s.entry.issueId));
      expect(skipped.size).toBeLessThanOrEqual(touched.size);
      expect(reverted.filter((id) => !skipped.has(id))).toEqual(before.filter((id) => !skipped.has(id)));
      for (const op of plan.rank) expect(op.issues.some((id) => skipped.has(id))).toBe(false);
      if (touched.size === 0) expect(reverted).toEqual(before);
    },
  );

  it('skips rank entries when the current order was not read', () => {
    const log = applied(rankLogEntries(issues('A', 'B'), issues('B', 'A')));
    expect(planRevert({ log, facts: new Map() }).skipped.map((s) => s.reason)).toEqual([
      "Jira's current rank order was not read",
      "Jira's current rank order was not read",
    ]);
  });
});
