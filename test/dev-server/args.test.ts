import { parseArgs } from '../../local/dev-server/args';

describe('npm start options for Jira limits', () => {
  const parse = (...argv: string[]) => parseArgs(argv, '/repo');

  it("enforces Tier 1's 65,000-point pool at the wall clock's speed by default", () => {
    expect(parse()).toMatchObject({ pointsPool: 65_000, clockSpeed: 1 });
  });

  it('sets the pool size, turns enforcement off, and speeds the clock up', () => {
    expect(parse('--points-pool', '500', '--clock-speed', '60')).toMatchObject({ pointsPool: 500, clockSpeed: 60 });
    expect(parse('--points-pool', 'off', '--port', '0')).toMatchObject({ pointsPool: 'off', port: 0 });
  });

  it('refuses values it cannot use, saying which', () => {
    expect(() => parse('--points-pool', '0')).toThrow(
      'Option --points-pool must be a number from 1 to 10000000, got "0".',
    );
    expect(() => parse('--clock-speed', 'fast')).toThrow('Option --clock-speed must be a number');
    expect(() => parse('--clock-speed')).toThrow('Option --clock-speed needs a value.');
  });
});
