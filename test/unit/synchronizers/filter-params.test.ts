import { FilterParams } from '../../../src/synchronizers/filter/synchronizer';
import { describeSynchronizers, findSynchronizer, getSynchronizer } from '../../../src/synchronizers/registry';

const minimal = { source: { kind: 'jql', jql: 'project = OPS' }, add: { at: 'top' } };

describe('FilterParams', () => {
  it('fills defaults', () => {
    expect(FilterParams.parse(minimal)).toEqual({
      ...minimal,
      allowMove: false,
      remove: false,
      removeOnlyWhereAdded: false,
      doubleCheckSubIssues: false,
    });
  });

  it('normalises an issue key', () => {
    const p = FilterParams.parse({ ...minimal, add: { at: 'under', issueKey: ' ops-12 ' }, allowMove: true });
    expect(p.add).toEqual({ at: 'under', issueKey: 'OPS-12' });
  });

  it('accepts a saved filter', () => {
    expect(FilterParams.parse({ ...minimal, source: { kind: 'filter', filterId: '10042' } }).source).toEqual({
      kind: 'filter',
      filterId: '10042',
    });
  });

  it.each([
    ['empty JQL', { ...minimal, source: { kind: 'jql', jql: '  ' } }, ['source', 'jql']],
    [
      'a filter id that is not a number',
      { ...minimal, source: { kind: 'filter', filterId: 'abc' } },
      ['source', 'filterId'],
    ],
    ['an unknown source kind', { ...minimal, source: { kind: 'board', boardId: 1 } }, ['source', 'kind']],
    ['a malformed issue key', { ...minimal, add: { at: 'under', issueKey: 'OPS12' } }, ['add', 'issueKey']],
    ['allow move at the top level', { ...minimal, allowMove: true }, ['allowMove']],
    ['remove only where added without remove', { ...minimal, removeOnlyWhereAdded: true }, ['removeOnlyWhereAdded']],
    ['double-check without remove', { ...minimal, doubleCheckSubIssues: true }, ['doubleCheckSubIssues']],
    ['an unknown field', { ...minimal, removeEverything: true }, []],
    ['a string for a boolean', { ...minimal, remove: 'yes' }, ['remove']],
  ])('refuses %s, naming the field', (_, input, path) => {
    const result = FilterParams.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(path);
  });
});

describe('synchronizer registry', () => {
  it('offers the filter synchronizer for import only, with a form schema derived from its parameters', () => {
    const [filter] = describeSynchronizers();
    expect(filter).toMatchObject({ key: 'filter', label: 'Filter', directions: ['import'] });
    expect(filter.parameterSchema).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['source', 'add']),
      properties: { remove: { type: 'boolean', default: false } },
    });
    expect(JSON.parse(JSON.stringify(filter))).toEqual(filter);
  });

  it('finds synchronizers by key and names an unknown one', () => {
    expect(findSynchronizer('filter')?.planImport).toBeInstanceOf(Function);
    expect(findSynchronizer('nope')).toBeUndefined();
    expect(() => getSynchronizer('nope')).toThrow('Unknown synchronizer "nope"; known: filter');
  });
});
