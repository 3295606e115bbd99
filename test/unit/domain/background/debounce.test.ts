import { addTrigger, PendingResyncs, takeDue } from '../../../../src/domain/background';

const A = { structureId: 's-1', synchronizerId: 'sync-a' };
const B = { structureId: 's-2', synchronizerId: 'sync-b' };
const s = (seconds: number): number => 1_000_000 + seconds * 1000;

function triggers(...at: [typeof A, number][]): PendingResyncs {
  return at.reduce<PendingResyncs>((p, [target, t]) => addTrigger(p, target, s(t)), {});
}

describe('debounce', () => {
  it.each<[string, PendingResyncs, number, string[], number | null]>([
    ['nothing pending', {}, 0, [], null],
    ['not quiet yet', triggers([A, 0], [A, 20]), 40, [], s(50)],
    ['quiet for 30 s after the last trigger', triggers([A, 0], [A, 20]), 50, ['sync-a'], null],
    [
      'a steady trickle waits at most 5 min',
      triggers(...Array.from({ length: 31 }, (_, i): [typeof A, number] => [A, i * 10])),
      300,
      ['sync-a'],
      null,
    ],
    ['each synchronizer on its own clock', triggers([A, 0], [B, 25]), 30, ['sync-a'], s(55)],
  ])('%s', (_, pending, now, due, next) => {
    const result = takeDue(pending, s(now));
    expect(result.due.map((d) => d.synchronizerId)).toEqual(due);
    expect(result.nextCheckAt).toBe(next);
    expect(Object.keys(result.pending).sort()).toEqual(
      Object.keys(pending)
        .filter((k) => !due.includes(k))
        .sort(),
    );
  });

  it('counts triggers and keeps the first time', () => {
    const pending = triggers([A, 0], [A, 10], [A, 5]);
    expect(pending['sync-a']).toEqual({ ...A, firstAt: s(0), lastAt: s(10), triggers: 3 });
  });

  it('keeps a running synchronizer pending until its run is over', () => {
    const pending = triggers([A, 0], [B, 0]);
    const during = takeDue(pending, s(60), {}, new Set(['sync-a']));
    expect(during.due.map((d) => d.synchronizerId)).toEqual(['sync-b']);
    expect(during.nextCheckAt).toBe(s(60));
    expect(takeDue(during.pending, s(61)).due.map((d) => d.synchronizerId)).toEqual(['sync-a']);
  });

  it('takes its periods from options', () => {
    const pending = triggers([A, 0]);
    expect(takeDue(pending, s(5), { quietMs: 5000 }).due).toHaveLength(1);
    expect(takeDue(triggers([A, 0], [A, 3], [A, 6]), s(8), { quietMs: 5000, maxDelayMs: 8000 }).due).toHaveLength(1);
  });

  it('lists due resyncs oldest first', () => {
    const result = takeDue(triggers([B, 0], [A, 1]), s(100));
    expect(result.due.map((d) => d.synchronizerId)).toEqual(['sync-b', 'sync-a']);
  });
});
