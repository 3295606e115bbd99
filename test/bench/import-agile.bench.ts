// Agile import of a generated 100k-issue dataset into an empty structure: custom mode over every
// project in Rank order, with sub-tasks; the repeat follows 1% of the issues moved to another epic.
import { CHANGED, pick, runSyncImportBench } from './import-sync';

export const name = 'import-agile-100k';

export function run() {
  return runSyncImportBench((dataset) => {
    const level = new Map(dataset.issueTypes.map((t) => [t.name, t.hierarchyLevel]));
    const epics = dataset.issues.filter((i) => level.get(i.type) === 1);
    const moved = pick(
      dataset.issues.filter((i) => level.get(i.type) === 0 && i.parent !== undefined),
      CHANGED,
      31,
    );
    const to = pick(epics, CHANGED, 32);
    return {
      synchronizer: 'agile',
      params: {
        source: { mode: 'custom', projectKeys: dataset.projects.map((p) => p.key), rankFieldId: 'customfield_10019' },
        subtasks: true,
      },
      startIssueIds: [],
      changes: moved.map((m, k) => ({
        kind: 'parent',
        key: m.key,
        parent: (to[k].key === m.parent ? to[(k + 1) % to.length] : to[k]).key,
      })),
      changedIssueIds: moved.map((m) => Number(m.id)),
    };
  });
}
