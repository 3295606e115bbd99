// Folder rows in the planners: a folder is a row a person placed, with no issue behind it. Imports keep it
// and what is under it where it is; Status Rollup sees no parent and no child in it.
import { applyUpdate, Forest, folderItemId } from '../../../src/domain/forest';
import { planStatusRollup } from '../../../src/domain/rollup';
import { FilterParams, planFilterImport } from '../../../src/synchronizers/filter/synchronizer';
import { planSubtasksImport, SubtasksParams } from '../../../src/synchronizers/subtasks/synchronizer';
import { f, issue, issues, row, shape } from '../domain/builders';

/** `forest` with every row of issue `key` turned into a folder (minus its row id, as the app makes them). */
function withFolder(forest: Forest, key: string): Forest {
  const { rowIds, depths, issueIds } = forest.columns;
  const ids = Float64Array.from(issueIds);
  for (let i = 0; i < ids.length; i++) if (ids[i] === issue(key)) ids[i] = folderItemId(rowIds[i]!);
  return Forest.fromColumns({ rowIds: Int32Array.from(rowIds), depths: Uint16Array.from(depths), issueIds: ids });
}

/** The shape with folder rows as FOLDER. */
const named = (forest: Forest): string => shape(forest).replace(/(^|[ (])-\d+/g, '$1FOLDER');

describe('folders in import plans', () => {
  it('Filter with Remove everywhere keeps a folder and what is under it, and asks nothing about the folder', () => {
    const forest = withFolder(f(row('DIR', row('X')), row('Y')), 'DIR');
    const asked: number[] = [];
    const plan = planFilterImport({
      forest,
      params: FilterParams.parse({ source: { kind: 'jql', jql: 'project = OPS' }, add: { at: 'top' }, remove: true }),
      matching: issues('OPS-1'),
      visible: (id) => (asked.push(id), true),
    });
    expect(named(applyUpdate(forest, plan.update))).toBe('FOLDER(X) OPS-1');
    expect(plan.counts.removed).toBe(1);
    expect(asked.every((id) => id > 0)).toBe(true);
  });

  it('Sub-tasks leaves a sub-task a person put in a folder where it is', () => {
    const forest = withFolder(f(row('P'), row('DIR', row('S'))), 'DIR');
    const plan = planSubtasksImport({
      forest,
      params: SubtasksParams.parse({}),
      data: { issues: new Map([[issue('P'), { id: issue('P'), key: 'P', subtaskIds: [issue('S')] }]]) },
      visible: () => true,
    });
    expect(plan.counts.moved).toBe(0);
    expect(named(applyUpdate(forest, plan.update))).toMatch(/FOLDER\(S\)/);
  });
});

describe('folders in Status Rollup', () => {
  it('counts neither the folder nor its rows as a parent’s children, and never asks its status', () => {
    const forest = withFolder(f(row('P-1', row('DIR', row('P-2')), row('P-3'))), 'DIR');
    const facts = new Map(
      [
        ['P-1', '1'],
        ['P-2', '1'],
        ['P-3', '5'],
      ].map(([key, statusId]) => [
        issue(key!),
        { key: key!, projectKey: 'P', issueTypeId: 'story', statusId: statusId! },
      ]),
    );
    const plan = planStatusRollup({ forest, facts, rule: { statuses: ['1', '3', '5'] } });
    expect(plan.skipped).toEqual([]);
    expect(plan.changes).toEqual([{ issueId: issue('P-1'), from: '1', to: '5' }]);
  });
});
