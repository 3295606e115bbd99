import { issueIdFromJira, issueIdToJira } from '../../../../src/domain/forest';

describe('issue ids at the Jira boundary', () => {
  it('converts numeric strings both ways', () => {
    expect(issueIdFromJira('10042')).toBe(10042);
    expect(issueIdToJira(10042)).toBe('10042');
  });

  it.each(['', 'ABC-1', '0', '-5', '1e3', '012'])('refuses %j', (id) => {
    expect(() => issueIdFromJira(id)).toThrow(RangeError);
  });
});
