import { Forest, forestChangeCounts } from '../../../../src/domain/forest';

// Formulas: rowId:depth:issueId. Rows only in `to` are new, so `from` hands out nothing above its rows.
const counts = (from: string, to: string) => forestChangeCounts(Forest.fromFormula(from), Forest.fromFormula(to, 10));

describe('forestChangeCounts', () => {
  it.each([
    ['nothing when nothing changed', '1:0:11,2:1:12', '1:0:11,2:1:12', { removed: 0, added: 0, moved: 0 }],
    ['a removed row and its removed child', '1:0:11,2:1:12,3:0:13', '3:0:13', { removed: 2, added: 0, moved: 0 }],
    [
      'an added row, not the rows it pushes down',
      '1:0:11,3:0:13',
      '1:0:11,4:0:14,3:0:13',
      { removed: 0, added: 1, moved: 0 },
    ],
    ['a row moved under another', '1:0:11,2:0:12', '1:0:11,2:1:12', { removed: 0, added: 0, moved: 1 }],
    ['all three at once', '1:0:11,2:0:12,3:0:13', '1:0:11,3:1:13,4:1:14', { removed: 1, added: 1, moved: 1 }],
  ])('counts %s', (_, from, to, expected) => {
    expect(counts(from, to)).toEqual(expected);
  });
});
