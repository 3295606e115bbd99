// The worker side of the import-filter benchmark, run in its own process (measureInChild) so its peak RSS
// is the app's: local Forge runtime + this app's resolvers and worker + the KVS. Jira (the emulator with
// 100k issues) runs in the parent and is reached over HTTP, as in production.
import type { StructureDetails } from '../../src/contract';
import { ForestRepository, KvsWriteMeter } from '../../src/storage';
import { startBenchApp } from './bench-app';

export async function main([jiraUrl, accountId, jql]: string[]): Promise<Record<string, number>> {
  const app = await startBenchApp(jiraUrl, accountId);
  try {
    // Setup that is not part of the import: an empty structure.
    const structure = await app.createStructure('Bench');
    const params = { source: { kind: 'jql', jql }, add: { at: 'top' } };
    const version = async () =>
      (await app.invoke<StructureDetails>('getStructure', { structureId: structure.id })).forestVersion;

    const first = await app.runImport(structure.id, 'filter', params);
    const versionAfterFirst = await version();
    const repeat = await app.runImport(structure.id, 'filter', params);
    const versionAfterRepeat = await version();
    const header = await new ForestRepository(new KvsWriteMeter()).getHeader(structure.id);
    return {
      issues: first.job.result?.added ?? 0,
      forestChunks: header?.chunkCount ?? -1,
      /** As stored: the binary encoding in base64 chunks. */
      storedForestBytesPerRow: header
        ? Math.round((header.encodedBytes / Math.max(1, header.rowCount)) * 100) / 100
        : -1,
      jiraCalls: first.jiraCalls,
      jiraPoints: first.jiraPoints,
      wallMs: Math.round(first.wallMs),
      kvsWrites: first.kvsWriteUnits,
      jobKvsWrites: first.job.cost.kvsWrites,
      workerEvents: app.rt.queue.deliveries.length,
      repeatWallMs: Math.round(repeat.wallMs),
      repeatJiraCalls: repeat.jiraCalls,
      repeatAdded: repeat.job.result?.added ?? -1,
      repeatUnchanged: repeat.job.result?.unchanged ?? -1,
      forestWrites: repeat.job.cost.forestWrites ?? -1,
      forestVersionChanged: versionAfterRepeat - versionAfterFirst,
    };
  } finally {
    await app.close();
  }
}
