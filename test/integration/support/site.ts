// One local site for a test file: the Jira emulator seeded with a dataset, and the local Forge runtime
// running this app's real handlers against it. Tests talk to it only through resolvers (invokeAs), the
// queue (drain) and, to set a scene, the app's own storage.
//
// Search lags behind writes, as Jira's does: after any change a search sees the issue as it was until
// the test lets time pass (`searchCatchesUp`), or until the app asks Jira to reconcile that issue.
// So a test passes here only if the app reads its own writes the way it must on a real site.
import path from 'node:path';
import type { Dataset } from '../../../local/dataset/types';
import { createJiraEmulator, type JiraEmulator } from '../../../local/emulator';
import { startLocalForge, type LocalForge } from '../../../local/runtime';
import type {
  AppErrorDto,
  JobDto,
  PayloadIn,
  ResolverAnswerOf,
  ResolverKey,
  StructureDetails,
} from '../../../src/contract';
import { Forest, forestToChunks, type Row } from '../../../src/domain/forest';
import { forestOfVersion } from '../../../src/app/forest-store';
import { ForestRepository, KvsWriteMeter } from '../../../src/storage';
import { people, siteDataset, type Person } from './dataset';

export const APP_DIR = path.join(__dirname, '..', '..', '..');

export interface Site {
  rt: LocalForge;
  jira: JiraEmulator;
  /** Base URL of the emulator, to ask Jira directly what it says. */
  jiraUrl: string;
  invokeAs<K extends ResolverKey>(who: Person, key: K, payload: PayloadIn<K>): Promise<ResolverAnswerOf<K>>;
  /** Time passes: Jira's search index catches up with every change so far. */
  searchCatchesUp(): void;
  close(): Promise<void>;
}

export interface SiteOptions {
  /** Jira's search lags behind writes (the default), or is always consistent. */
  searchLag?: boolean;
  /** The app's manifest.yml replaced by this text (e.g. without a scope), for the same handlers. */
  manifestText?: string;
}

export async function startSite(dataset: Dataset = siteDataset(), options: SiteOptions = {}): Promise<Site> {
  const jira = createJiraEmulator({ dataset });
  jira.store.setSearchLag(options.searchLag ?? true);
  const { url } = await jira.listen();
  const logs: string[] = [];
  const rt = await startLocalForge({
    appDir: APP_DIR,
    manifestText: options.manifestText,
    jiraBaseUrl: url,
    timeScale: 0.001,
    queue: { duplicate: false, reorder: false, extraDelayMs: 0 },
    log: (m) => (process.env.SITE_LOG ? console.error(m) : logs.push(m)),
  });
  return {
    rt,
    jira,
    jiraUrl: url,
    invokeAs: async (who, key, payload) =>
      (await rt.invokeResolver({ key, payload, accountId: people[who].accountId })) as never,
    searchCatchesUp: () => jira.store.indexNow(),
    close: async () => {
      await rt.close();
      await jira.close();
    },
  };
}

/** The data of an answer that must have succeeded; fails the test with the error otherwise. */
export function data<T>(answer: { ok: true; data: T } | { ok: false; error: AppErrorDto }): T {
  if (!answer.ok) throw new Error(`Expected success, got ${JSON.stringify(answer.error)}`);
  return answer.data;
}

export async function givenSynchronizersEnabled(site: Site): Promise<void> {
  data(await site.invokeAs('adam', 'setSettings', { synchronizersEnabled: true }));
}

/**
 * The site for one test file with synchronizers on: started before its tests, closed after. Read
 * `.site` inside tests (it exists once beforeAll ran); a ref, because the hooks run after this returns.
 */
export function useSite(dataset?: Dataset, options?: SiteOptions): { site: Site } {
  const ref = {} as { site: Site };
  beforeAll(async () => {
    ref.site = await startSite(dataset, options);
    await givenSynchronizersEnabled(ref.site);
  });
  afterAll(async () => ref.site?.close());
  return ref;
}

export async function givenStructure(
  site: Site,
  owner: Person = 'olivia',
  name = 'Release plan',
): Promise<StructureDetails> {
  return data(await site.invokeAs(owner, 'createStructure', { name }));
}

/** Starts an import and lets the queue run until the job is done. */
export async function runImport(
  site: Site,
  who: Person,
  structureId: string,
  params: Record<string, unknown>,
): Promise<JobDto> {
  const started = data(await site.invokeAs(who, 'startImport', { structureId, synchronizer: 'filter', params }));
  await site.rt.queue.drain();
  return data(await site.invokeAs(who, 'getJob', { jobId: started.job.id }));
}

const repository = (): ForestRepository => new ForestRepository(new KvsWriteMeter());

/** The stored forest, read straight from storage (no visibility filtering). */
export async function storedForest(structureId: string): Promise<Forest> {
  const stored = await repository().read(structureId);
  if (!stored) throw new Error(`No forest for ${structureId}`);
  return forestOfVersion(stored);
}

/** "depth:issueId" per row, e.g. ['0:10001', '1:10002'], for readable comparisons. */
export async function shape(structureId: string): Promise<string[]> {
  const forest = await storedForest(structureId);
  return Array.from({ length: forest.size }, (_, i) => `${forest.depthAt(i)}:${forest.issueIdAt(i)}`);
}

/** Sets the scene: replaces the forest as a user's edit would (a new version). */
export async function givenForest(structureId: string, rows: Array<[depth: number, issueId: number]>): Promise<void> {
  const repo = repository();
  const stored = await repo.read(structureId);
  if (!stored) throw new Error(`No forest for ${structureId}`);
  const current = forestOfVersion(stored);
  let next = current.nextRowId;
  const forest = Forest.fromRows(
    rows.map(([depth, issueId]): Row => ({ rowId: next++, depth, issueId })),
    next,
  );
  await repo.replace(stored.header, forest.size === 0 ? [] : forestToChunks(forest), forest.size, 'edit', Date.now());
}
