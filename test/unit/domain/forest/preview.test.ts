import { firstActions, ForestUpdate } from '../../../../src/domain/forest';

describe('firstActions', () => {
  const update: ForestUpdate = [
    {
      kind: 'add',
      under: 0,
      before: 0,
      rows: [
        { depth: 0, issueId: 1 },
        { depth: 1, issueId: 2 },
        { depth: 0, issueId: 3 },
        { depth: 0, issueId: 4 },
      ],
    },
    { kind: 'move', rowId: 7, under: 0 },
    { kind: 'remove', rowId: 8, children: 'remove' },
  ];

  it.each([
    [0, []],
    [
      1,
      [
        {
          kind: 'add',
          under: 0,
          before: 0,
          rows: [
            { depth: 0, issueId: 1 },
            { depth: 1, issueId: 2 },
          ],
        },
      ],
    ],
    [
      4,
      [
        {
          kind: 'add',
          under: 0,
          before: 0,
          rows: [
            { depth: 0, issueId: 1 },
            { depth: 1, issueId: 2 },
          ],
        },
        { kind: 'add', under: 0, before: 0, rows: [{ depth: 0, issueId: 3 }] },
        { kind: 'add', under: 0, before: 0, rows: [{ depth: 0, issueId: 4 }] },
        { kind: 'move', rowId: 7, under: 0 },
      ],
    ],
  ])('takes the first %i, one per added top row', (limit, expected) => {
    expect(firstActions(update, limit)).toEqual(expected);
  });

  it('takes everything when the limit is larger', () => {
    expect(firstActions(update, 50)).toHaveLength(5);
  });
});
