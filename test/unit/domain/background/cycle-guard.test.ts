import {
  CycleGuardState,
  GuardEvent,
  GuardStopDecision,
  IDLE_GUARD,
  recordGuardEvent,
} from '../../../../src/domain/background';

const LABELS: Record<string, string> = {
  agile: 'Agile (board SCRUM)',
  links: 'Links (Blocks)',
  filter: 'Filter (PLAT bugs)',
};
const run = (synchronizerId: string, changed = true, side: 'forest' | 'jira' = 'forest'): GuardEvent => ({
  kind: 'sync-run',
  synchronizerId,
  changed,
  side,
});
const user: GuardEvent = { kind: 'user-change' };

/** Feeds events in order; returns the final state and every stop. */
function feed(events: GuardEvent[], maxRounds?: number): { state: CycleGuardState; stops: GuardStopDecision[] } {
  let state = IDLE_GUARD;
  const stops: GuardStopDecision[] = [];
  for (const e of events) {
    const next = recordGuardEvent(state, e, { maxRounds, labelOf: (id) => LABELS[id] ?? id });
    state = next.state;
    if (next.stop) stops.push(next.stop);
  }
  return { state, stops };
}

const alternate = (n: number, a = 'agile', b = 'links'): GuardEvent[] =>
  Array.from({ length: n }, (_, i) => (i % 2 === 0 ? run(a, true, 'jira') : run(b, true, 'forest')));

describe('cycle guard', () => {
  it('stops two synchronizers that undo each other after 10 rounds, naming both', () => {
    // given: agile, links, agile, ... 11 changes = 10 rounds
    const { stops } = feed(alternate(11));
    // then
    expect(stops).toHaveLength(1);
    expect(stops[0].synchronizerIds).toEqual(['agile', 'links']);
    expect(stops[0].rounds).toBe(10);
    expect(stops[0].reason).toContain('“Agile (board SCRUM)” and “Links (Blocks)” kept undoing each other');
    expect(stops[0].reason).toContain('the structure and Jira');
  });

  it('lets 9 rounds pass', () => {
    expect(feed(alternate(10)).stops).toEqual([]);
  });

  it.each<[string, GuardEvent[]]>([
    ['a user change in between starts over', [...alternate(8), user, ...alternate(8)]],
    ['a run that changes nothing ends the chain', [...alternate(8), run('agile', false), ...alternate(8)]],
    ['one synchronizer changing things again and again is no loop', Array.from({ length: 50 }, () => run('filter'))],
  ])('%s', (_, events) => {
    expect(feed(events).stops).toEqual([]);
  });

  it('honours a smaller limit', () => {
    expect(feed(alternate(4), 3).stops).toHaveLength(1);
  });

  it('does not stop a synchronizer that joined the chain once', () => {
    // given: filter changes once, then agile and links loop
    const { stops } = feed([run('filter'), ...alternate(10)]);
    // then
    expect(stops).toHaveLength(1);
    expect(stops[0].synchronizerIds).toEqual(['agile', 'links']);
  });

  it('starts over after a stop', () => {
    const { state, stops } = feed(alternate(11));
    expect(stops).toHaveLength(1);
    expect(state).toEqual(IDLE_GUARD);
  });
});

describe('cycle guard and another app (an automation rule)', () => {
  const rule: GuardEvent = { kind: 'app-change', accountId: 'acc-automation', name: 'Automation for Jira' };

  it('counts a rule undoing a synchronizer as rounds, stops only the synchronizer, and names the rule', () => {
    // given: rollup, rule, rollup, rule, ... 11 changes = 10 rounds
    const events = Array.from({ length: 11 }, (_, i) => (i % 2 === 0 ? run('rollup', true, 'jira') : rule));
    // when
    const { stops } = feed(events);
    // then
    expect(stops).toHaveLength(1);
    expect(stops[0]!.synchronizerIds).toEqual(['rollup']);
    expect(stops[0]!.reason).toContain('“rollup” and the automation rule or app acting as “Automation for Jira”');
    expect(stops[0]!.reason).toContain("the synchronizer's parameters and the rule");
  });

  it('is not a user change: without it the same chain never stops', () => {
    const events = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? run('rollup', true, 'jira') : user));
    expect(feed(events).stops).toEqual([]);
    const withRule = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? run('rollup', true, 'jira') : rule));
    expect(feed(withRule).stops.length).toBeGreaterThan(0);
  });

  it('does not count the rule changing several issues in a row as rounds', () => {
    const { state } = feed([run('rollup', true, 'jira'), rule, rule, rule]);
    expect(state.rounds).toBe(1);
    expect(state.participants).toEqual([
      { synchronizerId: 'rollup', changes: 1 },
      { synchronizerId: 'app:acc-automation', changes: 3, label: 'Automation for Jira' },
    ]);
  });

  it('stops the synchronizers of a three-way loop with a rule, never the rule', () => {
    const cycle = [run('agile', true, 'forest'), run('links', true, 'jira'), rule];
    const { stops } = feed([...cycle, ...cycle, ...cycle, ...cycle], 6);
    expect(stops[0]!.synchronizerIds).toEqual(['agile', 'links']);
    expect(stops[0]!.reason).toContain('the structure and Jira');
  });
});
