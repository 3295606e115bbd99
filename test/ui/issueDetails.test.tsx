import { IssueDetailsStore } from '../../static/structure-ui/src/api/issueDetails';
import { jsonResponse } from './support/fakeBackend';

/** Jira as one viewer: issue "secret" is not visible to them; `down` makes Jira fail. */
function givenJira() {
  const batches: string[][] = [];
  const jira = { down: false };
  const requestJira = async (_path: string, init?: RequestInit) => {
    const ids = (JSON.parse(String(init?.body)) as { issueIdsOrKeys: string[] }).issueIdsOrKeys;
    batches.push(ids);
    if (jira.down) return jsonResponse({ errorMessages: ['Service unavailable'] }, 503);
    return jsonResponse({
      issues: ids.filter((id) => id !== 'secret').map((id) => ({ id, key: `K-${id}`, fields: { summary: `S ${id}` } })),
    });
  };
  return { requestJira, batches, jira };
}

const settle = () => new Promise((r) => setTimeout(r, 40));

describe('Issue details store', () => {
  it('fetches only the rows still on screen when the debounce ends, in batches of at most 100', async () => {
    // given
    const { requestJira, batches } = givenJira();
    const store = new IssueDetailsStore(requestJira, 10);
    // when: scrolled past 0..149, now showing 1000..1249
    store.request(Array.from({ length: 150 }, (_, i) => String(i)));
    store.request(Array.from({ length: 250 }, (_, i) => String(1000 + i)));
    await settle();
    // then
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(batches.flat()).not.toContain('0');
    expect(store.get('1000')).toMatchObject({ key: 'K-1000', summary: 'S 1000' });
    // when: asked again, nothing is fetched twice
    store.request(['1000', '1001']);
    await settle();
    expect(batches).toHaveLength(3);
  });

  it('remembers issues Jira does not show the viewer, and reports failures until a fetch succeeds', async () => {
    // given
    const { requestJira, jira } = givenJira();
    const store = new IssueDetailsStore(requestJira, 1);
    // when
    store.request(['1', 'secret']);
    await settle();
    // then
    expect(store.get('secret')).toBeNull();
    expect(store.findByKey('k-1')?.id).toBe('1');
    // when Jira fails
    jira.down = true;
    store.request(['2']);
    await settle();
    // then
    expect(store.error).toContain('503');
    expect(store.get('2')).toBeUndefined();
    // when it is back, scrolling asks again
    jira.down = false;
    store.request(['2']);
    await settle();
    // then
    expect(store.error).toBeUndefined();
    expect(store.get('2')).toMatchObject({ key: 'K-2' });
  });
});
