// Links import of a generated 100k-issue dataset into an empty structure: scope "all" with a parent
// filter over every project, "Blocks" links, 10 levels; the repeat follows 1% of the issues re-linked
// under another parent (the old link deleted, a new one made).
import { CHANGED, pick, runSyncImportBench } from './import-sync';

export const name = 'import-links-100k';

export function run() {
  return runSyncImportBench((dataset, jira) => {
    const blocks = dataset.linkTypes.find((t) => t.name === 'Blocks');
    if (!blocks) throw new Error('no Blocks link type');
    const links = [...jira.store.links.values()].filter(
      (l) => l.type.id === blocks.id && l.sourceId !== l.destinationId,
    );
    const moved = pick(links, CHANGED, 21);
    const parents = pick(dataset.issues, CHANGED, 22);
    return {
      synchronizer: 'links',
      params: {
        linkTypeId: blocks.id,
        parentEnd: 'inward',
        scope: 'all',
        parentJql: `project in (${dataset.projects.map((p) => p.key).join(', ')}) ORDER BY Rank ASC`,
        levels: 10,
      },
      startIssueIds: [],
      changes: moved.map((l, k) => ({
        kind: 'relink',
        removeLinkId: l.id,
        source: parents[k].id,
        type: blocks.name,
        destination: l.destinationId,
      })),
      changedIssueIds: moved.map((l) => Number(l.destinationId)),
    };
  });
}
