// The other half of the contract: every request the app itself sends to Jira during real use is a
// documented operation of Atlassian's OpenAPI documents, with a request body that matches its schema.
import { DEMO_USERS } from '../../local/dataset/build-demo';
import { expectDocumentedRequests, invokeAs, useDevServer } from './devServer';

const dev = useDevServer();
const invoke = (key: string, payload: unknown, who: keyof typeof DEMO_USERS) =>
  invokeAs<any>(dev.server, key, payload, who);

it('sends only documented requests with valid bodies while structures are created, previewed, imported and viewed', async () => {
  // given: a structure and every kind of Filter source and placement
  await invoke('setSettings', { synchronizersEnabled: true }, 'alice');
  const structure = (await invoke('createStructure', { name: 'Contract check' }, 'priya')).data;
  // shared with a project role, so that others' access reads the role's actors (as the app)
  await invoke(
    'setPermissions',
    {
      structureId: structure.id,
      rules: [{ subject: { type: 'projectRole', projectKey: 'MOB', roleName: 'Developers' }, level: 'view' }],
    },
    'priya',
  );
  const runs = [
    { source: { kind: 'jql', jql: 'project = PLAT AND issuetype = Epic ORDER BY Rank' }, add: { at: 'top' } },
    { source: { kind: 'filter', filterId: '10002' }, add: { at: 'top' }, remove: true },
    {
      source: { kind: 'jql', jql: 'project = PLAT AND issuetype = Story' },
      add: { at: 'under', issueKey: 'PLAT-2' },
      allowMove: true,
    },
    { source: { kind: 'jql', jql: 'sprnt = 1' }, add: { at: 'top' } },
  ];
  dev.server.forge.jira.calls.length = 0;

  // when
  for (const params of runs) {
    await invoke('previewImport', { structureId: structure.id, synchronizer: 'filter', params }, 'priya');
    await invoke('startImport', { structureId: structure.id, synchronizer: 'filter', params }, 'priya');
    await dev.server.forge.queue.drain();
  }
  await invoke('getForest', { structureId: structure.id }, 'dan');
  await invoke('listStructures', {}, 'carla');

  // then
  const calls = dev.server.forge.jira.calls;
  expect(calls.length).toBeGreaterThan(10);
  expectDocumentedRequests(calls);
  // A call to an endpoint the documents do not have would fail above; so would the removed search.
  expect(calls.some((c) => c.path.startsWith('/rest/api/3/search?'))).toBe(false);
  expect(calls.filter((c) => /\/project\/MOB\/role/.test(c.path)).length).toBeGreaterThanOrEqual(2);
});
