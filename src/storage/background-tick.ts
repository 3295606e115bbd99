// Background sync's tick record: when the next tick is due, so a burst of triggers pushes one tick, not
// one each. A single record for the app (ticks run one at a time on their own queue).
import { kvs } from '@forge/kvs';
import { keys } from './keys';
import { jsonBytes, type KvsWriteMeter } from './write-meter';

export interface ScheduledTick {
  /** Epoch milliseconds. */
  at: number;
}

export class BackgroundTickRepository {
  constructor(private readonly meter: KvsWriteMeter) {}

  get(): Promise<ScheduledTick | undefined> {
    return kvs.get<ScheduledTick>(keys.backgroundTick);
  }

  async put(tick: ScheduledTick): Promise<void> {
    await kvs.set(keys.backgroundTick, tick);
    this.meter.add(jsonBytes(tick));
  }

  async delete(): Promise<void> {
    await kvs.delete(keys.backgroundTick);
    this.meter.add(0);
  }
}
