// The worker side of the import-filter benchmark, run in its own process (measureInChild) so its peak RSS
// is the app's: local Forge runtime + this app's resolvers and worker + the KVS. Jira (the emulator with
// 100k issues) runs in the parent and is reached over HTTP, as in production.
import path from 'node:path';
import { startLocalForge } from '../../local/runtime';
import type { JobDto, ResolverAnswer, StructureDetails } from '../../src/contract';
import { ForestRepository, KvsWriteMeter, SettingsRepository } from '../../src/storage';

interface Ledger {
  total: { calls: number; points: number };
}

const unwrap = <T>(answer: unknown): T => {
  const a = answer as ResolverAnswer<T>;
  if (!a.ok) throw new Error(`${a.error.code}: ${a.error.message}`);
  return a.data;
};

export async function main([jiraUrl, accountId, jql]: string[]): Promise<Record<string, number>> {
  const rt = await startLocalForge({
    appDir: path.join(__dirname, '..', '..'),
    jiraBaseUrl: jiraUrl,
    timeScale: 0.001,
    queue: { duplicate: false, reorder: false, extraDelayMs: 0 },
  });
  const ledger = async (): Promise<Ledger> => (await fetch(`${jiraUrl}/__emulator/ledger`)).json() as Promise<Ledger>;
  try {
    // Setup that is not part of the import: the dark feature on (straight in storage), an empty structure.
    await new SettingsRepository(new KvsWriteMeter()).put({ synchronizersEnabled: true });
    const invoke = async <T>(key: string, payload: unknown): Promise<T> => unwrap<T>(await rt.invokeResolver({ key, payload, accountId }));
    const structure = await invoke<StructureDetails>('createStructure', { name: 'Bench' });
    const params = { source: { kind: 'jql', jql }, add: { at: 'top' } };

    const runImport = async () => {
      const before = await ledger();
      const kvsBefore = rt.kvs.usage();
      const t0 = performance.now();
      const { job } = await invoke<{ job: JobDto }>('startImport', { structureId: structure.id, synchronizer: 'filter', params });
      await rt.queue.drain();
      const wallMs = performance.now() - t0;
      const done = await invoke<JobDto>('getJob', { jobId: job.id });
      if (done.state !== 'finished') throw new Error(`import ended ${done.state}: ${JSON.stringify(done.error)}`);
      const after = await ledger();
      const kvsAfter = rt.kvs.usage();
      return {
        job: done,
        wallMs,
        jiraCalls: after.total.calls - before.total.calls,
        jiraPoints: after.total.points - before.total.points,
        kvsWriteUnits: kvsAfter.writeUnits - kvsBefore.writeUnits,
      };
    };

    const first = await runImport();
    const versionAfterFirst = unwrap<StructureDetails>(await rt.invokeResolver({ key: 'getStructure', payload: { structureId: structure.id }, accountId })).forestVersion;
    const repeat = await runImport();
    const versionAfterRepeat = unwrap<StructureDetails>(await rt.invokeResolver({ key: 'getStructure', payload: { structureId: structure.id }, accountId })).forestVersion;
    const header = await new ForestRepository(new KvsWriteMeter()).getHeader(structure.id);
    return {
      issues: first.job.result?.added ?? 0,
      forestChunks: header?.chunkCount ?? -1,
      /** As stored: the binary encoding in base64 chunks. */
      storedForestBytesPerRow: header ? Math.round((header.encodedBytes / Math.max(1, header.rowCount)) * 100) / 100 : -1,
      jiraCalls: first.jiraCalls,
      jiraPoints: first.jiraPoints,
      wallMs: Math.round(first.wallMs),
      kvsWrites: first.kvsWriteUnits,
      jobKvsWrites: first.job.cost.kvsWrites,
      workerEvents: rt.queue.deliveries.length,
      repeatWallMs: Math.round(repeat.wallMs),
      repeatJiraCalls: repeat.jiraCalls,
      repeatAdded: repeat.job.result?.added ?? -1,
      repeatUnchanged: repeat.job.result?.unchanged ?? -1,
      forestWrites: repeat.job.cost.forestWrites ?? -1,
      forestVersionChanged: versionAfterRepeat - versionAfterFirst,
    };
  } finally {
    await rt.close();
  }
}
