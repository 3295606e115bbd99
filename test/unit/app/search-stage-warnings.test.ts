// The import's search stage passes on what Jira warned about: once per query, however many pages and
// units the search takes (Jira repeats a query's warnings on every page).
import type { FetchContext } from '../../../src/app/import/staged-import';
import { jiraWarningLine, searchStage } from '../../../src/app/import/stages';
import { JiraClient } from '../../../src/jira';
import { answer, fakeTransport } from '../jira/fake-transport';

const warning = { type: 'CLAUSE_LIMIT_EXCEEDED', message: 'Only the first 1000 values were searched.' };
const page = (id: number, next?: string) =>
  answer(200, {
    issues: [{ id: String(id) }],
    ...(next ? { nextPageToken: next } : { isLast: true }),
    warnings: [warning],
  });

describe('searchStage', () => {
  it('reports a query’s warnings once, from its first page, across units', async () => {
    // given a search of five pages, each answered with the same warning (a unit reads three pages)
    const { transport } = fakeTransport(page(1, 'T2'), page(2, 'T3'), page(3, 'T4'), page(4, 'T5'), page(5));
    const ctx: FetchContext<unknown> = {
      jira: new JiraClient(transport, { sleep: async () => undefined }),
      params: {},
      resolved: { jql: 'id in (1, 2, 3, 4, 5)' },
      pages: [],
      forest: () => Promise.reject(new Error('not needed')),
      memo: new Map(),
    };
    const stage = searchStage('search', (_, r) => r.jql, 'ids');
    // when it runs unit after unit
    const first = await stage.run(ctx, undefined);
    const second = await stage.run(ctx, first.cursor);
    // then only the first unit carries the warning, and the search read every page
    expect(first).toMatchObject({ done: false, warnings: [jiraWarningLine(warning.message)] });
    expect(second.done).toBe(true);
    expect(second.warnings).toBeUndefined();
    expect([...(first.page?.ids ?? []), ...(second.page?.ids ?? [])]).toEqual([1, 2, 3, 4, 5]);
  });
});
