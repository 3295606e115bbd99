import type { LocalForge } from '../../../local/runtime';
import {
  ForestRepository,
  HISTORY_CAP,
  HistoryRepository,
  KvsWriteMeter,
  runTransaction,
  type ChangeNote,
  type ForestHeader,
} from '../../../src/storage';
import { startKvs } from './local-kvs';

let rt: LocalForge;
beforeAll(async () => {
  rt = await startKvs();
});
afterAll(async () => rt?.close());

const meter = new KvsWriteMeter();
const forests = new ForestRepository(meter);
const history = new HistoryRepository(meter);
const note: ChangeNote = { kind: 'edit', who: 'acc-1', counts: { added: 1, moved: 0, removed: 0 } };
let n = 0;

async function givenEmpty(): Promise<ForestHeader> {
  const structureId = `h${++n}`;
  await runTransaction([forests.emptyHeaderOp(structureId, 1)], meter);
  return (await forests.getHeader(structureId)) as ForestHeader;
}

describe('ForestRepository.readVersion', () => {
  it('rebuilds every version from the current base and the kept previous one, and none older', async () => {
    // given: v1 replaced, v2 and v3 edits on it, v4 replaced, v5 an edit
    let h = await givenEmpty();
    h = await forests.replace(h, ['A'], 1, 'job', 2);
    h = await forests.appendEdit(h, ['e1'], 1, 'edit', 3);
    h = await forests.appendEdit(h, ['e2'], 1, 'edit', 4);
    h = await forests.replace(h, ['B'], 1, 'job', 5);
    // then: the previous base is kept for undo of the import
    expect(forests.storedVersions(h)).toEqual([
      [1, 3],
      [4, 4],
    ]);
    expect(await forests.readVersion(h, 2)).toEqual({ chunks: ['A'], edits: [['e1']] });
    expect(await forests.readVersion(h, 3)).toEqual({ chunks: ['A'], edits: [['e1'], ['e2']] });
    // when: an edit on the new base; the old base goes
    h = await forests.appendEdit(h, ['e3'], 1, 'edit', 6);
    // then
    expect(forests.storedVersions(h)).toEqual([[4, 5]]);
    expect(await forests.readVersion(h, 3)).toBeUndefined();
    expect(await forests.readVersion(h, 4)).toEqual({ chunks: ['B'], edits: [] });
    expect(await forests.readVersion(h, 5)).toEqual({ chunks: ['B'], edits: [['e3']] });
    expect(await forests.readVersion(h, 0)).toBeUndefined();
    expect(await forests.readVersion(h, 6)).toBeUndefined();
  });
});

describe('HistoryRepository', () => {
  it('writes an entry with the forest write, pages newest first, and keeps only the last HISTORY_CAP', async () => {
    // given
    let h = await givenEmpty();
    for (let i = 0; i < 3; i++) {
      const op = history.entryOp(h.structureId, h.version + 1, note, 100 + i);
      h = await forests.appendEdit(h, [i], 1, 'edit', 100 + i, [op]);
    }
    // when
    const first = await history.list(h.structureId, h.version, h.version, 2);
    const rest = await history.list(h.structureId, h.version, first.next!, 2);
    // then
    expect(first.entries.map((e) => [e.version, e.at])).toEqual([
      [3, 102],
      [2, 101],
    ]);
    expect(first.next).toBe(1);
    expect(rest).toEqual({ entries: [{ version: 1, at: 100, ...note }] });
    // and past the cap, the oldest is dropped and never listed
    const far = HISTORY_CAP + 1;
    await runTransaction([history.entryOp(h.structureId, far, note, 200)], meter);
    await history.dropBeyondCap(h.structureId, far);
    expect(await history.get(h.structureId, 1)).toBeUndefined();
    expect((await history.list(h.structureId, far, 3, 10)).entries.map((e) => e.version)).toEqual([3, 2]);
  });
});
