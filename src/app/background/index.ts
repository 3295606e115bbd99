export { onProductEvent } from './on-event';
export { runScheduledResync } from './schedule';
export { runSyncTick } from './tick';
export { isSyncTick, SYNC_QUEUE_KEY } from './tick-queue';
export { afterExportWrote } from './after-export';
