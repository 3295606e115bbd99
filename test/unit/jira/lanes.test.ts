import { JiraClient, Lanes, mapInLanes, type JiraResponse, type JiraTransport } from '../../../src/jira';

/** A transport that answers after a tick, counting how many calls are in flight at once. */
function countingTransport(status: (n: number) => number = () => 200) {
  let inFlight = 0;
  let calls = 0;
  const peaks: number[] = [];
  const transport: JiraTransport = async (): Promise<JiraResponse> => {
    const n = calls++;
    inFlight++;
    peaks.push(inFlight);
    await new Promise((r) => setTimeout(r, 2));
    inFlight--;
    const code = status(n);
    const headers = new Map(
      code === 429
        ? [
            ['retry-after', '0'],
            ['ratelimit-reason', 'jira-burst-based'],
          ]
        : [],
    );
    return {
      status: code,
      headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
      text: async () => (code === 200 ? JSON.stringify({ issues: [] }) : ''),
    };
  };
  return { transport, peaks, calls: () => calls };
}

const noSleep = { sleep: async () => undefined, random: () => 0.5 };

describe('Lanes', () => {
  it('never runs more tasks at once than its width', async () => {
    const lanes = new Lanes(3);
    let inFlight = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        lanes.run(async () => {
          inFlight++;
          peak = Math.max(peak, inFlight);
          await new Promise((r) => setTimeout(r, 1));
          inFlight--;
        }),
      ),
    );
    expect(peak).toBe(3);
  });

  it('halves on a burst, down to one, and grows back by one after a run of successes', () => {
    const lanes = new Lanes(6);
    lanes.burst();
    expect(lanes.open).toBe(3);
    lanes.burst();
    lanes.burst();
    lanes.burst();
    expect(lanes.open).toBe(1);
    for (let i = 0; i < 8; i++) lanes.succeeded();
    expect(lanes.open).toBe(2);
    for (let i = 0; i < 15; i++) lanes.succeeded();
    expect(lanes.open).toBe(2);
    lanes.succeeded();
    expect(lanes.open).toBe(3);
  });

  it('refuses a width that is not a positive integer', () => {
    expect(() => new Lanes(0)).toThrow(RangeError);
    expect(() => new Lanes(1.5)).toThrow(RangeError);
  });
});

describe('mapInLanes', () => {
  it('answers in the items’ order and waits for every call before it throws the first failure', async () => {
    const finished: number[] = [];
    await expect(
      mapInLanes([1, 2, 3], async (n) => {
        await new Promise((r) => setTimeout(r, 5 * n));
        finished.push(n);
        if (n === 1) throw new Error('one failed');
        return n;
      }),
    ).rejects.toThrow('one failed');
    expect(finished.sort()).toEqual([1, 2, 3]);
    await expect(mapInLanes([3, 1, 2], async (n) => n * 10)).resolves.toEqual([30, 10, 20]);
  });
});

describe('JiraClient in lanes', () => {
  const search = (jira: JiraClient) => jira.searchIssues('project = A', ['id']);

  it('keeps at most its lanes in flight however many calls start', async () => {
    const t = countingTransport();
    const jira = new JiraClient(t.transport, noSleep, 4);
    await Promise.all(Array.from({ length: 30 }, () => search(jira)));
    expect(Math.max(...t.peaks)).toBe(4);
    expect(t.calls()).toBe(30);
  });

  it('closes lanes on burst 429s and still answers every call', async () => {
    // given: the first 6 calls are refused with a burst 429
    const t = countingTransport((n) => (n < 6 ? 429 : 200));
    const jira = new JiraClient(t.transport, noSleep, 6);
    // when
    const pages = await Promise.all(Array.from({ length: 24 }, () => search(jira)));
    // then: every call answered, once the lanes had narrowed
    expect(pages).toHaveLength(24);
    expect(jira.lanes.open).toBeLessThan(6);
    expect(t.calls()).toBe(30);
    expect(Math.max(...t.peaks.slice(12))).toBeLessThan(6);
  });

  it('one lane is one call at a time', async () => {
    const t = countingTransport();
    const jira = new JiraClient(t.transport, noSleep, 1);
    await Promise.all(Array.from({ length: 5 }, () => search(jira)));
    expect(Math.max(...t.peaks)).toBe(1);
  });
});
