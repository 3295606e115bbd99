// What the app knows of Jira's hourly points pool (src/domain/points/pool.ts), kept across invocations:
// one record of a few numbers, written only when an invocation learnt something worth it.
import { kvs } from '@forge/kvs';
import type { PoolKnowledge } from '../domain/points/pool';
import { keys } from './keys';
import { jsonBytes, type KvsWriteMeter } from './write-meter';

export class PointsPoolRepository {
  constructor(private readonly meter: KvsWriteMeter) {}

  async get(): Promise<PoolKnowledge | undefined> {
    return (await kvs.get<PoolKnowledge>(keys.pointsPool)) ?? undefined;
  }

  async put(known: PoolKnowledge): Promise<void> {
    await kvs.set(keys.pointsPool, known);
    this.meter.add(jsonBytes(known));
  }
}
