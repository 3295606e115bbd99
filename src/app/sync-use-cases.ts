// The use cases of issue 5 (installed synchronizers, resync, export, revert), gathered for app/index.ts.
export {
  installSynchronizer,
  listInstalledSynchronizers,
  updateSynchronizer,
  removeSynchronizer,
  setSynchronizerEnabled,
} from './installed/manage';
export { previewResync, resync } from './installed/resync';
export { previewExport } from './export/preview';
export { startExport, revertJob } from './export/start';
export { listJobChanges } from './export/changes';
