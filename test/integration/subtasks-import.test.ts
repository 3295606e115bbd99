// Sub-tasks import end to end: resolvers → queue → worker (as the user) → Jira emulator → KVS.
import { row, runSyncImport, useWorkSite } from './support/imports';
import { data, givenForest, givenStructure, shape } from './support/site';
import { wid } from './support/work-dataset';

const work = useWorkSite();

describe('Sub-tasks import', () => {
  it('is offered by listSynchronizers', async () => {
    const { synchronizers } = data(await work.site.invokeAs('olivia', 'listSynchronizers', {}));
    expect(synchronizers.map((s) => s.key)).toEqual(
      expect.arrayContaining(['filter', 'subtasks', 'links', 'agile', 'hierarchy']),
    );
  });

  it('moves sub-tasks under their parent and adds the missing ones, under every row of a parent that appears twice', async () => {
    // given: APP-4 twice, APP-7 at the top level, APP-8 not in the structure
    const structure = await givenStructure(work.site);
    await givenForest(structure.id, [
      [0, wid('APP-4')],
      [0, wid('APP-7')],
      [0, wid('APP-2')],
      [1, wid('APP-4')],
    ]);
    // when
    const job = await runSyncImport(work.site, 'olivia', structure.id, 'subtasks', { addMissing: true });
    // then
    expect(job.state).toBe('finished');
    expect(await shape(structure.id)).toEqual([
      row(0, 'APP-4'),
      row(1, 'APP-7'),
      row(1, 'APP-8'),
      row(0, 'APP-2'),
      row(1, 'APP-4'),
      row(2, 'APP-7'),
      row(2, 'APP-8'),
    ]);
    expect(job.cost.jiraCalls).toBe(1); // one bulkfetch of the structure's 3 distinct issues
  });

  it('without addMissing only places sub-tasks already in the structure', async () => {
    const structure = await givenStructure(work.site);
    await givenForest(structure.id, [
      [0, wid('APP-7')],
      [0, wid('APP-4')],
    ]);
    const job = await runSyncImport(work.site, 'olivia', structure.id, 'subtasks', { addMissing: false });
    expect(job.result).toMatchObject({ added: 0, moved: 1 });
    expect(await shape(structure.id)).toEqual([row(0, 'APP-4'), row(1, 'APP-7')]);
  });

  it('leaves what a user cannot see alone: pat does not get OPS-2 under APP-5, nor moves APP-7 out from under OPS-1 (it gets a new row)', async () => {
    // given: APP-7 sits under OPS-1, which pat cannot see
    const structure = await givenStructure(work.site, 'pat');
    await givenForest(structure.id, [
      [0, wid('APP-5')],
      [0, wid('OPS-1')],
      [1, wid('APP-7')],
      [0, wid('APP-4')],
    ]);
    // when
    const job = await runSyncImport(work.site, 'pat', structure.id, 'subtasks', { addMissing: true });
    // then
    expect(job.state).toBe('finished');
    expect(await shape(structure.id)).toEqual([
      row(0, 'APP-5'),
      row(0, 'OPS-1'),
      row(1, 'APP-7'),
      row(0, 'APP-4'),
      row(1, 'APP-7'),
      row(1, 'APP-8'),
    ]);
    expect(job.result?.skippedNotVisible).toBeGreaterThan(0);
  });

  it('gives the same structure under duplicated and reordered queue delivery, and a repeat changes nothing', async () => {
    // given
    const structure = await givenStructure(work.site);
    await givenForest(structure.id, [
      [0, wid('APP-4')],
      [0, wid('APP-5')],
    ]);
    Object.assign(work.site.rt.queue.switches, { duplicate: true, reorder: 'shuffle' });
    // when
    const job = await runSyncImport(work.site, 'olivia', structure.id, 'subtasks', { addMissing: true });
    const again = await runSyncImport(work.site, 'olivia', structure.id, 'subtasks', { addMissing: true });
    // then
    expect(work.site.rt.queue.deliveries.some((d) => d.duplicate)).toBe(true);
    expect(job.result).toMatchObject({ added: 3 });
    expect(await shape(structure.id)).toEqual([
      row(0, 'APP-4'),
      row(1, 'APP-7'),
      row(1, 'APP-8'),
      row(0, 'APP-5'),
      row(1, 'OPS-2'),
    ]);
    expect(again.result).toMatchObject({ added: 0, moved: 0, unchanged: 3 });
    expect(again.cost.forestWrites).toBe(0);
  });

  it('previews the plan with counts and issue keys, and the import can be undone', async () => {
    // given
    const structure = await givenStructure(work.site);
    await givenForest(structure.id, [[0, wid('APP-4')]]);
    // when
    const preview = data(
      await work.site.invokeAs('olivia', 'previewImport', {
        structureId: structure.id,
        synchronizer: 'subtasks',
        params: { addMissing: true },
      }),
    );
    const job = await runSyncImport(work.site, 'olivia', structure.id, 'subtasks', { addMissing: true });
    const undo = await work.site.invokeAs('olivia', 'undoImport', { jobId: job.id });
    // then
    expect(preview).toMatchObject({ complete: true, counts: { added: 2 }, totalActions: 2 });
    expect(preview.actions.map((a) => [a.kind, a.issueKey, a.underIssueKey])).toEqual([
      ['add', 'APP-7', 'APP-4'],
      ['add', 'APP-8', 'APP-4'],
    ]);
    expect(undo.ok).toBe(true);
    expect(await shape(structure.id)).toEqual([row(0, 'APP-4')]);
  });

  it('says a preview of a big structure is partial, and still plans what it read', async () => {
    // given: APP-4, then 5000 rows of issues that are not in Jira (50 bulkfetch calls, more than a preview reads)
    const structure = await givenStructure(work.site);
    await givenForest(structure.id, [
      [0, wid('APP-4')],
      ...Array.from({ length: 5000 }, (_, i): [number, number] => [0, 900000 + i]),
    ]);
    // when
    const preview = data(
      await work.site.invokeAs('olivia', 'previewImport', {
        structureId: structure.id,
        synchronizer: 'subtasks',
        params: { addMissing: true },
      }),
    );
    // then
    expect(preview.complete).toBe(false);
    expect(preview.warnings[0]).toMatch(/^This preview read only part of what the import reads \(4\d Jira calls\)/);
    expect(preview.counts).toMatchObject({ added: 2 });
  });
});
