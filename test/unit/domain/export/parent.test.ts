import { planParentExport, ParentExportMode } from '../../../../src/domain/export/parent';
import { Forest } from '../../../../src/domain/forest';
import type { IssueFactsById } from '../../../../src/domain/jira';
import { f, issue, issues, keyOf, row } from '../builders';
import { epic, facts, initiative, story, subtask, TYPE_NAMES } from './facts';

/** Runs the planner and answers in keys. */
function exportParents(
  forest: Forest,
  known: IssueFactsById,
  mode: ParentExportMode = 'every-level',
  scope?: string[],
) {
  const inScope = scope === undefined ? undefined : (id: number) => issues(...scope).includes(id);
  const plan = planParentExport({ forest, facts: known, mode, inScope, issueTypeNames: TYPE_NAMES });
  const k = (id: number | null) => (id === null ? null : keyOf(id));
  return {
    plan,
    changes: plan.changes.map((c) => `${keyOf(c.issueId)}: ${k(c.from)} -> ${k(c.to)}`),
    reasons: plan.unrepresentable.map((u) => u.reason),
    conflicts: plan.conflicts.map((c) => c.reason),
  };
}

describe('planParentExport: hierarchy', () => {
  it.each<[string, Forest, IssueFactsById, string[]]>([
    ['story under an epic gets the epic', f(row('E1', row('S1'))), facts(epic('E1'), story('S1')), ['S1: null -> E1']],
    [
      'story moved to another epic',
      f(row('E1'), row('E2', row('S1'))),
      facts(epic('E1'), epic('E2'), story('S1', { parent: 'E1' })),
      ['S1: E1 -> E2'],
    ],
    [
      'epic under an initiative gets it',
      f(row('I1', row('E1'))),
      facts(initiative('I1'), epic('E1')),
      ['E1: null -> I1'],
    ],
    [
      'placement that already matches writes nothing',
      f(row('E1', row('S1'))),
      facts(epic('E1'), story('S1', { parent: 'E1' })),
      [],
    ],
    [
      'top-level story whose epic is in the structure loses its parent',
      f(row('E1'), row('S1')),
      facts(epic('E1'), story('S1', { parent: 'E1' })),
      ['S1: E1 -> null'],
    ],
    [
      'top-level story whose epic is not in the structure keeps it',
      f(row('S1')),
      facts(epic('E1'), story('S1', { parent: 'E1' })),
      [],
    ],
    [
      'sub-task under its own parent: nothing to do',
      f(row('S1', row('T1'))),
      facts(story('S1'), subtask('T1', { parent: 'S1' })),
      [],
    ],
    [
      'top-level sub-task is never left parentless',
      f(row('S1'), row('T1')),
      facts(story('S1'), subtask('T1', { parent: 'S1' })),
      [],
    ],
    [
      'under an issue the user cannot see: no say',
      f(row('E1', row('HIDDEN', row('S1')))),
      facts(epic('E1'), story('S1', { parent: 'E1' })),
      [],
    ],
    [
      'one row under the parent outweighs another at top level',
      f(row('E1', row('S1')), row('S1')),
      facts(epic('E1'), story('S1', { parent: 'E1' })),
      [],
    ],
    [
      'one row under a new epic and one at top level: the epic wins',
      f(row('E1'), row('E2', row('S1')), row('S1')),
      facts(epic('E1'), epic('E2'), story('S1', { parent: 'E1' })),
      ['S1: E1 -> E2'],
    ],
  ])('%s', (_, forest, known, expected) => {
    expect(exportParents(forest, known).changes).toEqual(expected);
  });

  it('reports a story under a story, naming the level Jira allows, and writes nothing for that row', () => {
    // given
    const forest = f(row('PLAT-40', row('PLAT-12')));
    const known = facts(story('PLAT-40'), story('PLAT-12'));
    // when
    const result = exportParents(forest, known);
    // then
    expect(result.changes).toEqual([]);
    expect(result.reasons).toEqual([
      "PLAT-12 (Story) is under PLAT-40 (Story): Jira allows a Story's parent only at level 1 (Epic)",
    ]);
    expect(result.plan.unrepresentable[0]).toMatchObject({ issueId: issue('PLAT-12'), rowId: 2 });
  });

  it('reports a sub-task placed under another issue instead of moving it', () => {
    // given
    const forest = f(row('S1'), row('S2', row('T1')));
    const known = facts(story('S1'), story('S2'), subtask('T1', { parent: 'S1' }));
    // when
    const result = exportParents(forest, known);
    // then
    expect(result.changes).toEqual([]);
    expect(result.reasons).toEqual([
      expect.stringContaining('T1 (Sub-task) is under S2, but its parent in Jira is S1'),
    ]);
  });

  it('reports an issue whose rows sit under different parents and writes nothing for it', () => {
    // given
    const forest = f(row('E1', row('S1')), row('E2', row('S1')));
    const known = facts(epic('E1'), epic('E2'), story('S1'));
    // when
    const result = exportParents(forest, known);
    // then
    expect(result.changes).toEqual([]);
    expect(result.conflicts).toEqual([
      'S1 is in several rows under different parents (E1, E2): its parent is left as it is',
    ]);
    expect(result.plan.conflicts[0].parents).toEqual(issues('E1', 'E2'));
  });

  it('lists changes in pre-order and counts issues already in place', () => {
    // given
    const forest = f(row('E1', row('S2'), row('S1')), row('E2', row('S3')));
    const known = facts(epic('E1'), epic('E2'), story('S1'), story('S2'), story('S3', { parent: 'E2' }));
    // when
    const result = exportParents(forest, known);
    // then
    expect(result.changes).toEqual(['S2: null -> E1', 'S1: null -> E1']);
    expect(result.plan.unchanged).toBe(1);
  });
});

describe('planParentExport: epics (Agile)', () => {
  it.each<[string, Forest, IssueFactsById, string[] | undefined, string[]]>([
    [
      'story under an epic joins it',
      f(row('E1', row('S1'))),
      facts(epic('E1'), story('S1')),
      undefined,
      ['S1: null -> E1'],
    ],
    [
      'story nested under a story under an epic joins that epic',
      f(row('E1', row('S1', row('S2')))),
      facts(epic('E1'), story('S1'), story('S2')),
      undefined,
      ['S1: null -> E1', 'S2: null -> E1'],
    ],
    [
      'story under a non-epic whose epic is in the structure leaves it',
      f(row('E1'), row('S1', row('S2'))),
      facts(epic('E1'), story('S1'), story('S2', { parent: 'E1' })),
      undefined,
      ['S2: E1 -> null'],
    ],
    [
      'epics and sub-tasks are not touched',
      f(row('I1', row('E1', row('S1', row('T1'))))),
      facts(initiative('I1'), epic('E1'), story('S1', { parent: 'E1' }), subtask('T1')),
      undefined,
      [],
    ],
    [
      'issues off the board are left alone',
      f(row('E1', row('S1'), row('S2'))),
      facts(epic('E1'), story('S1'), story('S2')),
      ['S1'],
      ['S1: null -> E1'],
    ],
  ])('%s', (_, forest, known, scope, expected) => {
    expect(exportParents(forest, known, 'epics', scope).changes).toEqual(expected);
  });

  it('reports nothing as unrepresentable: it only writes epic membership', () => {
    const result = exportParents(f(row('S1', row('S2'))), facts(story('S1'), story('S2')), 'epics');
    expect(result).toMatchObject({ changes: [], reasons: [], conflicts: [] });
  });
});
