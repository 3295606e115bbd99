import {
  currentKnowledge,
  HOUR_MS,
  mergeSighting,
  poolStanding,
  worthWriting,
} from '../../../../src/domain/points/pool';
import { poolSightingOf } from '../../../../src/jira/pool-headers';

const hour = 1_000 * HOUR_MS;
const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n.toLowerCase()] ?? null });

describe("Jira's word on the points pool", () => {
  it('reads the size and, under 20%, what is left; a Beta- (not enforced) limit is no limit', () => {
    expect(
      poolSightingOf(
        headers({
          'ratelimit-policy': '"global-app-quota";q=65000;w=3600',
          ratelimit: '"global-app-quota";r=1200;t=900',
        }),
        hour,
      ),
    ).toEqual({ limit: 65000, remaining: 1200 });
    expect(
      poolSightingOf(
        headers({
          'beta-ratelimit-policy': '"global-app-quota";q=65000;w=3600',
          'beta-ratelimit': '"global-app-quota";r=5;t=9',
        }),
        hour,
      ),
    ).toEqual({});
  });

  it('takes a quota 429 as "nothing until the reset"', () => {
    const reset = new Date(hour + HOUR_MS).toISOString();
    expect(poolSightingOf(headers({ 'x-ratelimit-reset': reset }), hour + 10, true)).toEqual({
      exhaustedUntil: hour + HOUR_MS,
    });
  });
});

describe('What the app knows of the pool', () => {
  it("counts its own spending until Jira's figure replaces it", () => {
    const counted = mergeSighting(undefined, {}, 30_000, hour + 5);
    expect(counted).toMatchObject({ hour, limit: 65_000, remaining: 35_000, fromJira: false });
    expect(mergeSighting(counted, { remaining: 9_000 }, 100, hour + 6)).toMatchObject({
      remaining: 9_000,
      fromJira: true,
    });
  });

  it('starts each hour from a full pool of the size last seen', () => {
    const known = mergeSighting(undefined, { limit: 10_000, remaining: 500 }, 0, hour);
    expect(currentKnowledge(known, hour + HOUR_MS)).toMatchObject({ hour: hour + HOUR_MS, remaining: 10_000 });
  });

  it('slows background work under twice the reserve and stops it below', () => {
    const at = (remaining: number) => poolStanding({ hour, limit: 10_000, remaining, fromJira: true }, hour, 0.2);
    expect([at(5_000), at(3_000), at(1_500)]).toEqual(['plenty', 'low', 'reserve']);
    expect(
      poolStanding({ hour, limit: 10_000, remaining: 0, fromJira: true, exhaustedUntil: hour + 1 }, hour, 0.2),
    ).toBe('exhausted');
  });

  it('writes only news: Jira said something, or enough was spent', () => {
    expect(worthWriting({}, 100, 650)).toBe(false);
    expect(worthWriting({}, 700, 650)).toBe(true);
    expect(worthWriting({ remaining: 3 }, 1, 650)).toBe(true);
  });
});
