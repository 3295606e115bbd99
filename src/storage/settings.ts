// App settings (dark features). Synchronizers are hidden until a Jira admin turns them on.
import { kvs } from '@forge/kvs';
import { keys } from './keys';
import { jsonBytes, type KvsWriteMeter } from './write-meter';

export interface SettingsRecord {
  synchronizersEnabled: boolean;
}

export const DEFAULT_SETTINGS: SettingsRecord = { synchronizersEnabled: false };

export class SettingsRepository {
  constructor(private readonly meter: KvsWriteMeter) {}

  async get(): Promise<SettingsRecord> {
    const stored = await kvs.get<Partial<SettingsRecord>>(keys.settings);
    return { ...DEFAULT_SETTINGS, ...(stored ?? {}) };
  }

  async put(settings: SettingsRecord): Promise<void> {
    await kvs.set(keys.settings, settings);
    this.meter.add(jsonBytes(settings));
  }
}
