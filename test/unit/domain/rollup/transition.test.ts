import { AvailableTransition, chooseTransition } from '../../../../src/domain/rollup';

const DONE = '5';
const PROGRESS = '3';
const names = new Map([
  [DONE, 'Done'],
  [PROGRESS, 'In Progress'],
]);
const statusName = (id: string) => names.get(id) ?? id;

const t = (id: string, name: string, toStatusId: string, resolution?: 'optional' | 'required', def?: string) =>
  ({
    id,
    name,
    toStatusId,
    hasResolution: resolution !== undefined,
    resolutionRequired: resolution === 'required',
    ...(def ? { defaultResolution: def } : {}),
  }) satisfies AvailableTransition;

describe('chooseTransition', () => {
  const available = [t('11', 'Start', PROGRESS), t('31', 'Resolve', DONE, 'required'), t('41', 'Close', DONE)];

  it('takes the first transition that reaches the target when none are named', () => {
    expect(chooseTransition({ available, targetStatusId: PROGRESS, statusName })).toEqual({
      ok: true,
      transitionId: '11',
      name: 'Start',
    });
  });

  it('prefers the allowed transitions in the order given, by name, case-insensitively', () => {
    expect(chooseTransition({ available, targetStatusId: DONE, allowed: ['close', 'Resolve'] })).toEqual({
      ok: true,
      transitionId: '41',
      name: 'Close',
    });
  });

  it('says why when no transition reaches the target', () => {
    const only = [t('11', 'Start', PROGRESS)];
    expect(chooseTransition({ available: only, targetStatusId: DONE, statusName })).toEqual({
      ok: false,
      reason: 'no transition from its status reaches Done',
    });
  });

  it('says which transitions would reach the target when none of them is allowed', () => {
    expect(chooseTransition({ available, targetStatusId: DONE, allowed: ['Finish'], statusName })).toEqual({
      ok: false,
      reason: 'only "Resolve", "Close" reach Done, and it is not allowed',
    });
  });

  it('sends the chosen resolution, else the current one, else the default, where the screen has it', () => {
    const resolve = [t('31', 'Resolve', DONE, 'required', 'Done')];
    const choose = (resolution?: string, currentResolution?: string) =>
      chooseTransition({ available: resolve, targetStatusId: DONE, resolution, currentResolution });
    expect(choose('Fixed', 'Duplicate')).toMatchObject({ ok: true, resolution: 'Fixed' });
    expect(choose(undefined, 'Duplicate')).toMatchObject({ ok: true, resolution: 'Duplicate' });
    expect(choose()).toMatchObject({ ok: true, resolution: 'Done' });
  });

  it('refuses a transition that requires a resolution when none can be chosen', () => {
    const resolve = [t('31', 'Resolve', DONE, 'required')];
    expect(chooseTransition({ available: resolve, targetStatusId: DONE })).toEqual({
      ok: false,
      reason: '"Resolve" asks for a resolution, and none is set: choose one in the synchronizer',
    });
  });

  it('sends no resolution to a transition whose screen has none, even when one is chosen', () => {
    expect(chooseTransition({ available, targetStatusId: DONE, allowed: ['Close'], resolution: 'Fixed' })).toEqual({
      ok: true,
      transitionId: '41',
      name: 'Close',
    });
  });
});
