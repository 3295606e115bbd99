import type { LocalForge } from '../../../local/runtime';
import {
  ForestRepository,
  JobRepository,
  KvsWriteMeter,
  runTransaction,
  StaleJobStep,
  TransactionConditionFailed,
  type ForestHeader,
  type JobRecord,
} from '../../../src/storage';
import { startKvs } from './local-kvs';

let rt: LocalForge;
beforeAll(async () => {
  rt = await startKvs();
});
afterAll(async () => rt?.close());

let n = 0;
async function givenEmptyForest(): Promise<{ repo: ForestRepository; meter: KvsWriteMeter; header: ForestHeader }> {
  const meter = new KvsWriteMeter();
  const repo = new ForestRepository(meter);
  const structureId = `s${++n}`;
  await runTransaction([repo.emptyHeaderOp(structureId, 1)], meter);
  return { repo, meter, header: (await repo.getHeader(structureId)) as ForestHeader };
}

describe('ForestRepository', () => {
  it('replaces chunks and header together and reads the new version back', async () => {
    // given
    const { repo, header } = await givenEmptyForest();
    // when
    const next = await repo.replace(header, ['AAA', 'BBB'], 7, 'job-1', 2);
    // then
    expect(next).toMatchObject({ version: 1, chunkCount: 2, rowCount: 7, previousVersion: 0, previousChunkCount: 0 });
    expect(await repo.read(header.structureId)).toEqual({ header: next, chunks: ['AAA', 'BBB'], edits: [] });
  });

  it('refuses a replace computed from an older version, changing nothing', async () => {
    // given
    const { repo, header } = await givenEmptyForest();
    const v1 = await repo.replace(header, ['one'], 1, 'edit', 2);
    // when
    const stale = repo.replace(header, ['stale'], 1, 'job-2', 3);
    // then
    await expect(stale).rejects.toThrow(TransactionConditionFailed);
    expect(await repo.read(header.structureId)).toEqual({ header: v1, chunks: ['one'], edits: [] });
  });

  it('keeps exactly one previous version for undo and deletes older chunks', async () => {
    // given
    const { repo, header } = await givenEmptyForest();
    const v1 = await repo.replace(header, ['v1a', 'v1b'], 2, 'a', 2);
    const v2 = await repo.replace(v1, ['v2'], 1, 'b', 3);
    // when
    const v3 = await repo.replace(v2, ['v3'], 1, 'c', 4);
    // then
    expect(await repo.readPrevious(v3, 2)).toEqual({ chunks: ['v2'], edits: [] });
    expect(await repo.readPrevious(v3, 1)).toBeUndefined();
    expect(rt.kvs.peek(`forest:${header.structureId}:1:0`)).toBeUndefined();
  });

  it('appends an edit as one small value on the base, conditioned on the version', async () => {
    // given
    const { repo, meter, header } = await givenEmptyForest();
    const v1 = await repo.replace(header, ['x'.repeat(50_000)], 1000, 'job-1', 2);
    const before = meter.forestUnits;
    // when
    const v2 = await repo.appendEdit(v1, [{ kind: 'move', rowId: 5, under: 0 }], 1000, 'acc-ed', 3);
    const v3 = await repo.appendEdit(v2, [{ kind: 'remove', rowId: 6, children: 'remove' }], 999, 'acc-ed', 4);
    // then: two small writes, not two forests
    expect(meter.forestUnits - before).toBe(2);
    expect(v3).toMatchObject({
      version: 3,
      baseVersion: 1,
      edits: 2,
      chunkCount: 1,
      rowCount: 999,
      previousVersion: 2,
    });
    expect(await repo.read(header.structureId)).toEqual({
      header: v3,
      chunks: ['x'.repeat(50_000)],
      edits: [[{ kind: 'move', rowId: 5, under: 0 }], [{ kind: 'remove', rowId: 6, children: 'remove' }]],
    });
    expect(await repo.readPrevious(v3, 2)).toEqual({
      chunks: ['x'.repeat(50_000)],
      edits: [[{ kind: 'move', rowId: 5, under: 0 }]],
    });
    await expect(repo.appendEdit(v2, [], 1, 'late', 5)).rejects.toThrow(TransactionConditionFailed);
  });

  it('keeps a base and its edits while a version reads them, and drops them after', async () => {
    // given: an import (v1), an edit on it (v2) — the import's own previous, v0, is dropped by the edit
    const { repo, header } = await givenEmptyForest();
    const sid = header.structureId;
    const v1 = await repo.replace(header, ['base1'], 1, 'job-1', 2);
    const v2 = await repo.appendEdit(v1, ['edit'], 1, 'acc-ed', 3);
    // when: an import replaces v2 — v2 (base 1 + 1 edit) is kept for its undo
    const v3 = await repo.replace(v2, ['base3'], 1, 'job-2', 4);
    // then
    expect(await repo.readPrevious(v3, 2)).toEqual({ chunks: ['base1'], edits: [['edit']] });
    expect(rt.kvs.peek(`forest:${sid}:1:e0`)).toBeDefined();
    // when: the next replace; v2 is no longer anyone's previous
    await repo.replace(v3, ['base4'], 1, 'job-3', 5);
    // then
    expect(rt.kvs.peek(`forest:${sid}:1:0`)).toBeUndefined();
    expect(rt.kvs.peek(`forest:${sid}:1:e0`)).toBeUndefined();
    expect(rt.kvs.peek(`forest:${sid}:3:0`)).toBeDefined();
  });

  it('counts forest writes apart from other writes', async () => {
    const { repo, meter, header } = await givenEmptyForest();
    const before = meter.forestUnits;
    await repo.replace(header, ['x'.repeat(25_000)], 1, 'a', 2);
    expect(meter.forestUnits - before).toBeGreaterThanOrEqual(3);
  });
});

describe('JobRepository', () => {
  const job = (id: string, structureId: string, createdAt: number): JobRecord => ({
    id,
    kind: 'import',
    structureId,
    synchronizer: 'filter',
    params: {},
    startedBy: 'acc',
    state: 'queued',
    createdAt,
    progress: { phase: 'queued', done: 0 },
    log: [],
    cost: { jiraCalls: 0, jiraPoints: 0, kvsWrites: 0 },
    step: 0,
    stage: 'queued',
    resolved: { jql: 'x = 1' },
    checkpoint: { pages: 0, matched: 0 },
  });

  it('lets only one writer advance a step', async () => {
    // given
    const jobs = new JobRepository(new KvsWriteMeter());
    await jobs.create(job('j1', 's-jobs', 1));
    // when
    await jobs.commit({ ...job('j1', 's-jobs', 1), step: 1, state: 'running' }, 0);
    const duplicate = jobs.commit({ ...job('j1', 's-jobs', 1), step: 1, state: 'failed' }, 0);
    // then
    await expect(duplicate).rejects.toThrow(StaleJobStep);
    expect(await jobs.get('j1')).toMatchObject({ step: 1, state: 'running' });
  });

  it('lists a structure’s jobs newest first', async () => {
    const jobs = new JobRepository(new KvsWriteMeter());
    await jobs.create(job('old', 's-list', 1));
    await jobs.create(job('new', 's-list', 2));
    await jobs.create(job('other', 's-other', 3));
    const page = await jobs.listByStructure('s-list', 10);
    expect(page.jobs.map((j) => j.id)).toEqual(['new', 'old']);
  });
});
