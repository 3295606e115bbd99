import { rankLogEntries } from '../../../../src/domain/export/change-log';
import { RankOperation } from '../../../../src/domain/export/rank';
import { rankCallOutcomes, settleRankLog } from '../../../../src/domain/export/rank-outcome';

const op: RankOperation = { issues: [10000, 10002, 10003], rankAfterIssue: 10001 };

describe('rank call outcomes', () => {
  it.each<[string, Parameters<typeof rankCallOutcomes>[1], Record<number, string>]>([
    ['204: every issue applied', { status: 204 }, { 10000: 'applied', 10002: 'applied', 10003: 'applied' }],
    [
      '207: per issue, an unmentioned issue failed',
      {
        status: 207,
        entries: [
          { issueId: 10000, status: 200 },
          {
            issueId: '10002',
            status: 503,
            errors: ['JIRA Agile cannot execute the rank operation at this time. Please try again later.'],
          },
        ],
      },
      { 10000: 'applied', 10002: 'failed', 10003: 'failed' },
    ],
    [
      '403: every issue failed',
      { status: 403, error: 'To rank issues user has to have schedule issue permission' },
      { 10000: 'failed', 10002: 'failed', 10003: 'failed' },
    ],
  ])('%s', (_, answer, expected) => {
    const outcomes = rankCallOutcomes(op, answer);
    expect(Object.fromEntries([...outcomes].map(([id, o]) => [id, o.outcome]))).toEqual(expected);
  });

  it('keeps Jira message per issue', () => {
    const outcomes = rankCallOutcomes(op, {
      status: 207,
      entries: [{ issueId: 10002, status: 503, errors: ['try again later'] }],
    });
    expect(outcomes.get(10002)).toEqual({ outcome: 'failed', error: 'try again later' });
  });

  it('settles the log: failed where a call failed, applied elsewhere, planned where no call was made', () => {
    // given: four ranked issues; 10002 failed; the call of 10003 was never made
    const entries = rankLogEntries([10003, 10002, 10001, 10000], [10000, 10001, 10002, 10003]);
    const outcomes = rankCallOutcomes(op, {
      status: 207,
      entries: [
        { issueId: 10000, status: 200 },
        { issueId: 10002, status: 500 },
        { issueId: 10003, status: 200 },
      ],
    });
    // when
    const settled = settleRankLog(entries, outcomes, new Set([10003]));
    // then
    expect(settled.map((e) => [e.issueId, e.outcome])).toEqual([
      [10000, 'applied'],
      [10001, 'applied'],
      [10002, 'failed'],
      [10003, 'planned'],
    ]);
    expect(settled[2].error).toBe('Jira answered 500');
  });
});
