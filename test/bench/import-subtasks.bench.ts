// Sub-tasks import of a generated 100k-issue dataset: the structure starts with every issue that is not
// a sub-task (sub-tasks need parent rows), and the import adds the sub-tasks under them; the repeat
// follows 1% of the issues: sub-tasks moved to another parent.
import { runSyncImportBench, CHANGED, pick } from './import-sync';

export const name = 'import-subtasks-100k';

export function run() {
  return runSyncImportBench((dataset) => {
    const subtaskTypes = new Set(dataset.issueTypes.filter((t) => t.subtask).map((t) => t.name));
    const standard = dataset.issues.filter((i) => !subtaskTypes.has(i.type));
    const parents = standard.filter((i) => dataset.issueTypes.find((t) => t.name === i.type)?.hierarchyLevel === 0);
    const moved = pick(
      dataset.issues.filter((i) => subtaskTypes.has(i.type) && i.parent !== undefined),
      CHANGED,
      11,
    );
    const to = pick(parents, CHANGED * 2, 12).filter((p) => !moved.some((m) => m.parent === p.key));
    return {
      synchronizer: 'subtasks',
      params: { addMissing: true },
      startIssueIds: standard.map((i) => Number(i.id)),
      changes: moved.map((m, k) => ({ kind: 'parent', key: m.key, parent: to[k % to.length].key })),
      changedIssueIds: moved.map((m) => Number(m.id)),
    };
  });
}
