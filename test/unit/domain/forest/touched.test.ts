import { Forest, rowsTouched } from '../../../../src/domain/forest';

// Formulas: rowId:depth:issueId. Rows only in `to` are new, so `from` hands out nothing above its rows.
const forest = (formula: string) => Forest.fromFormula(formula);
const touched = (from: string, to: string) =>
  rowsTouched(forest(from), Forest.fromFormula(to, 10))
    .map((r) => r.rowId)
    .sort((a, b) => a - b);

describe('rowsTouched', () => {
  it.each([
    ['nothing when nothing changed', '1:0:11,2:1:12', '1:0:11,2:1:12', []],
    ['a removed row and its removed child', '1:0:11,2:1:12,3:0:13', '3:0:13', [1, 2]],
    ['an added row, not the rows it pushes down', '1:0:11,3:0:13', '1:0:11,4:0:14,3:0:13', [4]],
    ['a row moved under another', '1:0:11,2:0:12', '1:0:11,2:1:12', [2]],
    ['a row moved among its siblings', '1:0:11,2:0:12,3:0:13', '3:0:13,1:0:11,2:0:12', [3]],
  ])('names %s', (_, from, to, rows) => {
    expect(touched(from, to)).toEqual(rows);
  });

  it('names each row with its issue', () => {
    expect(rowsTouched(forest('1:0:11,2:0:12'), forest('2:0:12'))).toEqual([{ rowId: 1, issueId: 11 }]);
  });
});
