// The real @forge/kvs code against the local runtime's SQLite KVS (no Jira needed).
import path from 'node:path';
import { startLocalForge, type LocalForge } from '../../../local/runtime';

export const APP_DIR = path.join(__dirname, '..', '..', '..');

export function startKvs(): Promise<LocalForge> {
  return startLocalForge({
    appDir: APP_DIR,
    queue: { duplicate: false, reorder: false, extraDelayMs: 0 },
    log: () => undefined,
  });
}
