// The Agile import orders by rank itself, so a board filter's own ORDER BY is dropped before its JQL is
// combined with the Kanban sub-query.
import { withoutOrderBy } from '../../../src/synchronizers/agile/import';

it.each([
  ['project = PLAT ORDER BY Rank ASC', 'project = PLAT'],
  ['project = PLAT order by priority DESC, key', 'project = PLAT'],
  ['project = PLAT', 'project = PLAT'],
  ['ORDER BY Rank', ''],
  ['summary ~ "bordered"', 'summary ~ "bordered"'],
])('%s → %s', (jql, expected) => {
  expect(withoutOrderBy(jql)).toBe(expected);
});
