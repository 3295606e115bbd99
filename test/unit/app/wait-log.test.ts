import { MAX_WAIT_LINES, waitLine, waitLogLine } from '../../../src/app/jobs/wait-log';

describe('wait lines of the job log', () => {
  it('says how long Jira asked us to wait, and why', () => {
    expect(waitLine({ ms: 12_000, status: 429, reason: 'jira-burst-based' })).toBe(
      'Jira asked us to wait 12 s (rate limit).',
    );
    expect(waitLine({ ms: 1_400, status: 429, reason: 'jira-per-issue-on-write' })).toBe(
      'Jira asked us to wait 1 s (too many changes to one issue).',
    );
    expect(waitLine({ ms: 2_000, status: 503 })).toBe('Jira did not answer (503); trying again in 2 s.');
  });

  it('tells the first waits one by one, then only a count each time it doubles', () => {
    const wait = { ms: 1000, status: 503 };
    const logged = Array.from({ length: 1000 }, (_, i) => waitLogLine(wait, i + 1));
    const counted = logged.flatMap((line, i) => (line === undefined ? [] : [i + 1]));
    expect(counted).toEqual([...Array.from({ length: MAX_WAIT_LINES }, (_, i) => i + 1), 20, 40, 80, 160, 320, 640]);
    expect(logged[19]).toBe('Jira has made this job wait 20 times so far; only some waits are logged (this one: 1 s).');
  });
});
