import {
  InstalledSynchronizer,
  installSynchronizer,
  runsInBackground,
  setEnabled,
  stopByCycleGuard,
} from '../../../../src/domain/installed';

const fields = {
  id: 'sync-1',
  structureId: 's-1',
  synchronizerKey: 'links',
  params: { linkTypeId: '10000' },
  runAs: 'acc-alice',
};
const stop = { at: '2026-11-26T07:00:00.000Z', rounds: 10, synchronizerIds: ['sync-1', 'sync-2'], reason: 'loop' };

describe('installed synchronizer', () => {
  it('starts disabled, as Structure does', () => {
    expect(installSynchronizer(fields)).toMatchObject({ enabled: false, state: 'disabled' });
  });

  it.each<[string, Record<string, unknown>, boolean]>([
    ['enabled and running', { enabled: true, state: 'enabled' }, true],
    ['disabled', { enabled: false, state: 'disabled' }, true],
    [
      'not available with a reason',
      { enabled: true, state: 'not-available', notAvailableReason: 'Alice lost Browse projects in PLAT' },
      true,
    ],
    ['enabled state with enabled false', { enabled: false, state: 'enabled' }, false],
    ['disabled state with enabled true', { enabled: true, state: 'disabled' }, false],
    ['not available without a reason', { enabled: true, state: 'not-available' }, false],
    ['unknown state', { enabled: true, state: 'paused' }, false],
    ['upper-case key', { enabled: false, state: 'disabled', synchronizerKey: 'Links' }, false],
    ['unknown field', { enabled: false, state: 'disabled', owner: 'x' }, false],
    [
      'with a last run and a guard stop',
      {
        enabled: false,
        state: 'disabled',
        stopped: stop,
        lastRun: { direction: 'import', trigger: 'event', startedAt: '2026-11-26T07:00:00Z', result: 'succeeded' },
      },
      true,
    ],
  ])('schema: %s', (_, more, valid) => {
    expect(InstalledSynchronizer.safeParse({ ...fields, ...more }).success).toBe(valid);
  });

  it('runs in the background only when enabled, available and not stopped', () => {
    const s = installSynchronizer(fields);
    expect(runsInBackground(s)).toBe(false);
    const on = setEnabled(s, true);
    expect(runsInBackground(on)).toBe(true);
    const stopped = stopByCycleGuard(on, stop);
    expect(stopped).toMatchObject({ enabled: false, state: 'disabled', stopped: stop });
    expect(runsInBackground(stopped)).toBe(false);
    expect(InstalledSynchronizer.safeParse(stopped).success).toBe(true);
  });

  it('enabling again clears the guard stop', () => {
    const again = setEnabled(stopByCycleGuard(setEnabled(installSynchronizer(fields), true), stop), true);
    expect(again.stopped).toBeUndefined();
    expect(runsInBackground(again)).toBe(true);
  });
});
