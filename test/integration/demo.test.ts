// The shipped demo site, end to end: what `npm start` users try first.
import path from 'node:path';
import { loadDataset } from '../../local/dataset/load';
import { startLocalForge } from '../../local/runtime';
import { createJiraEmulator } from '../../local/emulator';
import type { JobDto, ResolverAnswer, StructureDetails } from '../../src/contract';
import { APP_DIR } from './support/site';

const admin = '5d1f0a11c2b3a40001a11ce0';
const contractor = '5d1f0a11c2b3a40004ca71a0';

it('imports the demo’s "Open work across teams" filter, and a contractor sees only part of it', async () => {
  // given
  const jira = createJiraEmulator({ dataset: loadDataset(path.join(APP_DIR, 'local', 'dataset', 'demo.json')) });
  const { url } = await jira.listen();
  const rt = await startLocalForge({
    appDir: APP_DIR,
    jiraBaseUrl: url,
    timeScale: 0.001,
    queue: { duplicate: false, reorder: false, extraDelayMs: 0 },
    log: () => undefined,
  });
  const invoke = async <T>(accountId: string, key: string, payload: unknown): Promise<T> => {
    const answer = (await rt.invokeResolver({ key, payload, accountId })) as ResolverAnswer<T>;
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    return answer.data;
  };
  try {
    await invoke(admin, 'setSettings', { synchronizersEnabled: true });
    const structure = await invoke<StructureDetails>(admin, 'createStructure', { name: 'Open work' });
    await invoke(admin, 'setPermissions', {
      structureId: structure.id,
      rules: [{ subject: { type: 'anyone' }, level: 'view' }],
    });
    // when
    const { job } = await invoke<{ job: JobDto }>(admin, 'startImport', {
      structureId: structure.id,
      synchronizer: 'filter',
      params: { source: { kind: 'filter', filterId: '10002' }, add: { at: 'top' } },
    });
    await rt.queue.drain();
    // then
    const done = await invoke<JobDto>(admin, 'getJob', { jobId: job.id });
    expect(done).toMatchObject({ state: 'finished' });
    expect(done.result?.added).toBeGreaterThan(0);
    const forAdmin = await invoke<{ issueIds: string[] }>(admin, 'getForest', { structureId: structure.id });
    const forContractor = await invoke<{ issueIds: string[]; hiddenRows: number }>(contractor, 'getForest', {
      structureId: structure.id,
    });
    expect(forAdmin.issueIds).toHaveLength(done.result?.added ?? -1);
    expect(forContractor.issueIds.length).toBeLessThan(forAdmin.issueIds.length);
    expect(forContractor.hiddenRows).toBe(forAdmin.issueIds.length - forContractor.issueIds.length);
  } finally {
    await rt.close();
    await jira.close();
  }
});
