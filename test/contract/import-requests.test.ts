// Every request the Sub-tasks, Links, Agile and Hierarchy imports send to Jira (their checks, previews
// and jobs) is a documented operation of Atlassian's OpenAPI documents, with a body that matches it.
import { DEMO_USERS } from '../../local/dataset/build-demo';
import { expectDocumentedRequests, invokeAs, useDevServer } from './devServer';

const dev = useDevServer();
const invoke = (key: string, payload: unknown, who: keyof typeof DEMO_USERS) =>
  invokeAs<{ ok: boolean; data?: { id: string } }>(dev.server, key, payload, who);

it('sends only documented requests with valid bodies while the sub-tasks, links, agile and hierarchy imports check, preview and run', async () => {
  // given
  await invoke('setSettings', { synchronizersEnabled: true }, 'alice');
  const structure = (await invoke('createStructure', { name: 'Contract check of the imports' }, 'priya')).data!;
  const runs: Array<[string, Record<string, unknown>]> = [
    ['agile', { source: { mode: 'board', boardId: 1 }, subtasks: true }],
    ['agile', { source: { mode: 'board', boardId: 2 } }],
    ['agile', { source: { mode: 'custom', projectKeys: ['MOB'], rankFieldId: 'customfield_10019' } }],
    ['subtasks', { addMissing: true }],
    ['links', { linkTypeId: '10000', scope: 'expand', childJql: 'project = PLAT', removeUnlinked: true }],
    ['links', { linkTypeId: '10000', scope: 'all', parentJql: 'project = MOB' }],
    ['links', { linkTypeId: '10000', parentJql: 'sprnt = 1' }],
    ['hierarchy', { roots: { kind: 'highestLevel', projectKeys: ['PLAT', 'MOB'] }, order: 'rank' }],
    ['hierarchy', { roots: { kind: 'jql', jql: 'project = SEC' }, order: 'key', levels: 2 }],
  ];
  dev.server.forge.jira.calls.length = 0;

  // when
  for (const [synchronizer, params] of runs) {
    await invoke('previewImport', { structureId: structure.id, synchronizer, params }, 'priya');
    await invoke('startImport', { structureId: structure.id, synchronizer, params }, 'priya');
    await dev.server.forge.queue.drain();
  }

  // then
  const calls = dev.server.forge.jira.calls;
  expect(calls.length).toBeGreaterThan(20);
  expectDocumentedRequests(calls);
  const paths = new Set(calls.map((c) => new URL(c.path, 'http://jira.invalid').pathname));
  for (const p of [
    '/rest/api/3/issueLinkType',
    '/rest/api/3/issuetype',
    '/rest/api/3/field',
    '/rest/agile/1.0/board/1/configuration',
    '/rest/api/3/issue/bulkfetch',
    '/rest/api/3/search/jql',
  ]) {
    expect(paths).toContain(p);
  }
});
