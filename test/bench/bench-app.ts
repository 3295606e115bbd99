// The app on the local Forge runtime, for the child process of an import benchmark: its own KVS, the
// dark feature on (straight in storage, not part of what is measured), and imports measured with the
// Jira emulator's ledger (reached over HTTP, as in production).
import path from 'node:path';
import { startLocalForge, type LocalForge } from '../../local/runtime';
import type { JobDto, ResolverAnswer, StructureDetails } from '../../src/contract';
import { Forest, forestToChunks } from '../../src/domain/forest';
import { ForestRepository, KvsWriteMeter, SettingsRepository } from '../../src/storage';

interface Ledger {
  total: { calls: number; points: number };
}

export interface MeasuredImport {
  job: JobDto;
  wallMs: number;
  jiraCalls: number;
  jiraPoints: number;
  kvsWriteUnits: number;
}

export interface BenchApp {
  rt: LocalForge;
  invoke<T>(key: string, payload: unknown): Promise<T>;
  createStructure(name: string): Promise<StructureDetails>;
  /** Setup, not measured: the structure's forest becomes these issues at the top level, straight in storage. */
  givenTopLevelRows(structureId: string, issueIds: readonly number[]): Promise<void>;
  /** Starts an import and drains the queue; fails unless the job finished. */
  runImport(structureId: string, synchronizer: string, params: Record<string, unknown>): Promise<MeasuredImport>;
  close(): Promise<void>;
}

const unwrap = <T>(answer: unknown): T => {
  const a = answer as ResolverAnswer<T>;
  if (!a.ok) throw new Error(`${a.error.code}: ${a.error.message}`);
  return a.data;
};

export async function startBenchApp(jiraUrl: string, accountId: string): Promise<BenchApp> {
  const rt = await startLocalForge({
    appDir: path.join(__dirname, '..', '..'),
    jiraBaseUrl: jiraUrl,
    timeScale: 0.001,
    queue: { duplicate: false, reorder: false, extraDelayMs: 0 },
  });
  await new SettingsRepository(new KvsWriteMeter()).put({ synchronizersEnabled: true });
  const ledger = async (): Promise<Ledger> => (await fetch(`${jiraUrl}/__emulator/ledger`)).json() as Promise<Ledger>;
  const invoke = async <T>(key: string, payload: unknown): Promise<T> =>
    unwrap<T>(await rt.invokeResolver({ key, payload, accountId }));
  return {
    rt,
    invoke,
    createStructure: (name) => invoke<StructureDetails>('createStructure', { name }),
    async givenTopLevelRows(structureId, issueIds) {
      const repo = new ForestRepository(new KvsWriteMeter());
      const stored = await repo.read(structureId);
      if (!stored) throw new Error(`No forest for ${structureId}`);
      const forest = Forest.fromRows(
        issueIds.map((issueId, i) => ({ rowId: i + 1, depth: 0, issueId })),
        issueIds.length + 1,
      );
      await repo.replace(stored.header, forestToChunks(forest), forest.size, 'bench', Date.now());
    },
    async runImport(structureId, synchronizer, params) {
      const before = await ledger();
      const kvsBefore = rt.kvs.usage();
      const t0 = performance.now();
      const { job } = await invoke<{ job: JobDto }>('startImport', { structureId, synchronizer, params });
      await rt.queue.drain();
      const wallMs = performance.now() - t0;
      const done = await invoke<JobDto>('getJob', { jobId: job.id });
      if (done.state !== 'finished') throw new Error(`import ended ${done.state}: ${JSON.stringify(done.error)}`);
      const after = await ledger();
      return {
        job: done,
        wallMs,
        jiraCalls: after.total.calls - before.total.calls,
        jiraPoints: after.total.points - before.total.points,
        kvsWriteUnits: rt.kvs.usage().writeUnits - kvsBefore.writeUnits,
      };
    },
    close: () => rt.close(),
  };
}
