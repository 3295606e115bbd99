// Hierarchy import of a generated 100k-issue dataset into an empty structure: roots are the issues
// without a parent in every project, then every level below, siblings by rank; the repeat follows 1%
// of the issues given another parent of the same level as the old one.
import { CHANGED, pick, runSyncImportBench } from './import-sync';

export const name = 'import-hierarchy-100k';

export function run() {
  return runSyncImportBench((dataset) => {
    const level = new Map(dataset.issueTypes.map((t) => [t.name, t.hierarchyLevel]));
    const byKey = new Map(dataset.issues.map((i) => [i.key, i]));
    const byLevel = new Map<number, string[]>();
    for (const i of dataset.issues)
      byLevel.set(level.get(i.type) ?? 0, [...(byLevel.get(level.get(i.type) ?? 0) ?? []), i.key]);
    const moved = pick(
      dataset.issues.filter((i) => i.parent !== undefined),
      CHANGED,
      41,
    );
    const changes = moved.map((m, k) => {
      const candidates = byLevel.get(level.get(byKey.get(m.parent as string)?.type ?? '') ?? 0) ?? [];
      let parent = candidates[(k * 7919) % candidates.length];
      if (parent === m.parent) parent = candidates[(k * 7919 + 1) % candidates.length];
      return { kind: 'parent' as const, key: m.key, parent };
    });
    return {
      synchronizer: 'hierarchy',
      params: {
        roots: {
          kind: 'jql',
          jql: `project in (${dataset.projects.map((p) => p.key).join(', ')}) AND parent is EMPTY`,
        },
        levels: 10,
        order: 'rank',
      },
      startIssueIds: [],
      changes,
      changedIssueIds: moved.map((m) => Number(m.id)),
    };
  });
}
