// The export side of the contract: every request an export, its preview, its preflight and a revert
// send to Jira is a documented operation of Atlassian's OpenAPI documents, with a valid body.
import { DEMO_USERS } from '../../local/dataset/build-demo';
import { Forest, forestToChunks } from '../../src/domain/forest';
import { forestOfVersion } from '../../src/app/forest-store';
import { ForestRepository, KvsWriteMeter } from '../../src/storage';
import { expectDocumentedRequests, invokeAs, useDevServer } from './devServer';

const dev = useDevServer();
const invoke = (key: string, payload: unknown, who: keyof typeof DEMO_USERS) =>
  invokeAs<any>(dev.server, key, payload, who);

/** Rearranges the imported rows: the first issue takes the next five as children, the rest reversed. */
async function rearrange(structureId: string): Promise<void> {
  const repo = new ForestRepository(new KvsWriteMeter());
  const stored = await repo.read(structureId);
  if (!stored || stored.header.rowCount === 0) throw new Error('nothing imported');
  const forest = forestOfVersion(stored);
  const ids = Array.from({ length: forest.size }, (_, i) => forest.issueIdAt(i));
  const [first, ...rest] = ids;
  const rows = [
    { depth: 0, issueId: first },
    ...rest.slice(0, 5).map((issueId) => ({ depth: 1, issueId })),
    ...rest
      .slice(5)
      .reverse()
      .map((issueId) => ({ depth: 0, issueId })),
  ].map((r, i) => ({ ...r, rowId: forest.nextRowId + i }));
  const next = Forest.fromRows(rows, forest.nextRowId + rows.length);
  await repo.replace(stored.header, forestToChunks(next), next.size, 'edit', Date.now());
}

it('sends only documented requests with valid bodies while exports are previewed, run and reverted', async () => {
  // given: a structure of PLAT's issues, rearranged so that every export has something to write
  await invoke('setSettings', { synchronizersEnabled: true }, 'alice');
  const structure = (await invoke('createStructure', { name: 'Export contract check' }, 'priya')).data;
  await invoke(
    'startImport',
    {
      structureId: structure.id,
      synchronizer: 'filter',
      params: { source: { kind: 'jql', jql: 'project = PLAT ORDER BY Rank' }, add: { at: 'top' } },
    },
    'priya',
  );
  await dev.server.forge.queue.drain();
  await rearrange(structure.id);
  const exports = [
    { synchronizer: 'agile', params: { source: { mode: 'board', boardId: 1 } } },
    { synchronizer: 'hierarchy', params: { roots: { kind: 'highestLevel', projectKeys: ['PLAT'] } } },
    {
      synchronizer: 'links',
      params: {
        linkTypeId: '10000',
        parentEnd: 'inward',
        scope: 'all',
        parentJql: 'project = PLAT',
        childJql: 'project = PLAT',
      },
    },
  ];
  dev.server.forge.jira.calls.length = 0;

  // when
  const jobs: string[] = [];
  for (const e of exports) {
    await invoke('previewExport', { structureId: structure.id, ...e }, 'priya');
    const started = await invoke('startExport', { structureId: structure.id, ...e }, 'priya');
    expect(started.ok).toBe(true);
    jobs.push(started.data.job.id);
    await dev.server.forge.queue.drain();
  }
  for (const jobId of jobs) {
    const job = (await invoke('getJob', { jobId }, 'priya')).data;
    expect(job.state).toBe('finished');
    if (job.revertible) {
      await invoke('revertJob', { jobId }, 'priya');
      await dev.server.forge.queue.drain();
    }
  }

  // then
  const calls = dev.server.forge.jira.calls;
  const seen = new Set(
    calls.map(
      (c) => `${c.method} ${new URL(c.path, 'http://jira.invalid').pathname.replace(/\/\d{2,}(?=\/|$)/g, '/{id}')}`,
    ),
  );
  expectDocumentedRequests(calls);
  for (const expected of [
    'PUT /rest/agile/1.0/issue/rank',
    'POST /rest/api/3/issueLink',
    'DELETE /rest/api/3/issueLink/{id}',
    'PUT /rest/api/3/issue/{id}',
    'POST /rest/api/3/permissions/check',
  ]) {
    expect(seen).toContain(expected);
  }
});
